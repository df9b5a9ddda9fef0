#!/bin/sh
# The command line and the database: clear messages and exit statuses,
# never a crash, nothing lost.
. "$(dirname "$0")/lib.sh"

run() {
	# run EXPECTED_STATUS PATTERN cchc-arguments...: stderr+stdout must
	# match PATTERN.
	want=$1 pattern=$2
	shift 2
	set +e
	out=$(LANG=C.UTF-8 "$CCHC_BIN" "$@" 2>&1 </dev/null)
	got=$?
	set -e
	[ "$got" -eq "$want" ] || fail "cchc $*: exit $got, expected $want ($out)"
	echo "$out" | grep -q -- "$pattern" || fail "cchc $*: \"$out\" lacks \"$pattern\""
}

run 0 "--db TỆP" --help
run 0 "^cchc [0-9]" --version
run 2 "bogus" --bogus
run 2 "vi hoặc en" --lang fr
run 2 "--db" --db
run 2 "31/02/2026" --today 31/02/2026 --db "$db"
run 1 "$work/no/such/dir/x.db" --db "$work/no/such/dir/x.db"

printf 'just some text, not a database at all...............................................................................\n' > "$work/text.db"
run 1 "không phải cơ sở dữ liệu cchc" --db "$work/text.db"
grep -q "just some text" "$work/text.db" || fail "the text file was changed"

"$SQLITE3_SHELL" "$work/other.db" "CREATE TABLE accounts (id INTEGER PRIMARY KEY); INSERT INTO accounts VALUES (7);"
run 1 "không phải cơ sở dữ liệu cchc" --db "$work/other.db"
[ "$("$SQLITE3_SHELL" "$work/other.db" "SELECT id FROM accounts")" = 7 ] || fail "other.db changed"

# A database from a newer cchc is refused and left as it is.
start
wait_for "Tất cả lĩnh vực"
send q
wait_for "EXIT:0"
stop
sql "PRAGMA user_version = 99"
run 1 "phiên bản cchc mới hơn" --db "$db"
expect_sql "PRAGMA user_version" 99
expect_sql "SELECT count(*) FROM target" 45

# An unknown terminal is an error message, not a crash.
set +e
out=$(TERM=no-such-terminal LANG=C.UTF-8 CCHC_DB="$work/fresh.db" "$CCHC_BIN" 2>&1 </dev/null)
got=$?
set -e
[ "$got" -eq 1 ] || fail "unknown TERM: exit $got ($out)"
