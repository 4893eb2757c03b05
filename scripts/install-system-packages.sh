#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when something is
# missing and only as root (apt-get update runs only then).
#
#   scripts/install-system-packages.sh build   Pango and fonts, for the PDF downloads
#   scripts/install-system-packages.sh test    also Chromium for the browser tests,
#                                              LibreOffice to open every office file and
#                                              poppler-utils (pdfinfo, pdftotext) to read PDFs,
#                                              Node.js/npm and Java for the Nu HTML Checker
set -euo pipefail

group="${1:-build}"
packages=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

for package in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  installed "$package" || packages+=("$package")
done
if [ "$group" = "test" ]; then
  for package in chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils; do
    installed "$package" || packages+=("$package")
  done
  # Node.js and Java may come from elsewhere than Debian (as on GitHub's runners): look for the commands.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
fi

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Debianpaketen ${packages[*]} behövs. Installera dem (som root: apt-get install ${packages[*]}) och kör igen." >&2
  exit 1
fi
echo "Installerar ${packages[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
