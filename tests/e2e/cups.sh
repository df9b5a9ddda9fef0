#!/bin/sh
# Printing on a real CUPS: a cupsd of the test's own (its files, sockets
# and spool under the test's folder) with a cups-pdf queue as the default
# printer.  `cchc report ... --print` and p in the preview print the
# report's PDF: the document CUPS receives (kept in its spool) is A4 with
# every font embedded, its text holds the report's in NFC, nothing lies
# left of the 30 mm margin; the PDF cups-pdf writes is A4 with the same
# pages.  A stopped queue, a queue refusing jobs, no
# default printer and a missing lp each give a Vietnamese message.
. "$(dirname "$0")/lib.sh"

for tool in cupsd lpadmin lpstat cupsenable python3 pdfinfo; do
	command -v "$tool" > /dev/null || { echo "$tool not found: skipping" >&2; exit 77; }
done
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ -x /usr/lib/cups/backend/cups-pdf ] && [ -r "$ppd" ] ||
	{ echo "printer-driver-cups-pdf not installed: skipping" >&2; exit 77; }
# cups-pdf runs as root from cupsd and writes to the job owner's ~/PDF.
[ "$(id -u)" -eq 0 ] || { echo "cupsd with cups-pdf needs root: skipping" >&2; exit 77; }
outdir=$(getent passwd "$(id -un)" | cut -d: -f6)/PDF

cups=$work/cups
mkdir -p "$cups/spool" "$cups/tmp" "$cups/cache" "$cups/state" "$work/home"
chmod 755 "$work" "$cups"
chmod 1777 "$cups/tmp"
cat > "$cups/cupsd.conf" <<CONF
Listen $work/cups.sock
LogLevel warn
WebInterface No
PreserveJobFiles Yes
<Location />
Order allow,deny
Allow all
</Location>
CONF
cat > "$cups/cups-files.conf" <<CONF
ServerRoot $cups
RequestRoot $cups/spool
TempDir $cups/tmp
CacheDir $cups/cache
StateDir $cups/state
ErrorLog $cups/error_log
AccessLog $cups/access_log
PageLog $cups/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
SystemGroup root
CONF
cupsd -f -c "$cups/cupsd.conf" -s "$cups/cups-files.conf" &
cupsd_pid=$!
trap 'kill "$cupsd_pid" 2>/dev/null; wait "$cupsd_pid" 2>/dev/null; rm -f $(cat "$work/made" 2>/dev/null); cleanup' EXIT
export CUPS_SERVER="$work/cups.sock" HOME="$work/home"
i=0
until lpstat -r > /dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "cupsd did not start: $(cat "$cups/error_log" 2>/dev/null)"
	sleep 0.1
done
lpadmin -p cchcpdf -E -v cups-pdf:/ -P "$ppd" 2> "$work/lpadmin.err" || fail "lpadmin: $(cat "$work/lpadmin.err")"
lpadmin -d cchcpdf || fail "lpadmin -d"

report() {
	"$CCHC_BIN" --db "$db" report "$@"
}

# wait_job N: until job N is done and cups-pdf's file for it is there;
# checks the document CUPS received and the PDF it made.
wait_job() {
	n=$1
	i=0
	until lpstat -W completed -o cchcpdf | grep -q "^cchcpdf-$n "; do
		i=$((i + 1))
		[ $i -lt 300 ] || fail "job $n never completed: $(tail -5 "$cups/error_log")"
		sleep 0.1
	done
	made=$(ls "$outdir"/*job_"$n".pdf 2>/dev/null | head -1)
	[ -n "$made" ] || fail "cups-pdf wrote no file for job $n: $(ls "$outdir")"
	echo "$made" >> "$work/made"
	got=$(printf '%s/d%05d-001' "$cups/spool" "$n")
	[ -s "$got" ] || fail "job $n kept no document"
	python3 "$(dirname "$0")/pdfcheck.py" "$got" "$2" "$work/cells.csv" ||
		fail "the document of job $n"
	# cups-pdf remakes the PDF through PostScript (ghostscript), which
	# draws the letters as outlines: its pages are checked, the text was
	# the document's.  Paper is A4 portrait: a landscape page is turned.
	python3 "$(dirname "$0")/pdfcheck.py" "$made" 80 --no-text || fail "cups-pdf's PDF of job $n"
	[ "$(pdfinfo "$made" | grep '^Pages:')" = "$(pdfinfo "$got" | grep '^Pages:')" ] ||
		fail "job $n: cups-pdf's PDF has other pages"
}

# From the command line, at 80 and at 132 columns.
CCHC_LANG=vi report period --period 2025-9T --format csv --encoding utf8 -o "$work/cells.csv"
CCHC_LANG=vi report period --period 2025-9T --print 2> "$work/err" ||
	fail "--print: $(cat "$work/err")"
wait_job 1 80
CCHC_LANG=vi report period --period 2025-9T --width 132 --print 2> "$work/err" ||
	fail "--print --width 132: $(cat "$work/err")"
wait_job 2 132
CCHC_LANG=vi report overdue --period 2025-9T --print --printer cchcpdf 2> "$work/err" ||
	fail "--print --printer: $(cat "$work/err")"
CCHC_LANG=vi report overdue --period 2025-9T --format csv --encoding utf8 -o "$work/cells.csv"
wait_job 3 80

# From the preview: P on the dashboard, p.
CCHC_LANG=en report dashboard --period 2025-N --format csv --encoding utf8 -o "$work/cells.csv"
start CCHC_LANG=en "CUPS_SERVER=$CUPS_SERVER" "HOME=$HOME"
wait_for "Dashboard"
send P
wait_for "Page 1/"
send p
wait_for "Sent to the printer"
stop
wait_job 4 80

# expect_fail WORDS: --print fails with WORDS (Vietnamese) in its message.
expect_fail() {
	set +e
	CCHC_LANG=vi report dashboard --period 2025-9T --print "$@" 2> "$work/err"
	rc=$?
	set -e
}
cupsreject cchcpdf
expect_fail
[ "$rc" -eq 1 ] && grep -q "không nhận lệnh in" "$work/err" ||
	fail "a queue refusing jobs: exit $rc: $(cat "$work/err")"
cupsaccept cchcpdf
cupsdisable cchcpdf
expect_fail
[ "$rc" -eq 1 ] && grep -q "đang dừng" "$work/err" && grep -q "cupsenable cchcpdf" "$work/err" ||
	fail "a stopped queue: exit $rc: $(cat "$work/err")"
cupsenable cchcpdf
expect_fail --printer nosuch
[ "$rc" -eq 1 ] && grep -q "không có máy in nào tên nosuch" "$work/err" ||
	fail "no such printer: exit $rc: $(cat "$work/err")"
PATH=/nonexistent
expect_fail
PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
[ "$rc" -eq 1 ] && grep -q "cups-client" "$work/err" ||
	fail "no lp: exit $rc: $(cat "$work/err")"
lpadmin -x cchcpdf
expect_fail
[ "$rc" -eq 1 ] && grep -q "chưa có máy in mặc định" "$work/err" ||
	fail "no default printer: exit $rc: $(cat "$work/err")"
echo "cups: ok"
