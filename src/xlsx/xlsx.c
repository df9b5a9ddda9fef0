/* A report as an Excel workbook (libxlsxwriter), for offices that live in
 * Excel.
 *
 * This file is a module that cchc loads only when a workbook is asked for
 * (report_xlsx.c): libxlsxwriter brings zlib, minizip and libcrypto, whose
 * loading would slow every start of the program.  It reads nothing but the
 * report model.
 *
 * The tables of a report that share their columns go on one worksheet (the
 * period report: one of targets, one of tasks), under the office heading
 * and the title, with the header row frozen and repeated on every printed
 * page and each section's heading as a row before its part.  Cells keep
 * their type: figures are numbers, rates numbers in a % format with the
 * decimals the report shows, dates real dates shown dd/mm/yyyy, codes and
 * words text.  A4, the official margins, fitted to the page's width. */
#include "core/report/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unistr.h>
#include <uniwidth.h>
#include <xlsxwriter.h>

#include "core/text/i18n.h"

#define FONT "Times New Roman"
#define MAX_SHEETS 32
#define WIDEST 60		/* a column wider wraps */

int cchc_xlsx_write_1(const struct report *r, const char *path, char *err, size_t errsz);

/* The cell formats: per alignment and weight for text; per weight for the
 * typed cells. */
enum { F_TEXT, F_NUMBER = F_TEXT + 3, F_MARKED, F_RATE0, F_RATE1, F_RATE2, F_DATE, F_CELLS };

struct formats {
	lxw_format *cell[2][F_CELLS];	/* [bold] */
	lxw_format *head, *heading, *para, *title, *subtitle, *left, *right, *italic;
};

/* A worksheet: the tables whose columns are first's. */
struct sheet {
	const struct report_table *first;
	lxw_worksheet *ws;
	char name[128];
	int row;			/* the next row to write */
	int section;			/* the last section whose heading is on it */
	bool headed;			/* its header row is written */
	double *width;			/* per column, in characters */
};

struct book {
	const struct report *r;
	lxw_workbook *wb;
	struct formats f;
	struct sheet sheets[MAX_SHEETS];
	int nsheets;
};

static bool
same_columns(const struct report_table *a, const struct report_table *b)
{
	if (a->ncolumns != b->ncolumns)
		return false;
	for (int i = 0; i < a->ncolumns; i++)
		if (strcmp(a->columns[i].title, b->columns[i].title) != 0)
			return false;
	return true;
}

/* The display width of the widest line of s; of its longest word when
 * words (a header wraps between words). */
static int
text_cols(const char *s, bool words)
{
	int widest = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, words ? " \n" : "\n");
		int w = u8_width((const uint8_t *)s, n, "UTF-8");

		if (w > widest)
			widest = w;
		s += n;
		if (*s != '\0')
			s++;
	}
	return widest;
}

static lxw_format *
new_format(lxw_workbook *wb, bool bold, double size)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

static void
make_formats(lxw_workbook *wb, struct formats *f)
{
	static const uint8_t align[3] = { LXW_ALIGN_LEFT, LXW_ALIGN_RIGHT, LXW_ALIGN_CENTER };
	static const char *const num[F_CELLS] = {
		[F_MARKED] = "General\"*\"", [F_RATE0] = "0%", [F_RATE1] = "0.0%", [F_RATE2] = "0.00%", [F_DATE] = "dd/mm/yyyy",
	};

	for (int bold = 0; bold < 2; bold++) {
		for (int i = 0; i < F_CELLS; i++) {
			lxw_format *c = new_format(wb, bold, 12);

			format_set_border(c, LXW_BORDER_THIN);
			if (i < F_NUMBER)
				format_set_align(c, align[i - F_TEXT]);
			else
				format_set_align(c, LXW_ALIGN_RIGHT);
			if (num[i] != NULL)
				format_set_num_format(c, num[i]);
			f->cell[bold][i] = c;
		}
	}
	f->head = new_format(wb, true, 12);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f->head, 0xEEEEEE);
	f->heading = new_format(wb, true, 13);
	f->para = new_format(wb, false, 13);
	f->title = new_format(wb, true, 14);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	f->subtitle = new_format(wb, true, 13);
	format_set_align(f->subtitle, LXW_ALIGN_CENTER);
	f->left = new_format(wb, true, 12);
	format_set_align(f->left, LXW_ALIGN_CENTER);
	f->right = new_format(wb, true, 12);
	format_set_align(f->right, LXW_ALIGN_CENTER);
	f->italic = new_format(wb, false, 13);
	format_set_italic(f->italic);
	format_set_align(f->italic, LXW_ALIGN_CENTER);
}

/* s across columns first..last of row: merged when it spans several. */
static void
span(lxw_worksheet *ws, int row, int first, int last, const char *s, lxw_format *f)
{
	if (last > first)
		worksheet_merge_range(ws, row, first, row, last, s, f);
	else
		worksheet_write_string(ws, row, first, s, f);
}

/* The lines s takes in a cell cols characters wide, wrapped. */
static int
lines_in(const char *s, double cols)
{
	int lines = 0;

	for (;;) {
		size_t n = strcspn(s, "\n");
		int w = u8_width((const uint8_t *)s, n, "UTF-8");

		/* Less a cell's padding. */
		lines += w == 0 ? 1 : (int)ceil(w / (cols > 3 ? cols - 2 : 1));
		s += n;
		if (*s == '\0')
			return lines;
		s++;
	}
}

/* The height of a row holding s across cols characters: neither the
 * spreadsheets nor their PDF export fit a row to wrapped text on their
 * own. */
static void
fit_height(lxw_worksheet *ws, int row, const char *s, double cols, double line)
{
	worksheet_set_row(ws, row, line * lines_in(s, cols), NULL);
}

static double
sheet_cols(const struct sheet *s)
{
	double w = 0;

	for (int i = 0; i < s->first->ncolumns; i++)
		w += s->width[i];
	return w;
}

/* The last column of the frame's left part, the office's: near two
 * fifths of the width, leaving the national heading room. */
static int
split(const struct sheet *s)
{
	double total = sheet_cols(s), left = 0, best = total;
	int mid = 0;

	for (int c = 0; c + 1 < s->first->ncolumns; c++) {
		left += s->width[c];
		if (left >= 20 && total - left >= 30 && fabs(left - 0.4 * total) < best) {
			best = fabs(left - 0.4 * total);
			mid = c;
		}
	}
	return mid;
}

/* The office heading, the number and the place-date line, the title: the
 * frame of an official document over the table. */
static void
write_frame(struct book *b, struct sheet *s)
{
	const struct report *r = b->r;
	int n = s->first->ncolumns, mid = split(s), row = 0;
	size_t len;
	uint8_t *upper = u8_toupper((const uint8_t *)r->office, strlen(r->office) + 1, NULL, NULL,
	    NULL, &len);
	char place[300], number[300];

	span(s->ws, row, 0, mid, upper != NULL ? (const char *)upper : r->office, b->f.left);
	free(upper);
	/* The national heading is Vietnamese whatever the interface's
	 * language: the document is. */
	span(s->ws, row++, mid + 1 < n ? mid + 1 : mid, n - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	    b->f.right);
	span(s->ws, row++, mid + 1 < n ? mid + 1 : mid, n - 1, "Độc lập - Tự do - Hạnh phúc",
	    b->f.right);
	snprintf(number, sizeof number, "Số: %s", r->number);
	span(s->ws, row, 0, mid, number, b->f.para);
	snprintf(place, sizeof place, "%s, ngày %d tháng %d năm %d", r->place, r->today.day,
	    r->today.month, r->today.year);
	span(s->ws, row++, mid + 1 < n ? mid + 1 : mid, n - 1, place, b->f.italic);
	row++;
	span(s->ws, row, 0, n - 1, r->title, b->f.title);
	fit_height(s->ws, row++, r->title, sheet_cols(s), 20);
	if (*r->subtitle != '\0') {
		span(s->ws, row, 0, n - 1, r->subtitle, b->f.subtitle);
		fit_height(s->ws, row++, r->subtitle, sheet_cols(s), 18);
	}
	s->row = row + 1;
}

/* A name Excel takes: at most 31 letters, none of []:*?/\, unique. */
static void
sheet_name(struct book *b, struct sheet *s, const char *want)
{
	char base[96];
	size_t o = 0;
	int letters = 0;

	for (const char *p = want; *p != '\0' && letters < 28 && o + 4 < sizeof base; letters++) {
		int n = u8_mblen((const uint8_t *)p, strlen(p));

		if (n < 1)
			n = 1;
		if (n == 1 && strchr("[]:*?/\\\n'", *p) != NULL)
			base[o++] = ' ';
		else
			memcpy(base + o, p, n), o += n;
		p += n;
	}
	while (o > 0 && base[o - 1] == ' ')
		o--;
	base[o] = '\0';
	if (o == 0)
		snprintf(base, sizeof base, "%d", b->nsheets);
	snprintf(s->name, sizeof s->name, "%s", base);
	for (int k = 2, i = 0; i < b->nsheets; i++) {
		if (&b->sheets[i] != s && strcasecmp(b->sheets[i].name, s->name) == 0) {
			snprintf(s->name, sizeof s->name, "%s (%d)", base, k++);
			i = -1;
		}
	}
}

/* The widths of the columns from what they hold, over every table of the
 * sheet: a number is never cut, long text wraps. */
static int
measure(struct book *b, struct sheet *s)
{
	const struct report *r = b->r;
	const struct report_table *f = s->first;

	if ((s->width = calloc(f->ncolumns, sizeof *s->width)) == NULL)
		return -1;
	/* A short header on one line, a long one over its words. */
	for (int c = 0; c < f->ncolumns; c++) {
		s->width[c] = text_cols(f->columns[c].title, false);
		if (s->width[c] > 12)
			s->width[c] = text_cols(f->columns[c].title, true);
	}
	for (int i = 0; i < r->nsections; i++) {
		for (int j = 0; j < r->sections[i].nblocks; j++) {
			const struct report_block *k = &r->sections[i].blocks[j];

			if (k->kind != REPORT_TABLE || !same_columns(&k->table, f))
				continue;
			for (int c = 0; c < f->ncolumns; c++)
				for (int row = 0; row < k->table.nrows; row++) {
					int w = text_cols(k->table.cells[(size_t)row * f->ncolumns + c],
					    false);

					if (w > s->width[c])
						s->width[c] = w;
				}
		}
	}
	for (int c = 0; c < f->ncolumns; c++) {
		if (s->width[c] > WIDEST)
			s->width[c] = WIDEST;
		/* A cell's padding, and room for the format's own digits. */
		s->width[c] += 2;
		worksheet_set_column(s->ws, c, c, s->width[c], NULL);
	}
	return 0;
}

static void
setup_page(struct sheet *s, int header_row)
{
	worksheet_set_paper(s->ws, 9);	/* A4 */
	if (sheet_cols(s) > 100)
		worksheet_set_landscape(s->ws);
	/* Nghị định 30: left 30 mm, right 15 mm, top and bottom 20 mm. */
	worksheet_set_margins(s->ws, 15 / 25.4, 30 / 25.4, 20 / 25.4, 20 / 25.4);
	worksheet_fit_to_pages(s->ws, 1, 0);
	worksheet_set_footer(s->ws, "&C&P/&N");
	worksheet_repeat_rows(s->ws, header_row, header_row);
	worksheet_freeze_panes(s->ws, header_row + 1, 0);
}

/* The sheet of table t, made with its frame the first time; label names
 * it.  The header row comes with the first rows (put_header), so that
 * what leads the report stands above it. */
static struct sheet *
sheet_of(struct book *b, const struct report_table *t, const char *label)
{
	struct sheet *s;

	for (int i = 0; i < b->nsheets; i++)
		if (same_columns(b->sheets[i].first, t))
			return &b->sheets[i];
	if (b->nsheets == MAX_SHEETS)
		return &b->sheets[b->nsheets - 1];
	s = &b->sheets[b->nsheets];
	memset(s, 0, sizeof *s);
	s->first = t;
	s->section = -1;
	sheet_name(b, s, label);
	b->nsheets++;
	if ((s->ws = workbook_add_worksheet(b->wb, s->name)) == NULL || measure(b, s) != 0)
		return NULL;
	write_frame(b, s);
	return s;
}

/* The header row, frozen and repeated on every page, once. */
static void
put_header(struct book *b, struct sheet *s)
{
	if (s->headed)
		return;
	s->headed = true;
	for (int c = 0; c < s->first->ncolumns; c++)
		worksheet_write_string(s->ws, s->row, c, s->first->columns[c].title, b->f.head);
	setup_page(s, s->row);
	s->row++;
}

static void
write_cell(struct book *b, struct sheet *s, const struct report_table *t, int row, int c)
{
	static const struct report_value untyped = { .type = REPORT_TEXT };
	size_t k = (size_t)row * t->ncolumns + c;
	const struct report_value *v = t->values != NULL ? &t->values[k] : &untyped;
	lxw_format **f = b->f.cell[t->strong[row]];
	lxw_datetime d = { v->date.year, v->date.month, v->date.day, 0, 0, 0 };
	double pct;

	switch (v->type) {
	case REPORT_NUMBER:
		worksheet_write_number(s->ws, s->row, c, v->number, f[v->marked ? F_MARKED : F_NUMBER]);
		break;
	case REPORT_RATE:
		/* The decimals the report shows: 80%, 87,5%, 66,67%. */
		pct = v->number;
		worksheet_write_number(s->ws, s->row, c, pct / 100,
		    f[pct == round(pct) ? F_RATE0 : pct * 10 == round(pct * 10) ? F_RATE1 : F_RATE2]);
		break;
	case REPORT_DATE:
		worksheet_write_datetime(s->ws, s->row, c, &d, f[F_DATE]);
		break;
	default:
		if (*t->cells[k] == '\0')
			worksheet_write_blank(s->ws, s->row, c, f[F_TEXT + t->columns[c].align]);
		else
			worksheet_write_string(s->ws, s->row, c, t->cells[k],
			    f[F_TEXT + t->columns[c].align]);
	}
}

/* Section i's heading on s, once. */
static void
put_heading(struct book *b, struct sheet *s, int i)
{
	const char *h = b->r->sections[i].heading;

	if (s->section == i || *h == '\0')
		return;
	s->section = i;
	span(s->ws, s->row, 0, s->first->ncolumns - 1, h, b->f.heading);
	fit_height(s->ws, s->row++, h, sheet_cols(s), 18);
}

static void
put_paragraph(struct book *b, struct sheet *s, const char *text)
{
	span(s->ws, s->row, 0, s->first->ncolumns - 1, text, b->f.para);
	fit_height(s->ws, s->row++, text, sheet_cols(s), 18);
}

/* The signature block under the last sheet's content, on the right. */
static void
put_signature(struct book *b, struct sheet *s)
{
	int n = s->first->ncolumns, from = n > 1 ? split(s) + 1 : 0;

	s->row++;
	span(s->ws, s->row, from, n - 1, b->r->signature, b->f.right);
	fit_height(s->ws, s->row++, b->r->signature, 40, 18);
	s->row += 3;
	span(s->ws, s->row, from, n - 1, b->r->signer, b->f.right);
}

/* What names the sheet of section i's block j, a table: its label (the
 * paragraph before it, "Targets"), else the section's heading, else the
 * report's title. */
static const char *
table_label(const struct report *r, int i, int j)
{
	const struct report_section *sec = &r->sections[i];

	if (j > 0 && sec->blocks[j - 1].kind == REPORT_PARAGRAPH)
		return sec->blocks[j - 1].text;
	return *sec->heading != '\0' ? sec->heading : r->title;
}

static int
write_book(struct book *b)
{
	static struct report_column blank = { .title = "" };
	static const struct report_table none = { .ncolumns = 1, .columns = &blank };
	const struct report *r = b->r;
	struct sheet *cur = NULL;

	/* The first table's sheet takes what comes before it; a report
	 * without tables (nothing overdue) still has its frame. */
	for (int i = 0; cur == NULL && i < r->nsections; i++)
		for (int j = 0; cur == NULL && j < r->sections[i].nblocks; j++)
			if (r->sections[i].blocks[j].kind == REPORT_TABLE &&
			    (cur = sheet_of(b, &r->sections[i].blocks[j].table, table_label(r, i, j))) ==
			    NULL)
				return -1;
	if (cur == NULL) {
		if ((cur = sheet_of(b, &none, r->title)) == NULL)
			return -1;
		worksheet_set_column(cur->ws, 0, 0, WIDEST, NULL);
		cur->width[0] = WIDEST;
	}
	for (int i = 0; i < r->nsections; i++) {
		const struct report_section *sec = &r->sections[i];

		for (int j = 0; j < sec->nblocks; j++) {
			const struct report_block *k = &sec->blocks[j];

			if (k->kind == REPORT_PARAGRAPH) {
				/* A table's label is its sheet's name. */
				if (j + 1 < sec->nblocks && sec->blocks[j + 1].kind == REPORT_TABLE)
					continue;
				put_heading(b, cur, i);
				put_paragraph(b, cur, k->text);
				continue;
			}
			if ((cur = sheet_of(b, &k->table, table_label(r, i, j))) == NULL)
				return -1;
			put_header(b, cur);
			put_heading(b, cur, i);
			for (int row = 0; row < k->table.nrows; row++, cur->row++) {
				int lines = 1;

				for (int c = 0; c < k->table.ncolumns; c++) {
					int n = lines_in(k->table.cells[(size_t)row * k->table.ncolumns + c],
					    cur->width[c]);

					if (n > lines)
						lines = n;
					write_cell(b, cur, &k->table, row, c);
				}
				worksheet_set_row(cur->ws, cur->row, 16 * lines, NULL);
			}
		}
		if (sec->nblocks == 0)
			put_heading(b, cur, i);
	}
	put_signature(b, cur);
	return 0;
}

int
cchc_xlsx_write_1(const struct report *r, const char *path, char *err, size_t errsz)
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
	struct book b = { .r = r };
	lxw_error e;
	int rc;

	if ((b.wb = workbook_new_opt(path, &opt)) == NULL) {
		snprintf(err, errsz, _("cannot start the workbook %s"), path);
		return -1;
	}
	workbook_set_properties(b.wb, &(lxw_doc_properties){ .title = r->title,
	    .company = r->office });
	make_formats(b.wb, &b.f);
	rc = write_book(&b);
	if ((e = workbook_close(b.wb)) != LXW_NO_ERROR && rc == 0) {
		snprintf(err, errsz, _("cannot write the workbook %s: %s"), path, lxw_strerror(e));
		rc = -1;
	} else if (rc != 0) {
		snprintf(err, errsz, "%s", _("out of memory"));
	}
	for (int i = 0; i < b.nsheets; i++)
		free(b.sheets[i].width);
	return rc;
}
