#!/usr/bin/env bash
# Installs, only when missing, the Debian packages the tests need beyond node_modules:
#   LibreOffice headless (calc + writer): makes producer files for tests/corpus and converts every output as a reader we
#     did not write; python3-openpyxl, python3-docx: the other producer and the independent reader (/usr/bin/python3,
#     never pyenv's python3); chromium + fonts-noto-cjk: the browser end-to-end tests (a pane in Chinese needs a CJK font).
# Silent when everything is there; needs root (apt-get) otherwise, and says so when it is not.
set -euo pipefail

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# Each wanted package, with the packages that also satisfy it (the full LibreOffice instead of the -nogui one).
missing=()
want() {
  local pkg
  for pkg in "$@"; do
    if installed "$pkg"; then return 0; fi
  done
  missing+=("$1")
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  # Not Debian: check by use instead of by package, and say what to install.
  problems=()
  command -v soffice >/dev/null 2>&1 || problems+=("LibreOffice (soffice, calc + writer)")
  /usr/bin/python3 -c 'import openpyxl, docx' >/dev/null 2>&1 || problems+=("/usr/bin/python3 with openpyxl and python-docx")
  [ -x /usr/bin/chromium ] || problems+=("/usr/bin/chromium")
  if [ "${#problems[@]}" -gt 0 ]; then
    echo "install-test-deps: no apt-get here; install these yourself: ${problems[*]}" >&2
    exit 1
  fi
  exit 0
fi

want libreoffice-calc-nogui libreoffice-calc
want libreoffice-writer-nogui libreoffice-writer
want python3-openpyxl
want python3-docx
want chromium
want fonts-noto-cjk

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing ${missing[*]}; run as root (apt-get needs it): sudo bash scripts/install-test-deps.sh" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-test-deps: installing ${missing[*]}"
if ! apt-get update -qq; then
  echo "install-test-deps: apt-get update failed (no network or no Debian sources?); install ${missing[*]} yourself" >&2
  exit 1
fi
if ! apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "install-test-deps: apt-get install ${missing[*]} failed" >&2
  exit 1
fi
# What the tests call, checked by use: a package can install and still not give them.
command -v soffice >/dev/null 2>&1 || { echo "install-test-deps: soffice is still not on PATH" >&2; exit 1; }
/usr/bin/python3 -c 'import openpyxl, docx' || { echo "install-test-deps: /usr/bin/python3 cannot import openpyxl and docx" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "install-test-deps: /usr/bin/chromium is still missing" >&2; exit 1; }
echo "install-test-deps: done"
