#!/bin/sh
# The print preview scrolls a screen at a time (issue 16.7): PgDn goes
# down a one-page report, and on across pages; End shows the end of the
# report, Home its start.  Help scrolls and lists every key, a form's
# editing keys too; a field's note shows while it is focused (16.10).
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
# A one-page report: PgDn shows what is below the first screen.
send n P
wait_for "Trang 1/1"
wait_for "Nhiệm vụ quá hạn và sắp đến hạn"
send PageDown
wait_gone "Nhiệm vụ quá hạn và sắp đến hạn"
wait_for "Trang 1/1"
send Home
wait_for "Nhiệm vụ quá hạn và sắp đến hạn"
send End
wait_for "VI.1"
wait_gone "Nhiệm vụ quá hạn và sắp đến hạn"
# Two pages: PgDn reaches the second by screens, PgUp comes back to the
# end of the first, Home to its start.
send Escape Escape P
wait_for "Trang 1/2 · 80 cột"
n=0
until screen | grep -qF "Trang 2/2 · 80 cột"; do
	n=$((n + 1))
	[ $n -le 6 ] || fail "PgDn never reached page 2"
	send PageDown
	sleep 0.2
done
[ $n -ge 2 ] || fail "PgDn turned the page at once ($n)"
send PageUp
wait_for "Trang 1/2 · 80 cột"
expect_not "Tổng hợp kết quả theo lĩnh vực"
send End
wait_for "Trang 2/2 · 80 cột"
send Home
wait_for "Trang 1/2 · 80 cột"
wait_for "Tổng hợp kết quả theo lĩnh vực"
# Help on the dashboard: its keys do not fit; End shows the last ones.
send Escape F1
wait_for "Các phím của màn hình \"Tổng quan\" · 1–"
expect_not "q              thoát"
send End
wait_for "q              thoát"
send Escape
# A form's help: the editing keys and how to take a completion.
send Enter a F1
wait_for "Các phím của màn hình \"Biểu mẫu\""
send End
wait_for "Ctrl-U         xóa đến đầu ô"
wait_for "Ctrl-W"
wait_for "Ctrl-K"
wait_for "Shift-Tab"
wait_for "nhận tên đơn vị gợi ý"
# The baseline's note, while it is focused (a reduction's field).
send Escape Tab Tab Right Right
wait_for "< cắt giảm (%) >"
send Tab Tab Tab
wait_for "Chỉ tiêu cắt giảm: số trước khi giảm"
send Tab
wait_gone "Chỉ tiêu cắt giảm: số trước khi giảm"
send Escape
wait_for "Bỏ các thay đổi"
send y Escape q
wait_for "EXIT:0"
