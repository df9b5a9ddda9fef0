/* A report as a PDF in the layout of an official document (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I), drawn with pango on cairo: A4, margins 20 mm
 * top and bottom, 30 mm left, 15 mm right; the issuing office and the
 * national heading side by side with their rules, the number with room to
 * write it, the place-date line, the title; 13 pt body; bordered tables
 * whose header row is repeated on every page; page numbers centred in the
 * top margin from page 2; the signature block.
 *
 * The document is first cut into items (a line of text, a table row, a
 * gap, the heading, the signature block), each with its height and whether
 * it must stay on the page of the item after it; pages are then filled
 * item by item, and a page break moves the whole chain of items that keep
 * together (a heading and the start of its table, a label and its table,
 * the last row and the signature block).  Every layout is measured before
 * the file is created, so that text no font can show is reported and
 * nothing broken is written. */
#include "pdf/report_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#define MM (72.0 / 25.4)
#define A4_SHORT (210 * MM)
#define A4_LONG (297 * MM)
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT (30 * MM)
#define MARGIN_RIGHT (15 * MM)
#define FAMILY "Liberation Serif, Times New Roman, serif"
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 2.0
#define RULE 0.6
/* An indentation step of a cell (two no-break spaces in the model). */
#define INDENT_STEP 9.0

enum item_kind {
	ITEM_LINE,	/* one line of a paragraph, heading or title */
	ITEM_GAP,	/* vertical space, dropped at the top of a page */
	ITEM_HEAD,	/* a table's header row */
	ITEM_ROW,	/* a table's row */
	ITEM_FRAME,	/* the document's heading, first page only */
	ITEM_SIGNATURE,
};

struct table {
	const struct report_table *t;
	double *x, *w;			/* per column */
	PangoLayout **head;		/* per column */
	double head_h;
	PangoLayout **cells;		/* row after row */
	double *indent;			/* per cell */
	double *row_h;
};

struct item {
	enum item_kind kind;
	double h;
	bool keep;		/* stays on the page of the next item */
	PangoLayout *layout;	/* ITEM_LINE */
	int line;
	double y0;		/* ITEM_LINE: the line's top in its layout */
	struct table *table;	/* ITEM_HEAD, ITEM_ROW */
	int row;
	int page;		/* where pagination put it */
	double y;
};

/* A block of centred lines in a column: the frame and the signature. */
struct column_text {
	PangoLayout *layout[6];
	double gap_before[6];
	double rule_after[6];	/* a rule under the line, of this share of its length */
	int n;
	double h;
};

struct doc {
	const struct report *r;
	PangoContext *ctx;
	double page_w, page_h, body_w, body_h;
	int table_cols;		/* the text width the columns are shared at */
	struct item *items;
	int nitems, cap;
	struct table **tables;
	int ntables;
	PangoLayout **layouts;	/* every layout, to count and free */
	int nlayouts, lcap;
	struct column_text office, nation, number, place, recipients, sign;
	double frame_h, signature_h;
	int unknown;
	bool oom;
};

static void *
grow(struct doc *d, void *p, int *cap, int need, size_t size)
{
	void *q;
	int c;

	if (need <= *cap)
		return p;
	c = *cap ? *cap * 2 : 64;
	while (c < need)
		c *= 2;
	if ((q = realloc(p, (size_t)c * size)) == NULL) {
		d->oom = true;
		return NULL;
	}
	*cap = c;
	return q;
}

static struct item *
add_item(struct doc *d, enum item_kind kind, double h, bool keep)
{
	struct item *v = grow(d, d->items, &d->cap, d->nitems + 1, sizeof *v);

	if (v == NULL)
		return NULL;
	d->items = v;
	v = &d->items[d->nitems++];
	memset(v, 0, sizeof *v);
	v->kind = kind;
	v->h = h;
	v->keep = keep;
	return v;
}

enum style { PLAIN = 0, BOLD = 1, ITALIC = 2 };

/* A layout of text in width points (0: no wrapping), counted for unknown
 * glyphs. */
static PangoLayout *
layout(struct doc *d, const char *text, double size, int style, double width,
    PangoAlignment align, bool justify)
{
	PangoLayout *l = pango_layout_new(d->ctx);
	PangoFontDescription *f = pango_font_description_from_string(FAMILY);
	PangoAttrList *attrs = pango_attr_list_new();
	PangoLayout **v;

	pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
	pango_font_description_set_weight(f, style & BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(f, style & ITALIC ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, f);
	pango_font_description_free(f);
	/* A word cut to fit a narrow column gets no hyphen the data lacks. */
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align);
	pango_layout_set_justify(l, justify);
	pango_layout_set_text(l, text, -1);
	d->unknown += pango_layout_get_unknown_glyphs_count(l);
	if ((v = grow(d, d->layouts, &d->lcap, d->nlayouts + 1, sizeof *v)) == NULL) {
		g_object_unref(l);
		return NULL;
	}
	d->layouts = v;
	d->layouts[d->nlayouts++] = l;
	return l;
}

static double
layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* s in capitals, Vietnamese letters included; NULL when memory ran out. */
static char *
upper(const char *s)
{
	size_t n = 0;
	uint8_t *up = u8_toupper((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC, NULL, &n);
	char *z = up != NULL ? malloc(n + 1) : NULL;

	if (z != NULL) {
		memcpy(z, up, n);
		z[n] = '\0';
	}
	free(up);
	return z;
}

/* Each line of a layout as an item.  keep: every line stays with what
 * follows; otherwise a paragraph leaves neither its first nor its last
 * line alone. */
static void
add_lines(struct doc *d, PangoLayout *l, bool keep)
{
	PangoLayoutIter *it;
	int n, i = 0;

	if (l == NULL)
		return;
	n = pango_layout_get_line_count(l);
	it = pango_layout_get_iter(l);
	do {
		int y0, y1;
		struct item *v;

		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		/* Without a usable font pango gives extreme ranges: subtract as doubles. */
		v = add_item(d, ITEM_LINE, ((double)y1 - (double)y0) / PANGO_SCALE,
		    keep || (n > 1 && (i == 0 || i == n - 2)));
		if (v != NULL) {
			v->layout = l;
			v->line = i;
			v->y0 = (double)y0 / PANGO_SCALE;
		}
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void
add_text(struct doc *d, const char *text, double size, int style, PangoAlignment align,
    bool justify, bool keep)
{
	add_lines(d, layout(d, text, size, style, d->body_w, align, justify), keep);
}

/* ---- The frame and the signature: centred lines in a column ---- */

static void
column_add(struct doc *d, struct column_text *c, const char *text, double size, int style,
    double width, double gap_before, double rule_after)
{
	PangoLayout *l;

	if (c->n == (int)(sizeof c->layout / sizeof c->layout[0]) ||
	    (l = layout(d, text, size, style, width, PANGO_ALIGN_CENTER, false)) == NULL)
		return;
	c->layout[c->n] = l;
	c->gap_before[c->n] = gap_before;
	c->rule_after[c->n] = rule_after;
	c->h += gap_before + layout_height(l) + (rule_after > 0 ? 4 : 0);
	c->n++;
}

/* Draws c centred in the column [x, x + width) from y; its height. */
static double
column_draw(cairo_t *cr, const struct column_text *c, double x, double width, double y)
{
	double top = y;

	for (int i = 0; i < c->n; i++) {
		y += c->gap_before[i];
		cairo_move_to(cr, x, y);
		pango_cairo_show_layout(cr, c->layout[i]);
		y += layout_height(c->layout[i]);
		if (c->rule_after[i] > 0) {
			PangoRectangle logical;
			double rw;

			pango_layout_get_extents(c->layout[i], NULL, &logical);
			rw = c->rule_after[i] * logical.width / PANGO_SCALE;
			if (rw > width)
				rw = width;
			cairo_move_to(cr, x + (width - rw) / 2, y + 1.5);
			cairo_rel_line_to(cr, rw, 0);
			cairo_set_line_width(cr, RULE);
			cairo_stroke(cr);
			y += 4;
		}
	}
	return y - top;
}

static double
frame_left(const struct doc *d)
{
	return d->body_w * 0.4;
}

static void
measure_frame(struct doc *d)
{
	const struct report *r = d->r;
	double left = frame_left(d), right = d->body_w - left;
	char date[128], number[256];
	char *office = upper(r->office);

	d->oom |= office == NULL;
	/* Under the office a short rule, under the motto one as long. */
	column_add(d, &d->office, office != NULL ? office : "", 13, BOLD, left, 0, 0.4);
	free(office);
	column_add(d, &d->nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, BOLD, right, 0, 0);
	column_add(d, &d->nation, "Độc lập - Tự do - Hạnh phúc", 13, BOLD, right, 0, 1);
	/* The number as set, its blanks kept: the room to write it in. */
	snprintf(number, sizeof number, "Số: %s", r->number);
	column_add(d, &d->number, number, 13, PLAIN, left, 0, 0);
	snprintf(date, sizeof date, "%s, ngày %d tháng %d năm %d", r->place, r->today.day,
	    r->today.month, r->today.year);
	column_add(d, &d->place, date, 13, ITALIC, right, 0, 0);
	d->frame_h = (d->office.h > d->nation.h ? d->office.h : d->nation.h) + 6 +
	    (d->number.h > d->place.h ? d->number.h : d->place.h);
}

static void
draw_frame(const struct doc *d, cairo_t *cr, double y)
{
	double left = frame_left(d), top = (d->office.h > d->nation.h ? d->office.h : d->nation.h) + 6;

	column_draw(cr, &d->office, MARGIN_LEFT, left, y);
	column_draw(cr, &d->nation, MARGIN_LEFT + left, d->body_w - left, y);
	column_draw(cr, &d->number, MARGIN_LEFT, left, y + top);
	column_draw(cr, &d->place, MARGIN_LEFT + left, d->body_w - left, y + top);
}

static void
measure_signature(struct doc *d)
{
	const struct report *r = d->r;
	double half = d->body_w / 2;
	PangoLayout *l;

	/* "Nơi nhận:" and its list sit left-aligned. */
	if ((l = layout(d, "Nơi nhận:", 12, BOLD | ITALIC, half, PANGO_ALIGN_LEFT, false)) != NULL) {
		d->recipients.layout[d->recipients.n] = l;
		d->recipients.h += layout_height(l);
		d->recipients.n++;
	}
	if ((l = layout(d, "- Như trên;\n- Lưu: VT.", 11, PLAIN, half, PANGO_ALIGN_LEFT, false)) != NULL) {
		d->recipients.layout[d->recipients.n] = l;
		d->recipients.h += layout_height(l);
		d->recipients.n++;
	}
	column_add(d, &d->sign, r->signature, 13, BOLD, half, 0, 0);
	/* Room for the signature and the seal. */
	column_add(d, &d->sign, r->signer, 13, BOLD, half, 64, 0);
	d->signature_h = 12 + (d->recipients.h > d->sign.h ? d->recipients.h : d->sign.h);
}

static void
draw_signature(const struct doc *d, cairo_t *cr, double y)
{
	double half = d->body_w / 2;

	y += 12;
	column_draw(cr, &d->recipients, MARGIN_LEFT, half, y);
	column_draw(cr, &d->sign, MARGIN_LEFT + half, half, y);
}

/* ---- Tables ---- */

/* Leading no-break spaces (the model's indentation of a sub-criterion):
 * how many, and the text after them. */
static const char *
strip_indent(const char *s, int *n)
{
	*n = 0;
	while (strncmp(s, "\xC2\xA0", 2) == 0) {
		s += 2;
		(*n)++;
	}
	return s;
}

static PangoAlignment
alignment(enum report_align a)
{
	return a == REPORT_RIGHT ? PANGO_ALIGN_RIGHT : a == REPORT_CENTER ? PANGO_ALIGN_CENTER :
	    PANGO_ALIGN_LEFT;
}

static struct table *
measure_table(struct doc *d, const struct report_table *t)
{
	int n = t->ncolumns, *cols = calloc(n, sizeof *cols), total = 0;
	size_t ncells = (size_t)t->nrows * n;
	struct table *tb = calloc(1, sizeof *tb), **v;
	double size = d->table_cols > REPORT_WIDTH_NARROW ? 11 : 12, x = MARGIN_LEFT;

	if (tb == NULL || cols == NULL ||
	    (v = realloc(d->tables, (d->ntables + 1) * sizeof *v)) == NULL) {
		free(tb);
		free(cols);
		d->oom = true;
		return NULL;
	}
	d->tables = v;
	d->tables[d->ntables++] = tb;
	tb->t = t;
	tb->x = calloc(n, sizeof *tb->x);
	tb->w = calloc(n, sizeof *tb->w);
	tb->head = calloc(n, sizeof *tb->head);
	tb->cells = calloc(ncells + 1, sizeof *tb->cells);
	tb->indent = calloc(ncells + 1, sizeof *tb->indent);
	tb->row_h = calloc(t->nrows + 1, sizeof *tb->row_h);
	if (tb->x == NULL || tb->w == NULL || tb->head == NULL || tb->cells == NULL ||
	    tb->indent == NULL || tb->row_h == NULL) {
		free(cols);
		d->oom = true;
		return NULL;
	}
	/* The columns in the proportions of the text report's. */
	report_column_widths(t, d->table_cols, cols);
	for (int i = 0; i < n; i++)
		total += cols[i] + 2;
	for (int i = 0; i < n; i++) {
		double h;

		tb->x[i] = x;
		tb->w[i] = d->body_w * (cols[i] + 2) / total;
		x += tb->w[i];
		tb->head[i] = layout(d, t->columns[i].title, size, BOLD, tb->w[i] - 2 * CELL_PAD_X,
		    PANGO_ALIGN_CENTER, false);
		if (tb->head[i] != NULL && (h = layout_height(tb->head[i])) > tb->head_h)
			tb->head_h = h;
	}
	tb->head_h += 2 * CELL_PAD_Y;
	free(cols);
	for (int r = 0; r < t->nrows; r++) {
		for (int i = 0; i < n; i++) {
			size_t k = (size_t)r * n + i;
			int steps;
			const char *s = strip_indent(t->cells[k], &steps);
			double h;

			tb->indent[k] = steps / 2 * INDENT_STEP;
			if (tb->indent[k] > tb->w[i] / 2)
				tb->indent[k] = tb->w[i] / 2;
			tb->cells[k] = layout(d, s, size, t->strong[r] ? BOLD : PLAIN,
			    tb->w[i] - 2 * CELL_PAD_X - tb->indent[k], alignment(t->columns[i].align),
			    false);
			if (tb->cells[k] != NULL && (h = layout_height(tb->cells[k])) > tb->row_h[r])
				tb->row_h[r] = h;
		}
		tb->row_h[r] += 2 * CELL_PAD_Y;
	}
	return tb;
}

static void
draw_row(cairo_t *cr, const struct table *tb, PangoLayout **cells, const double *indent,
    double y, double h)
{
	int n = tb->t->ncolumns;
	double right = tb->x[n - 1] + tb->w[n - 1];

	cairo_set_line_width(cr, RULE);
	cairo_rectangle(cr, tb->x[0], y, right - tb->x[0], h);
	for (int i = 1; i < n; i++) {
		cairo_move_to(cr, tb->x[i], y);
		cairo_rel_line_to(cr, 0, h);
	}
	cairo_stroke(cr);
	for (int i = 0; i < n; i++) {
		if (cells[i] == NULL)
			continue;
		cairo_move_to(cr, tb->x[i] + CELL_PAD_X + (indent != NULL ? indent[i] : 0), y + CELL_PAD_Y);
		pango_cairo_show_layout(cr, cells[i]);
	}
}

/* ---- The document as items ---- */

static void
add_gap(struct doc *d, double h, bool keep)
{
	add_item(d, ITEM_GAP, h, keep);
}

static void
add_table(struct doc *d, const struct report_table *t)
{
	struct table *tb = measure_table(d, t);
	struct item *v;

	if (tb == NULL)
		return;
	if ((v = add_item(d, ITEM_HEAD, tb->head_h, t->nrows > 0)) != NULL)
		v->table = tb;
	for (int r = 0; r < t->nrows; r++)
		if ((v = add_item(d, ITEM_ROW, tb->row_h[r], false)) != NULL) {
			v->table = tb;
			v->row = r;
		}
}

static void
add_section(struct doc *d, const struct report_section *s)
{
	if (*s->heading != '\0') {
		add_gap(d, 10, false);
		/* A heading stays with the start of what follows it. */
		add_text(d, s->heading, 13, BOLD, PANGO_ALIGN_LEFT, false, s->nblocks > 0);
		if (s->nblocks > 0)
			add_gap(d, 4, true);
	}
	for (int i = 0; i < s->nblocks; i++) {
		const struct report_block *b = &s->blocks[i];
		/* A paragraph before a table is its label: they stay together. */
		bool label = b->kind == REPORT_PARAGRAPH && i + 1 < s->nblocks &&
		    s->blocks[i + 1].kind == REPORT_TABLE;

		if (i > 0)
			add_gap(d, 6, false);
		if (b->kind == REPORT_TABLE) {
			add_table(d, &b->table);
			continue;
		}
		add_text(d, b->text, 13, PLAIN, PANGO_ALIGN_LEFT, true, label);
		if (label)
			add_gap(d, 3, true);
	}
}

static void
build_items(struct doc *d)
{
	const struct report *r = d->r;

	measure_frame(d);
	measure_signature(d);
	add_item(d, ITEM_FRAME, d->frame_h, true);
	add_gap(d, 18, true);
	{
		char *title = upper(r->title);

		d->oom |= title == NULL;
		add_text(d, title != NULL ? title : "", 14, BOLD, PANGO_ALIGN_CENTER, false, true);
		free(title);
	}
	add_text(d, r->subtitle, 13, BOLD, PANGO_ALIGN_CENTER, false, false);
	add_gap(d, 8, false);
	for (int i = 0; i < r->nsections; i++)
		add_section(d, &r->sections[i]);
	/* The signature block never stands alone: what comes before it
	 * goes along. */
	if (d->nitems > 0)
		d->items[d->nitems - 1].keep = true;
	add_gap(d, 0, true);
	add_item(d, ITEM_SIGNATURE, d->signature_h, false);
}

/* The height an item takes at y on a page that starts at first. */
static double
item_height(const struct doc *d, int i, int first)
{
	const struct item *v = &d->items[i];

	if (i == first && v->kind == ITEM_GAP)
		return 0;
	/* A table going on over a page break repeats its header. */
	if (i == first && v->kind == ITEM_ROW)
		return v->h + v->table->head_h;
	return v->h;
}

static int
paginate(struct doc *d)
{
	int page = 0, first = 0;
	double y = 0;

	for (int i = 0; i < d->nitems;) {
		double h = item_height(d, i, first);

		if (y + h > d->body_h && i > first) {
			int j = i;

			/* Back to the start of the chain that keeps with i,
			 * unless it fills the page from its top. */
			while (j - 1 > first && d->items[j - 1].keep)
				j--;
			if (j - 1 == first && d->items[first].keep)
				j = i;
			page++;
			first = i = j;
			y = 0;
			continue;
		}
		d->items[i].page = page;
		d->items[i].y = y;
		y += h;
		i++;
	}
	return page + 1;
}

static void
draw_page_number(const struct doc *d, cairo_t *cr, int page)
{
	char n[16];
	PangoLayout *l = pango_layout_new(d->ctx);
	PangoFontDescription *f = pango_font_description_from_string(FAMILY);
	int w, h;

	snprintf(n, sizeof n, "%d", page + 1);
	pango_font_description_set_absolute_size(f, 13 * PANGO_SCALE);
	pango_layout_set_font_description(l, f);
	pango_font_description_free(f);
	pango_layout_set_text(l, n, -1);
	pango_layout_get_size(l, &w, &h);
	cairo_move_to(cr, MARGIN_LEFT + (d->body_w - (double)w / PANGO_SCALE) / 2,
	    MARGIN_TOP / 2 - (double)h / PANGO_SCALE / 2);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void
draw_item(const struct doc *d, cairo_t *cr, const struct item *v, bool first)
{
	double y = MARGIN_TOP + v->y;

	switch (v->kind) {
	case ITEM_LINE: {
		PangoLayoutLine *line = pango_layout_get_line_readonly(v->layout, v->line);
		PangoLayoutIter *it = pango_layout_get_iter(v->layout);
		PangoRectangle logical;
		int baseline;

		for (int i = 0; i < v->line; i++)
			pango_layout_iter_next_line(it);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		baseline = pango_layout_iter_get_baseline(it);
		pango_layout_iter_free(it);
		cairo_move_to(cr, MARGIN_LEFT + (double)logical.x / PANGO_SCALE,
		    y + (double)baseline / PANGO_SCALE - v->y0);
		pango_cairo_show_layout_line(cr, line);
		break;
	}
	case ITEM_HEAD:
		draw_row(cr, v->table, v->table->head, NULL, y, v->h);
		break;
	case ITEM_ROW: {
		const struct table *tb = v->table;
		size_t k = (size_t)v->row * tb->t->ncolumns;

		if (first) {
			draw_row(cr, tb, tb->head, NULL, y, tb->head_h);
			y += tb->head_h;
		}
		draw_row(cr, tb, tb->cells + k, tb->indent + k, y, v->h);
		break;
	}
	case ITEM_FRAME:
		draw_frame(d, cr, y);
		break;
	case ITEM_SIGNATURE:
		draw_signature(d, cr, y);
		break;
	case ITEM_GAP:
		break;
	}
}

static void
doc_free(struct doc *d)
{
	for (int i = 0; i < d->nlayouts; i++)
		g_object_unref(d->layouts[i]);
	free(d->layouts);
	for (int i = 0; i < d->ntables; i++) {
		struct table *tb = d->tables[i];

		free(tb->x);
		free(tb->w);
		free(tb->head);
		free(tb->cells);
		free(tb->indent);
		free(tb->row_h);
		free(tb);
	}
	free(d->tables);
	free(d->items);
	if (d->ctx != NULL)
		g_object_unref(d->ctx);
}

int
report_write_pdf(const struct report *r, bool landscape, const char *path, int *unknown)
{
	struct doc d = { .r = r };
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_surface_t *surface;
	cairo_t *cr;
	int rc = 0, page = -1;

	d.page_w = landscape ? A4_LONG : A4_SHORT;
	d.page_h = landscape ? A4_SHORT : A4_LONG;
	d.body_w = d.page_w - MARGIN_LEFT - MARGIN_RIGHT;
	d.body_h = d.page_h - MARGIN_TOP - MARGIN_BOTTOM;
	d.table_cols = landscape ? REPORT_WIDTH_WIDE : REPORT_WIDTH_NARROW;
	/* Points as units, outlines unhinted: what is measured is what the
	 * PDF holds. */
	d.ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	pango_cairo_context_set_resolution(d.ctx, 72);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d.ctx, fo);
	cairo_font_options_destroy(fo);
	build_items(&d);
	*unknown = d.unknown;
	if (d.oom) {
		doc_free(&d);
		return REPORT_PDF_NOMEM;
	}
	if (d.unknown > 0) {
		doc_free(&d);
		return REPORT_PDF_GLYPHS;
	}
	paginate(&d);
	surface = cairo_pdf_surface_create(path, d.page_w, d.page_h);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, r->title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cchc");
	cr = cairo_create(surface);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int i = 0; i < d.nitems; i++) {
		const struct item *v = &d.items[i];
		bool first = v->page != page;

		if (first && page >= 0)
			cairo_show_page(cr);
		if (first && (page = v->page) > 0)
			draw_page_number(&d, cr, page);
		draw_item(&d, cr, v, first);
	}
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		rc = REPORT_PDF_WRITE;
	cairo_surface_destroy(surface);
	doc_free(&d);
	return rc;
}
