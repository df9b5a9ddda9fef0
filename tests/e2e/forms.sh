#!/bin/sh
# Keyboard only, in Vietnamese through the built-in Telex: a new plan, two
# targets with one result that meets its target and one that does not, and
# a task with two products, three cooperating units and an evidence
# document, which its record shows; then the database holds exactly that,
# in NFC.
. "$(dirname "$0")/lib.sh"

type() {
	tm send-keys -t t -l "$1"
}

start
wait_for "Tất cả lĩnh vực"

# A new plan; the typing mode is Telex by default.
send a
wait_for "Kế hoạch mới"
wait_for "Gõ: Telex"
type "15/KH-UBND"; send Tab
type "Kees hoachj CCHC nawm 2026"; send Tab
send Tab
type "20/01/2026"; send Tab
send C-u; type "2026"; send Tab
send C-u; type "2026"; send Tab
type "Nguyeenx Vawn An"
wait_for "Nguyễn Văn An"
send F2
wait_for "Kế hoạch CCHC năm 2026 (2026)"
screen | grep -q "^ Tất cả lĩnh vực *0 *0 *0 *0 *0" || fail "new plan not empty: $(screen | grep "Tất cả lĩnh vực")"

# Two targets in section 3.
send Down Down Enter
wait_for "— chỉ tiêu (0)"
send a
wait_for "Chỉ tiêu mới"
send Tab
type "Treen 99% hoof sow giari quyeets ddungs hanj"; send Tab
send Tab
send Left; send Tab
type "99"; send Tab
type "Hoof sow ddungs hanj"; send Tab
type "Toongr soos hoof sow"; send Tab
type "pvhcc"
wait_for "Trung tâm Phục vụ hành chính công"
send Enter
send F2
wait_for "— chỉ tiêu (1)"
wait_for "Trên 99% hồ sơ giải quyết đúng hạn"

send a
wait_for "Chỉ tiêu mới"
send Tab
type "Xaay dungwj 02 sangs kieens"; send Tab
send Right; send Tab
send Tab
type "2"
send F2
wait_for "— chỉ tiêu (2)"
wait_for "Xây dựng 02 sáng kiến"

# Results for the year: 991/1000 meets "> 99%"; one initiative of two does not.
send Home r
wait_for "Tử số"
type "991"; send Tab
type "1000"
wait_for "99,1% · Đạt"
send F2
wait_for "Đã lưu"
send End r
type "1"
# A count in quý I is on its way to the year's 2, not "Không đạt".
wait_for "1 · Đang thực hiện"
send F2
wait_for "Đã lưu"
screen | grep "Trên 99% hồ sơ" | grep -q "99,1% *Đạt" || fail "met row"
screen | grep "Xây dựng 02 sáng kiến" | grep -q "Đang thực" || fail "in progress row"

# A bad value keeps the form open and names the field.
send Home r
send C-u; type "1200"; send Tab
send C-u; type "1000"
send F2
wait_for "không được lớn hơn"
send Escape
wait_for "Bỏ các thay đổi"
send y
wait_for "— chỉ tiêu (2)"

# A task with two products, three cooperating units and the document that
# proves its progress.
send Escape
wait_for "Tất cả lĩnh vực"
send n
wait_for "— nhiệm vụ (0)"
send a
wait_for "Nhiệm vụ mới"
send Tab
type "1"; send Tab
type "Raf soats, coong boos TTHC"; send Tab
type "Quyeets ddinhj coong boos"; send Tab
type "Thangs 9/2026"
wait_for "→ 30/09/2026"
send Tab Tab
type "Baos caos kees quar"; send Tab
type "Quys IV/2026"
wait_for "→ 31/12/2026"
send Tab Tab
type "pvhcc"
# The completion is drawn as a list of its own, not beside the next
# field's label where it would read as that field's value.
wait_for "› Trung tâm Phục vụ hành chính công"
screen | grep -q "Chọn: *› Trung tâm Phục vụ hành chính công" ||
	fail "the completion is not marked as a choice: $(screen | grep -F "›")"
send Enter
send Tab
type "vhxh"; send Enter
type "kinh te"; send Enter
type "tram y"; send Enter
send Tab
type "vhxh"; send Enter
send Tab Tab Tab
type "120/BC-UBND"; send Tab
type "20/06/2025"; send Tab
type "Baos caos keets quar quys III"
wait_for "Báo cáo kết quả quý III"
send F2
wait_for "— nhiệm vụ (1)"
wait_for "Rà soát, công bố TTHC"
# Its record shows the document (matched by value, whatever the labels'
# translation).
send Enter
wait_for "Ngày hoàn thành"
screen | grep -q " 120/BC-UBND$" || fail "the record lacks the evidence number"
screen | grep -q " 20/06/2025$" || fail "the record lacks the evidence date"
screen | grep -q " Báo cáo kết quả quý III$" || fail "the record lacks the evidence summary"
send Escape
wait_for "— nhiệm vụ (1)"
send Escape q
wait_for "EXIT:0"

plan=$(sql "SELECT id FROM plan WHERE number = '15/KH-UBND'")
[ -n "$plan" ] || fail "no plan 15/KH-UBND"
expect_sql "SELECT title, issue_date, year_from, year_to, signer FROM plan WHERE id = $plan" \
	"Kế hoạch CCHC năm 2026|2026-01-20|2026|2026|Nguyễn Văn An"
expect_sql "SELECT t.text, t.kind, t.comparator, t.value, t.numerator_label, t.denominator_label, u.name
	FROM target t JOIN unit u ON u.id = t.lead_unit_id WHERE plan_id = $plan ORDER BY t.ord LIMIT 1" \
	"Trên 99% hồ sơ giải quyết đúng hạn|rate|>|99.0|Hồ sơ đúng hạn|Tổng số hồ sơ|Trung tâm Phục vụ hành chính công"
expect_sql "SELECT text, kind, comparator, value FROM target WHERE plan_id = $plan ORDER BY ord LIMIT 1 OFFSET 1" \
	"Xây dựng 02 sáng kiến|count|>=|2.0"
expect_sql "SELECT r.numerator, r.denominator, r.value FROM result r JOIN target t ON t.id = r.target_id
	JOIN period p ON p.id = r.period_id WHERE t.plan_id = $plan AND p.year = 2026 AND p.kind = 'q1' ORDER BY t.ord" \
	"991.0|1000.0|
||1.0"
expect_sql "SELECT tt, description, (SELECT name FROM unit WHERE id = lead_unit_id), (SELECT name FROM unit WHERE id = monitor_unit_id),
	evidence_number, evidence_date, evidence FROM task WHERE plan_id = $plan" \
	"1|Rà soát, công bố TTHC|Trung tâm Phục vụ hành chính công|Phòng Văn hóa - Xã hội|120/BC-UBND|2025-06-20|Báo cáo kết quả quý III"
expect_sql "SELECT p.name, p.deadline_text, p.due_date FROM product p JOIN task t ON t.id = p.task_id
	WHERE t.plan_id = $plan ORDER BY p.ord" \
	"Quyết định công bố|Tháng 9/2026|2026-09-30
Báo cáo kế quả|Quý IV/2026|2026-12-31"
expect_sql "SELECT group_concat(u.name, '; ') FROM (SELECT unit_id FROM task_cooperator c JOIN task t ON t.id = c.task_id
	WHERE t.plan_id = $plan ORDER BY c.ord) c JOIN unit u ON u.id = c.unit_id" \
	"Phòng Văn hóa - Xã hội; Phòng Kinh tế; Trạm y tế"
# Everything typed is stored NFC: no combining marks (U+0300-U+036F) anywhere.
marks=$(sql "SELECT count(*) FROM plan, target, task, product WHERE
	plan.title || target.text || task.description || task.evidence || product.name GLOB '*[̀-ͯ]*'")
[ "$marks" = 0 ] || fail "decomposed text stored"
