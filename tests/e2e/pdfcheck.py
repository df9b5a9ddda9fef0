#!/usr/bin/env python3
"""pdfcheck.py PDF WIDTH [CELLS.csv | --no-text]: the checks of a report's PDF that
pdf.sh, cups.sh and chromium.sh share, with poppler's tools.

A4 (portrait at width 80, landscape at 132); every font embedded; the text
(pdftotext) in NFC without U+FFFD and holding every cell and paragraph of
the report (its CSV, the heading rows aside) when CELLS is given; page
numbers alone on the first line from page 2; no page that holds only a
heading or only the signature block; no word left of the 30 mm margin.
--no-text checks only the pages and fonts, for a PDF remade without its
text layer.  Prints what is wrong and exits 1."""
import csv
import re
import subprocess
import sys
import unicodedata


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def main():
    pdf, width = sys.argv[1], sys.argv[2]
    cells = sys.argv[3] if len(sys.argv) > 3 else None
    bad = []
    text = cells != "--no-text"
    size = re.search(r"Page size:\s*([0-9.]+) x ([0-9.]+) pts", run("pdfinfo", pdf))
    w, h = round(float(size.group(1))), round(float(size.group(2)))
    if (w, h) != ((595, 842) if width == "80" else (842, 595)):
        bad.append("page size %s x %s at width %s" % (w, h, width))
    for line in run("pdffonts", pdf).splitlines()[2:]:
        if line.split()[-5] != "yes":
            bad.append("font not embedded: " + line)
    if not text:
        return report(pdf, bad)
    raw = run("pdftotext", "-raw", pdf, "-")
    if not unicodedata.is_normalized("NFC", raw):
        bad.append("the text is not NFC")
    if "\ufffd" in raw:
        bad.append("the text holds U+FFFD")
    flat = re.sub(r"\s+", "", raw)
    if cells:
        rows = list(csv.reader(open(cells, encoding="utf-8-sig", newline="")))[4:]
        for row in rows:
            for cell in row:
                c = re.sub(r"\s+", "", cell)
                if c and c not in flat:
                    bad.append("missing: " + cell)
    pages = raw.split("\f")[:-1]
    for n, page in enumerate(pages, 1):
        lines = [l.strip() for l in page.strip().split("\n") if l.strip()]
        if n > 1 and (not lines or lines[0] != str(n)):
            bad.append("page %d starts with %r, not its number" % (n, lines[:1]))
        body = lines[1:] if n > 1 else lines
        if n > 1 and "Nơi nhận:" in body and body.index("Nơi nhận:") == 0:
            bad.append("page %d holds only the signature block" % n)
        if n > 1 and len(body) <= 2 and not any(re.search(r"\d", l) for l in body):
            bad.append("page %d holds only %r" % (n, body))
    bbox = run("pdftotext", "-bbox", pdf, "-")
    for x in re.findall(r'xMin="([0-9.]+)"', bbox):
        # Half a point for a browser rounding 30 mm to its pixels.
        if float(x) < 30 * 72 / 25.4 - 0.5:
            bad.append("a word at x = %s pt, left of the 30 mm margin" % x)
            break
    return report(pdf, bad)


def report(pdf, bad):
    for b in bad[:12]:
        print("FAIL: %s: %s" % (pdf, b), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
