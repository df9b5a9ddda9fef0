#!/bin/sh
# Update sheets (issue 18): a unit's sheet out for the year 2025, read by
# LibreOffice headless as CSV, changed the way a unit would, written back
# to .xlsx by LibreOffice (so the file read back comes from another
# writer), imported: the database (a task's fields and a target's
# result), the history naming the unit, a conflict, and each bad case (a
# bad date, a bad progress, a renamed column, a sheet of another database).
. "$(dirname "$0")/lib.sh"

if ! command -v soffice > /dev/null 2>&1; then
	echo "soffice not found (Debian: libreoffice-calc-nogui): skipping" >&2
	exit 77
fi
command -v python3 > /dev/null 2>&1 || { echo "python3 not found: skipping" >&2; exit 77; }
command -v unzip > /dev/null 2>&1 || { echo "unzip not found: skipping" >&2; exit 77; }

export CCHC_LANG=vi
cchc() {
	"$CCHC_BIN" --db "$db" "$@"
}
# LibreOffice in a profile of its own (see xlsx.sh).
office() {
	HOME=$work soffice --headless "-env:UserInstallation=file://$work/lo" "$@" \
		> "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; fail "soffice $*"; }
}
# run OUT ERR cchc-args...: the exit status in $rc.
run() {
	out=$1 err=$2
	shift 2
	set +e
	cchc "$@" > "$out" 2> "$err"
	rc=$?
	set -e
}

cchc report dashboard --period 2025-N > /dev/null || fail "the sample plan was not created"
# The operator the history names, as the screens record it.
sql "INSERT INTO setting (key, value) VALUES ('operator', 'test')"
unit="Công an xã"
# The unit leads a rate target too (the sample's leads none).
rate=$(sql "SELECT min(id) FROM target WHERE kind = 'rate'")
sql "UPDATE target SET lead_unit_id = (SELECT id FROM unit WHERE name = '$unit') WHERE id = $rate"
cchc sheet export --period 2025-N --unit "$unit" -o "$work/out" > "$work/export.out" ||
	fail "sheet export failed"
book="$work/out/cong-an-xa-nam-2025.xlsx"
[ -f "$book" ] || fail "no $book: $(cat "$work/export.out")"
grep -qF "$work/out" "$work/export.out" || fail "the message names no folder"
expect_sql "SELECT count(*), count(returned_at) FROM sheet" "1|0"
cchc sheet status --period 2025-N | grep -q "$unit" || fail "status lists no unit"

# The workbook: protected, a drop-down of the progress words, date
# validation, the rate target's numerator checked against its denominator,
# the identity columns hidden, the header frozen, A4 landscape.
unzip -p "$book" xl/worksheets/sheet1.xml > "$work/sheet1.xml"
for want in '<sheetProtection' 'type="list"' 'type="date"' 'hidden="1"' \
	'type="custom"' 'state="frozen"' 'orientation="landscape"' 'paperSize="9"' 'Chưa thực hiện,Đang thực hiện,Xong'; do
	grep -qF "$want" "$work/sheet1.xml" || grep -qF "$want" "$work/sheet1.xml" ||
		fail "the sheet lacks $want"
done
# Printed, the heading lines span columns and a long task's row is tall
# enough for its lines (a program's row is never fitted by the reader).
grep -qF '<mergeCell ref="C2:D2"/>' "$work/sheet1.xml" || fail "the office's name is not merged over TT and the task"
python3 - "$work/sheet1.xml" <<'PY' || fail "no row is taller than one line"
import re, sys
x = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if any(float(h) > 16 for h in re.findall(r'<row r="(?:[7-9]|\d\d+)"[^>]*\sht="([0-9.]+)"', x)) else 1)
PY

# The unit's answers: task A done with its evidence; task B a date that
# does not exist; task C a progress that is none; task D's note changed
# in the sheet and, since the sheet was made, in cchc (a conflict); the
# rate target's result 45 of 50.
office --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir "$work/csv" "$book"
ids=$(sql "SELECT t.id FROM task t WHERE t.lead_unit_id = (SELECT id FROM unit WHERE name = '$unit')
	OR t.id IN (SELECT task_id FROM task_cooperator WHERE unit_id = (SELECT id FROM unit WHERE name = '$unit'))
	ORDER BY t.id" | tr '\n' ' ')
set -- $ids
[ $# -ge 3 ] || fail "the unit has fewer than 3 tasks: $ids"
a=$1 b=$2 c=$3
sql "UPDATE task SET note = 'ghi trong cchc' WHERE id = $c"
python3 - "$work/csv/cong-an-xa-nam-2025.csv" "$work/answer.csv" "$a" "$b" "$c" "$rate" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
a, b, c, rate = sys.argv[3:7]
targets = False
for r in rows:
    targets = targets or r[0] == 'target_id'
    if targets:
        if r[0] == rate:
            r[7:9] = ['45', '50']
    elif r[0] == a:
        r[7:13] = ['Xong', '10/10/2025', '120/BC-CA', '11/10/2025', 'Báo cáo kết quả', 'đúng hạn']
    elif r[0] == b:
        r[8] = '31/02/2025'
        r[12] = 'có ngày sai'
    elif r[0] == c:
        r[7] = 'Gần xong'
        r[12] = 'ghi trong phiếu'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline='')).writerows(rows)
EOF
# Back to .xlsx by LibreOffice, dates read day first (Vietnamese).
office --infilter="CSV:44,34,76,1,,1066" --convert-to xlsx --outdir "$work/back" "$work/answer.csv"
answer="$work/back/answer.xlsx"

run "$work/dry.out" "$work/dry.err" sheet import --dry-run "$answer"
[ "$rc" -eq 3 ] || fail "dry run: exit $rc, expected 3 (cells skipped)"
grep -qF "Tiến độ: Chưa thực hiện → Xong" "$work/dry.out" || fail "no before → after: $(cat "$work/dry.out")"
grep -qF "$unit ·" "$work/dry.out" || fail "the preview names no unit"
grep -qF "Tử số:  → 45" "$work/dry.out" || fail "no target result: $(cat "$work/dry.out")"
expect_sql "SELECT progress FROM task WHERE id = $a" "not_started"
# The bad cells, each named by file, sheet, row and column.
grep -qF "$answer, trang answer, " "$work/dry.err" || fail "no file and sheet: $(cat "$work/dry.err")"
grep -q "cột I (Ngày hoàn thành): .*31/02/2025" "$work/dry.err" || fail "bad date: $(cat "$work/dry.err")"
grep -q "cột H (Tiến độ): .*Gần xong" "$work/dry.err" || fail "bad progress: $(cat "$work/dry.err")"

run "$work/imp.out" "$work/imp.err" sheet import "$answer"
[ "$rc" -eq 3 ] || fail "import: exit $rc, expected 3"
expect_sql "SELECT progress, completion_date, evidence_number, evidence_date, evidence, note
	FROM task WHERE id = $a" "done|2025-10-10|120/BC-CA|2025-10-11|Báo cáo kết quả|đúng hạn"
# Task B: its good cell (the note) in, the bad date skipped.
expect_sql "SELECT progress, ifnull(completion_date, '-'), note FROM task WHERE id = $b" \
	"not_started|-|có ngày sai"
# The conflict: shown side by side, neither written.
grep -qF 'cchc "ghi trong cchc" | phiếu "ghi trong phiếu"' "$work/imp.out" ||
	fail "no conflict shown: $(cat "$work/imp.out")"
expect_sql "SELECT note FROM task WHERE id = $c" "ghi trong cchc"
expect_sql "SELECT DISTINCT operator FROM history WHERE table_name = 'task' AND record_id = $a
	AND action = 'update'" "test (phiếu: $unit)"
expect_sql "SELECT count(*) FROM history WHERE operator LIKE '%phiếu%' AND table_name = 'task' AND record_id <> $a
	AND record_id <> $b" "0"
expect_sql "SELECT numerator, denominator FROM result WHERE target_id = $rate" "45.0|50.0"
expect_sql "SELECT DISTINCT operator FROM history WHERE table_name = 'result'" "test (phiếu: $unit)"
expect_sql "SELECT count(returned_at) FROM sheet" "1"
cchc sheet status --period 2025-N | grep -q "đã nhận.*$unit" || fail "status: not back"

# The screens: the units' sheet column; the answers read again from the
# documents folder, the conflict picked for the sheet (h), F2 writes.
mkdir -p "$work/docs"
cp "$work/answer.csv" "$work/docs/"
COLS=100 start CCHC_LANG=vi XDG_DOCUMENTS_DIR="$work/docs"
wait_for "Tổng quan"
send d
wait_for "Phiếu"
screen | grep -q "$unit .*đã nhận" || fail "the units screen shows no sheet back"
screen | grep -q "Trạm y tế .*chưa gửi" || fail "the units screen shows no missing sheet"
send i
wait_for "Tệp hoặc thư mục"
send -l "/answer.csv"
send F2
wait_for "[chọn] $unit"
wait_for "cchc \"ghi trong cchc\" | phiếu \"ghi trong phiếu\""
send h
wait_for "[phiếu] $unit"
send F2
wait_for "Đã cập nhật 1 nhiệm vụ và kết quả."
expect_sql "SELECT note FROM task WHERE id = $c" "ghi trong phiếu"
# x: every unit's sheet into the documents folder, named in the message.
send x
wait_for "phiếu vào $work/docs"
screen | grep -q "Trạm y tế .*đã gửi" || fail "the sent sheets are not shown"
[ -f "$work/docs/tram-y-te-nam-2025.xlsx" ] || fail "no sheet in the documents folder"
stop

# The same answers as CSV, now nothing left to write; the bad cells told
# by row (a CSV has no sheet).
run "$work/csv.out" "$work/csv.err" sheet import --take cchc "$work/answer.csv"
[ "$rc" -eq 3 ] || fail "CSV: exit $rc"
grep -qF "Đã cập nhật 0 nhiệm vụ và kết quả." "$work/csv.out" || fail "CSV: $(cat "$work/csv.out")"
grep -qF "$work/answer.csv, dòng " "$work/csv.err" || fail "CSV: no row named: $(cat "$work/csv.err")"

# A renamed column: its cells skipped, the others read.
sed 's/,Ghi chú\(\r*\)$/,Ý kiến\1/' "$work/answer.csv" > "$work/renamed.csv"
run "$work/ren.out" "$work/ren.err" sheet import "$work/renamed.csv"
[ "$rc" -eq 3 ] || fail "renamed column: exit $rc"
grep -qF "Ý kiến" "$work/ren.err" || fail "renamed column not told: $(cat "$work/ren.err")"

# Another database: the sheet is refused, naming the file.
db="$work/other.db"
cchc report dashboard --period 2025-N > /dev/null
run "$work/other.out" "$work/other.err" sheet import "$answer"
[ "$rc" -eq 3 ] || fail "another database: exit $rc"
grep -qF "$answer" "$work/other.err" || fail "another database: $(cat "$work/other.err")"
expect_sql "SELECT count(*) FROM history WHERE operator LIKE '%phiếu%'" "0"
echo "ok"
