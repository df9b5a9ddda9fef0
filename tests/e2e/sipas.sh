#!/bin/sh
# SIPAS fast entry, keyboard only: a new survey round, ten forms of the
# shipped questionnaire (3 respondent fields, 20 questions) typed one key an
# answer, each form in exactly answers + 2 keys (Enter takes the proposed
# form number, Enter after the last answer saves); then the indexes on the results screen, in the database and
# in a target's result.  A form number already entered is refused and a key
# that is no answer beeps and changes nothing.
#
# The ten forms (fields: gender, age group, service; then the 20 answers,
# element 1 = questions 1.1-1.3, elements 2-5 = the other 17):
#   forms 1-6   1 1 1   all 5                     all satisfied
#   forms 7-9   2 2 2   1.1-1.3: 4, the rest: 3   element 1 satisfied only
#   form 10     0 0 0   all 0                     nothing answered
# Worked by hand:
#   element 1: 9 of 9 forms satisfied -> 100%, 27 answers (1.1: 9 answers)
#   elements 2-5: 6 of 9 -> 66.666…%, printed 66.67%
#   index (mean of elements): (100 + 4 · 66.666…) / 5 = 73.333… -> 73.33%
#   by gender: Nam (6 forms) 100% everywhere, index 100%;
#              Nữ (3 forms) element 1 100%, others 0%, index 20%;
# (rates with two decimals at most, as everywhere: 100%, 66.67%);
#              not given (form 10): no shares, no index.
# Then the forms list of the round: form 10 deleted (it answered nothing:
# the index stays), form 7 corrected by retyping it (2.1: 3 -> 5, index
# 73.78%), form 8 renumbered 12 with F2 (3, taken, refused), and a
# correction left with Esc that changes nothing.
. "$(dirname "$0")/lib.sh"

# The terminal bell: tmux flags a window that rang while not looked at;
# looking at another window and back clears the flag.
bell_reset() {
	tm new-window -d -t t:9 2>/dev/null || true
	tm select-window -t t:9
	tm select-window -t t:0
}

# Keys go to cchc's window by name, never to whichever window tmux has
# current: bell_reset switches windows.
send() {
	tm send-keys -t t:0 "$@"
}

bell() {
	tm display -p -t t:0 '#{window_bell_flag}'
}

expect_bell() {
	i=0
	while [ "$(bell)" != 1 ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$(bell)" = 1 ] || fail "no beep: $1"
	bell_reset
}

# type_form FIELDS ANSWERS: Enter on the proposed number, one key an
# answer, Enter on the line that asks to save.
type_form() {
	send Enter
	wait_gone "Enter: this number"
	send -l "$1$2"
	wait_for "Enter: save form"
	send Enter
}

# find_down TEXT: moves down the results line by line until TEXT shows.
find_down() {
	i=0
	while ! screen | grep -qF -- "$1"; do
		[ $i -lt 30 ] || fail "\"$1\" not in the results"
		send Down Down Down Down Down
		sleep 0.1
		i=$((i + 1))
	done
}

fives=55555555555555555555
mixed=44433333333333333333
zeros=00000000000000000000

start -- --lang en
wait_for "All sections"
send h
wait_for "Satisfaction survey rounds (0)"

# A round: name, the default questionnaire, days, service.
send a
wait_for "New survey round"
tm send-keys -t t:0 -l "Dot 1"
send Tab Tab
tm send-keys -t t:0 -l "01/10/2025"
send Tab
tm send-keys -t t:0 -l "31/10/2025"
send Tab
tm send-keys -t t:0 -l "Ho tich"
send F2
wait_for "Satisfaction survey rounds (1)"
expect_sql "SELECT name, date_from, date_to, service FROM sipas_round" "Dot 1|2025-10-01|2025-10-31|Ho tich"

send Enter
wait_for "Forms entered: 0   (this session: 0)"
wait_for "Enter: this number, or type another"
# F1 lists the keys of the fast entry, the arrows too (issue 19).
send F1
wait_for 'Keys of the screen "Survey forms: fast entry"'
wait_for "Up/Down"
send Escape
wait_for "Enter: this number, or type another"
bell_reset

n=0
for f in 1 2 3 4 5 6; do
	type_form 111 $fives
	n=$((n + 1))
	wait_for "Forms entered: $n   (this session: $n)"
done
for f in 7 8 9; do
	type_form 222 $mixed
	n=$((n + 1))
	wait_for "Forms entered: $n   (this session: $n)"
done
type_form 000 $zeros
wait_for "Forms entered: 10   (this session: 10)"
wait_for "Form 10 saved."
[ "$(bell)" = 0 ] || fail "a right key beeped"

expect_sql "SELECT count(*), min(number), max(number) FROM sipas_form" "10|1|10"
expect_sql "SELECT value, count(*) FROM sipas_answer GROUP BY value ORDER BY value" \
	"0|20
3|51
4|9
5|120"
expect_sql "SELECT f.name, r.value, count(*) FROM sipas_respondent r JOIN sipas_field f ON f.id = r.field_id
	WHERE f.code = 'gioi_tinh' GROUP BY r.value" "Giới tính|1|6
Giới tính|2|3"

# Form 3 again: refused, the number stays to be typed.
send 3 Enter
wait_for "Form 3 is already entered in this round"
wait_for "Enter: this number, or type another"
expect_sql "SELECT count(*) FROM sipas_form" "10"

# A wrong key beeps and changes nothing: 7 is no gender, x no answer.
send Enter
wait_for "Form number: 11"
wait_gone "Enter: this number"
screen > "$work/before"
send 7
expect_bell "7 for the gender"
send x
expect_bell "x for the gender"
screen | diff "$work/before" - >/dev/null || fail "a wrong key changed the screen"
# Backspace goes back one answer: from the gender to the number.
send 1 2
wait_for "Nhóm tuổi          [2]"
# The current field's options in full on the last rows: its list above is
# cut at 80 columns before the last one (issue 19).
wait_for "5 Khác"
send BSpace BSpace BSpace
wait_for "Enter: this number, or type another"
expect_sql "SELECT count(*) FROM sipas_form" "10"

# Leaving with a form begun asks first.
send 1
send Escape
wait_for "Leave without saving this form?"
send y
wait_for "Satisfaction survey rounds (1)"
screen | grep "Dot 1" | grep -q "01/10/2025 – 31/10/2025 Ho tich *10$" || fail "round row: $(screen | grep 'Dot 1')"

# The results screen.
send r
wait_for "SIPAS results: Dot 1"
wait_for "Forms entered: 10"
screen | grep -q "^ 1. Tiếp cận dịch vụ  *100%  *27 *$" || fail "element 1"
screen | grep -q "^    1.1 Nơi ngồi chờ có đủ chỗ ngồi  *100%  *9 *$" || fail "question 1.1"
screen | grep -q "^ 2. Thủ tục hành chính  *66.67%  *45 *$" || fail "element 2"
find_down "Overall index: 73.33%"
wait_for "Formula: the mean of the element shares"
find_down "Breakdown by Giới tính"
find_down "Not given"
screen | grep -q "^ Nam  *6  *100%  *100%  *100%  *100%  *100%  *100% *$" || fail "Nam"
screen | grep -q "^ Nữ  *3  *100%  *0%  *0%  *0%  *0%  *20% *$" || fail "Nữ"
screen | grep -q "^ Not given  *1  *—  *—  *—  *—  *—  *— *$" || fail "not given"
send Escape
wait_for "Satisfaction survey rounds (1)"
send Escape q
wait_for "EXIT:0"
stop

# Stored: the same index from the command line, and into a rate target.
# The CSV is the report's (issue 19.12): a BOM, Vietnamese headings,
# decimal commas, CRLF.
"$CCHC_BIN" --db "$db" sipas results --round 1 --format csv > "$work/csv" || fail "results csv"
head -c 3 "$work/csv" | od -An -tx1 | grep -q "ef bb bf" || fail "csv: no BOM"
grep -q "^Mã,Yếu tố / câu hỏi,Hài lòng,Số trả lời,.*.$" "$work/csv" || fail "csv: no Vietnamese heading"
grep -q '^"Chỉ số chung: 73,33%$' "$work/csv" || fail "csv index: $(grep 'Chỉ số chung' "$work/csv")"
grep -q "^Nữ,3,100%,0%,0%,0%,0%,20%.$" "$work/csv" || fail "csv breakdown: $(grep '^Nữ' "$work/csv")"
target=$(sql "SELECT id FROM target WHERE kind = 'rate' ORDER BY id LIMIT 1")
"$CCHC_BIN" --db "$db" sipas feed --round 1 --target "$target" --year 2025 || fail "feed"
expect_sql "SELECT r.value, r.evidence FROM result r JOIN period p ON p.id = r.period_id
	WHERE r.target_id = $target AND p.year = 2025 AND p.kind = 'year'" "73.33|SIPAS: Dot 1 (10 phiếu)"

# The forms of the round, one a row as typed, and the round's index.
start -- --lang en
wait_for "All sections"
send h
wait_for "Satisfaction survey rounds (1)"
send f
wait_for "Forms of Dot 1 (10)"
wait_for "Overall index: 73.33%"
row7="^      7  2 2 2 | 4 4 4  3 3 3 3 3  3 3 3 3 3  3 3 3  3 3 3 3 *\$"
screen | grep -q "$row7" || fail "form 7's row"

# Del asks: another key keeps the form, y deletes it.  Form 10 answered
# nothing, so the index stays.
send End Delete
wait_for "Delete form 10? y: delete, other key: keep"
send n
wait_gone "Delete form 10?"
expect_sql "SELECT count(*) FROM sipas_form" "10"
send Delete
wait_for "Delete form 10?"
send y
wait_for "Form 10 deleted."
wait_for "Forms of Dot 1 (9)"
expect_not "     10  0 0 0"
wait_for "Overall index: 73.33%"
expect_sql "SELECT count(*), max(number) FROM sipas_form" "9|9"
expect_sql "SELECT count(*) FROM sipas_answer" "180"
# u brings it back whole, and it goes again.
send u
wait_for "Forms of Dot 1 (10)"
expect_sql "SELECT count(*), max(number) FROM sipas_form" "10|10"
expect_sql "SELECT count(*) FROM sipas_answer" "200"
send End Delete
wait_for "Delete form 10?"
send y
wait_for "Forms of Dot 1 (9)"
expect_sql "SELECT count(*) FROM sipas_answer" "180"

# Form 7 corrected, retyped whole: 2.1 was 3, is 5; Enter then saves.
# Element 2: 31 of 45 satisfied -> 68.888…%; index (100 + 68.888… + 3 ·
# 66.666…) / 5 = 73.777… -> 73.78%.
send Home Down Down Down Down Down Down Enter
wait_for "Forms entered: 9   (correcting form 7)"
wait_for "Form number: 7"
wait_for "Giới tính          [2]"
type_form 222 44453333333333333333
wait_for "Form 7 corrected."
wait_for "Forms of Dot 1 (9)"
wait_for "Overall index: 73.78%"
screen | grep -q "^      7  2 2 2 | 4 4 4  5 3 3 3 3  3 3 3 3 3  3 3 3  3 3 3 3 *\$" ||
	fail "form 7 corrected"
expect_sql "SELECT a.value FROM sipas_answer a JOIN sipas_form f ON f.id = a.form_id
	JOIN sipas_question q ON q.id = a.question_id WHERE f.number = 7 AND q.code = '2.1'" "5"
answers="3|50
4|9
5|121"
expect_sql "SELECT value, count(*) FROM sipas_answer GROUP BY value ORDER BY value" "$answers"

# Issue 19: form 9 corrected with the arrows: Down 22 times passes the 3
# fields and 19 answers to the last; a wrong last key is not saved but
# asks, Backspace takes it back, Up and Down move, Enter saves.
send Down Down Enter
wait_for "(correcting form 9)"
wait_for "Form number: 9"
send Enter
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do
	send Down
done
send 4
wait_for "Enter: save form 9"
send BSpace
wait_gone "Enter: save form 9"
send Up Down 3
wait_for "Enter: save form 9"
send Enter
wait_for "Form 9 corrected."
wait_for "Forms of Dot 1 (9)"
expect_sql "SELECT value, count(*) FROM sipas_answer GROUP BY value ORDER BY value" "$answers"
send Up Up

# Form 8 renumbered: a number taken is refused, F2 saves it as it stands.
send Down e
wait_for "(correcting form 8)"
send 3 Enter
wait_for "Form 3 is already entered in this round"
tm send-keys -t t:0 -l "12"
send F2
wait_for "Form 12 corrected."
wait_for "Forms of Dot 1 (9)"
expect_sql "SELECT group_concat(number) FROM (SELECT number FROM sipas_form ORDER BY number)" \
	"1,2,3,4,5,6,7,9,12"
expect_sql "SELECT value, count(*) FROM sipas_answer GROUP BY value ORDER BY value" "$answers"
expect_sql "SELECT count(*) FROM sipas_respondent r JOIN sipas_form f ON f.id = r.form_id
	WHERE f.number = 12 AND r.value = 2" "3"

# Esc leaves a correction without changing the form.
send End e
wait_for "(correcting form 12)"
send Enter 1
wait_for "Giới tính          [1]"
send Escape
wait_for "Leave without saving this form?"
send y
wait_for "Forms of Dot 1 (9)"
expect_sql "SELECT count(*) FROM sipas_respondent r JOIN sipas_form f ON f.id = r.form_id
	WHERE f.number = 12 AND r.value = 2" "3"

# The rounds list counts 9 forms; the results give the new index.
send Escape
wait_for "Satisfaction survey rounds (1)"
screen | grep "Dot 1" | grep -q "Ho tich *9$" || fail "round row: $(screen | grep 'Dot 1')"
send r
wait_for "Forms entered: 9"
find_down "Overall index: 73.78%"
send Escape Escape q
wait_for "EXIT:0"
stop
echo "sipas: ok"
