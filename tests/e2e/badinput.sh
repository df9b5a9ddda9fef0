#!/bin/sh
# Bad input through the real forms: each case opens a form from the
# dashboard, fills it validly but for one field, puts the bad value there
# (typed, as raw bytes, or as a bracketed paste) and saves.  A refused
# save must show the case's message, beginning with the field's label,
# leave the cursor on that field, keep the form open and the app running,
# and leave `sqlite3 .dump` unchanged.
# "ok" cases are legal text that must be stored verbatim with nothing but
# new rows added ("hexok": after bytes that are not UTF-8, which are
# dropped); "esc" cases type and then cancel: nothing saved.
. "$(dirname "$0")/lib.sh"

# The fields of each form, in Tab order (a plan without phases).
# A target's form shows what its kind reads: a rate (the default) its
# numerator and denominator, a reduction its baseline, a yes/no neither
# nor a comparator.
target_fields="Section|Target|Kind|Comparator|Planned value|Numerator is|Denominator is|Lead unit|Values by period|Judged"
figure_fields="Section|Target|Kind|Comparator|Planned value|Lead unit|Values by period|Judged"
reduction_fields="Section|Target|Kind|Comparator|Planned value|Baseline|Lead unit|Values by period|Judged"
yesno_fields="Section|Target|Kind|Planned value|Lead unit|Values by period|Judged"
rate_fields="Numerator|Denominator|Evidence|Note"
count_fields="Value|Evidence|Note"
task_fields="Section|No.|Task|Product 1|  deadline|  due date by hand|Product 2|  deadline|  due date by hand|Lead unit|Cooperating units|Monitoring unit|Progress|Completed on|Evidence no.|Evidence date|Evidence summary|Note"
plan_fields="Number|Title|Issued by|Issue date|From year|To year|Signed by|Phases"
unit_fields="Name|Short name|Other spellings (;)"
office_fields="Name|Kind|Province"
round_fields="Name|Questionnaire|From|To|Service|Unit"

# go LABEL: Tab or Shift-Tab from the focused field ($at) to LABEL's.
go() {
	to=$(printf '%s\n' "$fields" | tr '|' '\n' | awk -v l="$1" '$0 == l { print NR - 1; exit }')
	[ -n "$to" ] || fail "no field \"$1\" in $fields"
	while [ "$at" -lt "$to" ]; do send Tab; at=$((at + 1)); done
	while [ "$at" -gt "$to" ]; do send BTab; at=$((at - 1)); done
}

# put LABEL TEXT: LABEL's text replaced by TEXT, typed (typing is off).
put() {
	go "$1"
	send C-u C-k
	[ -z "$2" ] || tm send-keys -t t -l -- "$2"
}

# choose LABEL N: the choice N steps right of the first.
choose() {
	go "$1"
	i=0
	while [ $i -lt "$2" ]; do send Right; i=$((i + 1)); done
}

# open FORM: from the dashboard, the form filled in validly, focus on
# its first field.
open() {
	at=0
	case $1 in
	target*)
		send Enter
		wait_for "— targets ("
		send a
		wait_for "New target"
		fields=$target_fields
		case $1 in
		target-count) choose Kind 1; fields=$figure_fields ;;
		target-reduction) choose Kind 2; fields=$reduction_fields ;;
		target-rank) choose Kind 3; fields=$figure_fields ;;
		target-yesno) choose Kind 4; fields=$yesno_fields ;;
		esac
		put Target "Rà soát hồ sơ"
		put "Planned value" 1
		;;
	rate | count)
		send Enter
		wait_for "— targets ("
		# Row 5 is a rate (≥ 25%), row 4 a count (≥ 1).
		if [ "$1" = rate ]; then send Home Down Down Down Down r; else send Home Down Down Down r; fi
		wait_for "Result for"
		eval "fields=\$${1}_fields"
		[ "$1" = count ] || { put Numerator 10; put Denominator 1000; }
		;;
	task)
		send n
		wait_for "tasks (7)"
		send a
		wait_for "New task"
		fields=$task_fields
		put Task "Nhiệm vụ thử"
		;;
	plan)
		send a
		wait_for "New plan"
		fields=$plan_fields
		put Title "Kế hoạch thử"
		;;
	unit)
		send d
		wait_for "Units of the office"
		send a
		wait_for "New unit"
		fields=$unit_fields
		put Name "Tổ công tác thử"
		;;
	office)
		send o
		wait_for "The office"
		fields=$office_fields
		;;
	round)
		send h
		wait_for "Satisfaction survey rounds"
		send a
		wait_for "New survey round"
		fields=$round_fields
		put Name "Đợt khảo sát thử"
		put From 01/03/2025
		put To 31/03/2025
		;;
	*) fail "no form $1" ;;
	esac
}

# home: back to the dashboard, discarding what a form holds.
home() {
	i=0
	until line 1 | grep -q "· Dashboard"; do
		[ $i -lt 20 ] || fail "cannot get back to the dashboard"
		if screen | grep -q "Discard the changes"; then send y; else send Escape; fi
		sleep 0.05
		i=$((i + 1))
	done
}

dump() {
	sql .dump > "$1"
}

# The label of the field the cursor is in: the last one at or above it
# (a long field's label is on its first row only).
cursor_label() {
	screen | awk -v y="$(tm display-message -p -t t '#{cursor_y}')" \
	    'NR <= y + 1 { s = substr($0, 2, 21); sub(/ +$/, "", s); if (s != "") l = s } END { print l }'
}

start -- --lang en
wait_for "All sections"
# Typing off, so what is typed is what is stored (F4: Telex, VNI, off).
send o
wait_for "Typing: Telex"
send F4 F4
wait_for "Typing: off"
send Escape
wait_for "· Dashboard"

printf '%s\n' "case|form|field|input|screen said|db" > "$work/table"
n=0
while IFS='|' read -r form label how input expect; do
	case $form in '' | '#'*) continue ;; esac
	n=$((n + 1))
	open "$form"
	put "$label" ""
	case $how in
	type | ok | esc | unit) tm send-keys -t t -l -- "$input" ;;
	hex) tm send-keys -t t -H $input ;;
	hexok)
		# Bytes that are not UTF-8, then text: the bytes are dropped
		# and the keyboard goes on working.
		tm send-keys -t t -H ${input%%:*}
		tm send-keys -t t -l -- "${input#*:}"
		input=${input#*:}
		;;
	paste | fill)
		if [ "$how" = paste ]; then
			# shellcheck disable=SC2059
			printf "$input" > "$work/paste"
		else
			head -c "$input" /dev/zero | tr '\0' x > "$work/paste"
			input="$input × x"
		fi
		tm load-buffer -b p "$work/paste"
		tm paste-buffer -p -b p -t t
		;;
	*) fail "case $n: no way \"$how\"" ;;
	esac
	dump "$work/before"
	if [ "$how" = esc ]; then
		send Escape
		wait_for "Discard the changes"
		send y
		wait_gone "· Form"
		said="(form closed)"
	else
		send F2
		# A unit no one has: the save offers to add it; no keeps the form.
		if [ "$how" = unit ]; then
			wait_for "Add a new unit «"
			send n
		fi
		if [ "$how" = ok ] || [ "$how" = hexok ]; then
			wait_for "Saved."
			said="Saved."
		else
			wait_for "$expect"
			said=$(line 23 | sed 's/ *Typing: off$//; s/ *$//')
			[ "$(cursor_label)" = "$label" ] ||
				fail "case $n: the cursor is on \"$(cursor_label)\", not \"$label\""
			# The message names the field (its label, unindented).
			case $said in
			"${label#"${label%%[! ]*}"}"*) ;;
			*) fail "case $n: \"$said\" does not begin with \"$label\"" ;;
			esac
			line 1 | grep -q "· Form" || fail "case $n: the form closed"
		fi
	fi
	expect_not "EXIT:"
	dump "$work/after"
	if [ "$how" = ok ] || [ "$how" = hexok ]; then
		# Rows added, none changed or removed; the text as typed.
		diff "$work/before" "$work/after" > "$work/diff" || true
		if grep -v '^> INSERT INTO ' "$work/diff" | grep -q '^[<>]'; then
			fail "case $n: more than new rows: $(head -c 600 "$work/diff")"
		fi
		expect_sql "$expect" "$input"
		same="rows added; stored verbatim"
	else
		cmp -s "$work/before" "$work/after" || fail "case $n ($form $label $input): the database changed"
		same=yes
	fi
	printf '%s|%s|%s|%s|%s|%s\n' "$n" "$form" "$label" \
	    "$how \"$input\"" "$said" "$same" >> "$work/table"
	home
done <<'CASES'
# form|field|how|input|message (ok: the query that gives the text back)
target|Planned value|type|150|Planned value: A rate must be between 0 and 100
target|Planned value|type|-5|Planned value: A rate must be between 0 and 100
target|Planned value|type|abc|Planned value: write 80 or 80%
target|Planned value|type|1,2,3|Planned value: write 80 or 80%
target|Planned value|type||Planned value is required
target|Planned value|type|5%0|Planned value: write 80 or 80%
target|Planned value|type|1e999|Planned value: write 80 or 80%
target-count|Planned value|type|-3|Planned value: A count cannot be negative
target-rank|Planned value|type|2.5|Planned value: A rank must be a whole number from 1
target-yesno|Planned value|type|2|Planned value: write “có” or “không”
target-reduction|Baseline|type|-1|Baseline must be between 0 and
target-reduction|Baseline|type|x|Baseline is not a number
target|Values by period|type|7T: 4|Values by period: Values by phase: write
target|Target|type||Target is required
target|Target|fill|100000|Target: the text is too long
target|Target|paste|\001\002\007\177|Target is required
target|Target|hex|ff fe c3|Target is required
target|Target|hexok|ff fe c3 e1 ba:Rà soát|SELECT text FROM target ORDER BY id DESC LIMIT 1
target|Numerator is|fill|60001|Numerator is: the text is too long
target|Lead unit|unit|Phòng Không Có|Lead unit: no unit is called "Phòng Không Có" — add it under Units (d)
target|Target|esc|Chỉ tiêu bỏ dở|
target|Target|ok|'); DROP TABLE task;--|SELECT text FROM target ORDER BY id DESC LIMIT 1
target|Numerator is|ok|%n%s%x%p|SELECT numerator_label FROM target ORDER BY id DESC LIMIT 1
rate|Numerator|type|1200|Numerator: The numerator cannot exceed the denominator
rate|Numerator|type|-1|Numerator cannot be negative
rate|Numerator|type|abc|Numerator is not a number
rate|Denominator|type|0|Denominator: The denominator must be above 0
rate|Denominator|type|-5|Denominator cannot be negative
rate|Denominator|type||Denominator: Enter both the numerator and the denominator
rate|Denominator|type|1000000000000000000|Denominator must be between
rate|Evidence|fill|60001|Evidence: the text is too long
count|Value|type|-2|Value: A count cannot be negative
count|Value|type|12abc|Value is not a number
task|Task|type||Task is required
task|  due date by hand|type|31/02/2025|due date by hand: the date 31/02/2025 does not exist
task|  deadline|type|31/02/2025|deadline: the date 31/02/2025 does not exist
task|Completed on|type|31/02/2025|Completed on: the date 31/02/2025 does not exist
task|Completed on|type|2025-10-15|Completed on: write the date as dd/mm/yyyy
task|Completed on|type|15/10/2025|Completed on: Only a done task has a completion date
task|Evidence date|type|31/06/2025|Evidence date: the date 31/06/2025 does not exist
task|Evidence date|type|16/10/2025|Evidence date: The evidence date cannot be in the future
task|Evidence no.|fill|60001|Evidence no.: the text is too long
task|Lead unit|unit|Phòng Không Có|Lead unit: no unit is called
task|Cooperating units|unit|Phòng Kinh tế; Không Có|Cooperating units: no unit is called "Không Có" — add
task|Task|hex|ff|Task is required
plan|To year|type|2024|To year: The last year cannot be before the first
plan|From year|fill|1000|From year is not a number
plan|From year|type|abc|From year is not a number
plan|From year|type|1800|From year must be between 1990 and 2200
plan|Issue date|type|31/02/2025|Issue date: the date 31/02/2025 does not exist
plan|Issue date|type|00/00/0000|Issue date: the date 00/00/0000 does not exist
plan|Title|type||Title is required
plan|Phases|type|abc|Phases: "abc" is not written as 2026-2027
unit|Name|type||Name is required
unit|Name|type|Phòng Kinh tế|Name: "Phòng Kinh tế" already names the unit
unit|Name|paste|\001\033\033|Name is required
unit|Name|ok|%n%s%x %d'--|SELECT name FROM unit ORDER BY id DESC LIMIT 1
office|Name|type||Name is required
office|Name|type|   |Name is required
office|Name|fill|100000|Name: the text is too long
office|Name|paste|\001\002\177|Name is required
round|To|type|01/01/2025|To: The last day is before the first
round|From|type|31/02/2025|From: the date 31/02/2025 does not exist
round|Name|type||Name is required
round|Unit|type|Không Có|Unit: no unit is called "Không Có"
CASES

send q
wait_for "EXIT:0"
[ "$n" -ge 35 ] || fail "only $n cases"
column -t -s '|' "$work/table" 2>/dev/null || tr '|' '\t' < "$work/table"
echo "$n bad inputs through the forms"
