#!/bin/sh
# Reports: every report in every format against its golden file (English,
# today 2025-10-15, period 2025-9T, the sample plan); the command's exit
# statuses and messages; CSV read back by Python's csv module to the cells
# in the database; CP1258 and its error; printing from the preview through
# a stand-in print command.
# CCHC_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing
# (then read them through before committing them).
. "$(dirname "$0")/lib.sh"

fixtures=$(cd "$(dirname "$0")/../fixtures/report" && pwd)

# The printer gets the report's PDF: same_pdf A B when their texts agree
# (a PDF's bytes hold the time it was made).
command -v pdftotext > /dev/null || { echo "pdftotext not found: skipping" >&2; exit 77; }
same_pdf() {
	pdftotext -layout "$1" "$work/printed.txt" && pdftotext -layout "$2" "$work/expected.txt" &&
	    cmp -s "$work/printed.txt" "$work/expected.txt"
}

report() {
	CCHC_LANG=en "$CCHC_BIN" --db "$db" report "$@"
}

# expect_usage MESSAGE ARGS...: exit status 2 and MESSAGE on stderr.
expect_usage() {
	msg=$1
	shift
	set +e
	report "$@" > "$work/out" 2> "$work/err"
	rc=$?
	set -e
	[ "$rc" -eq 2 ] || fail "report $*: exit $rc, expected 2"
	grep -qF -- "$msg" "$work/err" || fail "report $*: \"$msg\" not in: $(cat "$work/err")"
	[ ! -s "$work/out" ] || fail "report $*: wrote to stdout on a usage error"
}

# The golden files.
for kind in dashboard units overdue period; do
	for f in txt txt132 html csv; do
		case $f in
		txt132) args="--format txt --width 132"; file=$kind-132.txt ;;
		*) args="--format $f"; file=$kind.$f ;;
		esac
		# shellcheck disable=SC2086
		report "$kind" --period 2025-9T $args > "$work/$file" ||
			fail "report $kind $args failed"
		if [ "${CCHC_UPDATE_GOLDEN:-}" = 1 ]; then
			cp "$work/$file" "$fixtures/$file"
		elif ! cmp -s "$work/$file" "$fixtures/$file"; then
			diff -u "$fixtures/$file" "$work/$file" | head -40 >&2
			fail "report $kind $args differs from tests/fixtures/report/$file"
		fi
	done
done

# Periods in lower case, and -o.
report overdue --period 2025-9t --format txt -o "$work/o.txt" || fail "2025-9t refused"
cmp -s "$work/o.txt" "$work/overdue.txt" || fail "-o wrote something else than stdout"

# Usage errors name what is wrong.
expect_usage "2025-7T" period --period 2025-7T
expect_usage "9T-2025" period --period 9T-2025
expect_usage "--period is required" period
expect_usage "Phòng Không Có" units --period 2025-9T --unit "Phòng Không Có"
expect_usage "weekly" weekly --period 2025-9T
expect_usage "docx" period --period 2025-9T --format docx
expect_usage "-o FILE" period --period 2025-9T --format pdf
expect_usage "100" period --period 2025-9T --width 100
expect_usage "2030" period --period 2030-9T
expect_usage "--unit" dashboard --period 2025-9T --unit "Phòng VHXH"

# A unit, by any of its spellings.
report units --period 2025-9T --unit VHXH > "$work/unit.txt" || fail "--unit VHXH refused"
grep -qF "Phòng Văn hóa - Xã hội:" "$work/unit.txt" || fail "the unit's section is missing"
if grep -qF "Trung tâm Phục vụ hành chính công:" "$work/unit.txt"; then
	fail "--unit kept another unit"
fi

# CSV read back by a real reader: every task's cells as in the database,
# a description with a comma, quotes and a line break included; the
# evidence cell cites the document as "number, dd/mm/yyyy: summary", of
# these only the parts given.
sql "UPDATE task SET description = 'Rà soát, \"đặc biệt\"' || char(10) || 'dòng hai',
	evidence = 'QĐ số 12/QĐ-UBND; \"Báo cáo\", 2025' WHERE id = (SELECT min(id) FROM task)"
sql "UPDATE task SET evidence_number = '120/BC-UBND', evidence_date = '2025-06-20',
	evidence = 'Báo cáo kết quả' WHERE id = (SELECT min(id) + 1 FROM task)"
sql "UPDATE task SET evidence_date = '2025-07-01' WHERE id = (SELECT min(id) + 2 FROM task)"
report period --period 2025-9T --format csv -o "$work/p.csv" || fail "csv export failed"
head -c 3 "$work/p.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM in the CSV"
python3 - "$work/p.csv" "$db" <<'PY' || fail "the CSV does not read back to the database's cells"
import csv, sqlite3, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
assert len({len(r) for r in rows}) == 1, "records of different lengths"
db = sqlite3.connect(sys.argv[2])
for tt, desc, number, date, summary in db.execute("SELECT tt, description, "
        "evidence_number, ifnull(strftime('%d/%m/%Y', evidence_date), ''), evidence FROM task"):
    hits = [r for r in rows if r[0] == tt and r[1] == desc]
    assert len(hits) == 1, (tt, desc, len(hits))
    cited = ", ".join(p for p in (number, date) if p)
    want = ": ".join(p for p in (cited, summary) if p)
    assert hits[0][5] == want, (hits[0][5], want)
PY
report period --period 2025-9T --format csv --encoding utf8 > "$work/u.csv"
[ "$(head -c 1 "$work/u.csv")" = U ] || fail "--encoding utf8 wrote a BOM"

# CP1258 reads back to the same NFC text (≥ written >=).
report period --period 2025-9T --format csv --encoding cp1258 > "$work/w.csv" ||
	fail "cp1258 export failed"
python3 - "$work/w.csv" "$work/u.csv" <<'PY' || fail "CP1258 does not read back"
import sys, unicodedata
w = unicodedata.normalize('NFC', open(sys.argv[1], encoding='cp1258', newline='').read())
u = open(sys.argv[2], encoding='utf-8', newline='').read().replace('≥', '>=').replace('≤', '<=')
assert w == u
PY
sql "UPDATE task SET description = 'Hoàn thành ✓ → 100%' WHERE id = (SELECT max(id) FROM task)"
set +e
report period --period 2025-9T --format csv --encoding cp1258 -o "$work/bad.csv" 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "cp1258 with ✓: exit $rc, expected 1"
grep -qF "“✓” (U+2713)" "$work/err" || fail "the error does not list ✓: $(cat "$work/err")"
grep -qF "“→” (U+2192)" "$work/err" || fail "the error does not list →: $(cat "$work/err")"
[ ! -e "$work/bad.csv" ] || fail "a failed export left a file"

# Printing from the preview: P on the dashboard, p prints; the stand-in
# print command saves what it gets.
cat > "$work/fakelp" <<SH
#!/bin/sh
printf '%s\n' "\$@" > "$work/args"
for f; do :; done
cp "\$f" "$work/printed.pdf"
SH
chmod +x "$work/fakelp"
print_command "$work/fakelp"
sql "INSERT OR REPLACE INTO setting (key, value) VALUES ('printer', 'office-laser')"
start CCHC_LANG=en
wait_for "Dashboard"
send P
wait_for "Page 1/"
send p
wait_for "Sent to the printer"
report dashboard --period 2025-N --format pdf -o "$work/expected.pdf"
same_pdf "$work/printed.pdf" "$work/expected.pdf" || fail "the printer got something else"
grep -qx "office-laser" "$work/args" || fail "the printer's name was not passed"
# A print command that is missing, then one that fails: a clear message,
# and the preview stays.
print_command "$work/missing-lp"
send p
wait_for "not installed"
printf '#!/bin/sh\ncat >/dev/null\necho "lp: printer on fire" >&2\nexit 1\n' > "$work/badlp"
chmod +x "$work/badlp"
print_command "$work/badlp"
send p
wait_for "printer on fire"
wait_for "Page 1/"
stop

# ---- The PAR INDEX sheet -------------------------------------------------
# No criteria set yet: exit 1 and a message that says how to get one.
set +e
report par --period 2025-N > "$work/out" 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "report par without criteria: exit $rc, expected 1"
grep -qF "no criteria set for 2025" "$work/err" || fail "par without criteria: $(cat "$work/err")"
[ ! -s "$work/out" ] || fail "report par without criteria wrote to stdout"

# The commune template through the command line; the scores through SQL,
# since `cchc score` does not enter scores (the PAR INDEX screen does, see
# score.sh): 1.1 yes (1 point, round 1: 1) with one document; 3.4 yes (2
# points, round 1: 1, round 2: 2) with two documents, the second undated
# and unnumbered; 8.1 survey 17,5 points; 1.4 no input, its self score set
# by hand to 1 with a reason.  By hand: self 1 + 1 + 2 + 17,5 = 21,5 of
# 100, index 21,5, band D; appraised the same.  Round 1 of area 1: 1.1's 1
# and 1.4's 1 left alone = 2; of area 3: 3.4's 1; in all 1 + 1 + 1 + 17,5 =
# 20,5; round 2: 3.4's 2 for its 1, 21,5.
CCHC_LANG=en "$CCHC_BIN" --db "$db" score --template > /dev/null || fail "score --template failed"
sql "INSERT INTO par_assessment (set_id, year, survey_held) SELECT min(id), 2025, 1 FROM par_set;
INSERT INTO par_entry (assessment_id, criterion_id, a, appraised1)
	SELECT (SELECT max(id) FROM par_assessment), id, 1, 1 FROM par_criterion WHERE code = '1.1';
INSERT INTO par_entry (assessment_id, criterion_id, a, appraised1, appraised2, explanation)
	SELECT (SELECT max(id) FROM par_assessment), id, 1, 1, 2, 'Đã bổ sung quyết định công bố'
	FROM par_criterion WHERE code = '3.4';
INSERT INTO par_entry (assessment_id, criterion_id, a)
	SELECT (SELECT max(id) FROM par_assessment), id, 17.5 FROM par_criterion WHERE code = '8.1';
INSERT INTO par_entry (assessment_id, criterion_id, override, reason)
	SELECT (SELECT max(id) FROM par_assessment), id, 1, 'Tuyên truyền trên loa truyền thanh xã'
	FROM par_criterion WHERE code = '1.4';
INSERT INTO par_evidence (assessment_id, criterion_id, ord, number, date, summary)
	SELECT (SELECT max(id) FROM par_assessment), id, 1, '15/KH-UBND', '2025-01-10',
	'Kế hoạch cải cách hành chính năm 2025 của UBND xã' FROM par_criterion WHERE code = '1.1';
INSERT INTO par_evidence (assessment_id, criterion_id, ord, number, date, summary)
	SELECT (SELECT max(id) FROM par_assessment), id, 1, '120/BC-UBND', '2025-06-20',
	'Báo cáo rà soát, cắt giảm thời gian giải quyết TTHC' FROM par_criterion WHERE code = '3.4';
INSERT INTO par_evidence (assessment_id, criterion_id, ord, number, date, summary)
	SELECT (SELECT max(id) FROM par_assessment), id, 2, '', NULL,
	'Danh mục TTHC được cắt giảm thời gian' FROM par_criterion WHERE code = '3.4'"

# golden KIND FORMAT FILE ARGS...: the report against tests/fixtures/report/FILE.
golden() {
	kind=$1 file=$2
	shift 2
	report "$kind" "$@" > "$work/$file" || fail "report $kind $* failed"
	if [ "${CCHC_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$work/$file" "$fixtures/$file"
	elif ! cmp -s "$work/$file" "$fixtures/$file"; then
		diff -u "$fixtures/$file" "$work/$file" | head -40 >&2
		fail "report $kind $* differs from tests/fixtures/report/$file"
	fi
}

golden par par.txt --period 2025-N --format txt
golden par par.csv --period 2025-N --format csv
golden par par.html --period 2025-N --format html
# The figures as worked by hand, and the same as `cchc score` prints.
grep -qx "Total: 21.5 of 100" "$work/par.txt" || fail "par: no total"
grep -qx "Index: 21.5 (band D)" "$work/par.txt" || fail "par: no index"
grep -qx "Appraised index: 21.5 (band D)" "$work/par.txt" || fail "par: no appraised index"
# `cchc score` is the same sheet, in every format.
for f in txt csv html; do
	CCHC_LANG=en "$CCHC_BIN" --db "$db" score --year 2025 --format $f > "$work/score.$f"
	cmp -s "$work/par.$f" "$work/score.$f" || fail "score and report par differ ($f)"
done
python3 - "$work/par.csv" <<'PY' || fail "the PAR CSV does not read back"
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    records = list(csv.reader(f))
rows = {r[0]: r for r in records}
assert rows['3.4'][2:6] == ['2', '2', '1', '2'], rows['3.4']
assert rows['3.4'][6] == ('- 120/BC-UBND, 20/06/2025: Báo cáo rà soát, cắt giảm thời gian '
    'giải quyết TTHC\n- Danh mục TTHC được cắt giảm thời gian'), rows['3.4'][6]
assert rows['8'][3] == '17.5', rows['8']
# The sheet sent up: the explanation, the override marked with its reason,
# the rounds of appraisal per area and in total.
assert rows['3.4'][7] == 'Đã bổ sung quyết định công bố', rows['3.4']
assert rows['1.4'][3] == '1*', rows['1.4']
assert rows['1.4'][7] == '* Self score set by hand: Tuyên truyền trên loa truyền thanh xã', rows['1.4']
assert rows['1'][4:6] == ['2', ''], rows['1']
assert rows['3'][4:6] == ['1', '2'], rows['3']
total = [r for r in records if len(r) > 1 and r[1] == 'Total'][0]
assert total[2:6] == ['100', '21.5', '20.5', '21.5'], total
assert rows['1.1'][1] == '\u00a0\u00a0Ban hành đầy đủ văn bản, kế hoạch CCHC năm', rows['1.1'][1]
PY
# Any period of the year picks the year; a year before any set has none.
report par --period 2025-q1 --format txt > "$work/q1.txt" || fail "report par 2025-Q1 failed"
cmp -s "$work/q1.txt" "$work/par.txt" || fail "2025-Q1 gave another sheet than 2025-N"
set +e
report par --period 2020-N > "$work/out" 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "report par 2020: exit $rc, expected 1"
grep -qF "no criteria set for 2020" "$work/err" || fail "par 2020: $(cat "$work/err")"
expect_usage "--unit" par --period 2025-N --unit VHXH
expect_usage "--round" par --period 2025-N --round 1
# Last year assessed (with the same set): the sheet ends with the
# comparison `cchc score` printed before it was the report.
sql "INSERT INTO par_assessment (set_id, year, survey_held) SELECT min(id), 2024, 1 FROM par_set;
INSERT INTO par_entry (assessment_id, criterion_id, a)
	SELECT (SELECT max(id) FROM par_assessment), id, 17.5 FROM par_criterion WHERE code = '8.1'"
report par --period 2025-N --format csv --encoding utf8 > "$work/cmp.csv" || fail "par with 2024"
grep -q "^Compared with 2024," "$work/cmp.csv" || fail "par: no comparison with 2024"
grep -q "^Code,Criterion,Now,Before,Change," "$work/cmp.csv" || fail "par: no comparison table"
grep -Eq "^,Index,21\.5,[0-9.]+,[0-9.]+" "$work/cmp.csv" ||
	fail "par: the index compared: $(grep '^,Index' "$work/cmp.csv")"

# ---- A SIPAS round's results ---------------------------------------------
# A round of six forms (lib.sh).
round=$(sipas_round)
golden sipas sipas.txt --round "$round" --format txt
golden sipas sipas.csv --round "$round" --format csv
golden sipas sipas.html --round "$round" --format html
# `cchc sipas results` is the same report, in every format.
for f in csv txt html; do
	CCHC_LANG=en "$CCHC_BIN" --db "$db" sipas results --round "$round" --format $f > "$work/sr.$f"
	cmp -s "$work/sipas.$f" "$work/sr.$f" || fail "report sipas and sipas results differ ($f)"
done
grep -q "^Overall index: [0-9.]*%$" "$work/sipas.txt" || fail "sipas: no overall index"
grep -qF "Formula: the mean of the element shares" "$work/sipas.txt" || fail "sipas: no formula"
expect_usage "--round ID is required" sipas
expect_usage "--period does not apply" sipas --round "$round" --period 2025-N
expect_usage "--unit does not apply" sipas --round "$round" --unit VHXH
expect_usage "not x" sipas --round x
set +e
report sipas --round 999 > "$work/out" 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "report sipas --round 999: exit $rc, expected 1"
grep -qF "no survey round 999" "$work/err" || fail "round 999: $(cat "$work/err")"

# P on the SIPAS results screen opens that round's preview; p prints it.
print_command "$work/fakelp"
start CCHC_LANG=en
wait_for "Dashboard"
send h
wait_for "Đợt 1 năm 2025"
send r
wait_for "SIPAS results: Đợt 1 năm 2025"
send P
wait_for "Page 1/"
wait_for "Results of the satisfaction survey (SIPAS)"
send p
wait_for "Sent to the printer"
stop
report sipas --round "$round" --format pdf -o "$work/expected.pdf"
same_pdf "$work/printed.pdf" "$work/expected.pdf" || fail "the printer got another SIPAS report"
# A later round (no forms yet): its results screen sets the earlier one
# beside it, and so does its preview: what prints is
# `sipas results --compare`.
sql "INSERT INTO sipas_round (questionnaire_id, name, folded, date_from, date_to)
	VALUES ((SELECT max(id) FROM sipas_questionnaire), 'Đợt 2 năm 2025', 'dot 2 nam 2025',
	'2025-10-01', '2025-10-31')"
round2=$(sql "SELECT max(id) FROM sipas_round")
rm -f "$work/printed.pdf"
start CCHC_LANG=en
wait_for "Dashboard"
send h
wait_for "Đợt 2 năm 2025"
send r
wait_for "SIPAS results: Đợt 2 năm 2025"
send P
wait_for "Page 1/"
send p
wait_for "Sent to the printer"
stop
CCHC_LANG=en "$CCHC_BIN" --db "$db" sipas results --round "$round2" --compare "$round" --format pdf \
	-o "$work/expected.pdf" || fail "sipas results --compare --format pdf"
pdftotext "$work/expected.pdf" - | grep -qF "Compared with Đợt 1 năm 2025 (6 forms)" ||
	fail "sipas results --compare: no comparison"
same_pdf "$work/printed.pdf" "$work/expected.pdf" || fail "the preview did not compare the rounds"

# ---- The reporting year: interim verdicts, the cut-off, the calendar -----
# "Xây dựng 02 sáng kiến" (a count) at 1 in nine months is on its way, and
# not met at the year's end; a task finished on 20/9 was not done at the
# nine months' cut-off (14/9).
sql "INSERT INTO period (year, kind, start_date, end_date) VALUES
	(2025, 'm9', '2025-01-01', '2025-09-30'), (2025, 'year', '2025-01-01', '2025-12-31')
	ON CONFLICT DO NOTHING;
INSERT INTO result (target_id, period_id, value) SELECT t.id, p.id, 1 FROM target t, period p
	WHERE t.text LIKE 'Xây dựng 02 sáng kiến%' AND p.year = 2025;
UPDATE task SET progress = 'done', completion_date = '2025-09-20' WHERE id = (SELECT min(id) FROM task);"
report period --period 2025-9T --format csv --encoding utf8 > "$work/p9.csv" || fail "period 9T failed"
grep -qF "1/2 · In progress" "$work/p9.csv" || fail "9T: the count is not in progress"
grep -qF "Data from 15/12/2024 to 14/9/2025." "$work/p9.csv" || fail "9T: no data span"
grep -qF "0 done (0 of them late)" "$work/p9.csv" || fail "9T: a task done after the cut-off counted"
report period --period 2025-N --format csv --encoding utf8 > "$work/pn.csv" || fail "period N failed"
grep -qF "Not met" "$work/pn.csv" || fail "year: the count is not judged"
grep -qF "Data from 15/12/2024 to 14/12/2025." "$work/pn.csv" || fail "year: no data span"
sql "INSERT INTO setting (key, value) VALUES ('report_periods', 'calendar')"
report period --period 2025-6T --format txt > "$work/p6.txt" || fail "period 6T failed"
grep -qF "Data from 1/1/2025 to 30/6/2025." "$work/p6.txt" || fail "calendar months: $(head -12 "$work/p6.txt")"
sql "DELETE FROM setting WHERE key = 'report_periods'"
report calendar --period 2025-q1 --sent 18/3/2025 --format csv --encoding utf8 > "$work/cal.csv" ||
	fail "report calendar --sent failed"
grep -qF "Q1/2025,15/12/2024,14/03/2025,20/03/2025,Sent on 18/03/2025" "$work/cal.csv" ||
	fail "calendar: Q1 not sent: $(cat "$work/cal.csv")"
grep -qF "6 months/2025,15/12/2024,14/06/2025,20/06/2025,Overdue by 117 days" "$work/cal.csv" ||
	fail "calendar: 6 months not overdue: $(cat "$work/cal.csv")"
grep -qF "Year/2025,15/12/2024,14/12/2025,20/12/2025,66 days left" "$work/cal.csv" ||
	fail "calendar: the year: $(cat "$work/cal.csv")"
expect_usage "--sent" period --period 2025-9T --sent 18/3/2025
expect_usage "--unit" calendar --unit VHXH
set +e
report calendar --period 2025-6T --sent 31/2/2025 > "$work/out" 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "--sent 31/2: exit $rc, expected 1"
grep -qF "not a date: 31/2/2025" "$work/err" || fail "--sent 31/2: $(cat "$work/err")"
echo "report: ok"
