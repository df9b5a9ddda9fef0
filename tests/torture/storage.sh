#!/bin/sh
# Storage faults: a read-only file or folder, a full disk, a file that is
# not a database, a foreign SQLite file, a truncated database, one from a
# newer version, a folder given as the database.  Each must give a message
# on stderr naming the problem (or open and work), never a crash, and leave
# the file as it was.  The read-only cases run as nobody (root ignores file
# modes); the full disk is a 3 MiB tmpfs, skipped when mount is refused.
. "$(dirname "$0")/lib.sh"

export TERM=xterm
# open_case NAME FILE EXPECT [RUNAS...]: cchc --exit-after-draw on FILE;
# EXPECT is a fixed string stderr must hold, "" when opening must work, or
# "either" when both a message and opening are acceptable.
open_case() {
	name=$1 file=$2 expect=$3
	shift 3
	before=$(dump "$file" 2>/dev/null; md5sum < "$file" 2>/dev/null || true)
	st=0
	"$@" "$CCHC_BIN" --db "$file" --exit-after-draw </dev/null >/dev/null 2>"$work/err" || st=$?
	after=$(dump "$file" 2>/dev/null; md5sum < "$file" 2>/dev/null || true)
	err=$(cat "$work/err")
	why=""
	if [ $st -ge 128 ] || grep -q "Sanitizer\|runtime error" "$work/err"; then
		why="crashed (status $st)"
	elif [ "$before" != "$after" ]; then
		why="the file changed"
	elif [ "$expect" = either ]; then
		[ $st -eq 0 ] || grep -q "^cchc: ." "$work/err" || why="status $st without a message"
	elif [ -n "$expect" ]; then
		[ $st -ne 0 ] && grep -qF -- "$expect" "$work/err" || why="status $st, expected \"$expect\""
	else
		[ $st -eq 0 ] || why="status $st"
	fi
	if [ -n "$why" ]; then
		fail "$name: $why: $err"
	else
		pass "$name: status $st${err:+: $err}"
	fi
}

# save_case NAME FILE: as nobody, a save through the core is refused with
# a message (harness fill stops at the first failed save) and the file
# keeps its content.  Such a file is opened read-only (db.h), and the
# first save says why.
save_case() {
	before=$(dump "$2")
	st=0
	out=$($nobody "$HARNESS" fill "$2" 2>&1) || st=$?
	if [ $st -ge 128 ] || [ "$before" != "$(dump "$2")" ]; then
		fail "$1, saving: status $st: $out"
	elif echo "$out" | grep -q "after 0 saves: ." || { [ $st -eq 1 ] && echo "$out" | grep -q "harness: ."; }; then
		pass "$1, saving: $out"
	else
		fail "$1, saving: status $st: $out"
	fi
}

# Root ignores file modes: as root, run those cases as nobody.
nobody=""
[ "$(id -u)" -ne 0 ] || nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"

# Read-only file, in a folder nobody may write.
mkdir "$work/ro"
new_db "$work/ro/cchc.db"
chmod 444 "$work/ro/cchc.db"
rm -f "$work/ro/cchc.db-wal" "$work/ro/cchc.db-shm"
chmod 555 "$work/ro"
open_case "read-only file and folder" "$work/ro/cchc.db" either $nobody
save_case "read-only file and folder" "$work/ro/cchc.db"
# Read-only file in a writable folder.
mkdir "$work/rofile"
chmod 777 "$work/rofile"
new_db "$work/rofile/cchc.db"
chmod 444 "$work/rofile/cchc.db"
open_case "read-only file" "$work/rofile/cchc.db" either $nobody
save_case "read-only file" "$work/rofile/cchc.db"
# Writable file in a read-only folder (no room for the -wal and -shm).
mkdir "$work/rodir"
new_db "$work/rodir/cchc.db"
chmod 666 "$work/rodir/cchc.db"
rm -f "$work/rodir/cchc.db-wal" "$work/rodir/cchc.db-shm"
chmod 555 "$work/rodir"
open_case "read-only folder" "$work/rodir/cchc.db" either $nobody
save_case "read-only folder" "$work/rodir/cchc.db"
# A new database where nothing may be created.
st=0
$nobody "$CCHC_BIN" --db "$work/rodir/new.db" --exit-after-draw </dev/null >/dev/null 2>"$work/err" || st=$?
if [ $st -eq 1 ] && grep -q "cannot create" "$work/err"; then
	pass "new database in a read-only folder: $(cat "$work/err")"
else
	fail "new database in a read-only folder: status $st: $(cat "$work/err")"
fi

chmod 755 "$work/ro" "$work/rodir"

# Not a database: text, a foreign SQLite file, a folder.
printf 'Kế hoạch năm 2025\nkhông phải cơ sở dữ liệu\n' > "$work/text.db"
open_case "a text file" "$work/text.db" "not a cchc database"
"$SQLITE3_SHELL" "$work/other.db" "CREATE TABLE customers (id, name); INSERT INTO customers VALUES (1, 'An');"
open_case "another program's SQLite file" "$work/other.db" "not a cchc database"
mkdir "$work/folder.db"
st=0
"$CCHC_BIN" --db "$work/folder.db" --exit-after-draw </dev/null >/dev/null 2>"$work/err" || st=$?
if [ $st -eq 1 ] && grep -q "cchc:" "$work/err"; then
	pass "a folder as the database: $(cat "$work/err")"
else
	fail "a folder as the database: status $st: $(cat "$work/err")"
fi

# Truncated: half of a real file, then only its header page.
new_db "$work/full.db"
"$SQLITE3_SHELL" "$work/full.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
size=$(wc -c < "$work/full.db")
head -c $((size / 2)) "$work/full.db" > "$work/half.db"
open_case "a database cut in half" "$work/half.db" "cchc:"
head -c 4096 "$work/full.db" > "$work/page.db"
open_case "a database cut to its first page" "$work/page.db" "cchc:"
head -c 50 "$work/full.db" > "$work/header.db"
open_case "a database cut inside its header" "$work/header.db" "cchc:"

# From a newer version.
new_db "$work/newer.db"
"$SQLITE3_SHELL" "$work/newer.db" "PRAGMA user_version = 99;"
open_case "a database from a newer version" "$work/newer.db" "newer version"

# A full disk.
mnt=$work/tiny
mkdir "$mnt"
if mount -t tmpfs -o size=3m tmpfs "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$work"' EXIT
	new_db "$mnt/cchc.db"
	if out=$("$HARNESS" fill "$mnt/cchc.db" 2>&1); then
		pass "full disk while saving: $out"
	else
		fail "full disk while saving: $out"
	fi
	"$SQLITE3_SHELL" "$mnt/cchc.db" "PRAGMA integrity_check" > "$work/ic" 2>&1 || true
	[ "$(cat "$work/ic")" = ok ] && pass "full disk: integrity ok" ||
		fail "full disk: integrity: $(cat "$work/ic")"
	open_case "opening on the full disk" "$mnt/cchc.db" ""
	rm -f "$mnt/cchc.db"*
	dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null || true
	st=0
	"$CCHC_BIN" --db "$mnt/new.db" --exit-after-draw </dev/null >/dev/null 2>"$work/err" || st=$?
	if [ $st -eq 1 ] && grep -q "cchc:" "$work/err" && [ ! -e "$mnt/new.db" ]; then
		pass "new database on a full disk: $(cat "$work/err")"
	else
		fail "new database on a full disk: status $st, $(ls "$mnt"): $(cat "$work/err")"
	fi
	umount "$mnt"
	trap 'rm -rf "$work"' EXIT
else
	echo "skip full disk: mount refused"
fi
finish
