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
before=" $(pgrep -x virtuoso-t | tr '\n' ' ' || true) "   # Virtuoso servers already running: never touched
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The virtuoso package's post-install may start a daemon listening on all interfaces: stop that daemon
# only (the tests start their own server on loopback with their own database directory). A process is
# ended only if it did not run before this install, by its pid; no other Virtuoso on the host is touched.
if [[ " ${need[*]} " == *" virtuoso-opensource "* ]]; then
  if command -v service >/dev/null 2>&1; then $SUDO service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; fi
  for pid in $(pgrep -x virtuoso-t || true); do
    if [[ "$before" != *" $pid "* ]]; then $SUDO kill "$pid" 2>/dev/null || true; fi
  done
fi
