#!/usr/bin/env bash
# Chromium from Debian's packages for the browser tests (Playwright drives it; no tool ever
# downloads a browser). Idempotent and quick when present; never fails the run: without a
# browser the browser tests skip and say why.
set -u
if [[ -x /usr/bin/chromium ]]; then
  echo "[losen setup] chromium present"
  exit 0
fi
source "$(dirname "$0")/apt_lib.sh"
apt_ready "the browser tests" || exit 0
echo "[losen setup] installing chromium from Debian's packages (about a minute)"
if timeout 600 $SUDO apt-get update -qq && timeout 900 \
     $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; then
  echo "[losen setup] chromium installed"
else
  echo "[losen setup] chromium could not be installed: the browser tests will skip"
fi
exit 0
