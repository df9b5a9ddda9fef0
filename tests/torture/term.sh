#!/bin/sh
# Terminal faults, on the real binary in tmux: bursts of resizes down to
# 20x5 and up to 200x60, an unknown TERM, TERM=dumb, a locale that is not
# UTF-8.  Each gives a clear message or a working fallback, never a crash,
# and the database stays as it was.
. "$(dirname "$0")/../e2e/lib.sh"

# The database is made by a first full run (which records the operator's
# name); its content is then the reference.
start
wait_for "Tất cả lĩnh vực"
send q
wait_for "EXIT:0"
stop
before=$(sql .dump | md5sum)

start
wait_for "Tất cả lĩnh vực"
send n
wait_for "— nhiệm vụ (7)"
# 3 bursts of 40 resizes, no pause, sizes from 20x5 to 200x60.
r=7
for burst in 1 2 3; do
	i=0
	while [ $i -lt 40 ]; do
		r=$(( (r * 1103515245 + 12345) % 2147483648 ))
		tm resize-window -t t -x $(( 20 + r % 181 )) -y $(( 5 + (r / 181) % 56 ))
		i=$((i + 1))
	done
	tm resize-window -t t -x 20 -y 5
	sleep 0.2
	screen | grep -q "EXIT:" && fail "cchc ended during resize burst $burst"
done
tm resize-window -t t -x 20 -y 5
sleep 0.3
screen | grep -q "nhỏ" || fail "20x5 says nothing about the size"
tm resize-window -t t -x 80 -y 24
wait_for "— nhiệm vụ (7)"
[ "$(screen | wc -L)" -le 80 ] || fail "garbage past column 80 after the bursts"
send q
wait_for "EXIT:0"
stop

# An unknown TERM: a message and status 1.
start TERM=vt-unknown-9000
wait_for "EXIT:1"
screen | grep -q "cchc: ." || fail "unknown TERM: no message"
echo "unknown TERM: $(screen | grep "cchc:" | head -1)"
stop
# TERM=dumb (no cursor movement): whatever it draws, q ends it cleanly.
start TERM=dumb
sleep 1
send q
wait_for "EXIT:"
st=$(screen | sed -n 's/^EXIT:\([0-9]*\).*/\1/p')
[ "$st" -lt 128 ] || fail "TERM=dumb: crashed (status $st)"
echo "TERM=dumb: status $st"
stop

# A locale that is not UTF-8: C.UTF-8 instead, said on the message line,
# and the Vietnamese still right.
start LANG=C LC_ALL=C
wait_for "Tất cả lĩnh vực"
screen | grep -q "UTF-8" || fail "no word about the locale"
send q
wait_for "EXIT:0"
stop

expect_sql "PRAGMA integrity_check" ok
[ "$(sql .dump | md5sum)" = "$before" ] || fail "the database changed"
echo "ok   term: resize bursts, 20x5, unknown TERM, dumb, non-UTF-8 locale"
