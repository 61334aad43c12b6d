#!/usr/bin/env bash
# Installs Debian's Chromium for the taskpane's browser end-to-end test (playwright-core drives it; it never downloads a browser).
# Does nothing when /usr/bin/chromium is already there. Needs root (apt-get).
set -euo pipefail
# The pane speaks Chinese: without a CJK font its screenshots show empty boxes, so the font is checked too.
if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: run as root (apt-get install needs it), or install the Debian package 'chromium' yourself" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-noto-cjk
/usr/bin/chromium --version
