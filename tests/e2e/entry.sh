#!/bin/sh
# Target entry as a clerk types it (issue 16.5): a yes/no target's form
# hides the comparator and the numerator/denominator, its planned value
# and result are "có" / "x"; a rate's result is "90%" typed in the
# numerator (r, 3 keys, F2), stored as the rate itself.
. "$(dirname "$0")/lib.sh"

type() {
	tm send-keys -t t -l "$1"
}

start
wait_for "Tất cả lĩnh vực"
send a
wait_for "Kế hoạch mới"
type "1/KH"; send Tab
type "Kees hoachj 2026"; send Tab
send Tab
type "20/01/2026"; send Tab
send C-u; type "2026"; send Tab
send C-u; type "2026"; send F2
wait_for "Kế hoạch 2026"

send Down Down Enter
wait_for "— chỉ tiêu (0)"

# A yes/no target: choosing the kind hides what only figures need.
send a
wait_for "Chỉ tiêu mới"
wait_for "Phép so sánh"
send Tab
type "Coong khai thur tucj"; send Tab
send Left
wait_for "< có/không >"
expect_not "Phép so sánh"
expect_not "Tử số là"
send Tab
type "cos"; send F2
wait_for "— chỉ tiêu (1)"
expect_sql "SELECT kind, value, numerator_label FROM target WHERE text = 'Công khai thủ tục'" \
    "yesno|1.0|"

# A rate target: its comparator reads as words.  Only a rate has a
# numerator and a denominator, only a reduction a figure before: a count
# shows neither (they were left to puzzle over, walk-through).
send a
wait_for "Chỉ tiêu mới"
send Tab
type "Hoof sow ddungs hanj"; send Tab
wait_for "< tỷ lệ (%) >"
wait_for "Tử số là"
expect_not "Mốc so sánh"
send Right
wait_for "< số lượng >"
expect_not "Tử số là"
expect_not "Mốc so sánh"
send Right
wait_for "< cắt giảm (%) >"
wait_for "Mốc so sánh"
expect_not "Tử số là"
send Left Left
wait_for "< tỷ lệ (%) >"
send Tab
wait_for "< ≥ tối thiểu >"
send Tab
# The planned value as the plan writes it: "trên 95%" sets the comparator.
type "treen 95%"; send F2
wait_for "— chỉ tiêu (2)"
expect_sql "SELECT comparator, value FROM target WHERE text = 'Hồ sơ đúng hạn'" ">|95.0"

# Its result: "90%" in the numerator is the rate.
send End r
wait_for "Tử số"
type "90%"
wait_for "90% · "
send F2
wait_for "Đã lưu"
expect_sql "SELECT numerator IS NULL, result.value FROM result JOIN target ON target.id = target_id
    WHERE text = 'Hồ sơ đúng hạn'" "1|90.0"
# Both ways at once are refused, naming the denominator.
send r
wait_for "Tử số"
send Tab; type "100"; send F2
wait_for "Để trống mẫu số"
send Escape
wait_for "Bỏ các thay đổi"
send y

# The yes/no result: "x" is yes, shown back as "Có".
send Home r
wait_for "Đạt (có/không)"
type "x"; send F2
wait_for "Đã lưu"
expect_sql "SELECT result.value FROM result JOIN target ON target.id = target_id
    WHERE text = 'Công khai thủ tục'" "1.0"
send r
wait_for "Đạt (có/không)"
line 4 | grep -q "không) *Có" || fail "yes/no result not shown as Có: $(line 4)"
send Escape

# A rate result given as a fraction, on a target that names neither part:
# its record shows the figures without empty brackets.
send End r
wait_for "Tử số"
send C-u; type "9"; send Tab; send C-u; type "10"; send F2
wait_for "Đã lưu"
send Enter
wait_for "Tử số"
screen | grep "Tử số\|Mẫu số" | grep -q "()" && fail "empty brackets: $(screen | grep "Tử số")"
send Escape
