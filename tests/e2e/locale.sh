#!/bin/sh
# Under a real Vietnamese locale (vi_VN.UTF-8, whose numbers take a decimal
# comma) numbers print as under C.UTF-8: "1/3" and "33,33%".  cchc once set
# every locale category, and C's printf then wrote "1,000000/3,000000" and
# "33,330000%" on any office PC set to Vietnamese.  The locale is built
# with localedef into the work folder (Debian: locales), so the test needs
# no root and leaves the system alone.
. "$(dirname "$0")/lib.sh"

command -v localedef > /dev/null && [ -f /usr/share/i18n/locales/vi_VN ] || {
	echo "localedef or vi_VN's definition missing (Debian: locales): skipping" >&2
	exit 77
}
export LOCPATH="$work/locale"
mkdir -p "$LOCPATH"
localedef -i vi_VN -f UTF-8 "$LOCPATH/vi_VN.UTF-8" 2> "$work/localedef.log" ||
	fail "localedef: $(cat "$work/localedef.log")"

# The sample plan, with a rate result of 1/3 and a count of 1,5 for the year
# (the period the screens show on the test's "today").
"$CCHC_BIN" --db "$db" report dashboard --period 2025-N > /dev/null || fail "cchc did not open the database"
y="(SELECT id FROM period WHERE year = 2025 AND kind = 'year')"
sql "INSERT OR IGNORE INTO period (year, kind, start_date, end_date)
	VALUES (2025, 'year', '2024-12-15', '2025-12-14');
	INSERT INTO result (target_id, period_id, numerator, denominator)
	SELECT id, $y, 1, 3 FROM target WHERE text LIKE 'Kiểm tra CCHC tối thiểu 25%';
	INSERT INTO result (target_id, period_id, value)
	SELECT id, $y, 1.5 FROM target WHERE text LIKE 'Xây dựng 01 nội dung tuyên truyền%';"
expect_sql "SELECT count(*) FROM result" "2"

for l in C.UTF-8 vi_VN.UTF-8; do
	LANG=$l "$CCHC_BIN" --db "$db" report period --period 2025-N > "$work/$l.txt" ||
		fail "report under $l failed"
done
LANG=vi_VN.UTF-8 locale 2>&1 | grep -q "LC_NUMERIC=\"vi_VN.UTF-8\"" || fail "vi_VN.UTF-8 not in effect"
grep -q "1/3 │  33,33% │ Đạt" "$work/vi_VN.UTF-8.txt" ||
	fail "rate under vi_VN: $(grep 'tối thiểu' "$work/vi_VN.UTF-8.txt")"
grep -q ",000000" "$work/vi_VN.UTF-8.txt" && fail "numbers printed with the locale's six decimals"
cmp -s "$work/C.UTF-8.txt" "$work/vi_VN.UTF-8.txt" || fail "the report differs between C.UTF-8 and vi_VN.UTF-8"

# The screens too: the targets of section 1 under vi_VN.
LANG=vi_VN.UTF-8
start LOCPATH="$LOCPATH"
wait_for "Tất cả lĩnh vực"
send c
wait_for "33,33%"
expect_not ",000000"
send q
exit 0
