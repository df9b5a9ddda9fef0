#!/bin/sh
# PAR INDEX through the screen: with no criteria set, 'a' imports the
# commune template; three criteria are scored by keyboard (1.1 yes/no: 1
# point; 3.4 yes/no: 2 points; 8.1 survey: 17,5 points) and the totals
# shown are checked by hand: the sample plan has no year results and no
# task done, so every computed criterion scores 0 and the total is
# 1 + 2 + 17,5 = 20,5 of 100, index 20,5, band D; section 3 is 2 of 14.
# In the criteria editor the classification is changed (a list out of
# order refused first) and 1.2 moved under section 3 by its code; the
# index then falls in the new lowest band.  `cchc score` prints the same
# without the UI.
. "$(dirname "$0")/lib.sh"

type() {
	tm send-keys -t t -l "$1"
}

# score KEYS... VALUE: select with KEYS, open the leaf's form, type VALUE
# into its first field, save.
score() {
	value=$1
	shift
	send "$@"
	send Enter
	wait_for "F2"
	type "$value"
	send F2
	wait_for "Chỉ số CCHC 2025"
}

start
wait_for "Tất cả lĩnh vực"
send i
wait_for "Chưa có bộ tiêu chí năm 2025"
send a
wait_for "MẪU – Bộ tiêu chí"
wait_for "Tổng 0/100 (0%) · Chỉ số 0 · Xếp loại D"

# 1.1 is the second row; 3.4 sixteen rows further; 8.1 next to last.
score 1 Down
wait_for "Tổng 1/100 (1%) · Chỉ số 1 · Xếp loại D"

# Issue 19: 1.1's evidence document, typed in the form's new document
# fields (after input, override, reason, rounds 1 and 2 with their notes,
# explanation).
send Enter
wait_for "Minh chứng mới: số"
# The computed points follow the input as it is typed.
wait_for "tính được: 1"
send BSpace
wait_for "tính được: —"
type "0"
wait_for "tính được: 0"
send BSpace
type "1"
wait_for "tính được: 1"
send Tab Tab Tab Tab Tab Tab Tab Tab
type "12/KH-UBND"
send Tab
type "20/01/2025"
send Tab
type "Kế hoạch CCHC năm 2025"
send F2
wait_for "Minh chứng (1): 12/KH-UBND 20/01/2025"
# Reopened, the form shows it; saved unchanged, it stays (it was deleted).
send Enter
wait_for "Minh chứng 1: số"
screen | grep -q "12/KH-UBND" || fail "the form does not show the document"
send F2
wait_for "Chỉ số CCHC 2025"
expect_sql "SELECT count(*) || ' ' || group_concat(number || ' ' || date) FROM par_evidence" \
	"1 12/KH-UBND 2025-01-20"
# A reason without an override is refused, not dropped; the message takes
# the whole line and the typing mode moves to the title bar (it cut errors).
send Enter
wait_for "Minh chứng 1: số"
send Tab Tab
type "x"
send F2
wait_for "Lý do đi kèm điểm điều chỉnh; lý do của thẩm định ghi vào ghi chú của lần đó"
screen | head -1 | grep -q "Gõ: Telex" || fail "typing mode not on the title bar: $(screen | head -1)"
send BSpace Escape
wait_for "Chỉ số CCHC 2025"
# The appraisal, round 1, recorded with its note: the document stays.
send Enter
wait_for "Minh chứng 1: số"
send Tab Tab Tab
type "1"
send Tab
type "Đủ hồ sơ"
send F2
wait_for "Thẩm định"
wait_for "Ghi chú lần 1: Đủ hồ sơ"
expect_sql "SELECT count(*) FROM par_evidence" "1"
expect_sql "SELECT appraised1 || ' ' || note1 FROM par_entry" "1.0 Đủ hồ sơ"
# Without the survey the totals line is too long for 80 columns: it wraps,
# the appraised index and the note both shown (they were cut).
send p
wait_for "Thẩm định 1,47 (D)"
wait_for "thang 100"
send p
wait_gone "thang 100"
score 1 Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
wait_for "Tổng 3/100 (3%) · Chỉ số 3 · Xếp loại D"
score 17,5 End Up
wait_for "Tổng 20,5/100 (20,5%) · Chỉ số 20,5 · Xếp loại D"

# The rows show the points: 8.1 scored 17,5 of 20, section 8 too.
screen | grep -q "8\.1 .* 20 *17,5 *17,5 *$" || fail "8.1 row: $(screen | grep '8\.1 ')"
screen | grep -q "^ 8 .* 32 *17,5 *17,5 *$" || fail "section 8 row: $(screen | grep '^ 8 ')"

# The sheet's preview at 132 columns scrolls sideways at 80 (issue 19: its
# right-hand columns could not be seen): Right shows other text, Left
# brings the first columns back.
send P
wait_for "Trang 1/"
send w
wait_for "· 132 cột"
screen > "$work/left"
send Right Right Right Right Right Right
sleep 0.3
screen | diff -q "$work/left" - >/dev/null && fail "Right did not scroll the preview"
send Left Left Left Left Left Left
sleep 0.3
screen | diff -q "$work/left" - >/dev/null || fail "Left did not bring the preview back"
send Escape
wait_for "Tổng 20,5/100"

# The comparison: no 2024, this year's index.
send v
wait_for "Chỉ số CCHC 2025 so với 2024"
wait_for "Chưa có kết quả đánh giá năm trước."
screen | grep -q "Chỉ số *20,5 *$" || fail "index row: $(screen | grep "Chỉ số")"
screen | grep -q "^ 3 Cải cách thủ tục hành chính *2 *$" || fail "section 3 row"
send Escape
wait_for "Tổng 20,5/100"

# The editor: o edits the set's classification; a band list out of order
# is refused on its field; a new code moves 1.2 under section 3.
send c
wait_for "MẪU – Bộ tiêu chí"
# The rules by their Vietnamese names, not the file's codes (issue 16.12).
wait_for "khoảng"
expect_not "bands"
expect_not "TEMPLATE"
send o
wait_for "Xếp loại"
send Tab Tab Tab Tab C-u C-k
send -l "Dat 50; Tot 80; Chua dat 0"
send F2
wait_for "Xếp loại: "
bands="SELECT group_concat(label || ' ' || min, '; ') FROM (SELECT * FROM par_band ORDER BY ord)"
expect_sql "$bands" "A 90.0; B 80.0; C 70.0; D 0.0"
send C-u C-k
send -l "Tot 80; Dat 50; Chua dat 0"
send F2
wait_gone "Xếp loại: "
expect_sql "$bands" "Tot 80.0; Dat 50.0; Chua dat 0.0"
send Home Down Down e
wait_for "1.2"
send C-u C-k
send -l "3.9"
send F2
wait_for "tiêu chí con: 17"
expect_sql "SELECT p.code FROM par_criterion c JOIN par_criterion p ON p.id = c.parent_id WHERE c.code = '3.9'" "3"
send Escape
wait_for "Xếp loại Chua dat"
stop

expect_sql "SELECT count(*) FROM par_entry" "3"
expect_sql "SELECT group_concat(a, ' ') FROM (SELECT e.a FROM par_entry e JOIN par_criterion c ON c.id = e.criterion_id ORDER BY c.code)" "1.0 1.0 17.5"

out=$("$CCHC_BIN" --db "$db" score --year 2025) || fail "cchc score failed"
echo "$out" | grep -q "^Tổng điểm: 20,5/100$" || fail "score: no total in: $out"
echo "$out" | grep -q "^Chỉ số: 20,5 (xếp loại Chua dat)$" || fail "score: no index in: $out"
# The CSV is the report's (issue 19.12): a BOM, Vietnamese headings,
# decimal commas, CRLF.
"$CCHC_BIN" --db "$db" score --year 2025 --format csv > "$work/score.csv" || fail "cchc score csv failed"
head -c 3 "$work/score.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "score csv: no BOM"
grep -q "^Mã,Tiêu chí,Tối đa,Tự chấm,Lần 1,Lần 2,Minh chứng,Giải trình.$" "$work/score.csv" ||
	fail "score csv: no Vietnamese heading"
grep -q "^3.4,.*Cắt giảm thời gian giải quyết TTHC,2,2,,,,.$" "$work/score.csv" ||
	fail "csv row 3.4: $(grep '^3.4,' "$work/score.csv")"
grep -q '^,Tổng,100,"20,5",' "$work/score.csv" ||
	fail "csv total: $(grep '^,T' "$work/score.csv")"

# The output options are report's: --encoding utf8 has no BOM; --export
# (its own letter, not --encoding's) still writes the set.
"$CCHC_BIN" --db "$db" score --year 2025 --format csv --encoding utf8 | head -c 3 | od -An -tx1 |
	grep -q "ef bb bf" && fail "score csv --encoding utf8: a BOM"
"$CCHC_BIN" --db "$db" score --year 2025 --export | grep -q "^set	2025	" ||
	fail "score --export: no set"
# A PDF is a file: without -o, a usage error.
"$CCHC_BIN" --db "$db" score --year 2025 --format pdf 2>/dev/null && fail "--format pdf without -o accepted"
[ $? -eq 2 ] || fail "--format pdf: exit status not 2"

# Issue 19: a 2024 plan, opened in 2024, loads the template: it is 2024's
# (it was labelled 2025, and 2025 then took it, hiding its assessment).
"$CCHC_BIN" --db "$db" copy-plan --plan 1 --year 2024 > /dev/null || fail "copy-plan failed"
start CCHC_TODAY=2024-06-01 --
wait_for "Tất cả lĩnh vực"
send i
wait_for "Chưa có bộ tiêu chí năm 2024"
send a
wait_for "Chỉ số CCHC 2024 — MẪU – Bộ tiêu chí Chỉ số CCHC cấp xã năm 2024"
stop
expect_sql "SELECT group_concat(year, ' ') FROM (SELECT year FROM par_set ORDER BY id)" "2025 2024"
out=$("$CCHC_BIN" --db "$db" score --year 2025) || fail "cchc score failed"
echo "$out" | grep -q "^Tổng điểm: 20,5/100$" || fail "2025 after 2024's template: $out"

# Another set of 2025 does not move 2025 off the set of its assessment;
# x, confirmed, does, and back.
"$CCHC_BIN" --db "$db" score --template --year 2025 > /dev/null || fail "score --template failed"
start
wait_for "Tất cả lĩnh vực"
send i
wait_for "Tổng 20,5/100"
send x
wait_for "Chấm năm 2025 theo bộ 3?"
send n
wait_gone "Chấm năm 2025 theo bộ 3?"
wait_for "Tổng 20,5/100"
send x
wait_for "Chấm năm 2025 theo bộ 3?"
send y
wait_for "Năm 2025 từ nay chấm theo bộ tiêu chí này."
wait_for "Tổng 0/100"
send x
wait_for "Chấm năm 2025 theo bộ 1?"
send y
wait_for "Tổng 20,5/100"
stop
expect_sql "SELECT count(*) FROM par_entry" "3"
exit 0
