#!/bin/sh
# A real appendix's irregularities (issue 15) from the command line: rows
# that cannot be read completely are kept for review, not the whole table
# refused (golden output of the dry run); --strict refuses instead; a dry
# run answers as the real import does for every bad input; names that are
# not regular files are refused at once by every command that reads one.
. "$(dirname "$0")/lib.sh"

fixtures="$(cd "$(dirname "$0")/../fixtures/appendix" && pwd)"

cchc() {
	set +e
	(cd "$work" && timeout 20 "$CCHC_BIN" --lang en --db "$db" "$@" >"$work/out" 2>"$work/err" </dev/null)
	status=$?
	set -e
}

expect_status() {
	[ "$status" -eq "$1" ] || fail "exit $status, expected $1: $(cat "$work/err")"
}

expect_in() {
	grep -qF -- "$2" "$work/$1" || fail "$1 lacks \"$2\": $(cat "$work/$1")"
}

cp "$fixtures/irregular.tsv" "$work/irregular.tsv"
cchc export appendix --plan 1 -o "$work/before.tsv"
expect_status 0
tasks=$(sql "SELECT count(*) FROM task")

# The dry run lists every task, the guesses on their rows and the tasks
# kept for review with their cells; it writes nothing.
cchc import appendix irregular.tsv --plan 1 --dry-run
expect_status 0
diff -u "$fixtures/irregular.out" "$work/out" >&2 || fail "dry run differs from irregular.out"
expect_sql "SELECT count(*) FROM task" "$tasks"

# --strict refuses the file, naming how many would need review.
cchc import appendix irregular.tsv --plan 1 --strict
expect_status 1
expect_in err "5 tasks would be kept for review"
expect_sql "SELECT count(*) FROM task" "$tasks"

# The import writes all eight tasks; five are marked, with why and their
# cells as read (the shifted row as it was, before it was moved).
cchc import appendix irregular.tsv --plan 1
expect_status 0
expect_in out "5 tasks are marked for review"
expect_sql "SELECT count(*) FROM task" $((tasks + 8))
expect_sql "SELECT count(*) FROM task WHERE review <> ''" 5
expect_sql "SELECT raw_cells FROM task WHERE review <> '' AND tt = '3'" \
	"3 | Kế hoạch tuyên truyền | Tháng 6/2025 | Phòng VHXH | Văn phòng HĐND và UBND"
expect_sql "SELECT p.name || '|' || p.deadline_text || '|' || ifnull(p.due_date, '') FROM product p
	JOIN task t ON t.id = p.task_id WHERE t.review <> '' AND t.tt = '3'" "Kế hoạch tuyên truyền|Tháng 6/2025|2025-06-30"
expect_sql "SELECT p.deadline_text FROM product p JOIN task t ON t.id = p.task_id
	WHERE t.tt = '6' AND t.review <> '' AND p.ord = 1" ""
expect_sql "SELECT count(*) FROM task WHERE review = '' AND raw_cells <> ''" 0

# The dry run's answer is the import's, for each bad input the forms
# refuse (tests/torture/bad.sh) put in a table: the same exit status,
# and the dry run writes nothing.
head1='TT	Nhiệm vụ	Sản phẩm	Thời gian hoàn thành	Chủ trì thực hiện'
sec='I	Công tác chỉ đạo, điều hành'
long=$(head -c 1100000 /dev/zero | tr '\0' x)
n=0
while IFS='|' read -r name row; do
	[ -n "$name" ] || continue
	n=$((n + 1))
	printf '%s\n%s\n%b\n' "$head1" "$sec" "$row" > "$work/$name.tsv"
	cp "$db" "$work/copy.db"
	before=$(sql "SELECT count(*) FROM task")
	cchc import appendix "$name.tsv" --plan 1 --dry-run
	dry=$status
	expect_sql "SELECT count(*) FROM task" "$before"
	cchc import appendix "$name.tsv" --plan 1
	echo "$name: $status"
	[ "$status" -eq "$dry" ] || fail "$name: dry run exits $dry, the import $status: $(cat "$work/err")"
	cp "$work/copy.db" "$db"
done <<CASES
utf8|1\tTh\377o\tBáo cáo
control|1\tRà soát\001 văn bản\tBáo cáo\tQuý I/2025
long|1\t$long\tBáo cáo
feb31|1\tRà soát văn bản\tBáo cáo\t31/02/2025
year0|1\tRà soát văn bản\tBáo cáo\t01/01/0000
unknown|1\tRà soát văn bản\tBáo cáo\tQuý I/2025\tPhòng Không Có
quotes|1\t'; DROP TABLE task; --\tBáo cáo %n%s\tQuý I/2025
c1|1\tRà soát \302\205 văn bản\tBáo cáo
empty|1\t\tBáo cáo\tQuý I/2025
CASES
echo "$n bad inputs: dry run = import"

# Not a regular file: a pipe, a folder, a device, refused at once.
mkfifo "$work/pipe"
for args in "import appendix pipe --plan 1" "import targets pipe --plan 1" \
	"import appendix . --plan 1" "import appendix /dev/zero --plan 1" \
	"sipas import pipe" "score --import pipe" "restore pipe"; do
	# shellcheck disable=SC2086
	cchc $args
	[ "$status" -eq 1 ] || fail "$args: exit $status (124: it waited): $(cat "$work/err")"
	grep -qE "not a regular file|folder|not a file" "$work/err" || fail "$args: $(cat "$work/err")"
done

echo "irregular.sh: ok"
