#!/bin/sh
# Open a new database: the sample plan is loaded and the dashboard shows it
# in Vietnamese; quit leaves a database holding exactly the sample.
. "$(dirname "$0")/lib.sh"

start
wait_for "UBND xã Tân Đoàn"
wait_for "Kế hoạch cải cách hành chính năm 2025 (2025)"
wait_for "Kỳ: Năm/2025   Hôm nay: 15/10/2025"
# Every section, its counts and the totals row.
for s in "1. Chỉ đạo, điều hành" "2. Thể chế" "3. Thủ tục hành chính" \
	"4. Tổ chức bộ máy" "5. Chế độ công vụ" "6. Tài chính công" "7. Chính quyền số"; do
	wait_for "$s"
done
screen | grep -q "^ Tất cả lĩnh vực *45 *0 *0 *45 *30" || fail "totals row: $(screen | grep "Tất cả lĩnh vực")"
# The bottom line lists the keys.
keybar | grep -q "F1 trợ giúp" || fail "key line: $(keybar)"
keybar | grep -q "q thoát" || fail "key line: $(keybar)"
# The dashboard's keys do not all fit in 80 columns: the line says F1 has
# them (issue 19: h, m, b and w were missing without a word).
keybar | grep -q "… F1 *$" || fail "key line does not point to F1: $(keybar)"
# Help lists the keys of the dashboard.
send F1
wait_for "Trợ giúp"
wait_for "kỳ báo cáo"
send Escape
wait_for "Tất cả lĩnh vực"
send q
wait_for "EXIT:0"

expect_sql "SELECT count(*) FROM target" 45
expect_sql "SELECT count(*) FROM task" 30
expect_sql "SELECT count(*) FROM section" 7
expect_sql "PRAGMA user_version" 13
expect_sql "SELECT name FROM office" "UBND xã Tân Đoàn"
mode=$(stat -c %a "$db")
[ "$mode" = 600 ] || fail "database mode is $mode, not 600"

# A second start opens the same database without loading the sample again.
stop
start
wait_for "UBND xã Tân Đoàn"
send q
wait_for "EXIT:0"
expect_sql "SELECT count(*) FROM plan" 1
