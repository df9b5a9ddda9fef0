#!/bin/sh
# The end-to-end suite's binary under valgrind: a scripted session in tmux
# (every list screen, a search, a form filled and saved, a result saved,
# quit), then the unit tests.  valgrind --leak-check=full
# --error-exitcode=99: any invalid read or write, or a definite leak, fails.
#
#   tests/torture/valgrind.sh CCHC_BIN [UNIT_TEST...]
#
# CCHC_BIN must be built without sanitizers (valgrind and ASan do not mix).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: valgrind.sh CCHC_BIN [UNIT_TEST...]}
shift
command -v valgrind >/dev/null || { echo "valgrind not found: skipping"; exit 77; }
vg="valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 -q"
logdir=$(mktemp -d "${TMPDIR:-/tmp}/cchc-valgrind.XXXXXX")
wrapper=$logdir/cchc
# The log goes to a file: the pane shows the screen, not valgrind.
printf '#!/bin/sh\nexec %s --log-file=%s/vg.%%p.log %s "$@"\n' "$vg" "$logdir" "$bin" > "$wrapper"
chmod +x "$wrapper"
failed=0

CCHC_BIN=$wrapper sh -c '
. "$1/../e2e/lib.sh"
slow() { i=0; while [ $i -lt 300 ]; do screen | grep -qF -- "$1" && return 0; sleep 0.1; i=$((i + 1)); done; fail "\"$1\" never appeared"; }
start
slow "Tất cả lĩnh vực"
send n; slow "— nhiệm vụ"
send G; send / ; tm send-keys -t t -l "kiem tra"; send Enter
send a; slow "Nhiệm vụ mới"
send Tab Tab; tm send-keys -t t -l "Kieemr tra valgrind"; send F2; slow "Đã lưu"
send Escape; slow "Tất cả lĩnh vực"
send q; slow "EXIT:"
screen | grep -q "EXIT:0" || fail "cchc under valgrind: $(screen | grep EXIT:)"
' sh "$here" || failed=1
# "Possibly lost" blocks are ncurses' and SQLite's caches, alive at exit
# by design; errors and definite leaks are what count (they also make
# the session exit 99, which the check above sees).
for f in "$logdir"/vg.*.log; do
	if grep -qE "Invalid (read|write)|uninitialised|definitely lost: [1-9]" "$f"; then
		echo "valgrind reported:" >&2
		cat "$f" >&2
		failed=1
	fi
done
# The unit tests side by side, one per core: under valgrind each runs
# many times slower than without.
export vg logdir
printf '%s\n' "$@" | xargs -r -P "$(nproc 2>/dev/null || echo 1)" -I@ sh -c '
	out="$logdir/$(basename "$1").out"
	if $vg "$1" >"$out" 2>&1; then
		echo "ok   valgrind $(basename "$1")"
	else
		echo "FAIL: valgrind $(basename "$1"):" >&2
		tail -30 "$out" >&2
		exit 1
	fi' sh @ || failed=1
rm -rf "$logdir"
exit $failed
