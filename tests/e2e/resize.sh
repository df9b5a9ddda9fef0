#!/bin/sh
# Resizing redraws cleanly: 80x24 -> 120x40 -> 80x24, and a terminal below
# the minimum says so instead of drawing garbage.
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
send n
wait_for "— nhiệm vụ (7)"

tm resize-window -t t -x 120 -y 40
sleep 0.3
wait_for "— nhiệm vụ (7)"
[ "$(screen | wc -l)" -eq 40 ] || fail "not 40 lines after resize"
keybar | grep -q "F1 trợ giúp" || fail "key line not at the bottom of 40 rows: $(keybar)"
# Wider columns show more of a task's description.
screen | grep -q "Ban hành kế hoạch CCHC năm 2025 của từng phòng, đơn vị" || fail "no wide description"

tm resize-window -t t -x 80 -y 24
sleep 0.3
wait_for "— nhiệm vụ (7)"
[ "$(screen | wc -l)" -eq 24 ] || fail "not 24 lines after resize back"
keybar | grep -q "F1 trợ giúp" || fail "key line after resize back: $(keybar)"
# Nothing of the 120-column screen is left past column 80.
widest=$(screen | wc -L)
[ "$widest" -le 80 ] || fail "a line is $widest columns wide"
# The list rows only: the status line rightly holds the selected task whole.
screen | head -n 21 | grep -q "của từng phòng, đơn vị" && fail "text from the wide screen left over"

tm resize-window -t t -x 40 -y 10
wait_for "Cửa sổ quá nhỏ"
tm resize-window -t t -x 80 -y 24
wait_for "— nhiệm vụ (7)"
expect_not "Cửa sổ quá nhỏ"
send Escape q
wait_for "EXIT:0"
