/* A report model passed whole to another program (the PDF renderer runs
 * apart so that cchc never loads cairo and pango at start): numbers as
 * decimal lines, strings as "LENGTH:" then the bytes and a newline, so any
 * text goes through unchanged.  The reader trusts nothing: counts and
 * lengths are bounded and every string must be UTF-8. */
#include "core/report/report.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/store/err.h"
#include "core/text/i18n.h"

#define WIRE_MAGIC "cchc-report 1"
/* Bounds far above any real report, below what exhausts memory. */
#define MAX_STRING (1 << 20)
#define MAX_COUNT 100000
#define MAX_COLUMNS 64

static void
put_int(FILE *fp, long long v)
{
	fprintf(fp, "%lld\n", v);
}

static void
put_string(FILE *fp, const char *s)
{
	size_t n = strlen(s != NULL ? s : "");

	fprintf(fp, "%zu:", n);
	fwrite(s != NULL ? s : "", 1, n, fp);
	fputc('\n', fp);
}

int
report_write_wire(const struct report *r, FILE *fp)
{
	fputs(WIRE_MAGIC "\n", fp);
	put_int(fp, r->kind);
	put_string(fp, r->title);
	put_string(fp, r->subtitle);
	put_string(fp, r->office);
	put_string(fp, r->place);
	put_string(fp, r->signer);
	put_string(fp, r->number);
	put_string(fp, r->signature);
	put_int(fp, r->year);
	put_int(fp, r->period);
	put_int(fp, r->today.year);
	put_int(fp, r->today.month);
	put_int(fp, r->today.day);
	put_int(fp, r->nsections);
	for (int i = 0; i < r->nsections; i++) {
		const struct report_section *s = &r->sections[i];

		put_string(fp, s->heading);
		put_int(fp, s->nblocks);
		for (int j = 0; j < s->nblocks; j++) {
			const struct report_block *b = &s->blocks[j];
			const struct report_table *t = &b->table;

			put_int(fp, b->kind);
			if (b->kind == REPORT_PARAGRAPH) {
				put_string(fp, b->text);
				continue;
			}
			put_int(fp, t->ncolumns);
			for (int c = 0; c < t->ncolumns; c++) {
				put_string(fp, t->columns[c].title);
				put_int(fp, t->columns[c].width);
				put_int(fp, t->columns[c].share);
				put_int(fp, t->columns[c].align);
			}
			put_int(fp, t->nrows);
			for (int k = 0; k < t->nrows; k++) {
				put_int(fp, t->strong[k]);
				for (int c = 0; c < t->ncolumns; c++)
					put_string(fp, t->cells[(size_t)k * t->ncolumns + c]);
			}
		}
	}
	return ferror(fp) ? -1 : 0;
}

struct reader {
	FILE *fp;
	struct err *e;
	bool failed;
};

static void
fail(struct reader *rd, const char *what)
{
	if (!rd->failed)
		err_set(rd->e, -1, _("%s (at byte %ld)"), what, ftell(rd->fp));
	rd->failed = true;
}

/* A decimal number in [lo, hi] ended by a newline. */
static long long
get_int(struct reader *rd, long long lo, long long hi)
{
	char buf[32];
	char *end;
	long long v;

	if (rd->failed)
		return lo;
	if (fgets(buf, sizeof buf, rd->fp) == NULL || strchr(buf, '\n') == NULL) {
		fail(rd, _("a number was expected"));
		return lo;
	}
	v = strtoll(buf, &end, 10);
	if (end == buf || *end != '\n' || v < lo || v > hi) {
		fail(rd, _("a number is missing or out of range"));
		return lo;
	}
	return v;
}

static char *
get_string(struct reader *rd)
{
	long long n;
	int c;
	char *s;

	if (rd->failed)
		return NULL;
	if (fscanf(rd->fp, "%lld", &n) != 1 || n < 0 || n > MAX_STRING || fgetc(rd->fp) != ':') {
		fail(rd, _("a text was expected"));
		return NULL;
	}
	if ((s = malloc(n + 1)) == NULL) {
		fail(rd, _("out of memory"));
		return NULL;
	}
	if (fread(s, 1, n, rd->fp) != (size_t)n || (c = fgetc(rd->fp)) != '\n') {
		free(s);
		fail(rd, _("a text is cut short"));
		return NULL;
	}
	s[n] = '\0';
	if (memchr(s, '\0', n) != NULL || u8_check((const uint8_t *)s, n) != NULL) {
		free(s);
		fail(rd, _("a text is not UTF-8"));
		return NULL;
	}
	return s;
}

/* n elements of size each, zeroed; NULL when n is 0 or memory ran out. */
static void *
get_array(struct reader *rd, long long n, size_t size)
{
	void *p;

	if (rd->failed || n == 0)
		return NULL;
	if ((p = calloc(n, size)) == NULL)
		fail(rd, _("out of memory"));
	return p;
}

static void
get_table(struct reader *rd, struct report_table *t)
{
	size_t ncells;

	t->ncolumns = get_int(rd, 1, MAX_COLUMNS);
	if ((t->columns = get_array(rd, t->ncolumns, sizeof *t->columns)) == NULL) {
		t->ncolumns = 0;
		fail(rd, _("out of memory"));
		return;
	}
	for (int c = 0; c < t->ncolumns; c++) {
		t->columns[c].title = get_string(rd);
		t->columns[c].width = get_int(rd, 0, REPORT_WIDTH_WIDE);
		t->columns[c].share = get_int(rd, 0, 1000);
		t->columns[c].align = get_int(rd, REPORT_LEFT, REPORT_CENTER);
	}
	t->nrows = get_int(rd, 0, MAX_COUNT);
	ncells = (size_t)t->nrows * t->ncolumns;
	/* report_free expects cells and strong even for no rows. */
	t->cells = rd->failed ? NULL : calloc(ncells + 1, sizeof *t->cells);
	t->strong = rd->failed ? NULL : calloc(t->nrows + 1, sizeof *t->strong);
	if (t->cells == NULL || t->strong == NULL) {
		t->nrows = 0;
		fail(rd, _("out of memory"));
		return;
	}
	for (int k = 0; k < t->nrows && !rd->failed; k++) {
		t->strong[k] = get_int(rd, 0, 1);
		for (int c = 0; c < t->ncolumns; c++)
			t->cells[(size_t)k * t->ncolumns + c] = get_string(rd);
	}
}

static void
get_section(struct reader *rd, struct report_section *s)
{
	s->heading = get_string(rd);
	s->nblocks = get_int(rd, 0, MAX_COUNT);
	if ((s->blocks = get_array(rd, s->nblocks, sizeof *s->blocks)) == NULL)
		s->nblocks = 0;
	for (int j = 0; j < s->nblocks && !rd->failed; j++) {
		struct report_block *b = &s->blocks[j];

		b->kind = get_int(rd, REPORT_PARAGRAPH, REPORT_TABLE);
		if (rd->failed)
			break;
		if (b->kind == REPORT_PARAGRAPH)
			b->text = get_string(rd);
		else
			get_table(rd, &b->table);
	}
}

int
report_read_wire(FILE *fp, struct report **out, struct err *e)
{
	struct reader rd = { .fp = fp, .e = e };
	struct report *r = calloc(1, sizeof *r);
	char magic[sizeof WIRE_MAGIC + 1];

	*out = NULL;
	if (r == NULL) {
		return err_set(e, -1, "%s", _("out of memory"));
	}
	if (fgets(magic, sizeof magic, fp) == NULL || strcmp(magic, WIRE_MAGIC "\n") != 0)
		fail(&rd, _("not a report from cchc"));
	r->kind = get_int(&rd, 0, REPORT_KINDS - 1);
	r->title = get_string(&rd);
	r->subtitle = get_string(&rd);
	r->office = get_string(&rd);
	r->place = get_string(&rd);
	r->signer = get_string(&rd);
	r->number = get_string(&rd);
	r->signature = get_string(&rd);
	r->year = get_int(&rd, 0, 9999);
	r->period = get_int(&rd, 0, PERIOD_KINDS - 1);
	r->today.year = get_int(&rd, 1900, 9999);
	r->today.month = get_int(&rd, 1, 12);
	r->today.day = get_int(&rd, 1, 31);
	r->nsections = get_int(&rd, 0, MAX_COUNT);
	if ((r->sections = get_array(&rd, r->nsections, sizeof *r->sections)) == NULL)
		r->nsections = 0;
	for (int i = 0; i < r->nsections && !rd.failed; i++)
		get_section(&rd, &r->sections[i]);
	if (!rd.failed && fgetc(fp) != EOF)
		fail(&rd, _("more follows the report"));
	if (rd.failed) {
		report_free(r);
		return -1;
	}
	*out = r;
	return 0;
}
