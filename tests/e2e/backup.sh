#!/bin/sh
# Backup, restore, log and copy-plan from the command line: exit statuses,
# messages, and what happens to the data.
. "$(dirname "$0")/lib.sh"

# run EXPECTED_STATUS PATTERN command-arguments...: cchc on $db in English;
# stdout+stderr must match PATTERN (a fixed string).
run() {
	want=$1 pattern=$2
	shift 2
	set +e
	out=$("$CCHC_BIN" --lang en --db "$db" "$@" 2>&1 </dev/null)
	got=$?
	set -e
	[ "$got" -eq "$want" ] || fail "cchc $*: exit $got, expected $want ($out)"
	printf '%s\n' "$out" | grep -qF -- "$pattern" || fail "cchc $*: \"$out\" lacks \"$pattern\""
}

count() {
	"$SQLITE3_SHELL" "$1" "$2"
}

# Backups: beside the database by default, never over a file.
run 0 "Backed up to $work/cchc-20251015-" backup
ls "$work"/cchc-20251015-*.db >/dev/null || fail "no dated backup beside the database"
run 0 "Backed up to $work/b.db" backup "$work/b.db"
[ "$(count "$work/b.db" "PRAGMA integrity_check")" = ok ] || fail "b.db is not sound"
[ "$(count "$work/b.db" "SELECT count(*) FROM task")" = 30 ] || fail "b.db lacks tasks"
run 1 "$work/b.db already exists" backup "$work/b.db"
run 2 "one FILE at most" backup "$work/c.db" "$work/d.db"
run 2 "unknown option --bogus" backup --bogus
[ ! -e "$work/c.db" ] || fail "c.db was written"

# Changes made outside cchc are recorded too, under the operator set.
sql "UPDATE history_operator SET name = 'Kiểm thử'; PRAGMA foreign_keys = ON;
DELETE FROM task WHERE id = 3; UPDATE target SET value = 99 WHERE id = 5;"
run 0 "Kiểm thử  deleted task I.3 Kiểm tra CCHC trực tiếp" log
run 0 "deleted product" log --table task --id 3
run 0 "Value: 25 → 99" log --table target --id 5
run 0 "added unit Văn phòng HĐND và UBND" log --table unit
out=$("$CCHC_BIN" --lang en --db "$db" log --since 2999-01-01)
[ -z "$out" ] || fail "log --since a future day printed \"$out\""
run 2 "--since: not a date: 31/02/2025" log --since 31/02/2025
run 2 "no history is kept for setting" log --table setting
run 2 "--id needs --table" log --id 3
run 2 "--id: not a record number: x" log --table task --id x
run 2 "unexpected argument extra" log extra

# A damaged or foreign file is refused and nothing changes.
size=$(wc -c < "$work/b.db")
head -c $((size / 2)) "$work/b.db" > "$work/half.db"
run 1 "$work/half.db is damaged" restore "$work/half.db"
printf 'TT\tNhiệm vụ\n%.0s' $(seq 300) > "$work/appendix.db"
run 1 "not a cchc database" restore "$work/appendix.db"
cp "$work/b.db" "$work/newer.db"
"$SQLITE3_SHELL" "$work/newer.db" "PRAGMA user_version = 99"
run 1 "newer version of cchc" restore "$work/newer.db"
run 1 "cannot read $work/none.db" restore "$work/none.db"
run 2 "restore takes one FILE" restore
run 1 "is the database itself" restore "$db"
expect_sql "SELECT count(*) FROM task" 29
[ ! -d "$work/backups" ] || [ -z "$(ls "$work/backups")" ] || fail "a refused restore kept a backup"

# A good one replaces the data and keeps what it replaced.
run 0 "Restored $work/b.db; the data it replaced is kept in $work/backups/before-restore-" \
	restore "$work/b.db"
expect_sql "SELECT count(*) FROM task" 30
expect_sql "SELECT value FROM target WHERE id = 5" 25.0
expect_sql "PRAGMA integrity_check" ok
saved=$(ls "$work"/backups/before-restore-*.db)
[ "$(count "$saved" "SELECT count(*) FROM task")" = 29 ] || fail "$saved does not hold the replaced data"

# Next year's plan: targets, and the tasks that recur.
recurring=$(sql "SELECT count(DISTINCT task_id) FROM product
	WHERE deadline_kind IN ('continuous', 'recurring')")
run 0 "Copied plan 1 to plan 2 (2026)" copy-plan --plan 1 --year 2026
expect_sql "SELECT title || '|' || year_from FROM plan WHERE id = 2" \
	"Kế hoạch cải cách hành chính năm 2026|2026"
expect_sql "SELECT count(*) FROM target WHERE plan_id = 2" 45
expect_sql "SELECT count(*) FROM task WHERE plan_id = 2" "$recurring"
run 0 "added plan Kế hoạch cải cách hành chính năm 2026" log --table plan --id 2
run 1 "there is no plan 9" copy-plan --plan 9 --year 2026
run 2 "needs --plan ID and --year YEAR" copy-plan --plan 1
run 2 "--year: not a year: abc" copy-plan --plan 1 --year abc
expect_sql "SELECT count(*) FROM plan" 2
echo "backup: ok"
