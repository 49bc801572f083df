#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real, when they are missing.
# virtuoso-opensource: import tests; raptor2-utils: strict Turtle parsing; chromium: the network page.
set -euo pipefail
need=()
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "installing Debian packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The virtuoso package's post-install may start a daemon listening on all interfaces: stop it;
# the tests start their own server on loopback with their own database directory.
if command -v service >/dev/null 2>&1; then $SUDO service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
pkill -f '/usr/bin/virtuoso-t' >/dev/null 2>&1 || true
