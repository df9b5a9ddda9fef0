#!/bin/sh
# Nothing the user needs is cut at 80 columns (issue 16.11): section 7's
# targets keep their period in the heading (the section's short title
# stands in for the long one); at 60x20 the dashboard's section names
# stay readable.
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
send Down Down Down Down Down Down Enter
wait_for "7. Chính quyền số — chỉ tiêu"
line 2 | grep -q "— kỳ Năm/2025" || fail "the period is cut from the heading: $(line 2)"
# A list's selected row, cut in its cells, is whole on the status line.
send Escape
wait_for "Tất cả lĩnh vực"
send Home n
wait_for "— nhiệm vụ ("
wait_for "Ban hành kế hoạch CCHC năm 2025 của từng phòng, đơn vị · Các phòng"
send Escape
wait_for "Tất cả lĩnh vực"
send c
wait_for "— chỉ tiêu ("
send Home
wait_for "Chỉ số PAR INDEX năm 2025 xếp hạng thứ 35 trở lên trong"
stop

COLS=60 ROWS=20 start
wait_for "Tất cả lĩnh vực"
screen > "$work/small"
grep -q "Chỉ đạo, điều hành" "$work/small" || fail "section 1's name is cut at 60x20: $(cat "$work/small")"
grep -q "Chính quyền số" "$work/small" || fail "section 7's name is cut at 60x20: $(cat "$work/small")"
# The header's parts move to a row of their own rather than be cut: the
# issuer, and the overdue report after the next one due.
grep -q "Ban hành: UBND xã Tân Đoàn$" "$work/small" || fail "the issuer is cut at 60x20: $(head -6 "$work/small")"
grep -q "quá hạn (hạn [0-9/]*; S: đã gửi)$" "$work/small" || fail "the overdue report is cut at 60x20: $(head -6 "$work/small")"
grep -q "^ Báo cáo kỳ tới: .* ngày)$" "$work/small" || fail "the next report is cut at 60x20: $(head -6 "$work/small")"
stop
start
wait_for "Tất cả lĩnh vực"
screen > "$work/wide"
grep -q "quá hạn (hạn [0-9/]*; S: đã gửi)$" "$work/wide" || fail "the overdue report is cut at 80x24: $(head -6 "$work/wide")"
grep -q "^ Tất cả lĩnh vực" "$work/wide" || fail "the table lost its total row at 80x24"
# S marks the overdue report sent today, as `report calendar --sent`
# does: the banner moves on to the next one overdue.
late=$(grep -o "Báo cáo [^(]* quá hạn" "$work/wide")
send S
wait_for "đã gửi hôm nay"
expect_sql "SELECT count(*) FROM setting WHERE key LIKE 'report_sent%'" 1
screen | grep -q "$late" && fail "$late is still overdue after S"
# The units' heading keeps the sheets' counts whole at 80 columns.
send d
wait_for "Đơn vị của cơ quan"
screen | grep "Đơn vị của cơ quan" | grep -q "[0-9] chưa gửi$" ||
	fail "the sheets' counts are cut: $(screen | grep "Đơn vị của cơ quan")"
send Escape
# With two more units (eleven: one more digit) the heading gives up "của
# cơ quan" as well ("7 chưa gử" in the walk-through).
sql "INSERT INTO unit (name, folded, sort_key) VALUES ('Tổ Công tác CCHC', 'to cong tac cchc', 'to cong tac cchc'),
	('Công chức Tư pháp - Hộ tịch', 'cong chuc tu phap - ho tich', 'cong chuc tu phap - ho tich')"
send d
wait_for "Đơn vị (11)"
screen | grep "Đơn vị (11)" | grep -q "[0-9] chưa gửi$" ||
	fail "the sheets' counts are cut: $(screen | grep "Đơn vị (11)")"
send Escape
# A count on its way at Q1 is "Đang thực hiện", whole (it was cut to
# "Đang thực" by a fixed verdict column).
send p
wait_for "Kỳ: Quý I/2025"
send Enter
wait_for "— chỉ tiêu ("
send Home Down Down Down r
wait_for "Kết quả kỳ Quý I/2025"
tm send-keys -t t -l 0
send F2
wait_for "Đã lưu"
screen | grep -q "^ 4 .* 0 Đang thực hiện$" || fail "the verdict is cut: $(screen | grep '^ 4 ')"
