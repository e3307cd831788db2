# Shared by the scripts that install a Debian package for optional tests (sourced, not run).
# apt_ready WHAT: succeeds when apt-get can be used here and sets SUDO ("" as root, "sudo -n"
# otherwise); when it cannot, prints why WHAT will skip and fails. Never exits the caller.
apt_ready() {
  local what=$1
  SUDO=""
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "[losen setup] no apt-get here: $what will skip"
    return 1
  fi
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "[losen setup] not root and no sudo: $what will skip"; return 1; }
    SUDO="sudo -n"
  fi
}
