#!/bin/sh
# Two instances on one database: the second opens read-only, says so, and
# refuses every edit, so nobody's saved work is overwritten unseen.  A
# command that writes is refused the same way while the interface edits,
# one that reads is not.  When the first quits, a new instance edits again.
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
tm new-session -d -s u -x 80 -y 24 "env LANG=$LANG TZ=$TZ CCHC_TODAY=$CCHC_TODAY TERM=xterm-256color \
	CCHC_DATADIR=${CCHC_DATADIR:-} CCHC_LOCALEDIR=${CCHC_LOCALEDIR:-} $CCHC_BIN --db $db; echo EXIT:\$?; sleep 600"
second() {
	tm capture-pane -p -t u
}
i=0
until second | grep -qF "CHỈ ĐỌC"; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "the second instance does not say it is read-only: $(second)"
	sleep 0.1
done
# Adding a target in the second instance: it says so before the form
# opens, not at F2 after the typing; nor does x mark a task done there.
tm send-keys -t u Enter
sleep 0.3
tm send-keys -t u a
sleep 0.5
second | grep -qF "Chỉ đọc" || fail "no read-only message on add: $(second)"
second | grep -qF "Chỉ tiêu mới" && fail "an editing form opened read-only: $(second)"
tm send-keys -t u Escape n x
sleep 0.5
second | grep -qF "Chỉ đọc" || fail "no read-only message on x: $(second)"
expect_sql "SELECT count(*) FROM target" 45
expect_sql "SELECT count(*) FROM task WHERE progress = 'done'" 0
# The first instance still edits.
send Enter
wait_for "— chỉ tiêu (8)"
send a Tab
tm send-keys -t t -l "Chi tieu cua nguoi thu nhat"
send Tab Tab Tab
tm send-keys -t t -l "1"
send F2
wait_for "— chỉ tiêu (9)"
expect_sql "SELECT count(*) FROM target" 46
# A command that writes is refused and changes nothing; one that reads runs.
set +e
CCHC_LANG=en "$CCHC_BIN" --db "$db" score --template > /dev/null 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "score --template while editing: exit $rc, expected 1"
grep -qF "another cchc is editing this database" "$work/err" || fail "score: $(cat "$work/err")"
expect_sql "SELECT count(*) FROM par_set" 0
CCHC_LANG=en "$CCHC_BIN" --db "$db" report dashboard --period 2025-N > /dev/null ||
	fail "a report is refused while the interface edits"
send Escape q
wait_for "EXIT:0"
# The read-only instance does not hold the lock: the command writes now.
CCHC_LANG=en "$CCHC_BIN" --db "$db" score --template > /dev/null || fail "score --template refused"
expect_sql "SELECT count(*) FROM par_set" 1
tm send-keys -t u Escape q
