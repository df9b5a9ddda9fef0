#!/bin/sh
# Search goes across the sections of the plan (issue 16.1): from section
# 1's targets, "/thủ tục" finds the target of section 2, the list switching
# to it and saying where; n in the tasks goes on into a later section; the
# dashboard's / searches the whole plan.  The query is typed with Telex
# (or VNI after F4) like any field.
. "$(dirname "$0")/lib.sh"

start
wait_for "Tất cả lĩnh vực"
send Enter
wait_for "1. Công tác chỉ đạo, điều hành CCHC — chỉ tiêu"
send -l "/thur tucj"
wait_for "/thủ tục: thấy ở lĩnh vực 2. Cải cách thể chế"
wait_for "2. Cải cách thể chế — chỉ tiêu (4)"
send Enter
# The match is selected: Enter opens it.
send Enter
wait_for "trình tự, thủ tục"
send Escape
wait_for "2. Cải cách thể chế — chỉ tiêu (4)"
# F4 switches the prompt's typing as in a form (VNI: 3 is the hook).
send / F4
wait_for "Gõ: VNI"
send -l "thu3"
wait_for "/thủ"
send Escape / F4 F4 Escape
# The tasks: n goes from a match in section 1 to the next, in section 7.
send Left Escape n
wait_for "1. Công tác chỉ đạo, điều hành CCHC — nhiệm vụ (7)"
send -l "/tuyen truyen"
send Enter
wait_for "thấy ở lĩnh vực 1."
send n
wait_for "/tuyen truyen: thấy ở lĩnh vực 7."
line 2 | grep -q "^ 7\. Xây dựng và phát triển" || fail "the task list is not section 7's: $(line 2)"
# Again from the last match: back round to section 1.
send n
wait_for "/tuyen truyen: thấy ở lĩnh vực 1."
# From the dashboard: the targets and tasks of the whole plan.
send Escape
wait_for "Tất cả lĩnh vực"
send -l "/thu tuc"
send Enter
wait_for "2. Cải cách thể chế — chỉ tiêu (4)"
wait_for "/thu tuc: thấy ở lĩnh vực 2."
send Escape
wait_for "Tất cả lĩnh vực"
send -l "/tuyen truyen"
send Enter
wait_for "— chỉ tiêu ("
# n goes on from the last target that matches into the tasks, and from
# the last task back to the targets: the whole plan, as / searched it (n
# once went round the targets only, walk-through).
i=0
until line 2 | grep -q "— nhiệm vụ ("; do
	[ $i -lt 20 ] || fail "n never reached the tasks: $(line 2)"
	send n
	sleep 0.3
	i=$((i + 1))
done
i=0
until line 2 | grep -q "— chỉ tiêu ("; do
	[ $i -lt 20 ] || fail "n never came back to the targets: $(line 2)"
	send n
	sleep 0.3
	i=$((i + 1))
done
send Escape
wait_for "Tất cả lĩnh vực"
send -l "/khong co dau"
send Enter
wait_for "(không tìm thấy)"
send q
wait_for "EXIT:0"
