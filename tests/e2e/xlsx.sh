#!/bin/sh
# Excel workbooks: every report of the sample plan (and the PAR sheet, from
# report and from score, a SIPAS round from sipas results, the task
# appendix from export appendix) as .xlsx,
# read back by LibreOffice headless.  As CSV (UTF-8, cells as
# shown): every row of every table is the row the report's own CSV writes,
# Vietnamese intact.  As flat ODS: each cell's type as written (codes and
# TT text, figures numbers, rates percentages of the figure shown, dates
# real dates, 05/10/2025 the fifth of October).
. "$(dirname "$0")/lib.sh"

if ! command -v soffice > /dev/null 2>&1; then
	echo "soffice not found (Debian: libreoffice-calc-nogui): skipping" >&2
	exit 77
fi
command -v python3 > /dev/null 2>&1 || { echo "python3 not found: skipping" >&2; exit 77; }

report() {
	CCHC_LANG=en "$CCHC_BIN" --db "$db" report "$@"
}
# LibreOffice in a profile of its own, so that it neither reads nor
# changes the user's, nor waits on a running instance.
office() {
	HOME=$work soffice --headless "-env:UserInstallation=file://$work/lo" "$@" \
		> "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; fail "soffice $*"; }
}

# The sample plan; one rate result (7/8: 87,5%) for 9 months; a task due
# 05/10/2025, a day that reads as May where months come first.
report dashboard --period 2025-9T > /dev/null || fail "the sample plan was not created"
sql "INSERT INTO period (year, kind, start_date, end_date) VALUES (2025, 'm9', '2025-01-01', '2025-09-30');
INSERT INTO result (target_id, period_id, numerator, denominator)
	SELECT (SELECT min(id) FROM target WHERE kind = 'rate'), id, 7, 8 FROM period WHERE kind = 'm9';
UPDATE product SET due_date = '2025-10-05', due_manual = 1
	WHERE task_id = (SELECT min(task_id) FROM product WHERE due_date IS NOT NULL)"
CCHC_LANG=en "$CCHC_BIN" --db "$db" score --template > /dev/null || fail "score --template failed"
sql "INSERT INTO par_assessment (set_id, year, survey_held) SELECT min(id), 2025, 1 FROM par_set;
INSERT INTO par_entry (assessment_id, criterion_id, a)
	SELECT (SELECT max(id) FROM par_assessment), id, 17.5 FROM par_criterion WHERE code = '8.1';
INSERT INTO par_entry (assessment_id, criterion_id, override, reason)
	SELECT (SELECT max(id) FROM par_assessment), id, 1.5, 'Đã kiểm tra 2 phòng'
	FROM par_criterion WHERE code = '1.3'"

expect_usage_xlsx() {
	set +e
	report period --period 2025-9T --format xlsx > "$work/out" 2> "$work/err"
	rc=$?
	set -e
	[ "$rc" -eq 2 ] || fail "xlsx to stdout: exit $rc, expected 2"
	grep -qF -- "-o FILE.xlsx" "$work/err" || fail "xlsx to stdout: $(cat "$work/err")"
}
expect_usage_xlsx

round=$(sipas_round)

# The reports, and the commands that write one: score (the PAR sheet)
# and sipas results (a survey round).
# The workbooks side by side, converted by one LibreOffice run per format
# (each run costs seconds).
kinds="period dashboard units overdue par score sipas appendix"
books=$work/books
mkdir -p "$books"
for kind in $kinds; do
	case $kind in
	par) args="report par --period 2025-N" ;;
	score) args="score --year 2025" ;;
	sipas) args="sipas results --round $round" ;;
	appendix) args="export appendix --plan 1" ;;
	*) args="report $kind --period 2025-9T" ;;
	esac
	# shellcheck disable=SC2086
	CCHC_LANG=en "$CCHC_BIN" --db "$db" $args --format xlsx -o "$books/$kind.xlsx" ||
		fail "$args --format xlsx failed"
	[ ! -e "$books/$kind.xlsx.tmp" ] || fail "$kind: the temporary file is left"
	# shellcheck disable=SC2086
	CCHC_LANG=en "$CCHC_BIN" --db "$db" $args --format csv --encoding utf8 > "$books/$kind.report.csv"
done
(cd "$books" &&
	office --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
		*.xlsx &&
	office --convert-to fods *.xlsx)
for kind in $kinds; do
	python3 - "$books" "$kind" <<'EOF' || fail "$kind: the workbook differs (above)"
import csv, glob, re, sys
import xml.etree.ElementTree as ET

folder, kind = sys.argv[1], sys.argv[2]
def trim(row):
    while row and row[-1] == "":
        row = row[:-1]
    return row

# The report's own CSV: its table rows, header records included.
# A deadline as written over its date ("Quý IV/2025\n31/12/2025") is the
# date in a workbook.
def as_data(cell):
    last = cell.split("\n")[-1]
    return last if "\n" in cell and re.fullmatch(r"\d\d/\d\d/\d{4}", last) else cell
with open(f"{folder}/{kind}.report.csv", encoding="utf-8", newline="") as f:
    expected = [trim([as_data(c) for c in r]) for r in csv.reader(f)]
problems = []

# Shown text: each sheet's rows after its header row, those with more
# than one cell (headings and paragraphs are one merged cell), are rows
# of the report's CSV, in its order; together they are all of them.
shown = []
sheets = sorted(glob.glob(f"{folder}/{kind}-*.csv"))
if not sheets:
    problems.append("LibreOffice wrote no sheet")
headers = []
for name in sheets:
    with open(name, encoding="utf-8", newline="") as f:
        rows = [trim(r) for r in csv.reader(f)]
    multi = [r for r in rows if sum(1 for c in r if c != "") > 1]
    # The frame (office | national heading, number | place and date) first.
    if not multi or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in multi[0]:
        problems.append(f"{name}: no national heading")
    body = multi[2:]
    if not body:
        continue
    headers.append(body[0])
    shown += [r for r in body[1:] if r != body[0]]
want = [r for r in expected if sum(1 for c in r if c != "") > 1 and r not in headers]
pos = 0
for r in shown:
    try:
        pos = want.index(r, 0)
        want.pop(pos)
    except ValueError:
        problems.append(f"row not in the report: {r}")
for r in want:
    problems.append(f"row missing from the workbook: {r}")

# Types, from the flat ODS.
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
O = "{%s}" % ns["office"]
T = "{%s}" % ns["table"]
tree = ET.parse(glob.glob(f"{folder}/{kind}.fods")[0])
counts = {}
def text_of(cell):
    return "\n".join("".join(p.itertext()) for p in cell.findall("text:p", ns))
for sheet in tree.iter(T + "table"):
    head = None
    for row in sheet.iter(T + "table-row"):
        cells = []
        for cell in row:
            n = int(cell.get(T + "number-columns-repeated", "1"))
            cells += [cell] * min(n, 50)
        texts = [text_of(c) for c in cells]
        if head is None:
            if any(h and texts[:len(h)] == h for h in headers):
                head = texts
            continue
        if sum(1 for t in texts if t) < 2 or texts == head:
            continue
        for col, cell in enumerate(cells):
            t, typ = texts[col], cell.get(O + "value-type")
            if t == "":
                continue
            title = head[col] if col < len(head) else ""
            counts[typ] = counts.get(typ, 0) + 1
            # A deadline as written stays text, even one that is a date.
            if title in ("Code", "No.", "Deadline"):
                want_type = "string"
            elif re.fullmatch(r"\d\d/\d\d/\d{4}", t):
                want_type = "date"
                d, m, y = t.split("/")
                if cell.get(O + "date-value", "")[:10] != f"{y}-{m}-{d}":
                    problems.append(f"{t} read back as {cell.get(O + 'date-value')}")
            elif re.fullmatch(r"-?\d+(\.\d+)?%", t):
                want_type = "percentage"
                if abs(float(cell.get(O + "value")) - float(t[:-1]) / 100) > 1e-9:
                    problems.append(f"{t} read back as {cell.get(O + 'value')}")
            elif re.fullmatch(r"-?\d+(\.\d+)?\*?", t) and title not in ("Task", "Target", "Criterion"):
                want_type = "float"
                if abs(float(cell.get(O + "value")) - float(t.rstrip("*"))) > 1e-9:
                    problems.append(f"{t} read back as {cell.get(O + 'value')}")
            else:
                want_type = "string"
            if typ != want_type:
                problems.append(f"{title} {t!r}: {typ}, expected {want_type}")
print(kind, "cell types:", counts, file=sys.stderr)
for p in problems[:20]:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
done

# The preview's save offers the workbook: s, Tab to the format, Right
# four times (text, HTML, CSV, PDF, Excel), F2.  The documents folder is
# $work (lib.sh), where the file is saved under its default name.
cd "$work"
start CCHC_LANG=en
wait_for "Dashboard"
send P
wait_for "Page 1/"
send s
wait_for "Save the report"
send Tab Right Right Right Right
wait_for "Excel workbook"
send F2
wait_for "Saved: $work/summary-year-2025.xlsx"
stop
cd - > /dev/null
[ -s "$work/summary-year-2025.xlsx" ] || fail "the preview saved no workbook: $(ls "$work")"
(cd "$work" && office --convert-to fods summary-year-2025.xlsx)
grep -q 'office:value-type="float"' "$work/summary-year-2025.fods" || fail "the saved workbook has no numbers"

# The cells that prove the types are there at all.
grep -q 'office:date-value="2025-10-05"' "$books/units.fods" || fail "05/10/2025 is not the fifth of October"
grep -q 'office:value-type="percentage" office:value="0.875"' "$books/period.fods" ||
	fail "87,5% is not a percentage"
grep -q 'office:value="17.5"' "$books/par.fods" || fail "17,5 points is not a number"
grep -q '^1.3,.*,1.5\*,' "$books/par-"*.csv || fail "the score set by hand is not marked"
grep -q '^1.3,.*,1.5\*,' "$books/score-"*.csv || fail "score: the score set by hand is not marked"
grep -q 'office:date-value="2025-08-31"' "$books/appendix.fods" ||
	fail "appendix: the due date of \"Tháng 8/2025\" is not a date"
grep -q '^2,.*,Tháng 8/2025,31/08/2025,' "$books/appendix-"*.csv ||
	fail "appendix: task 2's deadline as written and its date"
grep -q 'office:value-type="percentage" office:value="0.3333"' "$books/sipas.fods" ||
	fail "sipas: 33.33% is not a percentage"

# The CSV of sipas results (Vietnamese, a BOM, decimal commas) opened by
# LibreOffice told the charset (UTF-8, 76) and the language (vi-VN, 1066):
# Vietnamese headings, shares as percentages, counts as numbers.
mkdir -p "$work/vicsv"
"$CCHC_BIN" --db "$db" sipas results --round "$round" --format csv -o "$work/vicsv/sipas.csv" ||
	fail "sipas results --format csv"
(cd "$work/vicsv" && office --infilter="CSV:44,34,76,1,,1066" --convert-to fods sipas.csv)
python3 - "$work/vicsv/sipas.fods" <<'EOF2' || fail "the Vietnamese CSV does not read back (above)"
import sys
import xml.etree.ElementTree as ET
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
rows = []
for row in ET.parse(sys.argv[1]).iter(T + "table-row"):
    cells = []
    for cell in row:
        n = min(int(cell.get(T + "number-columns-repeated", "1")), 20)
        text = "\n".join("".join(p.itertext()) for p in cell.findall(X + "p"))
        cells += [(text, cell.get(O + "value-type"), cell.get(O + "value"))] * n
    rows.append(cells)
problems = []
texts = [[c[0] for c in r] for r in rows]
head = [r for r in texts if r[:4] == ["Mã", "Yếu tố / câu hỏi", "Hài lòng", "Số trả lời"]]
if not head:
    problems.append("no Vietnamese heading: %r" % texts[:12])
# Element 1: 33,33% of 12 answers (the round of lib.sh).
one = [r for r in rows if r and r[0][0] == "1" and r[1][0] == "Tiếp cận dịch vụ"]
if not one:
    problems.append("no row for element 1")
else:
    share, count = one[0][2], one[0][3]
    if share[1] != "percentage" or abs(float(share[2]) - 0.3333) > 1e-9:
        problems.append("33,33%% read as %r" % (share,))
    if count[0] != "12" or count[1] != "float" or float(count[2]) != 12:
        problems.append("12 answers read as %r" % (count,))
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF2
exit 0
