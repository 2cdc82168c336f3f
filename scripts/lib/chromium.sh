# Sourced by scripts/test and .ci/run: the browser tests (FuncAuth.EndToEndTests/Browser) drive the Debian package
# `chromium` at /usr/bin/chromium through Playwright; no browser is ever downloaded by Playwright.
# Installs the package when it is missing and this runs as root; otherwise says what to install.
# Usage: ensure_chromium

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium: /usr/bin/chromium missing, installing the Debian package (for the browser tests)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
      || { echo "chromium: apt-get install chromium failed" >&2; return 1; }
    return 0
  fi
  echo "chromium: /usr/bin/chromium is missing, so the browser tests will fail." >&2
  echo "chromium: install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
  return 0
}
