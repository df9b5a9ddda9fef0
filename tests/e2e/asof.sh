#!/bin/sh
# The dashboard counts a past period's tasks as that period's report does,
# at its cut-off: a task finished since is not done in the 6 months'
# figures.  It once counted every period's tasks as of today, so the
# screen said "Xong 2" where the printed 6-month report said 1.
. "$(dirname "$0")/lib.sh"

"$CCHC_BIN" --db "$db" report dashboard --period 2025-N > /dev/null || fail "cchc did not open the database"
# One task done in March, one in October (today is 15/10/2025).
sql "UPDATE task SET progress = 'done', completion_date = '2025-03-01' WHERE id = 2;
	UPDATE task SET progress = 'done', completion_date = '2025-10-10' WHERE id = 1;"

# tasks_row PERIOD: the report's totals row of tasks, its figures only.
tasks_row() {
	"$CCHC_BIN" --db "$db" report dashboard --period "$1" |
		grep "Tất cả lĩnh vực" | tail -n 1 | tr -d '│' | awk '{ print $5, $6, $7, $8 }'
}
# screen_tasks: the dashboard's totals row, its tasks' figures.
screen_tasks() {
	screen | grep "Tất cả lĩnh vực" | awk '{ print $9, $10, $11, $12 }'
}
[ "$(tasks_row 2025-6T | cut -d' ' -f2)" = 1 ] || fail "the 6-month report: $(tasks_row 2025-6T)"
[ "$(tasks_row 2025-N | cut -d' ' -f2)" = 2 ] || fail "the year's report: $(tasks_row 2025-N)"

start
wait_for "Kỳ: Năm/2025"
[ "$(screen_tasks)" = "$(tasks_row 2025-N)" ] ||
	fail "the year: screen $(screen_tasks), report $(tasks_row 2025-N)"
send p
wait_for "Kỳ: Quý I/2025"
send p
wait_for "Kỳ: 6 tháng/2025"
[ "$(screen_tasks)" = "$(tasks_row 2025-6T)" ] ||
	fail "6 months: screen $(screen_tasks), report $(tasks_row 2025-6T)"
send q
exit 0
