#!/bin/sh
# What a clerk entering a whole plan at 80x24 with Telex ran into (issue
# 16): word-wise moves in a text field.
. "$(dirname "$0")/lib.sh"

type() {
	tm send-keys -t t -l "$1"
}

start
wait_for "Tất cả lĩnh vực"

# p goes forward through the reporting periods, l back; the key bar says
# both.
keybar | grep -q "p/l kỳ báo cáo" || fail "key bar: $(keybar)"
line 3 | grep -q "Kỳ: Năm" || fail "not the year: $(line 3)"
send p
wait_for "Đánh giá chỉ tiêu theo kỳ Quý I/2025"
send l
wait_for "Đánh giá chỉ tiêu theo kỳ Năm"
send l
wait_for "Đánh giá chỉ tiêu theo kỳ 9 tháng"
send F1
wait_for "kỳ báo cáo"
expect_not "kỳ trước"
send Escape

# The print preview offers only the page keys that move: no PgUp on the
# first screen, no PgDn on the last.
send P
wait_for "Trang 1/"
keybar | grep -q "PgDn trang sau" || fail "no PgDn: $(keybar)"
keybar | grep -q "PgUp" && fail "PgUp on the first page: $(keybar)"
send PgDn
wait_for "PgUp trang trước"
send End
wait_gone "PgDn trang sau"
keybar | grep -q "PgUp trang trước" || fail "no PgUp on the last page: $(keybar)"
send Escape
wait_for "Tất cả lĩnh vực"
# So do help and a record: help starts with PgDn only, ends with PgUp
# only; a record that fits its page offers neither (it offered "PgUp trang
# trước", walk-through).
send F1
wait_for "PgDn trang sau"
keybar | grep -q "PgUp" && fail "PgUp at the top of help: $(keybar)"
send End
wait_for "PgUp trang trước"
keybar | grep -q "PgDn" && fail "PgDn at the end of help: $(keybar)"
send Escape
send n
wait_for "— nhiệm vụ (7)"
send Enter
wait_for "Trạng thái"
keybar | grep -q "PgUp\|PgDn" && fail "page keys on a record that fits: $(keybar)"
send Escape Escape
wait_for "Tất cả lĩnh vực"

# Ctrl-Left / Ctrl-Right and Alt-b / Alt-f move by word in a field.
send e
wait_for "Sửa kế hoạch"
send C-u; type "mootj hai ba"
wait_for "một hai ba"
send C-Left C-Left; type "9"
wait_for "một 9hai ba"
send M-b M-b; type "8"
wait_for "8một 9hai ba"
send C-Right; type "7"
wait_for "8một7 9hai ba"
send M-f; type "6"
wait_for "8một7 9hai6 ba"
send F1
wait_for "Ctrl-←, Alt-b"
wait_for "Ctrl-→, Alt-f"
send Escape
wait_for "8một7 9hai6 ba"
send Escape
send y
wait_for "Tất cả lĩnh vực"

# A plan dated by its month stays a month: stored as such, shown back as
# typed, not as the month's first day.
send e
wait_for "Sửa kế hoạch"
send Tab Tab Tab
# The field says a month alone will do (the walk-through's clerk could
# not know).
wait_for "hoặc chỉ tháng như văn bản ghi: 4/2026"
type "thangs 4/2026"
wait_for "tháng 4/2026"
send F2
wait_for "Đã lưu"
expect_sql "SELECT issue_date || '|' || issue_date_month FROM plan" "2026-04-01|1"
send e
wait_for "Sửa kế hoạch"
screen | grep -q "Ngày ban hành *tháng 4/2026$" || fail "the month shown back: $(screen | grep "Ngày ban hành")"
expect_not "01/04/2026"
send Tab Tab Tab C-u
type "20/4/2026"
send F2
wait_for "Đã lưu"
expect_sql "SELECT issue_date || '|' || issue_date_month FROM plan" "2026-04-20|0"

# A lead unit no one has entered: the save offers to add it.  No keeps the
# form, saying where units are added; yes adds it (and the cooperating
# unit asked about next) with the task, in one save.
send n
wait_for "— nhiệm vụ (7)"
send a
wait_for "Nhiệm vụ mới"
send Tab
type "9"; send Tab
type "Nhieemj vuj thwr"; send Tab
send Tab Tab Tab Tab Tab Tab
type "Toor 15"
wait_for "Tổ 15"
send Tab
type "Nhom 7"
send F2
wait_for "Thêm đơn vị mới «Tổ 15»? y: thêm, phím khác: không"
send n
wait_for "Chủ trì: không có đơn vị nào tên \"Tổ 15\" — thêm ở màn hình Đơn vị (d)"
expect_sql "SELECT count(*) FROM unit WHERE name IN ('Tổ 15', 'Nhom 7')" "0"
send F2
wait_for "Thêm đơn vị mới «Tổ 15»?"
send y
wait_for "Thêm đơn vị mới «Nhom 7»?"
send y
wait_for "— nhiệm vụ (8)"
expect_sql "SELECT u.name FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE t.description = 'Nhiệm vụ thử'" "Tổ 15"
expect_sql "SELECT u.name FROM task_cooperator c JOIN task t ON t.id = c.task_id JOIN unit u ON u.id = c.unit_id
	WHERE t.description = 'Nhiệm vụ thử'" "Nhom 7"

# A filter is applied, not saved.
send f
wait_for "Lọc nhiệm vụ"
keybar | grep -q "F2 áp dụng" || fail "filter key bar: $(keybar)"
expect_not "F2 lưu"
send F1
wait_for "ô tiếp; ở ô cuối: áp dụng"
send Escape
wait_for "Lọc nhiệm vụ"
send F2
wait_for "Đã áp dụng bộ lọc."
