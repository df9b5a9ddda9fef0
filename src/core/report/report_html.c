/* A report as one self-contained HTML file, laid out as an official
 * Vietnamese document (Nghị định 30/2020/NĐ-CP): the issuing office and the
 * national heading side by side, the number and the place-date line, the
 * title, the body, the signature block; Times New Roman 13 pt on A4 with
 * the usual margins.  Printed from a browser, a table's header row is
 * repeated on every page (thead) and a row is not cut; the page number
 * stands in the top margin from page 2 (@page margin boxes); a heading
 * and a table's label stay with what follows, the signature block with
 * the end of the text.  Every text from the data is escaped. */
#include "core/report/report.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "core/text/i18n.h"

static const char style[] =
    "@page { size: A4; margin: 20mm 15mm 20mm 30mm;"
    " @top-center { content: counter(page); font: 13pt \"Times New Roman\", Times, serif; } }\n"
    "@page :first { @top-center { content: none; } }\n"
    "body { font-family: \"Times New Roman\", Times, serif; font-size: 13pt;"
    " line-height: 1.35; color: #000; background: #fff; max-width: 165mm; margin: 1em auto; }\n"
    "@media print { body { max-width: none; margin: 0; } }\n"
    "table.frame { width: 100%; border-collapse: collapse; }\n"
    "table.frame td { text-align: center; vertical-align: top; padding: 0; }\n"
    "table.frame td.office { width: 40%; }\n"
    ".office-name, .nation, .motto, .title, .sign { font-weight: bold; }\n"
    ".nation { font-size: 12pt; }\n"
    ".motto { font-size: 13pt; }\n"
    ".rule { display: inline-block; border-top: 1px solid #000; margin-top: 2pt; }\n"
    ".office .rule { width: 30%; }\n"
    ".nationhead .rule { width: 60%; }\n"
    ".place { font-style: italic; }\n"
    ".number { font-size: 13pt; }\n"
    "h1.title { font-size: 14pt; text-align: center; margin: 18pt 0 0; }\n"
    "p.subtitle { text-align: center; font-weight: bold; margin: 0 0 12pt; }\n"
    "h2 { font-size: 13pt; margin: 12pt 0 6pt; page-break-after: avoid; break-after: avoid; }\n"
    "p { margin: 0 0 6pt; text-align: justify; }\n"
    "p.label { break-after: avoid; page-break-after: avoid; }\n"
    ".blank { white-space: pre; }\n"
    "table.data { width: 100%; border-collapse: collapse; margin: 0 0 8pt; font-size: 12pt; }\n"
    "table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }\n"
    "table.data td.indent1 { padding-left: 1.2em; } table.data td.indent2 { padding-left: 2.4em; }\n"
    "table.data td.indent3 { padding-left: 3.6em; } table.data td.indent4 { padding-left: 4.8em; }\n"
    "table.data th { font-weight: bold; text-align: center; }\n"
    "table.data thead { display: table-header-group; }\n"
    "table.data tr { page-break-inside: avoid; break-inside: avoid; }\n"
    "td.right { text-align: right; } td.center { text-align: center; }\n"
    "tr.strong td { font-weight: bold; }\n"
    /* The signature block goes over a page break with the end of the text. */
    "table.signature { width: 100%; margin-top: 18pt; border-collapse: collapse;"
    " page-break-inside: avoid; break-inside: avoid; page-break-before: avoid; break-before: avoid; }\n"
    "table.signature td { width: 50%; vertical-align: top; padding: 0; }\n"
    ".recipients { font-size: 11pt; }\n"
    ".recipients b { font-size: 12pt; font-style: italic; }\n"
    ".sign { text-align: center; }\n"
    ".signer { text-align: center; font-weight: bold; padding-top: 60pt; }\n";

/* s with & < > " ' escaped; '\n' as <br> when br. */
static void
escape(FILE *fp, const char *s, bool br)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		case '\n':
			fputs(br ? "<br>\n" : " ", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

/* s in capitals (Vietnamese letters included), escaped. */
static void
escape_upper(FILE *fp, const char *s)
{
	size_t n = 0;
	uint8_t *up = u8_toupper((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC, NULL, &n);
	char *z;

	if (up == NULL || (z = malloc(n + 1)) == NULL) {
		free(up);
		escape(fp, s, true);
		return;
	}
	memcpy(z, up, n);
	z[n] = '\0';
	escape(fp, z, true);
	free(z);
	free(up);
}

static const char *
align_class(enum report_align a)
{
	return a == REPORT_RIGHT ? " class=\"right\"" : a == REPORT_CENTER ? " class=\"center\"" : "";
}

static void
write_table(FILE *fp, const struct report_table *t)
{
	int *w = calloc(t->ncolumns, sizeof *w), total = 0;

	fputs("<table class=\"data\">\n", fp);
	/* The columns in the proportions of the 80-column text. */
	if (w != NULL) {
		report_column_widths(t, REPORT_WIDTH_NARROW, w);
		for (int i = 0; i < t->ncolumns; i++)
			total += w[i] + 2;
		fputs("<colgroup>", fp);
		for (int i = 0; i < t->ncolumns; i++)
			fprintf(fp, "<col style=\"width: %d%%\">", (w[i] + 2) * 100 / total);
		fputs("</colgroup>\n", fp);
	}
	free(w);
	fputs("<thead><tr>", fp);
	for (int i = 0; i < t->ncolumns; i++) {
		fputs("<th>", fp);
		escape(fp, t->columns[i].title, true);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (int r = 0; r < t->nrows; r++) {
		fputs(t->strong[r] ? "<tr class=\"strong\">" : "<tr>", fp);
		for (int i = 0; i < t->ncolumns; i++) {
			const char *cell = t->cells[(size_t)r * t->ncolumns + i];
			int depth = 0;

			/* A sub-criterion's no-break spaces (two a level) become
			 * an indent of the whole cell, its wrapped lines too. */
			while (strncmp(cell, "\xC2\xA0\xC2\xA0", 4) == 0) {
				cell += 4;
				depth++;
			}
			if (depth > 0)
				fprintf(fp, "<td class=\"indent%d%s\">", depth > 4 ? 4 : depth,
				    t->columns[i].align == REPORT_RIGHT ? " right" :
				    t->columns[i].align == REPORT_CENTER ? " center" : "");
			else
				fprintf(fp, "<td%s>", align_class(t->columns[i].align));
			escape(fp, cell, true);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void
write_frame(FILE *fp, const struct report *r)
{
	fputs("<table class=\"frame\">\n<tr><td class=\"office\"><div class=\"office-name\">", fp);
	escape_upper(fp, r->office);
	fputs("</div><span class=\"rule\"></span></td>\n"
	    "<td class=\"nationhead\"><div class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>"
	    "<div class=\"motto\">Độc lập - Tự do - Hạnh phúc</div><span class=\"rule\"></span></td></tr>\n"
	    "<tr><td class=\"number\">Số: <span class=\"blank\">", fp);
	/* Its blanks kept: the room to write the number in by hand. */
	escape(fp, r->number, false);
	fputs("</span></td>\n<td class=\"place\">", fp);
	escape(fp, r->place, false);
	fprintf(fp, ", ngày %d tháng %d năm %d</td></tr>\n</table>\n", r->today.day,
	    r->today.month, r->today.year);
}

static void
write_signature(FILE *fp, const struct report *r)
{
	fputs("<table class=\"signature\">\n<tr><td class=\"recipients\"><b>Nơi nhận:</b><br>\n"
	    "- Như trên;<br>\n- Lưu: VT.</td>\n<td><div class=\"sign\">", fp);
	escape(fp, r->signature, true);
	fputs("</div><div class=\"signer\">", fp);
	escape(fp, r->signer, false);
	fputs("</div></td></tr>\n</table>\n", fp);
}

int
report_write_html(const struct report *r, FILE *fp)
{
	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>", fp);
	escape(fp, r->title, false);
	fputs(" – ", fp);
	escape(fp, r->office, false);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	write_frame(fp, r);
	fputs("<h1 class=\"title\">", fp);
	escape_upper(fp, r->title);
	fputs("</h1>\n<p class=\"subtitle\">", fp);
	escape(fp, r->subtitle, true);
	fputs("</p>\n", fp);
	for (int i = 0; i < r->nsections; i++) {
		const struct report_section *s = &r->sections[i];

		if (*s->heading != '\0') {
			fputs("<h2>", fp);
			escape(fp, s->heading, true);
			fputs("</h2>\n", fp);
		}
		for (int j = 0; j < s->nblocks; j++) {
			if (s->blocks[j].kind == REPORT_TABLE) {
				write_table(fp, &s->blocks[j].table);
				continue;
			}
			/* A paragraph before a table is its label: it stays
			 * with the table. */
			fputs(j + 1 < s->nblocks && s->blocks[j + 1].kind == REPORT_TABLE ?
			    "<p class=\"label\">" : "<p>", fp);
			escape(fp, s->blocks[j].text, true);
			fputs("</p>\n", fp);
		}
	}
	write_signature(fp, r);
	fputs("</body>\n</html>\n", fp);
	return ferror(fp) ? -1 : 0;
}
