#!/usr/bin/env bash
# redis-server from Debian's packages for the scale-out test (tests/test_scale_out.py), which
# starts its own redis-server on a free local port. Idempotent and quick when present; never
# fails the run: without Redis that test skips and says why. The package's own service is not
# started (policy-rc.d says no while installing): Losen needs no Redis running in the background.
set -u
if command -v redis-server >/dev/null 2>&1; then
  echo "[losen setup] redis-server present"
  exit 0
fi
source "$(dirname "$0")/apt_lib.sh"
apt_ready "the scale-out test" || exit 0
# Debian's postinst starts redis-server's service unless policy-rc.d refuses (exit 101). Add a
# refusing policy-rc.d for the install only, and only where none exists (containers have one).
POLICY=/usr/sbin/policy-rc.d
ADDED_POLICY=""
if [[ ! -e $POLICY ]] && printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null 2>&1 \
     && $SUDO chmod 755 "$POLICY"; then
  ADDED_POLICY=1
fi
trap '[[ -n $ADDED_POLICY ]] && $SUDO rm -f "$POLICY"' EXIT
if out=$(timeout 600 $SUDO apt-get update -qq 2>&1 && timeout 900 \
     $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server 2>&1); then
  echo "[losen setup] redis-server installed (its service is not started)"
else
  echo "[losen setup] redis-server could not be installed: the scale-out test will skip ($(tail -1 <<<"$out"))"
fi
exit 0
