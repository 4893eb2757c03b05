#!/usr/bin/env bash
# Installs the Debian packages the tests drive: Chromium for the browser tests.
# Runs apt-get only when something is missing, and only as root.
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Testerna behöver Debianpaketen: ${packages[*]}. Installera dem (som root: apt-get install ${packages[*]}) och kör igen." >&2
  exit 1
fi
echo "Installerar ${packages[*]} för testerna …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
