/* A report as plain text for a printer: A4 pages of a fixed number of
 * lines, separated by form feeds, each under a header with the office, the
 * title, the page number and the date.  Tables are drawn in box
 * characters; a cell wraps by display width at spaces (inside a word only
 * when the word is wider than the column), so a Vietnamese letter is never
 * cut from its marks.  A table cut by a page break is closed at the bottom
 * of the page and its header row repeated on the next. */
#include "core/report/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/text/i18n.h"
#include "core/text/text.h"

/* Lines of the page header: office and date, title and page, a rule and
 * a blank line. */
#define HEADER_LINES 4

int
report_page_lines(int width)
{
	/* A4 through CUPS' text filter, one line short of what the page
	 * holds so that the form feed never adds a blank page: portrait at
	 * 11 characters per inch for 80 columns, landscape at 13 for 132
	 * (print.c asks for these), 6 lines per inch. */
	return width > REPORT_WIDTH_NARROW ? 42 : 62;
}

/* A growing string. */
struct str {
	char *s;
	size_t len, cap;
	bool oom;
};

/* Room for n more bytes and the NUL; false when memory ran out. */
static bool
str_reserve(struct str *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);

		if (p == NULL) {
			b->oom = true;
			return false;
		}
		b->s = p;
		b->cap = cap;
	}
	return true;
}

static void
str_add(struct str *b, const char *s, size_t n)
{
	if (!str_reserve(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
str_puts(struct str *b, const char *s)
{
	str_add(b, s, strlen(s));
}

/* s n times: the padding and the rules, most of what a page holds. */
static void
str_repeat(struct str *b, const char *s, int n)
{
	size_t len = strlen(s);

	if (n <= 0 || !str_reserve(b, len * n))
		return;
	if (len == 1)
		memset(b->s + b->len, *s, n);
	else
		for (int i = 0; i < n; i++)
			memcpy(b->s + b->len + i * len, s, len);
	b->len += len * n;
	b->s[b->len] = '\0';
}

/* The body of the document, laid out into pages: its lines, each ended
 * by '\n', one after the other in text. */
struct layout {
	int width, body;	/* columns, lines of body a page */
	struct str text;
	size_t *first;		/* per page: the offset of its first line */
	int npages;
	int used;		/* lines used on the current page */
	struct str line;	/* the line being made, reused */
	bool oom;
};

static void
new_page(struct layout *l)
{
	size_t *p = realloc(l->first, (l->npages + 1) * sizeof *p);

	if (p == NULL) {
		l->oom = true;
		return;
	}
	l->first = p;
	l->first[l->npages++] = l->text.len;
	l->used = 0;
}

static int
room(const struct layout *l)
{
	return l->body - l->used;
}

/* Adds a line (which must fit the width), breaking the page when full. */
static void
put(struct layout *l, const char *s, size_t n)
{
	if (room(l) <= 0)
		new_page(l);
	str_add(&l->text, s, n);
	str_add(&l->text, "\n", 1);
	l->oom |= l->text.oom;
	l->used++;
}

static void
put_str(struct layout *l, struct str *b)
{
	l->oom |= b->oom;
	put(l, b->s != NULL ? b->s : "", b->len);
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

/* A blank line between blocks, never at the top of a page. */
static void
blank(struct layout *l)
{
	if (l->used > 0 && room(l) > 0)
		put(l, "", 0);
}

/* ---- Wrapping ---- */

struct wrapped {
	const char **start;
	size_t *len;
	int n, cap;
	bool oom;
};

static void
collect(const char *start, size_t len, void *ctx)
{
	struct wrapped *w = ctx;

	if (w->n == w->cap) {
		int cap = w->cap ? w->cap * 2 : 8;
		const char **s = realloc(w->start, cap * sizeof *s);
		size_t *n;

		if (s == NULL) {
			w->oom = true;
			return;
		}
		w->start = s;
		if ((n = realloc(w->len, cap * sizeof *n)) == NULL) {
			w->oom = true;
			return;
		}
		w->len = n;
		w->cap = cap;
	}
	w->start[w->n] = start;
	w->len[w->n++] = len;
}

static void
wrap(struct wrapped *w, const char *s, int cols)
{
	w->n = 0;
	text_wrap(s, cols < 1 ? 1 : cols, collect, w);
}

static void
wrapped_free(struct wrapped *w)
{
	free(w->start);
	free(w->len);
}

/* s (n bytes) in exactly cols columns, aligned. */
static void
str_aligned(struct str *b, const char *s, size_t n, int cols, enum report_align a)
{
	int pad = cols - text_width_n(s, n), before;

	if (pad < 0)
		pad = 0;
	before = a == REPORT_RIGHT ? pad : a == REPORT_CENTER ? pad / 2 : 0;
	str_repeat(b, " ", before);
	str_add(b, s, n);
	str_repeat(b, " ", pad - before);
}

static void
put_wrapped(struct layout *l, const char *s, enum report_align a)
{
	struct wrapped w = { 0 };
	struct str *b = &l->line;

	wrap(&w, s, l->width);
	for (int i = 0; i < w.n; i++) {
		str_aligned(b, w.start[i], w.len[i], l->width, a);
		/* No trailing blanks on a line of text. */
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		put_str(l, b);
	}
	l->oom |= w.oom || b->oom;
	wrapped_free(&w);
}

/* ---- Tables ---- */

void
report_column_widths(const struct report_table *t, int width, int *w)
{
	int left = width - (3 * t->ncolumns + 1), shares = 0, given = 0, last = -1;

	for (int i = 0; i < t->ncolumns; i++) {
		if (t->columns[i].width > 0)
			left -= t->columns[i].width;
		else
			shares += t->columns[i].share > 0 ? t->columns[i].share : 1;
	}
	for (int i = 0; i < t->ncolumns; i++) {
		const struct report_column *c = &t->columns[i];

		if (c->width > 0) {
			w[i] = c->width;
			continue;
		}
		w[i] = left * (c->share > 0 ? c->share : 1) / shares;
		given += w[i];
		last = i;
	}
	/* What rounding left over goes to the last shared column. */
	if (last >= 0)
		w[last] += left - given;
	for (int i = 0; i < t->ncolumns; i++)
		if (w[i] < 1)
			w[i] = 1;
}

/* "┌───┬───┐" and its kin: left, fill, joint, right. */
static void
put_rule(struct layout *l, const int *w, int n, const char *const glyph[4])
{
	struct str *b = &l->line;

	str_puts(b, glyph[0]);
	for (int i = 0; i < n; i++) {
		str_repeat(b, glyph[1], w[i] + 2);
		str_puts(b, i + 1 < n ? glyph[2] : glyph[3]);
	}
	put_str(l, b);
}

static const char *const rule_top[4] = { "┌", "─", "┬", "┐" };
static const char *const rule_mid[4] = { "├", "─", "┼", "┤" };
static const char *const rule_head[4] = { "╞", "═", "╪", "╡" };
static const char *const rule_bottom[4] = { "└", "─", "┴", "┘" };

/* A row's cells wrapped to their columns. */
struct row {
	struct wrapped *cell;
	int height;
};

static void
row_wrap(struct row *r, const char *const *cells, const int *w, int n)
{
	r->height = 1;
	for (int i = 0; i < n; i++) {
		wrap(&r->cell[i], cells[i], w[i]);
		if (r->cell[i].n > r->height)
			r->height = r->cell[i].n;
	}
}

/* Line k of a wrapped row. */
static void
put_row_line(struct layout *l, const struct row *r, const struct report_table *t,
    const int *w, int k)
{
	struct str *b = &l->line;

	str_puts(b, "│");
	for (int i = 0; i < t->ncolumns; i++) {
		const struct wrapped *c = &r->cell[i];

		str_puts(b, " ");
		if (k < c->n)
			str_aligned(b, c->start[k], c->len[k], w[i], t->columns[i].align);
		else
			str_repeat(b, " ", w[i]);
		str_puts(b, " │");
	}
	put_str(l, b);
}

/* The top rule, the column titles and the rule under them. */
static void
put_table_head(struct layout *l, const struct report_table *t, const int *w,
    const struct row *head)
{
	put_rule(l, w, t->ncolumns, rule_top);
	for (int k = 0; k < head->height; k++)
		put_row_line(l, head, t, w, k);
	put_rule(l, w, t->ncolumns, rule_head);
}

static void
put_table(struct layout *l, const struct report_table *t)
{
	int n = t->ncolumns, *w = calloc(n, sizeof *w);
	struct row head, row;
	const char **titles = calloc(n, sizeof *titles);

	head.cell = calloc(n, sizeof *head.cell);
	row.cell = calloc(n, sizeof *row.cell);
	if (w == NULL || titles == NULL || head.cell == NULL || row.cell == NULL) {
		l->oom = true;
		goto out;
	}
	report_column_widths(t, l->width, w);
	for (int i = 0; i < n; i++)
		titles[i] = t->columns[i].title;
	row_wrap(&head, titles, w, n);
	for (int i = 0; i < t->nrows; i++) {
		row_wrap(&row, (const char *const *)t->cells + (size_t)i * n, w, n);
		/* The head goes with the first row; a row that fits on a page
		 * is not cut; one row and the bottom rule must fit. */
		if (i == 0) {
			if (room(l) < head.height + 2 + row.height + 1 && l->used > 0)
				new_page(l);
			put_table_head(l, t, w, &head);
		} else if (room(l) < 1 + row.height + 1 &&
		    row.height + head.height + 3 <= l->body) {
			put_rule(l, w, n, rule_bottom);
			new_page(l);
			put_table_head(l, t, w, &head);
		} else {
			put_rule(l, w, n, rule_mid);
		}
		for (int k = 0; k < row.height; k++) {
			/* A row taller than a page goes on over the break. */
			if (room(l) < 2) {
				put_rule(l, w, n, rule_bottom);
				new_page(l);
				put_table_head(l, t, w, &head);
			}
			put_row_line(l, &row, t, w, k);
		}
	}
	if (t->nrows > 0)
		put_rule(l, w, n, rule_bottom);
	for (int i = 0; i < n; i++) {
		l->oom |= head.cell[i].oom || row.cell[i].oom;
		wrapped_free(&head.cell[i]);
		wrapped_free(&row.cell[i]);
	}
out:
	free(w);
	free(titles);
	free(head.cell);
	free(row.cell);
}

/* ---- The document ---- */

static int
wrapped_height(const char *s, int width)
{
	return text_wrap(s, width, NULL, NULL);
}

/* The lines a table needs on its first page: rules, titles, first row. */
static int
table_start_height(const struct layout *l, const struct report_table *t)
{
	int *w = calloc(t->ncolumns, sizeof *w), head = 1, row = 1;

	if (w == NULL)
		return 0;
	report_column_widths(t, l->width, w);
	for (int i = 0; i < t->ncolumns; i++) {
		int h = wrapped_height(t->columns[i].title, w[i]);

		head = h > head ? h : head;
		if (t->nrows > 0 && (h = wrapped_height(t->cells[i], w[i])) > row)
			row = h;
	}
	free(w);
	return head + row + 3;
}

/* The lines that must stay together from block i on: a paragraph with
 * the start of the table it introduces, or a table's start. */
static int
block_start_height(const struct layout *l, const struct report_section *s, int i)
{
	const struct report_block *b = &s->blocks[i];

	if (b->kind == REPORT_TABLE)
		return table_start_height(l, &b->table);
	if (i + 1 < s->nblocks && s->blocks[i + 1].kind == REPORT_TABLE)
		return wrapped_height(b->text, l->width) + 1 +
		    table_start_height(l, &s->blocks[i + 1].table);
	return wrapped_height(b->text, l->width);
}

/* Breaks the page unless need lines fit on it. */
static void
keep(struct layout *l, int need)
{
	if (room(l) < need && l->used > 0 && need <= l->body)
		new_page(l);
}

static void
put_section(struct layout *l, const struct report_section *s)
{
	if (*s->heading != '\0') {
		/* A heading stays with the start of what follows it. */
		int h = wrapped_height(s->heading, l->width);

		blank(l);
		keep(l, h + (s->nblocks > 0 ? 1 + block_start_height(l, s, 0) : 0));
		put_wrapped(l, s->heading, REPORT_LEFT);
	}
	for (int i = 0; i < s->nblocks; i++) {
		const struct report_block *b = &s->blocks[i];

		blank(l);
		if (b->kind == REPORT_PARAGRAPH) {
			keep(l, block_start_height(l, s, i));
			put_wrapped(l, b->text, REPORT_LEFT);
		} else {
			put_table(l, &b->table);
		}
	}
}

/* The written report ends as the document signed: "Nơi nhận" on the
 * left, the signature and the signer centred on the right, with room to
 * sign between them.  The other reports are tables to read, not sign. */
static void
put_signature(struct layout *l, const struct report *r)
{
	static const char *const left[] = { "Nơi nhận:", "- Như trên;", "- Lưu: VT." };
	const char *right[8];
	int nright = 0, half = l->width / 2, n;
	char *sig = strdup(r->signature), *p, *save = NULL;

	if (sig == NULL) {
		l->oom = true;
		return;
	}
	for (p = strtok_r(sig, "\n", &save); p != NULL && nright < 4; p = strtok_r(NULL, "\n", &save))
		right[nright++] = p;
	for (int i = 0; i < 3; i++)
		right[nright++] = "";
	right[nright++] = r->signer;
	n = nright > 3 ? nright : 3;
	blank(l);
	keep(l, n);
	for (int i = 0; i < n; i++) {
		const char *a = i < 3 ? left[i] : "", *b = i < nright ? right[i] : "";

		str_aligned(&l->line, a, strlen(a), half, REPORT_LEFT);
		str_aligned(&l->line, b, strlen(b), l->width - half, REPORT_CENTER);
		while (l->line.len > 0 && l->line.s[l->line.len - 1] == ' ')
			l->line.s[--l->line.len] = '\0';
		put_str(l, &l->line);
	}
	free(sig);
}

/* The byte where the last cols columns of s start (a letter boundary). */
static size_t
tail_start(const char *s, int cols)
{
	size_t k = 0;

	while (s[k] != '\0' && text_width(s + k) > cols)
		do
			k++;
		while ((s[k] & 0xC0) == 0x80);
	return k;
}

/* "left ........ right" in width columns.  A left too long loses its
 * middle, not its end: a title ends with its period and year ("… 6 tháng
 * đầu năm 2026"), which a cut at the end dropped. */
static int
put_header_line(FILE *fp, const char *left, const char *right, int width)
{
	int rw = text_width(right), room = width - rw - 1, lw, tail_w;
	size_t head, tail;

	if (room < 0)
		room = 0;
	if (text_width(left) <= room) {
		lw = text_width(left);
		return fprintf(fp, "%s%*s%s\n", left, width - lw - rw, "", right) < 0 ? -1 : 0;
	}
	tail_w = room / 3;
	tail = tail_start(left, tail_w);
	/* The tail starts at a word. */
	while (left[tail] != '\0' && left[tail] != ' ')
		tail++;
	head = text_fit(left, room - text_width(left + tail) - 1);
	lw = text_width_n(left, head) + 1 + text_width(left + tail);
	return fprintf(fp, "%.*s…%s%*s%s\n", (int)head, left, left + tail, width - lw - rw, "",
	    right) < 0 ? -1 : 0;
}

static int
write_pages(const struct report *r, const struct layout *l, FILE *fp)
{
	char date[11], page[64];
	struct str rule = { 0 };	/* under each page's header */
	int rc = 0;

	date_format_vn(r->today, date);
	str_repeat(&rule, "─", l->width);
	str_add(&rule, "\n\n", 2);
	rc = rule.oom ? -1 : 0;
	for (int p = 0; p < l->npages && rc == 0; p++) {
		size_t end = p + 1 < l->npages ? l->first[p + 1] : l->text.len;

		if (p > 0 && fputc('\f', fp) == EOF)
			rc = -1;
		snprintf(page, sizeof page, _("Page %d/%d"), p + 1, l->npages);
		rc |= put_header_line(fp, r->office, date, l->width);
		rc |= put_header_line(fp, r->title, page, l->width);
		fputs(rule.s, fp);
		if (end > l->first[p] && fwrite(l->text.s + l->first[p], end - l->first[p], 1, fp) != 1)
			rc = -1;
	}
	free(rule.s);
	return rc != 0 || ferror(fp) ? -1 : 0;
}

int
report_write_text(const struct report *r, int width, FILE *fp)
{
	struct layout l = { 0 };
	int rc = -1;

	l.width = width;
	l.body = report_page_lines(width) - HEADER_LINES;
	new_page(&l);
	put_wrapped(&l, r->title, REPORT_CENTER);
	put_wrapped(&l, r->subtitle, REPORT_CENTER);
	for (int i = 0; i < r->nsections; i++)
		put_section(&l, &r->sections[i]);
	if (r->kind == REPORT_WRITTEN)
		put_signature(&l, r);
	if (!l.oom)
		rc = write_pages(r, &l, fp);
	free(l.text.s);
	free(l.first);
	free(l.line.s);
	return rc;
}
