#!/bin/sh
# From the dashboard to a section's targets and tasks and to one record in
# full, and back; results entered in the database show as met / not met.
. "$(dirname "$0")/lib.sh"

# Create the database, then record two results for the year 2025 on the
# section "Thủ tục hành chính": one target met, one not.
start
wait_for "Tất cả lĩnh vực"
send q
wait_for "EXIT:0"
stop
sql "INSERT INTO period (year, kind, start_date, end_date) VALUES (2025, 'year', '2025-01-01', '2025-12-31');
INSERT INTO result (target_id, period_id, numerator, denominator)
  SELECT id, 1, 991, 1000 FROM target WHERE text LIKE 'Trên 99%';
INSERT INTO result (target_id, period_id, value)
  SELECT t.id, 1, 0 FROM target t JOIN section s ON s.id = t.section_id
  WHERE s.code = 'tthc' AND t.kind = 'yesno' ORDER BY t.ord LIMIT 1;"
expect_sql "SELECT count(*) FROM result" 2

start
wait_for "3. Thủ tục hành chính"
screen | grep -q "^ 3. Thủ tục hành chính *9 *1 *1 *7" || fail "section 3 counts: $(screen | grep "3. Thủ tục")"
send Down Down Enter
wait_for "3. Cải cách thủ tục hành chính — chỉ tiêu"
wait_for "Trên 99% hồ sơ"
screen | grep "Trên 99% hồ sơ" | grep -q "> 99% *99,1% *Đạt" || fail "met row"
screen | grep -q "Không đạt" || fail "no 'Không đạt' row"
keybar | grep -q "Enter mở" || fail "key line: $(keybar)"
# Open the met target in full.
n=$(screen | grep -n "Trên 99% hồ sơ" | cut -d: -f1)
i=4
while [ "$i" -lt "$n" ]; do send Down; i=$((i + 1)); done
send Enter
wait_for "Tử số"
wait_for "991"
wait_for "Đánh giá"
send Escape
wait_for "3. Cải cách thủ tục hành chính — chỉ tiêu"
# The next section with Right.
send Right
wait_for "4. Cải cách tổ chức bộ máy hành chính nhà nước — chỉ tiêu"
send Escape
wait_for "Tất cả lĩnh vực"

# Tasks of section 1, the last one in full.
send Home n
wait_for "1. Công tác chỉ đạo, điều hành CCHC — nhiệm vụ (7)"
send End Enter
wait_for "Chủ trì"
wait_for "Phối hợp"
wait_for "Sản phẩm 1"
send PageDown PageUp Escape
wait_for "— nhiệm vụ (7)"
send Escape q
wait_for "EXIT:0"
# Looking changes nothing.
expect_sql "SELECT count(*) FROM result" 2
