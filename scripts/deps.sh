#!/usr/bin/env bash
# Install the Debian/Ubuntu packages that building, testing and the smoke test
# need: a C compiler and the X11 and GL headers for Fyne's GLFW driver (cgo),
# plus Xvfb, ImageMagick and poppler for the window and PDF checks.
#
# apt is skipped, with a message, when the user is not root, when the system
# is not Debian or Ubuntu, or when every package is already installed.
# Go itself (1.26 or newer) is not installed here: it comes from go.dev.
set -euo pipefail

# Packages that a Fyne build with -tags x11 needs. xorg-dev also works but
# brings about 40 more packages.
build_packages=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)
# Packages for the smoke test (a real window under Xvfb, xwininfo, ImageMagick's
# import and convert) and for reading the publication PDF back in tests
# (poppler's pdftotext, pdfinfo, pdffonts, pdftoppm, and qpdf for the outline).
# Without them those PDF tests skip instead of failing.
test_packages=(xvfb xauth x11-utils imagemagick poppler-utils qpdf)
packages=("${build_packages[@]}" "${test_packages[@]}")

log() { printf 'deps: %s\n' "$*"; }

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
		missing+=("$p")
	fi
done

if ! command -v dpkg-query >/dev/null 2>&1 || ! grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release 2>/dev/null; then
	log "not a Debian or Ubuntu system: skipping apt; install the equivalents of: ${packages[*]}"
elif [ ${#missing[@]} -eq 0 ]; then
	log "all ${#packages[@]} system packages are installed"
elif [ "$(id -u)" -ne 0 ]; then
	log "not root: skipping apt; run as root: apt-get install -y --no-install-recommends ${missing[*]}"
else
	log "installing ${#missing[@]} packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v go >/dev/null 2>&1; then
	log "go not found on PATH: install Go 1.26 or newer from https://go.dev/dl/ and add its bin folder to PATH"
	exit 1
fi
log "$(go version)"
go mod download
