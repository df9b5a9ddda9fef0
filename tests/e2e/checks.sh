#!/bin/sh
# Checks that let bad data in (issue 16.14): a plan dated by its month
# alone ("tháng 4 năm 2026") is accepted as the month's first day; a task
# with no lead unit and a deadline of 2025 in a 2026 plan saves, with a
# warning that says both.
. "$(dirname "$0")/lib.sh"

type() {
	tm send-keys -t t -l "$1"
}

start
wait_for "Tất cả lĩnh vực"
send a
wait_for "Kế hoạch mới"
type "2/KH"; send Tab
type "Kees hoachj 2026"; send Tab
send Tab
type "thangs 4 nawm 2026"; send Tab
send C-u; type "2026"; send Tab
send C-u; type "2026"; send F2
wait_for "Kế hoạch 2026 (2026)"
expect_sql "SELECT issue_date FROM plan WHERE number = '2/KH'" "2026-04-01"

send n
wait_for "— nhiệm vụ (0)"
send a
wait_for "Nhiệm vụ mới"
send Tab
type "1"; send Tab
type "Raf soats TTHC"; send Tab
type "Baos caos"; send Tab
type "Thangs 9/2025"
wait_for "→ 30/09/2025"
send F2
wait_for "— nhiệm vụ (1)"
wait_for "Đã lưu, nhưng: chưa có đơn vị chủ trì; thời hạn \"Tháng 9/2025\" nằm ngoài"
expect_sql "SELECT count(*) FROM task WHERE description = 'Rà soát TTHC' AND lead_unit_id IS NULL" "1"
# The list shows the deadline as written (issue 16.13), not 30/09/2025.
screen | grep -q "Rà soát TTHC .* Tháng 9/2025 " || fail "the list does not show the deadline as written"

# Deleting a plan names it: one key deletes the most there is to lose.
send Escape
wait_for "Tất cả lĩnh vực"
send k
wait_for "Kế hoạch 2026"
send Home
send DC
wait_for "y: xóa"
screen | grep -q "Xóa \"Kế hoạch 2026\" cùng .* phím khác: giữ$" ||
	fail "the question does not name the plan: $(screen | grep "y: xóa")"
send n
expect_sql "SELECT count(*) FROM plan" 2
# A long name is cut, the question and its answers are not (at 80
# columns "Kế hoạch cải cách hành chính năm 2025" left only "y: x").
send End DC
wait_for "y: xóa"
screen | grep -q "Xóa \"Kế hoạch cải.*…\" cùng .* phím khác: giữ$" ||
	fail "the question is cut: $(screen | grep "y: x")"
send n
expect_sql "SELECT count(*) FROM plan" 2
