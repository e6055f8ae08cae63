#!/usr/bin/env bash
# dev.sh — the two quick-start jobs on a fresh Debian 12 machine.
#
#   ./dev.sh samples   install dependencies, build, convert samples/ into out/
#   ./dev.sh test      install dependencies, build, run the whole test suite,
#                      then again under AddressSanitizer + UBSan
#
# Set DOCPIPE_SKIP_APT=1 to skip apt-get (dependencies already present).
set -euo pipefail
cd "$(dirname "$0")"
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

BUILD_DEPS=(build-essential cmake pkg-config libxml2-dev libzip-dev libcmark-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libjansson-dev libyaml-dev libutf8proc-dev
  libpcre2-dev libicu-dev)
# Tools the tests use: schema validation, python-docx, HTML Tidy (HTML5 checks), unzip, and the
# optional reference converters (tests skip, saying so, without them).
TEST_DEPS=(python3 python3-docx libxml2-utils tidy unzip zip pandoc poppler-utils
  libreoffice-writer-nogui fonts-dejavu-core)

install_deps() {
  [ "${DOCPIPE_SKIP_APT:-0}" = 1 ] && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS"
}

case "${1:-}" in
  samples)
    install_deps "${BUILD_DEPS[@]}"
    build build -DCMAKE_BUILD_TYPE=Release
    exec scripts/convert-samples.sh build/docpipe samples out
    ;;
  test)
    install_deps "${BUILD_DEPS[@]}" "${TEST_DEPS[@]}"
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    (cd build && ctest -j"$JOBS" --output-on-failure --timeout 600)
    # The same suite with every library, plugin and test instrumented.
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DDOCPIPE_SANITIZE=ON
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest -j"$JOBS" --output-on-failure --timeout 900)
    # Thread safety: the parallel-conversion tests under ThreadSanitizer.
    build build-tsan -DCMAKE_BUILD_TYPE=Debug -DDOCPIPE_TSAN=ON
    # TZ=UTC: glibc's tzset lock (used by libzip's time conversion) is
    # invisible to TSan and would be reported as a race.
    (cd build-tsan && TZ=UTC TSAN_OPTIONS=halt_on_error=1 \
      ctest -j"$JOBS" --output-on-failure --timeout 900 -R 'unit_threads|unit_parallel_conversions')
    ;;
  *)
    echo "usage: $0 samples|test" >&2
    exit 2
    ;;
esac
