#!/bin/sh
# Builds the importers' fuzz target (fuzz_appendix.c) with clang's
# libFuzzer, AddressSanitizer and UBSan, and runs it for a short while
# (FUZZ_TIME seconds, 30 by default) from a seed corpus of the appendix
# fixtures.  Exits 0 when clang is missing (saying it skipped), non-zero
# when the build fails or the fuzzer finds a crash; the build, the corpus
# and a crashing input are then left in FUZZ_OUT (a temporary folder,
# removed after a clean run, unless FUZZ_OUT is set).
set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
clang=${CLANG:-clang}
if ! command -v "$clang" >/dev/null 2>&1; then
	echo "fuzz: $clang not found: skipped"
	exit 0
fi
out=${FUZZ_OUT:-}
keep=yes
if [ -z "$out" ]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/cchc-fuzz.XXXXXX")
	keep=no
fi
mkdir -p "$out/corpus"
: > "$out/config.h"

cd "$srcdir"
# shellcheck disable=SC2046
"$clang" -std=c11 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE_EXTENDED -DPACKAGE='"cchc"' \
	-DPACKAGE_VERSION='"fuzz"' -DPKGDATADIR='"/nonexistent"' -DLOCALEDIR='"/nonexistent"' \
	-DBUILDLOCALEDIR='"/nonexistent"' -DSRCDATADIR="\"$srcdir/data\"" \
	-DPKGLIBEXECDIR='"/nonexistent"' -DBUILDDIR='"/nonexistent"' \
	-I"$out" -Isrc -o "$out/fuzz_appendix" tests/fuzz/fuzz_appendix.c src/core/*/*.c \
	$(pkg-config --cflags --libs sqlite3) -lunistring -lm

for f in tests/fixtures/appendix/*; do
	case $f in
	*.sh) ;;
	*) cp "$f" "$out/corpus/" ;;
	esac
done

CCHC_DATADIR="$srcdir/data" "$out/fuzz_appendix" -max_total_time="${FUZZ_TIME:-30}" \
	-max_len=16384 -timeout=10 -dict=tests/fuzz/appendix.dict \
	-artifact_prefix="$out/" "$out/corpus"
echo "fuzz: no crash in ${FUZZ_TIME:-30} s"
[ "$keep" = yes ] || rm -rf "$out"
