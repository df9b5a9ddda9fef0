#!/bin/sh
# Crash safety: editing sessions (harness edit: new tasks, notes on tasks,
# results, deletions, each through the core save function the forms call)
# killed with SIGKILL at random moments, KILLS times (default 200).  After
# each kill: PRAGMA integrity_check and foreign_key_check are clean, and
# every save the harness reported done (logged after the commit returned)
# is in the database, with nothing else changed (harness check).
#
# Why the harness and not the forms in tmux: the kill must land anywhere
# in SQLite's commit, many times; the harness commits hundreds of times a
# second, and "saved" is written exactly when the save function returned,
# which is what the form's "Saved" message reports.  The forms add only
# drawing on top of the same function.
. "$(dirname "$0")/lib.sh"

KILLS=${KILLS:-200}
db=$work/crash.db
log=$work/crash.log
new_db "$db"
rnd=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
echo "crash: $KILLS kills, random seed $rnd"
i=0
while [ $i -lt "$KILLS" ]; do
	rnd=$(( (rnd * 1103515245 + 12345) % 2147483648 ))
	# 1..120 ms: inside the open and migration as well as the edits.
	ms=$(( rnd % 120 + 1 ))
	"$HARNESS" edit "$db" "$log" "$i" 2>"$work/edit.err" &
	pid=$!
	sleep "$(awk -v m=$ms 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -KILL $pid 2>/dev/null || true
	wait $pid 2>/dev/null && st=0 || st=$?
	if [ $st -ne 137 ]; then
		fail "kill $i: the editing session ended by itself (status $st): $(cat "$work/edit.err")"
		break
	fi
	if ! "$HARNESS" check "$db" "$log" > "$work/check.out" 2>&1; then
		fail "kill $i after $ms ms: $(cat "$work/check.out")"
		break
	fi
	i=$((i + 1))
done
[ $failed -eq 0 ] && pass "crash: $KILLS kills, $(cat "$work/check.out")"
finish
