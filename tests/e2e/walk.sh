#!/bin/sh
# What a clerk entering a whole plan at 80x24 with Telex ran into (issue
# 16): word-wise moves in a text field.
. "$(dirname "$0")/lib.sh"

type() {
	tm send-keys -t t -l "$1"
}

start
wait_for "Tất cả lĩnh vực"

# Ctrl-Left / Ctrl-Right and Alt-b / Alt-f move by word in a field.
send e
wait_for "Sửa kế hoạch"
send C-u; type "mootj hai ba"
wait_for "một hai ba"
send C-Left C-Left; type "9"
wait_for "một 9hai ba"
send M-b M-b; type "8"
wait_for "8một 9hai ba"
send C-Right; type "7"
wait_for "8một7 9hai ba"
send M-f; type "6"
wait_for "8một7 9hai6 ba"
send F1
wait_for "Ctrl-←, Alt-b"
wait_for "Ctrl-→, Alt-f"
send Escape
wait_for "8một7 9hai6 ba"
