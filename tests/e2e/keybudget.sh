#!/bin/sh
# The keys a clerk spends on the daily chores (issue 16.2): marking a task
# done takes at most 2 keys, a rate target's result at most 6, a search
# across sections at most 10.  press counts every key it sends (a literal
# string one per character); getting to the list is not counted.  x marks
# the selected task done today and u undoes it; t cycles the progress;
# the task form opens on its progress.
. "$(dirname "$0")/lib.sh"

keys=0
# press KEY...: send keys, counting them.
press() {
	for k in "$@"; do
		keys=$((keys + 1))
		send "$k"
	done
}
# type TEXT: send text, a key per character.
type_text() {
	keys=$((keys + ${#1}))
	send -l "$1"
}
# budget WHAT MAX: at most MAX keys since the last budget.
budget() {
	[ "$keys" -le "$2" ] || fail "$1 took $keys keys, more than $2"
	keys=0
}
progress() {
	sql "SELECT progress || '|' || ifnull(completion_date, '') FROM task WHERE id = 1"
}

start
wait_for "Tất cả lĩnh vực"
send n
wait_for "1. Công tác chỉ đạo, điều hành CCHC — nhiệm vụ (7)"
press x
wait_for "Xong đúng hạn. u: hoàn tác"
budget "marking a task done" 2
[ "$(progress)" = "done|2025-10-15" ] || fail "x: $(progress)"
send u
wait_for "Tiến độ của nhiệm vụ đã trở lại như trước."
[ "$(progress)" = "not_started|" ] || fail "u after x: $(progress)"
# t cycles: in progress, done today, not started.
send t
wait_for "Đang thực hiện. u: hoàn tác"
[ "$(progress)" = "in_progress|" ] || fail "t: $(progress)"
send t
wait_for "Xong đúng hạn. u: hoàn tác"
[ "$(progress)" = "done|2025-10-15" ] || fail "t t: $(progress)"
send t
wait_for "Chưa thực hiện. u: hoàn tác"
[ "$(progress)" = "not_started|" ] || fail "t t t: $(progress)"
# An overdue task set in progress says so, and that it is still overdue
# (it said only "Quá hạn", walk-through).
send Right Right
wait_for "3. Cải cách thủ tục hành chính — nhiệm vụ"
send Home t
wait_for "Đang thực hiện, vẫn quá hạn. u: hoàn tác"
send u
wait_for "Tiến độ của nhiệm vụ đã trở lại như trước."
send Left Left
wait_for "1. Công tác chỉ đạo, điều hành CCHC — nhiệm vụ (7)"
# The form opens on the progress: Right changes it, not the section; done
# offers today as the completion date.
send e
wait_for "Sửa nhiệm vụ"
send Right Right
wait_for "15/10/2025"
# Leaving "done" takes the offered date back (a stray key on the choice
# left a date the save then refused); back to done offers it again.
send Left
wait_for "Đang thực hiện"
sleep 0.3
screen | grep -q "15/10/2025" && fail "the offered date stayed: $(screen | grep 15/10)"
send Right
wait_for "15/10/2025"
send F2
wait_for "Đã lưu."
[ "$(progress)" = "done|2025-10-15" ] || fail "e Right Right F2: $(progress)"
expect_sql "SELECT s.ord FROM task t JOIN section s ON s.id = t.section_id WHERE t.id = 1" 1
# Each change is in the history, as a form's save is.
expect_sql "SELECT count(*) FROM history WHERE table_name = 'task' AND record_id = 1 AND action = 'update'" 6

# A rate target's result: 8 of 8 procedures posted.
send Escape
wait_for "Tất cả lĩnh vực"
send Down Down Enter
wait_for "3. Cải cách thủ tục hành chính — chỉ tiêu"
send Down Down Down Down Down Down
press r
wait_for "Tử số"
type_text 8
press Tab
type_text 8
press F2
wait_for "Đã lưu."
budget "a rate result" 6
expect_sql "SELECT CAST(numerator AS INTEGER) || '/' || CAST(denominator AS INTEGER) FROM result r JOIN target t ON t.id = r.target_id
  WHERE t.text = '100% TTHC cấp xã niêm yết công khai'" "8/8"

# A search across sections, from section 1's targets.
send Escape
wait_for "Tất cả lĩnh vực"
send Up Up Enter
wait_for "1. Công tác chỉ đạo, điều hành CCHC — chỉ tiêu"
type_text "/thu tuc"
press Enter
wait_for "thấy ở lĩnh vực 2. Cải cách thể chế"
budget "a search across sections" 10
send q
wait_for "EXIT:0"
