/* A report as CSV (RFC 4180) for a spreadsheet: the title lines, then each
 * section's heading, paragraphs and tables (a header record, then the
 * rows), a blank record between blocks.  Every record has the same number
 * of fields.  UTF-8 gets a byte order mark by default because Excel reads
 * BOM-less UTF-8 as the ANSI code page; CP1258, for old Windows tools, goes
 * through iconv after NFC (glibc writes a base letter and a combining tone,
 * which reads back to the same NFC text). */
#include "core/report/report.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/io/csv.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

/* One field, quoted as every CSV cchc writes (csv.h). */
static void
put_field(FILE *fp, const char *s, bool first)
{
	if (!first)
		fputc(',', fp);
	csv_put(fp, s, ',');
}

/* A record of n fields from cells (NULL: an empty record), padded with
 * empty fields to width. */
static void
put_record(FILE *fp, const char *const *cells, int n, int width)
{
	for (int i = 0; i < width; i++)
		put_field(fp, i < n ? cells[i] : "", i == 0);
	fputs("\r\n", fp);
}

static int
record_width(const struct report *r)
{
	int w = 1;

	for (int i = 0; i < r->nsections; i++)
		for (int j = 0; j < r->sections[i].nblocks; j++)
			if (r->sections[i].blocks[j].kind == REPORT_TABLE &&
			    r->sections[i].blocks[j].table.ncolumns > w)
				w = r->sections[i].blocks[j].table.ncolumns;
	return w;
}

static void
put_table(FILE *fp, const struct report_table *t, int width)
{
	const char **head = calloc(t->ncolumns, sizeof *head);

	if (head != NULL) {
		for (int i = 0; i < t->ncolumns; i++)
			head[i] = t->columns[i].title;
		put_record(fp, head, t->ncolumns, width);
		free(head);
	}
	for (int r = 0; r < t->nrows; r++)
		put_record(fp, (const char *const *)t->cells + (size_t)r * t->ncolumns,
		    t->ncolumns, width);
}

static void
put_report(FILE *fp, const struct report *r)
{
	int width = record_width(r);
	char date[11];
	const char *frame[] = { r->office, r->title, r->subtitle, date };

	date_format_vn(r->today, date);
	for (int i = 0; i < 4; i++)
		put_record(fp, &frame[i], 1, width);
	for (int i = 0; i < r->nsections; i++) {
		const struct report_section *s = &r->sections[i];

		put_record(fp, NULL, 0, width);
		if (*s->heading != '\0')
			put_record(fp, (const char *const *)&s->heading, 1, width);
		for (int j = 0; j < s->nblocks; j++) {
			if (s->blocks[j].kind == REPORT_TABLE)
				put_table(fp, &s->blocks[j].table, width);
			else
				put_record(fp, (const char *const *)&s->blocks[j].text, 1, width);
		}
	}
}

/* Replaces each "≥" and "≤" of s (in place: the result is shorter) by
 * ">=" and "<=", which CP1258 lacks and every reader understands. */
static void
ascii_comparators(char *s)
{
	static const char *const from[] = { "≥", "≤" }, *const to[] = { ">=", "<=" };
	char *p;

	for (int i = 0; i < 2; i++) {
		while ((p = strstr(s, from[i])) != NULL) {
			memcpy(p, to[i], 2);
			memmove(p + 2, p + strlen(from[i]), strlen(p + strlen(from[i])) + 1);
		}
	}
}

/* Adds the character at s to the list of those CP1258 lacks, once. */
static void
note_missing(char *list, size_t size, const char *s, int len)
{
	char item[64];
	ucs4_t uc;

	u8_mbtouc(&uc, (const uint8_t *)s, len);
	snprintf(item, sizeof item, "“%.*s” (U+%04X)", len, s, (unsigned)uc);
	if (strstr(list, item) != NULL)
		return;
	if (strlen(list) + strlen(item) + 8 >= size) {
		if (strstr(list, "…") == NULL)
			strcat(list, ", …");
		return;
	}
	if (*list != '\0')
		strcat(list, ", ");
	strcat(list, item);
}

/* utf8 (NFC) to CP1258 on fp; -1 with the characters it lacks listed. */
static int
write_cp1258(struct db *db, char *utf8, FILE *fp)
{
	iconv_t cd = iconv_open("CP1258", "UTF-8");
	char out[4096], missing[400] = "", *in = utf8, *o;
	size_t left, room;

	if (cd == (iconv_t)-1)
		return db_fail(db, _("this system cannot convert to CP1258: %s"), strerror(errno));
	ascii_comparators(utf8);
	left = strlen(utf8);
	while (left > 0) {
		o = out;
		room = sizeof out;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			int len = u8_mblen((const uint8_t *)in, left);

			if (len < 1)
				len = 1;
			note_missing(missing, sizeof missing, in, len);
			in += len;
			left -= len;
		}
		if (*missing == '\0')
			fwrite(out, 1, o - out, fp);
	}
	o = out;
	room = sizeof out;
	iconv(cd, NULL, NULL, &o, &room);
	if (*missing == '\0')
		fwrite(out, 1, o - out, fp);
	iconv_close(cd);
	if (*missing != '\0')
		return db_fail(db, _("CP1258 cannot represent %s: save as UTF-8, or change that text"),
		    missing);
	return 0;
}

int
report_write_csv(struct db *db, const struct report *r, enum report_encoding enc, FILE *fp)
{
	char *buf = NULL, *nfc;
	size_t size = 0;
	FILE *mem;
	int rc;

	if (enc != REPORT_CP1258) {
		if (enc == REPORT_UTF8_BOM)
			fputs("\xEF\xBB\xBF", fp);
		put_report(fp, r);
		return ferror(fp) ? db_fail(db, _("cannot write the CSV: %s"), strerror(errno)) : 0;
	}
	/* The whole text first: nothing is written unless all of it can be. */
	if ((mem = open_memstream(&buf, &size)) == NULL)
		return db_fail(db, "%s", strerror(errno));
	put_report(mem, r);
	if (fclose(mem) != 0) {
		free(buf);
		return db_fail(db, "%s", strerror(errno));
	}
	nfc = text_nfc(buf);
	free(buf);
	if (nfc == NULL)
		return db_fail(db, _("out of memory"));
	rc = write_cp1258(db, nfc, fp);
	free(nfc);
	if (rc == 0 && ferror(fp))
		return db_fail(db, _("cannot write the CSV: %s"), strerror(errno));
	return rc;
}
