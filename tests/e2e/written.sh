#!/bin/sh
# The written report (issue 17 item 4) of the sample plan's first six
# months of 2025, in Vietnamese, today 2025-10-15: the document against its
# golden files (CCHC_UPDATE_GOLDEN=1 rewrites them: read them through
# before committing); a part written with Telex on the screen, saved, and
# found in the printed text and in the PDF's; the previous period's text
# copied in.
. "$(dirname "$0")/lib.sh"

fixtures=$(cd "$(dirname "$0")/../fixtures/written" && pwd)
command -v pdftotext > /dev/null || { echo "pdftotext not found: skipping" >&2; exit 77; }

report() {
	CCHC_LANG=vi "$CCHC_BIN" --db "$db" report written --period 2025-6T "$@"
}

type() {
	tm send-keys -t t -l "$1"
}

# The sample plan, and its results by the cut-off of 14/6/2025: the first
# two tasks of the section of direction done in March, the third done on
# 20 June (after the cut-off: not yet done in this report), the fourth due
# on 31 May and not done (overdue); a rate met (1 of 2 offices inspected,
# 50% ≥ 25%), a yes/no and a count of the year on their way (judged at the
# year's end: 1/1 and 0/1 "đang thực hiện", as the period report says).
report --format txt > /dev/null || fail "report written on a new database failed"
sql "UPDATE task SET progress = 'done', completion_date = '2025-03-01'
	WHERE id IN (SELECT id FROM task ORDER BY section_id, ord LIMIT 2);
UPDATE task SET progress = 'done', completion_date = '2025-06-20'
	WHERE id IN (SELECT id FROM task ORDER BY section_id, ord LIMIT 1 OFFSET 2);
UPDATE product SET due_date = '2025-05-31'
	WHERE task_id IN (SELECT id FROM task ORDER BY section_id, ord LIMIT 1 OFFSET 3);
INSERT INTO period (year, kind, start_date, end_date)
	SELECT 2025, 'h1', '2025-01-01', '2025-06-30'
	WHERE NOT EXISTS (SELECT 1 FROM period WHERE year = 2025 AND kind = 'h1');
INSERT INTO result (target_id, period_id, value)
	SELECT id, (SELECT id FROM period WHERE year = 2025 AND kind = 'h1'), 1
	FROM target WHERE text = 'Ban hành đầy đủ văn bản, kế hoạch về CCHC';
INSERT INTO result (target_id, period_id, numerator, denominator)
	SELECT id, (SELECT id FROM period WHERE year = 2025 AND kind = 'h1'), 1, 2
	FROM target WHERE kind = 'rate' ORDER BY section_id, ord LIMIT 1;
INSERT INTO result (target_id, period_id, value)
	SELECT id, (SELECT id FROM period WHERE year = 2025 AND kind = 'h1'), 0
	FROM target WHERE text = 'Xây dựng 01 nội dung tuyên truyền về CCHC';
INSERT INTO written_part (plan_id, year, kind, part, section_id, body)
	SELECT min(id), 2025, 'q1', 'next', 0, 'Tiếp tục rà soát thủ tục hành chính.' FROM plan"

# golden FILE ARGS...: the document against tests/fixtures/written/FILE.
golden() {
	file=$1
	shift
	report "$@" > "$work/$file" || fail "report written $* failed"
	if [ "${CCHC_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$work/$file" "$fixtures/$file"
	elif ! cmp -s "$work/$file" "$fixtures/$file"; then
		diff -u "$fixtures/$file" "$work/$file" | head -40 >&2
		fail "report written $* differs from tests/fixtures/written/$file"
	fi
}
golden written-6t.txt --format txt
golden written-6t.html --format html
golden written-6t.csv --format csv
# Part I starts from its section's figures as the cut-off has them.
grep -qx "Hoàn thành 2/7 nhiệm vụ (28,57%)." "$work/written-6t.txt" ||
	fail "part I does not start from the computed sentences"
grep -qx "Chỉ tiêu đạt 1/8; 2 đang thực hiện." "$work/written-6t.txt" ||
	fail "the targets' sentence is missing"

# On the screen: W from the dashboard, the period 6 months (p from the
# year, twice), part III.1 (ưu điểm) written in Telex over two lines, F2.
start CCHC_LANG=vi
wait_for "Tất cả lĩnh vực"
send p
send p
send W
wait_for "6 tháng/2025"
send Down Down Down Down Down Down Down
send Enter
wait_for "III.1. Ưu điểm"
type "Ddax hoanf thanhf keers hoachj"
send Enter
type "Nguwowif daan hafi lofng"
wait_for "Người dân hài lòng"
# Esc asks before dropping what was typed; n keeps it.
send Escape
wait_for "y: bỏ"
send n
send F2
wait_for "Đã lưu"
wait_for "Đã hoàn thành kế hoạch"
expect_sql "SELECT body FROM written_part WHERE part = 'strengths' AND kind = 'h1'" \
	"Đã hoàn thành kế hoạch
Người dân hài lòng"
# Reopened and saved unchanged: nothing written (a trigger counts the
# rows written).
sql "CREATE TABLE written_count (n INTEGER);
CREATE TRIGGER written_counted AFTER UPDATE ON written_part
	BEGIN INSERT INTO written_count VALUES (1); END"
send Enter
wait_for "Người dân hài lòng"
send F2
wait_for "Đã lưu"
# IV. from quý I by c, saved.
send Down Down Down
send c
wait_for "Tiếp tục rà soát thủ tục hành chính."
send F2
wait_for "Đã lưu"
stop
expect_sql "SELECT count(*) FROM written_part WHERE kind = 'h1'" "2"
expect_sql "SELECT body FROM written_part WHERE part = 'next' AND kind = 'h1'" \
	"Tiếp tục rà soát thủ tục hành chính."
expect_sql "SELECT count(*) FROM written_count" "0"

# The document has them, in text and in the PDF.
report --format txt > "$work/after.txt" || fail "report written failed"
grep -qx "Đã hoàn thành kế hoạch" "$work/after.txt" || fail "the part is not in the text"
grep -qx "Người dân hài lòng" "$work/after.txt" || fail "the part's second line is not in the text"
report --format pdf -o "$work/w.pdf" || fail "report written --format pdf failed"
pdftotext "$work/w.pdf" "$work/pdf.txt" || fail "pdftotext failed"
grep -qF "Người dân hài lòng" "$work/pdf.txt" || fail "the part is not in the PDF"
grep -qF "6 THÁNG ĐẦU NĂM 2025" "$work/pdf.txt" || grep -qF "6 tháng đầu năm 2025" "$work/pdf.txt" ||
	fail "the PDF has not the title"
grep -qF "Nơi nhận" "$work/pdf.txt" || fail "the PDF has no Nơi nhận"
