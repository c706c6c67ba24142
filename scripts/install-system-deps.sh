#!/usr/bin/env bash
# Debian packages Verbatim uses at run time and in its tests. Safe to run again.
set -euo pipefail

PACKAGES=(
  poppler-utils          # pdftotext, pdfinfo, pdftoppm: PDF text layers and page images
  tesseract-ocr          # OCR for scanned pages
  tesseract-ocr-eng
  tesseract-ocr-rus
  imagemagick            # test scans: rasterise and add noise
  ghostscript            # PostScript/PDF rendering for generated test PDFs
  fonts-dejavu-core      # a font with Latin and Cyrillic for generated pages
  chromium               # browser tests (playwright-core drives Debian's Chromium)
  fonts-liberation
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
