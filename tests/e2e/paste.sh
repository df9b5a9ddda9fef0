#!/bin/sh
# A bracketed paste goes into a field as it is: not through Telex, in
# order, and a long one without hanging.
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
send Enter
wait_for "— chỉ tiêu (8)"
send a
wait_for "Chỉ tiêu mới"
send Tab
# Telex would turn "aa" into "â" and "dd" into "đ" if typed.
tm set-buffer -b p "Rà soát aa dd 100% hồ sơ"
tm paste-buffer -p -b p -t t
wait_for "Rà soát aa dd 100% hồ sơ"
# 20,000 letters more, then typing still works.
printf 'abcdefghij%.0s' $(seq 2000) > "$work/long.txt"
tm load-buffer -b p "$work/long.txt"
tm paste-buffer -p -b p -t t
tm send-keys -t t -l "xong"
send Tab Tab Tab
tm send-keys -t t -l "1"
send F2
wait_for "— chỉ tiêu (9)"
len=$(sql "SELECT length(text) FROM target ORDER BY id DESC LIMIT 1")
[ "$len" = $((24 + 20000 + 4)) ] || fail "stored text has $len characters"
expect_sql "SELECT substr(text, 1, 24) || '|' || substr(text, -4) FROM target ORDER BY id DESC LIMIT 1" \
	"Rà soát aa dd 100% hồ sơ|xong"
send Escape q
wait_for "EXIT:0"
