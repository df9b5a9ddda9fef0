#!/bin/sh
# Printing and saving from the preview (issue 16.6), in Vietnamese: no
# printer (lp's "No default destination", or no CUPS running) says so and
# what to do, not lp's English; the save proposes a name without
# diacritics from the report and its period, in the documents folder
# ($work, lib.sh), and says the full path written; `cchc report -o
# FOLDER` takes the same name.
. "$(dirname "$0")/lib.sh"

printf '#!/bin/sh\necho "lp: Error - No default destination." >&2\nexit 1\n' > "$work/nolp"
printf '#!/bin/sh\necho "lp: Error - Scheduler not responding." >&2\nexit 1\n' > "$work/nocups"
chmod +x "$work/nolp" "$work/nocups"
print_command "$work/nolp"

start
wait_for "Tất cả lĩnh vực"
send P
wait_for "Trang 1/"
send p
wait_for "Không có máy in: bấm s để lưu"
expect_not "Error"
print_command "$work/nocups"
send Right p
wait_for "Không có máy in: bấm s để lưu"
expect_not "Scheduler"

send s
wait_for "Lưu báo cáo"
wait_for "tong-hop-nam-2025"
wait_for "trong $work"
send F2
wait_for "Đã lưu: $work/tong-hop-nam-2025.txt"
[ -s "$work/tong-hop-nam-2025.txt" ] || fail "nothing saved: $(ls "$work")"
grep -q "Tổng hợp kết quả theo lĩnh vực" "$work/tong-hop-nam-2025.txt" ||
	fail "the file is not the report"
# The CSV encoding is asked for a CSV only; a PDF saved once is the
# format offered next (the message for a missing printer says to save
# one; it took three Right each time, walk-through).
send s
wait_for "Lưu báo cáo"
expect_not "Bảng mã CSV"
send Tab Right Right
wait_for "< CSV >"
wait_for "Bảng mã CSV"
send Right
wait_for "< PDF >"
wait_gone "Bảng mã CSV"
send F2
wait_for "Đã lưu: $work/tong-hop-nam-2025.pdf"
send s
wait_for "Lưu báo cáo"
wait_for "< PDF >"
expect_not "Bảng mã CSV"
send Escape
stop

# The command line: -o a folder.
mkdir "$work/out"
out=$(CCHC_LANG=vi "$CCHC_BIN" --db "$db" report period --period 2025-9T -o "$work/out")
[ "$out" = "$work/out/bao-cao-9-thang-2025.txt" ] || fail "report -o FOLDER said \"$out\""
[ -s "$work/out/bao-cao-9-thang-2025.txt" ] || fail "report -o FOLDER wrote nothing: $(ls "$work/out")"
