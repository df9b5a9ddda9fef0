#!/bin/sh
# Import and export from the command line: a dry run shows the parse and
# writes nothing; a real import writes everything; a bad file is refused
# with its line and nothing written; export then import gives the same
# tasks; the database goes out as documented CSV files.
. "$(dirname "$0")/lib.sh"

fixtures="$(cd "$(dirname "$0")/../fixtures/appendix" && pwd)"

# cchc ARGS...: runs cchc in English on the test database; output in
# $work/out (stdout) and $work/err (stderr), status in $status.
cchc() {
	set +e
	"$CCHC_BIN" --lang en --db "$db" "$@" >"$work/out" 2>"$work/err" </dev/null
	status=$?
	set -e
}

expect_status() {
	[ "$status" -eq "$1" ] || fail "exit $status, expected $1: $(cat "$work/err")"
}

# expect_in FILE TEXT: TEXT (fixed string) is in $work/FILE.
expect_in() {
	grep -qF -- "$2" "$work/$1" || fail "$1 lacks \"$2\": $(cat "$work/$1")"
}

# The first run makes the database with the sample plan.
cchc export appendix --plan 1 -o "$work/before.tsv"
expect_status 0
tasks=$(sql "SELECT count(*) FROM task")
products=$(sql "SELECT count(*) FROM product")

# A dry run shows sections, tasks, products, deadlines and warnings, and
# writes nothing.
cchc import appendix "$fixtures/domain.tsv" --plan 1 --dry-run
expect_status 0
expect_in out "domain.tsv (tab-separated)"
expect_in out "UTF-8: 2 sections, 3 tasks, 4 products"
expect_in out "Cải cách thủ tục hành chính (line 5)"
expect_in out "Trước ngày 15/5/2026 → 15/05/2026"
expect_in out "line 7: warning: the monitoring unit \"Phòng VHXH\" differs"
expect_in out "Dry run: nothing was written."
expect_sql "SELECT count(*) FROM task" "$tasks"

# The same file from Excel's "Unicode text" (UTF-16LE) and from CP1258.
cchc import appendix "$fixtures/enc-utf16le.txt" --plan 1 --dry-run
expect_status 0
expect_in out "UTF-16LE (Unicode text): 2 sections, 3 tasks, 4 products"
cchc import appendix "$fixtures/enc-cp1258.txt" --plan 1 --dry-run
expect_status 0
expect_in out "Ban hành Kế hoạch tuyên truyền CCHC năm 2026"

# The real import writes it all.
cchc import appendix "$fixtures/domain.tsv" --plan 1
expect_status 0
expect_in out "Imported into the plan \"Kế hoạch cải cách hành chính năm 2025\": 3 tasks, 4 products"
expect_sql "SELECT count(*) FROM task" $((tasks + 3))
expect_sql "SELECT count(*) FROM product" $((products + 4))
expect_sql "SELECT due_date FROM product WHERE deadline_text = 'Trước ngày 15/5/2026'" "2026-05-15"
expect_sql "SELECT u.name FROM task t JOIN unit u ON u.id = t.lead_unit_id
	WHERE t.description LIKE 'Rà soát, công bố danh mục TTHC%'" \
	"Trung tâm Phục vụ hành chính công"

# A bad file: the error names its line, the exit status is 1, nothing is
# written.
tasks=$(sql "SELECT count(*) FROM task")
cchc import appendix "$fixtures/bad-section.tsv" --plan 1
expect_status 1
expect_in out "line 4: error: \"Công tác thi đua khen thưởng\" is none of the seven sections"
expect_in err "nothing was written"
expect_sql "SELECT count(*) FROM task" "$tasks"
cchc import appendix "$fixtures/bad-utf8.tsv" --plan 1
expect_status 1
expect_in err "bad-utf8.tsv: line 4: not valid UTF-8"
expect_sql "SELECT count(*) FROM task" "$tasks"

# Unknown units: listed, refused, then created on request.
cchc import appendix "$fixtures/unknown-units.tsv" --plan 1
expect_status 1
expect_in out "\"Phòng Tư pháp\" (line 3, 2 times)"
expect_in err "--create-units"
expect_sql "SELECT count(*) FROM task" "$tasks"
expect_sql "SELECT count(*) FROM unit WHERE name = 'Phòng Tư pháp'" 0
cchc import appendix "$fixtures/unknown-units.tsv" --plan 1 --map "Phòng Tư pháp=Văn phòng HĐND và UBND" --dry-run
expect_status 1
expect_in err "--create-units"
cchc import appendix "$fixtures/unknown-units.tsv" --plan 1 --map "Phòng Tư pháp=Văn phòng HĐND và UBND" --create-units
expect_status 0
expect_sql "SELECT count(*) FROM task" $((tasks + 2))
expect_sql "SELECT count(*) FROM unit WHERE name = 'Phòng Tư pháp'" 0
expect_sql "SELECT count(*) FROM unit WHERE name = 'Ban Chỉ huy Quân sự xã'" 1

# Usage errors.
cchc import appendix "$fixtures/domain.tsv"
expect_status 2
expect_in err "--plan"
cchc import appendix "$fixtures/domain.tsv" --plan 99
expect_status 2
expect_in err "no such plan"
cchc import appendix "$work/none.tsv" --plan 1
expect_status 1
expect_in err "$work/none.tsv"

# Targets from a list.
targets=$(sql "SELECT count(*) FROM target")
cchc import targets "$fixtures/targets.tsv" --plan 1 --dry-run
expect_status 0
expect_in out "reduction >= 30"
expect_in out "line 9: warning: no figure in the text: taken as a yes/no target"
expect_sql "SELECT count(*) FROM target" "$targets"
cchc import targets "$fixtures/targets.tsv" --plan 1
expect_status 0
expect_sql "SELECT count(*) FROM target" $((targets + 9))
expect_sql "SELECT kind || comparator || value FROM target WHERE text = 'Trên 99% hồ sơ TTHC được giải quyết đúng hạn'" "rate>99.0"

# Export then import: the same tasks, in a second plan.
cchc export appendix --plan 1 -o "$work/plan1.tsv"
expect_status 0
sql "INSERT INTO plan (id, title, folded, sort_key, year_from, year_to)
	VALUES (2, 'Bản sao', 'ban sao', 'ban sao', 2025, 2025)"
cchc import appendix "$work/plan1.tsv" --plan 2
expect_status 0
cchc export appendix --plan 2 -o "$work/plan2.tsv"
cmp -s "$work/plan1.tsv" "$work/plan2.tsv" || fail "export -> import -> export differs: $(diff "$work/plan1.tsv" "$work/plan2.tsv")"
expect_sql "SELECT count(*) FROM task WHERE plan_id = 2" "$(sql "SELECT count(*) FROM task WHERE plan_id = 1")"

# The whole database as CSV files with a README.
cchc export db "$work/csv"
expect_status 0
for t in task product unit unit_alias plan target section; do
	[ -f "$work/csv/$t.csv" ] || fail "no $t.csv"
	grep -q "^$t.csv" "$work/csv/README.txt" || fail "README.txt does not document $t.csv"
done
[ "$(grep -c '' "$work/csv/plan.csv")" -eq 3 ] || fail "plan.csv: $(cat "$work/csv/plan.csv")"
cchc export db "$work/csv/task.csv"
expect_status 1

echo "import.sh: ok"
