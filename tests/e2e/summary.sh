#!/bin/sh
# The per-unit summary: the units list counts each unit's tasks as the
# database has them and puts the units with overdue tasks first; t shows
# one unit's tasks across the sections; P previews the overdue report of
# that unit, f narrows the preview to another unit and period, and what is
# printed is what `cchc report` writes for the same unit and period.
. "$(dirname "$0")/lib.sh"

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

cat > "$work/fakelp" <<SH
#!/bin/sh
for f; do :; done
cp "\$f" "$work/printed.pdf"
SH
chmod +x "$work/fakelp"

start CCHC_LANG=en
wait_for "Dashboard"
print_command "$work/fakelp"
send d
wait_for "Units of the office (9)"
wait_for "overdue first"

# The sample has one overdue task (III.1): its lead and its cooperating
# unit come first, each with its counts as the tables give them.
ttpv=$(sql "SELECT id FROM unit WHERE name = 'Trung tâm Phục vụ hành chính công'")
leads=$(sql "SELECT count(*) FROM task WHERE lead_unit_id = $ttpv")
coop=$(sql "SELECT count(*) FROM task_cooperator WHERE unit_id = $ttpv")
late=$(sql "SELECT lead_unit_id FROM task WHERE tt = '1' AND section_id =
	(SELECT id FROM section WHERE code = 'tthc')")
[ "$late" = "$ttpv" ] || fail "the sample's overdue task has another lead unit"
first=$(line 4)
echo "$first" | grep -q "^ *Trung tâm Phục vụ hành chính công  *$leads  *$coop  *1  " ||
	fail "first row: $first (expected $leads led, $coop cooperating, 1 overdue)"
echo "$(line 6)" | grep -q " 0  *[0-9]* *$" || fail "the third unit should have no overdue task"

# s: the units' own order, then back.
send s
wait_for "units' order"
line 4 | grep -q "^ *Các phòng chuyên môn" || fail "own order: $(line 4)"
send s
wait_for "overdue first"

# t: the unit's tasks in every section, numbered with their section.
send Home t
involved=$(sql "SELECT count(*) FROM task WHERE lead_unit_id = $ttpv OR id IN
	(SELECT task_id FROM task_cooperator WHERE unit_id = $ttpv)")
total=$(sql "SELECT count(*) FROM task")
wait_for "All sections — tasks ($involved/$total)"
wait_for "filter: Trung tâm Phục vụ hành chính công"
wait_for " 3.1 "

# P: the overdue report of that unit; p prints exactly the command's text.
send P
wait_for "Page 1/"
wait_for "Trung tâm Phục vụ hành chính công"
send p
wait_for "Sent to the printer"
report overdue --period 2025-N --unit "Trung tâm Phục vụ hành chính công" --format pdf -o "$work/expected.pdf"
same_pdf "$work/printed.pdf" "$work/expected.pdf" || fail "printed another report than the unit's"

# f: an unknown unit is refused on its field and the preview kept.
send f
wait_for "Filter the report"
send End C-u
send -l "Phòng Không Có"
send F2
wait_for "Unit (lead or cooperating)"
screen | grep -q "Phòng Không Có" || fail "the refused name was lost"
# Another unit and the 9 months (Year wraps to Q1): the preview and the
# print follow.
send C-u
send -l "Phòng Kinh tế"
send Tab Right Right Right
send F2
wait_for "Page 1/"
wait_for "Phòng Kinh tế"
wait_for "Filter applied."
send p
wait_for "Sent to the printer"
report overdue --period 2025-9T --unit "Phòng Kinh tế" --format pdf -o "$work/expected.pdf"
same_pdf "$work/printed.pdf" "$work/expected.pdf" || {
	diff "$work/expected.txt" "$work/printed.txt" | head -20 >&2
	fail "the filtered preview printed another report"
}
stop
echo "summary: ok"
