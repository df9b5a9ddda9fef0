#!/bin/sh
# Esc on a changed form asks first; discarding keeps the old record, and
# "keep editing" keeps the changes on screen.  A delete asks for 'y' and can
# be undone.
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
before=$(sql "SELECT text FROM target ORDER BY section_id, ord LIMIT 1")
send Enter
wait_for "— chỉ tiêu (8)"
send e
wait_for "Sửa chỉ tiêu"
send Tab
tm send-keys -t t -l " them chu"
send Escape
wait_for "Bỏ các thay đổi"
send x
wait_gone "Bỏ các thay đổi"
wait_for "Sửa chỉ tiêu"
send Escape
wait_for "Bỏ các thay đổi"
send y
wait_for "— chỉ tiêu (8)"
expect_sql "SELECT text FROM target ORDER BY section_id, ord LIMIT 1" "$before"

# Delete: a key other than y keeps the record; y deletes; u brings it back.
send DC
wait_for "y: xóa"
send n
wait_for "— chỉ tiêu (8)"
send DC
wait_for "y: xóa"
send y
wait_for "— chỉ tiêu (7)"
expect_sql "SELECT count(*) FROM target" 44
send u
wait_for "— chỉ tiêu (8)"
expect_sql "SELECT count(*) FROM target" 45
expect_sql "SELECT text FROM target ORDER BY section_id, ord LIMIT 1" "$before"
send Escape q
wait_for "EXIT:0"
