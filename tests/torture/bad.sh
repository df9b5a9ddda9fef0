#!/bin/sh
# Bad input: the table of harness bad (through the core save functions
# the forms call: invalid UTF-8, control characters, 100,000 characters,
# 150%, negative counts, 31/02, unknown units...; each refused with a
# message and the database unchanged; SQL quotes and %n stored verbatim),
# then the command line, then a few through the forms in tmux.
. "$(dirname "$0")/lib.sh"

db=$work/bad.db
new_db "$db"
"$HARNESS" bad "$db" || failed=1

# The command line: each a message on stderr, status 2 (usage) or 1, the
# database unchanged.
before=$(dump "$db")
long=$(printf 'x%.0s' $(seq 5000))
n=0
while IFS='|' read -r want args; do
	[ -n "$want" ] || continue
	n=$((n + 1))
	st=0
	# shellcheck disable=SC2086
	eval "\"\$CCHC_BIN\" --db \"\$db\" $args" </dev/null >/dev/null 2>"$work/err" || st=$?
	if [ $st -ne "$want" ] || ! grep -q "^cchc: ." "$work/err"; then
		fail "cli $args: status $st (want $want): $(head -c 300 "$work/err")"
	else
		pass "cli $(echo "$args" | cut -c1-40): $(head -c 120 "$work/err")"
	fi
done <<'CASES'
2|--today 31/02/2025 --exit-after-draw
2|--today 2025-02-30 --exit-after-draw
2|--today 00/00/0000 --exit-after-draw
2|--today "'; DROP TABLE plan; --" --exit-after-draw
2|--today %n%n%n%s --exit-after-draw
2|--today "$(printf '\377\376')" --exit-after-draw
2|--today "$long" --exit-after-draw
2|--no-such-option
2|--lang xx --exit-after-draw
2|no-such-command
2|"$(printf 'l\033[2Jệnh')"
CASES
[ "$(dump "$db")" = "$before" ] || fail "cli: the database changed"
echo "$n command-line cases"
finish
