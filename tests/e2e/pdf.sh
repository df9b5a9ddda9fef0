#!/bin/sh
# PDF (cchc-pdf, cairo and pango): every report of the sample plan, with a
# task named with every Vietnamese vowel in every tone and đ in both cases
# (146 letters), and a SIPAS round, renders with no unknown glyph (cchc-pdf refuses one) and is
# an A4 PDF (landscape at 132 columns) whose fonts are all embedded, whose
# text (pdftotext) holds every cell and paragraph of the report in NFC,
# with nothing left of the 30 mm margin, page numbers from page 2, and a
# last page that holds more than the signature block.  With no font at
# all, the message names the Debian package and no file is left.
. "$(dirname "$0")/lib.sh"

for tool in pdftotext pdfinfo pdffonts python3; do
	command -v "$tool" > /dev/null || { echo "$tool not found: skipping" >&2; exit 77; }
done

report() {
	CCHC_LANG=en "$CCHC_BIN" --db "$db" report "$@"
}

# The 146 letters: a ă â e ê i o ô ơ u ư y, each bare and with the five
# tones (72), in capitals too (144), and đ Đ.
letters=$(python3 -c '
import unicodedata
base = "aăâeêioôơuưy"
tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
low = "".join(unicodedata.normalize("NFC", b + t) for b in base for t in tones)
s = low + low.upper() + "đĐ"
assert len(s) == 146 and len(set(s)) == 146
print(s)')
report dashboard --period 2025-9T > /dev/null	# the sample plan
sql "UPDATE task SET description = 'Kiểm tra $letters' WHERE id = (SELECT min(id) FROM task)"
CCHC_LANG=en "$CCHC_BIN" --db "$db" score --template > /dev/null || fail "score --template failed"

# check_pdf FILE WIDTH REPORT-ARGS...: pdfcheck.py against the report's
# own cells (its CSV).
check_pdf() {
	file=$1 width=$2
	shift 2
	report "$@" --format csv --encoding utf8 -o "$work/cells.csv" || fail "$*: no CSV"
	python3 "$(dirname "$0")/pdfcheck.py" "$file" "$width" "$work/cells.csv" || fail "$*: see above"
}

for kind in dashboard units overdue period par; do
	report "$kind" --period 2025-9T --format pdf -o "$work/$kind.pdf" 2> "$work/err" ||
		fail "report $kind --format pdf: $(cat "$work/err")"
	check_pdf "$work/$kind.pdf" 80 "$kind" --period 2025-9T
done
report period --period 2025-9T --width 132 --format pdf -o "$work/wide.pdf" ||
	fail "the wide period report"
check_pdf "$work/wide.pdf" 132 period --period 2025-9T
# A SIPAS round's report; `cchc sipas results` writes the same PDF.
round=$(sipas_round)
report sipas --round "$round" --format pdf -o "$work/sipas.pdf" 2> "$work/err" ||
	fail "report sipas --format pdf: $(cat "$work/err")"
check_pdf "$work/sipas.pdf" 80 sipas --round "$round"
pdftotext -layout "$work/sipas.pdf" - > "$work/sipas.txt"
grep -q "Overall index: [0-9.]*%" "$work/sipas.txt" || fail "sipas PDF: no overall index"
grep -qF "Breakdown by Giới tính" "$work/sipas.txt" || fail "sipas PDF: no breakdown"
CCHC_LANG=en "$CCHC_BIN" --db "$db" sipas results --round "$round" --format pdf -o "$work/sr.pdf" ||
	fail "sipas results --format pdf"
pdftotext -layout "$work/sr.pdf" - | cmp -s - "$work/sipas.txt" ||
	fail "sipas results and report sipas give different PDFs"
# The task appendix (export appendix): wide, so landscape.
CCHC_LANG=en "$CCHC_BIN" --db "$db" export appendix --plan 1 --format pdf -o "$work/appendix.pdf" \
	2> "$work/err" || fail "export appendix --format pdf: $(cat "$work/err")"
CCHC_LANG=en "$CCHC_BIN" --db "$db" export appendix --plan 1 --format csv --encoding utf8 \
	-o "$work/cells.csv" || fail "export appendix --format csv"
python3 "$(dirname "$0")/pdfcheck.py" "$work/appendix.pdf" 132 "$work/cells.csv" ||
	fail "the appendix PDF: see above"
# The 146 letters are in the period report's text (wrapped in their cell).
pdftotext -raw "$work/period.pdf" - | tr -d ' \n' | grep -qF "$letters" ||
	fail "the 146 letters are not in the PDF"
[ "$(pdfinfo "$work/period.pdf" | sed -n 's/^Pages: *//p')" -gt 1 ] ||
	fail "the period report should run over several pages"

# No font at all: a message naming the package, no file.
cat > "$work/fonts.conf" <<XML
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$work/fc-cache</cachedir></fontconfig>
XML
set +e
FONTCONFIG_FILE="$work/fonts.conf" CCHC_LANG=vi "$CCHC_BIN" --db "$db" report period \
	--period 2025-9T --format pdf -o "$work/nofont.pdf" 2> "$work/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "with no font: exit $rc, expected 1"
grep -q "fonts-liberation" "$work/err" || fail "the message names no package: $(cat "$work/err")"
grep -q "phông chữ" "$work/err" || fail "the message is not in Vietnamese: $(cat "$work/err")"
[ ! -e "$work/nofont.pdf" ] && [ ! -e "$work/nofont.pdf.tmp" ] || fail "a file was left"

# A damaged model is refused by cchc-pdf with where it broke.
printf 'cchc-report 1\n0\n99999999999:' | "$CCHC_PDF" "$work/bad.pdf" 2> "$work/err" &&
	fail "cchc-pdf took a damaged report"
grep -q "byte" "$work/err" || fail "no position in: $(cat "$work/err")"
[ ! -e "$work/bad.pdf" ] || fail "cchc-pdf wrote a damaged report"
echo "pdf: ok"
