#!/bin/sh
# The import preview of an appendix with rows that cannot be read
# completely (issue 15): they are listed first; one is skipped (x), one
# fixed (e: its task text typed), and Enter writes the rest, the rows
# still for review marked, the fixed one not; the task list's filter finds
# them and their record shows why.
. "$(dirname "$0")/lib.sh"

fixtures="$(cd "$(dirname "$0")/../fixtures/appendix" && pwd)"
cp "$fixtures/irregular.tsv" "$work/irregular.tsv"

start CCHC_LANG=en
wait_for "Dashboard"
tasks=$(sql "SELECT count(*) FROM task")

send m
wait_for "Import into the plan"
send -l "$work/irregular.tsv"
send F2
wait_for "For review (5)"
wait_for "line 4: the Nhiệm vụ cell is empty"
expect_sql "SELECT count(*) FROM task" "$tasks"

# The first of them (line 4): left out.
send Down Down Down
send x
wait_for "The task of line 4 is left out."
wait_for "For review (4)"
wait_gone "line 4: the Nhiệm vụ cell is empty"

# The next (line 5, its task cell dropped): its text typed in.
send e
wait_for "Fix the row"
send Tab
send -l "Tuyên truyền cải cách hành chính"
send F2
wait_for "For review (3)"

send Enter
wait_for "Imported 7 tasks."
expect_sql "SELECT count(*) FROM task" $((tasks + 7))
expect_sql "SELECT count(*) FROM task WHERE review <> ''" 3
expect_sql "SELECT review FROM task WHERE description = 'Tuyên truyền cải cách hành chính'" ""
expect_sql "SELECT count(*) FROM task WHERE raw_cells LIKE '2 | - | Báo cáo%'" 0

# The task list's filter "needs review" (Status wraps from "all" to it),
# over all sections, finds the three and says it filtered (not "Saved.");
# the record shows why and the cells.
send n
wait_for "tasks ("
send f
wait_for "Filter the tasks"
send Tab Left Tab Tab Right
send F2
wait_for "filter: needs review"
wait_for "All sections — tasks (3/"
wait_for "Filter applied."
expect_not "Saved."
send Enter
wait_for "Needs review"
wait_for "Cells as imported"
stop
echo "reviewimport: ok"
