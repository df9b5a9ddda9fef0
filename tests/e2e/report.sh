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
expect_usage "pdf" period --period 2025-9T --format pdf
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
# a description with a comma, quotes and a line break included.
sql "UPDATE task SET description = 'Rà soát, \"đặc biệt\"' || char(10) || 'dòng hai',
	evidence = 'QĐ số 12/QĐ-UBND; \"Báo cáo\", 2025' WHERE id = (SELECT min(id) FROM task)"
report period --period 2025-9T --format csv -o "$work/p.csv" || fail "csv export failed"
head -c 3 "$work/p.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM in the CSV"
python3 - "$work/p.csv" "$db" <<'PY' || fail "the CSV does not read back to the database's cells"
import csv, sqlite3, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
assert len({len(r) for r in rows}) == 1, "records of different lengths"
db = sqlite3.connect(sys.argv[2])
for tt, desc, evidence in db.execute("SELECT tt, description, evidence FROM task"):
    hits = [r for r in rows if r[0] == tt and r[1] == desc]
    assert len(hits) == 1, (tt, desc, len(hits))
    assert hits[0][5] == evidence, (hits[0][5], evidence)
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
cat > "$work/printed.txt"
SH
chmod +x "$work/fakelp"
sql "INSERT OR REPLACE INTO setting (key, value) VALUES ('print_command', '$work/fakelp')"
sql "INSERT OR REPLACE INTO setting (key, value) VALUES ('printer', 'office-laser')"
start CCHC_LANG=en
wait_for "Dashboard"
send P
wait_for "Page 1/"
send p
wait_for "Sent to the printer"
report dashboard --period 2025-N > "$work/expected.txt"
cmp -s "$work/printed.txt" "$work/expected.txt" || fail "the printer got something else"
grep -qx "office-laser" "$work/args" || fail "the printer's name was not passed"
# A print command that is missing, then one that fails: a clear message,
# and the preview stays.
sql "UPDATE setting SET value = '$work/missing-lp' WHERE key = 'print_command'"
send p
wait_for "not installed"
printf '#!/bin/sh\ncat >/dev/null\necho "lp: printer on fire" >&2\nexit 1\n' > "$work/badlp"
chmod +x "$work/badlp"
sql "UPDATE setting SET value = '$work/badlp' WHERE key = 'print_command'"
send p
wait_for "printer on fire"
wait_for "Page 1/"
stop
echo "report: ok"
