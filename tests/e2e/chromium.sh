#!/bin/sh
# The HTML reports printed by Chromium (headless) to PDF: A4, page numbers
# in the top margin from page 2 (@page), every cell in the text, nothing
# left of the 30 mm margin (pdfcheck.py); no page ends with a section
# heading or a table's label, and the signature block never stands alone
# on the last page.
. "$(dirname "$0")/lib.sh"

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium not found: skipping" >&2; exit 77; }
for tool in pdftotext python3; do
	command -v "$tool" > /dev/null || { echo "$tool not found: skipping" >&2; exit 77; }
done

report() {
	CCHC_LANG=vi "$CCHC_BIN" --db "$db" report "$@"
}

report dashboard --period 2025-9T > /dev/null	# the sample plan
CCHC_LANG=en "$CCHC_BIN" --db "$db" score --template > /dev/null || fail "score --template failed"
export HOME="$work/home"
for kind in dashboard units overdue period par; do
	report "$kind" --period 2025-9T --format html -o "$work/$kind.html" || fail "$kind html"
	report "$kind" --period 2025-9T --format csv --encoding utf8 -o "$work/$kind.csv"
	"$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$work/chromium" --print-to-pdf="$work/$kind.pdf" \
		"file://$work/$kind.html" > /dev/null 2>&1 || fail "chromium could not print $kind"
	python3 "$(dirname "$0")/pdfcheck.py" "$work/$kind.pdf" 80 "$work/$kind.csv" ||
		fail "$kind printed by chromium"
	python3 - "$work/$kind.html" "$work/$kind.pdf" "$kind" <<'PY' || fail "$kind: see above"
import html, re, subprocess, sys
page_html, pdf, kind = sys.argv[1:]
doc = open(page_html, encoding="utf-8").read()
# What must not end a page: the headings and the tables' labels.
alone = {re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m))).strip()
         for m in re.findall(r'<(?:h2|p class="label")>(.*?)</(?:h2|p)>', doc, re.S)}
pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                       text=True).stdout.split("\f")[:-1]
bad = []
for n, page in enumerate(pages, 1):
    lines = [re.sub(r"\s+", " ", l).strip() for l in page.split("\n") if l.strip()]
    if n < len(pages) and lines and lines[-1] in alone:
        bad.append("page %d ends with %r" % (n, lines[-1]))
last = [l for l in (re.sub(r"\s+", " ", l).strip() for l in pages[-1].split("\n")) if l]
if len(pages) > 1 and last[1].startswith("Nơi nhận:"):
    bad.append("the signature block is alone on page %d" % len(pages))
for b in bad:
    print("FAIL: %s: %s" % (kind, b), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
echo "chromium: ok"
