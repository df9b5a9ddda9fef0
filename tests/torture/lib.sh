# Shared by the torture tests: the programs, a temporary folder, checks.
# CCHC_BIN is the cchc binary; HARNESS the harness program (harness.c);
# both are built by run.sh when not given.
set -eu
: "${CCHC_BIN:?CCHC_BIN must name the cchc binary}"
: "${HARNESS:?HARNESS must name the torture harness}"
SQLITE3_SHELL=${SQLITE3_SHELL:-sqlite3}
export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC CCHC_TODAY=2025-10-15 CCHC_LANG=en CCHC_OPERATOR=torture
unset NO_COLOR CCHC_DB TMUX
work=$(mktemp -d "${TMPDIR:-/tmp}/cchc-torture.XXXXXX")
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
failed=0

fail() {
	echo "FAIL: $*" >&2
	failed=1
}

pass() {
	echo "ok   $*"
}

# new_db FILE: a database holding the sample plan.
new_db() {
	"$HARNESS" init "$1"
}

# dump FILE: the whole content, to compare before and after, read from a
# copy: the sqlite3 shell would create -wal and -shm files next to FILE
# (as root, writable by all), which changes what a read-only test tests.
dump() {
	rm -f "$work/copy.db" "$work/copy.db-wal" "$work/copy.db-shm"
	cp "$1" "$work/copy.db" 2>/dev/null || { echo missing; return; }
	[ ! -f "$1-wal" ] || cp "$1-wal" "$work/copy.db-wal"
	"$SQLITE3_SHELL" "$work/copy.db" .dump 2>&1 | md5sum
}

finish() {
	exit $failed
}
