#!/usr/bin/env bash
# Set-up from nothing: find Python 3.10, make .venv, install the exact lock.
# Idempotent: a second run with an unchanged lock installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[losen setup] %s\n' "$*"; }

find_python310() {
  local c
  for c in python3.10 "$(command -v pyenv >/dev/null 2>&1 && pyenv root 2>/dev/null)/versions"/3.10*/bin/python \
           "$HOME/.pyenv/versions"/3.10*/bin/python /usr/bin/python3.10 /usr/local/bin/python3.10; do
    [[ -z "$c" ]] && continue
    if command -v "$c" >/dev/null 2>&1 || [[ -x "$c" ]]; then
      if "$c" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
        echo "$c"; return 0
      fi
    fi
  done
  return 1
}

LOCK=requirements.lock
STAMP=.venv/.losen-lock.sha256
want=$(sha256sum "$LOCK" | cut -d' ' -f1)

if [[ -x .venv/bin/python && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
  say "environment up to date (.venv matches $LOCK)"
  exit 0
fi

if [[ ! -x .venv/bin/python ]]; then
  if ! py=$(find_python310); then
    say "Python 3.10 was not found (Rasa 3.6 needs exactly 3.10)."
    say "Install it, for example:  pyenv install 3.10.13   or   apt-get install python3.10 python3.10-venv"
    exit 1
  fi
  say "using $py ($("$py" --version 2>&1))"
  "$py" -m venv .venv
fi

say "installing the exact lock ($LOCK) into .venv — about 4 minutes the first time"
.venv/bin/python -m pip install --disable-pip-version-check --no-input -q 'pip==24.0'
# --no-deps: the lock names every package, so pip resolves nothing and two installs are identical.
.venv/bin/python -m pip install --disable-pip-version-check --no-input --no-deps --progress-bar off -r "$LOCK"
.venv/bin/python -m pip check
echo "$want" > "$STAMP"
say "environment ready"
