#!/bin/sh
# Importing rows pasted into the app rather than saved to a file: m, then
# F2 with no file name opens the paste screen.  A bracketed paste (a
# terminal emulator) goes to the preview and imports; a plain paste (the
# Linux console types it: tabs as Tab, line ends as CR) gives the same
# preview, and Esc leaves with nothing written.
. "$(dirname "$0")/lib.sh"

fixtures="$(cd "$(dirname "$0")/../fixtures/appendix" && pwd)"

# open_paste: the import form, then the paste screen.
open_paste() {
	send m
	wait_for "Import into the plan"
	send F2
	wait_for "Paste the rows copied from Word or Excel"
	wait_for "Nothing is written yet."
}

start CCHC_LANG=en
wait_for "Dashboard"
tasks=$(sql "SELECT count(*) FROM task")

open_paste
tm load-buffer -b rows "$fixtures/domain.tsv"
tm paste-buffer -p -b rows -t t
wait_for "Received: 7 lines"
wait_for " 1|Ban hành Kế hoạch tuyên truyền CCHC năm 2026|Kế hoạch|"
send F2
wait_for "2 sections, 3 tasks, 4 products"
wait_for "Trước ngày 15/5/2026 → 15/05/2026"
expect_sql "SELECT count(*) FROM task" "$tasks"
send Enter
wait_for "Imported 3 tasks."
expect_sql "SELECT count(*) FROM task" $((tasks + 3))
expect_sql "SELECT due_date FROM product WHERE deadline_text = 'Trước ngày 15/5/2026'" "2026-05-15"

# Typed in, as the console pastes; Backspace takes back a letter.
open_paste
tm paste-buffer -b rows -t t
wait_for "Received: 7 lines, 845 bytes"
send BSpace
wait_for "Received: 7 lines, 844 bytes"
send -l "x"
wait_for "Phòng VHXHx"
send BSpace
wait_gone "Phòng VHXHx"
send F2
wait_for "2 sections, 3 tasks, 4 products"
send Escape
wait_for "Nothing was imported."
expect_sql "SELECT count(*) FROM task" $((tasks + 3))

# F2 with nothing pasted says so and stays.
open_paste
send F2
wait_for "Nothing pasted yet."
send Escape
wait_for "Dashboard"
stop
echo "pasteimport: ok"
