#!/bin/sh
# --lang en shows English; Vietnamese is the default even when the locale
# is C (not UTF-8), where cchc falls back to C.UTF-8 and says so.
. "$(dirname "$0")/lib.sh"

start -- --lang en
wait_for "Dashboard"
wait_for "All sections"
wait_for "Period: Year/2025   Today: 15/10/2025"
keybar | grep -q "F1 help" || fail "English key line: $(keybar)"
send Down Down Enter
wait_for "3. Cải cách thủ tục hành chính — targets (9)"
wait_for "Verdict"
send Escape q
wait_for "EXIT:0"
stop

start CCHC_LANG=en
wait_for "All sections"
send q
wait_for "EXIT:0"
stop

# The C locale: no UTF-8, so cchc takes C.UTF-8, still in Vietnamese.
start LC_ALL=C
wait_for "Tất cả lĩnh vực"
wait_for "UBND xã Tân Đoàn"
wait_for "Locale không phải UTF-8: dùng C.UTF-8"
send q
wait_for "EXIT:0"
stop

# The Linux console: Vietnamese drawn, keys work.
TERM_UNDER_TEST=linux
start
wait_for "Tất cả lĩnh vực"
send End n
wait_for "7. Xây dựng và phát triển chính quyền điện tử, chính quyền số — nhiệm vụ (4)"
send Escape q
wait_for "EXIT:0"
stop

# Colors unless NO_COLOR is set (then reverse video marks the bars).
TERM_UNDER_TEST=xterm-256color
start
wait_for "Tất cả lĩnh vực"
tm capture-pane -e -p -t t | grep -q '44m' || fail "no blue title bar"
send q
wait_for "EXIT:0"
stop
start NO_COLOR=1
wait_for "Tất cả lĩnh vực"
if tm capture-pane -e -p -t t | grep -q '\[[0-9;]*[34][0-7]m'; then
	fail "colors drawn with NO_COLOR set"
fi
tm capture-pane -e -p -t t | grep -q '\[7m' || fail "no reverse video without colors"
send q
wait_for "EXIT:0"
