#!/usr/bin/env bash
# Chromium from Debian's packages for the browser tests (no browser is ever downloaded by a tool).
# Idempotent; never fails the run: without a browser the browser tests skip and say why.
set -u
if [[ -x /usr/bin/chromium ]]; then
  echo "[losen setup] chromium present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[losen setup] no apt-get here: browser tests will skip"
  exit 0
fi
echo "[losen setup] installing chromium from Debian's packages (about a minute)"
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo -n"
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
  || echo "[losen setup] chromium could not be installed: browser tests will skip"
exit 0
