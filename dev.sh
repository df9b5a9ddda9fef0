#!/bin/sh
# The README's two commands.
#   ./dev.sh run   install what is missing, build, open cchc (default database)
#   ./dev.sh test  install what is missing, build, run every test: the unit,
#                  end-to-end and torture suites (in distcheck, from the
#                  tarball), valgrind, fuzz, and again under ASan/UBSan
set -eu
cd "$(dirname "$0")"
top=$(pwd)

# Debian 12 packages for building and testing.
PACKAGES="build-essential autoconf automake autopoint gettext pkg-config
libncurses-dev libsqlite3-dev libunistring-dev check tmux sqlite3
libcairo2-dev libpango1.0-dev fonts-liberation libxlsxwriter-dev
libzip-dev libexpat1-dev"
# Only for the test command: libFuzzer for the importer's fuzz run, and
# valgrind for the end-to-end session and the unit tests.
TEST_PACKAGES="clang valgrind
cups printer-driver-cups-pdf poppler-utils chromium fonts-liberation
libreoffice-calc-nogui locales"

# apt_wait COMMAND...: run an apt command; while another apt holds its lock
# (an unattended upgrade, a second terminal), wait and retry, up to 10
# minutes, rather than fail.  Any other failure stops at once.
apt_wait() {
	tries=0
	log=$(mktemp)
	until "$@" 2> "$log"; do
		cat "$log" >&2
		grep -qi "lock" "$log" && [ "$tries" -lt 60 ] || { rm -f "$log"; return 1; }
		tries=$((tries + 1))
		echo "apt-get is busy (another package manager holds its lock): waiting..." >&2
		sleep 10
	done
	rm -f "$log"
}

install_missing() {
	missing=""
	for p in $PACKAGES ${1:-}; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "Installing:$missing"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	# dpkg's lock has apt's own timeout; the lists' lock (update) does not.
	lock="-o DPkg::Lock::Timeout=600"
	apt_wait $sudo apt-get $lock update -qq
	apt_wait $sudo env DEBIAN_FRONTEND=noninteractive apt-get $lock install -y -qq $missing
}

# build DIR [configure options]: an out-of-tree build in DIR.
build() {
	dir=$1
	shift
	[ -x configure ] || ./autogen.sh
	mkdir -p "$dir"
	(cd "$dir" && { [ -f Makefile ] || "$top/configure" "$@"; } && make -j"$(nproc)")
}

case "${1:-}" in
run)
	install_missing
	build _build
	exec _build/cchc
	;;
test)
	install_missing "$TEST_PACKAGES"
	start=$(date +%s)
	# Each step's time, so a slow step shows in the CI log.
	took() { echo "== $1: done at $(($(date +%s) - start)) s"; }
	./autogen.sh
	rm -rf _build-test _build-asan
	build _build-test --enable-werror
	took build
	# The whole suite runs in distcheck, from the tarball: that checks
	# the tarball is complete and the tests pass, in one pass.  VERBOSE
	# prints a failing test's log.
	(cd _build-test && make -j"$(nproc)" distcheck VERBOSE=1)
	took "make distcheck (the whole suite)"
	# The long torture tests: 200 SIGKILLs during saves, resize storms,
	# and a session in the terminal under valgrind, which sees what the
	# sanitizers cannot (uninitialised reads in curses' paths).  The unit
	# tests run under ASan/UBSan below; under valgrind a single one took
	# over two minutes of CPU (test_appendix), too much for CI's budget:
	# valgrind.sh still takes them when named.  (check with no TESTS
	# builds the test programs without running them.)
	(cd _build-test && make -j"$(nproc)" check TESTS= >/dev/null &&
	    export CCHC_BIN="$PWD/cchc" HARNESS="$PWD/tests/torture/harness" \
	    CCHC_DATADIR="$top/data" CCHC_LOCALEDIR="$PWD/locale" TMUX_BIN="$(command -v tmux)" &&
	    sh "$top/tests/torture/crash.sh" && sh "$top/tests/torture/term.sh" &&
	    sh "$top/tests/torture/valgrind.sh" "$PWD/cchc")
	took "torture and valgrind"
	# A short fuzz run of the appendix importer (libFuzzer, ASan, UBSan).
	FUZZ_TIME=30 sh tests/fuzz/run.sh
	took fuzz
	build _build-asan --enable-werror --enable-sanitizers
	# Check's 4 s per test and the e2e tests' 10 s waits are hang
	# detectors; the sanitizers make everything two to four times slower.
	(cd _build-asan && ASAN_OPTIONS=detect_leaks=1 CK_TIMEOUT_MULTIPLIER=4 CCHC_WAIT_SCALE=3 \
	    LSAN_OPTIONS="suppressions=$top/tests/lsan.supp" make -j"$(nproc)" check VERBOSE=1)
	took "ASan/UBSan suite"
	echo "All tests passed (distcheck, torture, valgrind, fuzz, ASan/UBSan)."
	;;
*)
	echo "usage: $0 run|test" >&2
	exit 2
	;;
esac
