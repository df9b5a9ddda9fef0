/* The units' update sheets (core/io/sheet.h): written with libxlsxwriter,
 * read back with libzip and expat.  Part of the module cchc-xlsx.so, so
 * that none of these libraries is loaded at cchc's start.  It knows only
 * the plain structs of sheet.h.
 *
 * Writing: the unit's columns unlocked, with a drop-down of the progress
 * words and date validation; everything else locked by worksheet
 * protection without a password (it guards against slips, not people).
 *
 * Reading: the first visible worksheet as a grid of cell texts: shared and
 * inline strings as text, numbers (dates are serial numbers) as written. */
#include "core/io/sheet.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "core/text/i18n.h"

int cchc_sheet_write_1(const struct sheet_book *b, const char *path, char *err, size_t errsz);
int cchc_sheet_read_1(const char *path, struct sheet_grid *g, char *err, size_t errsz);

#define FONT "Times New Roman"
#define ROW_IDENTITY 0
#define ROW_OFFICE 1
#define ROW_TITLE 2
#define ROW_UNIT 3
#define ROW_CODES 4
#define ROW_HEAD 5
#define ROW_FIRST 6

static const double widths[SC_COLUMNS] = {
	[SC_ID] = 6, [SC_STAMP] = 18, [SC_TT] = 6, [SC_TASK] = 45, [SC_ROLE] = 11, [SC_DUE] = 12,
	[SC_STATUS] = 14, [SC_PROGRESS] = 16, [SC_COMPLETION] = 13, [SC_EVIDENCE_NUMBER] = 14,
	[SC_EVIDENCE_DATE] = 13, [SC_EVIDENCE] = 30, [SC_NOTE] = 20,
};

static lxw_format *
format(lxw_workbook *wb, bool bold, bool border)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, 12);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static lxw_datetime
datetime(const char *iso)
{
	lxw_datetime d = { 0 };

	d.year = atoi(iso);
	d.month = atoi(iso + 5);
	d.day = atoi(iso + 8);
	return d;
}

/* The height of a row whose longest text wraps over n lines.  Neither
 * Excel nor LibreOffice fits a row to wrapped text written by a program,
 * so without it a long task's lines were drawn over the rows below.  A
 * column's width counts digits of the default font; Times New Roman 12
 * puts about 1.1 characters of Vietnamese text in each. */
static double
row_height(const char *const cells[SC_COLUMNS])
{
	int lines = 1;

	for (int c = SC_TT; c < SC_COLUMNS; c++) {
		int chars = 0, per_line = (int)(widths[c] * 1.1), n;

		for (const char *p = cells[c]; *p != '\0'; p++)
			chars += ((unsigned char)*p & 0xC0) != 0x80;
		n = (chars + per_line - 1) / per_line;
		if (n > lines)
			lines = n;
	}
	return 15.75 * lines;
}

static bool
is_date(int c)
{
	return c == SC_DUE || c == SC_COMPLETION || c == SC_EVIDENCE_DATE;
}

/* The targets the unit leads, from row first: a hidden row of codes, the
 * header, a row per target.  The unit fills a rate's numerator and
 * denominator (whole numbers, the numerator not above the denominator),
 * another kind's value (a count a whole number, yes/no from a drop-down),
 * the evidence and a note; the other figure cells stay locked. */
static void
write_targets(lxw_workbook *wb, lxw_worksheet *ws, const struct sheet_book *b, int first,
    lxw_format *text, lxw_format *fill, lxw_format *head, lxw_format *hidden_fmt)
{
	lxw_format *fill_num = format(wb, false, true);
	lxw_row_col_options hide = { .hidden = 1 };

	format_set_unlocked(fill_num);
	format_set_bg_color(fill_num, 0xFFF8DC);
	for (int c = 0; c < ST_COLUMNS; c++) {
		if (b->target_codes[c] != NULL)
			worksheet_write_string(ws, first, c, b->target_codes[c], hidden_fmt);
		worksheet_write_string(ws, first + 1, c, b->target_headings[c], head);
	}
	worksheet_set_row_opt(ws, first, LXW_DEF_ROW_HEIGHT, NULL, &hide);
	worksheet_set_row(ws, first + 1, 2 * 15.75, NULL);
	for (int i = 0; i < b->ntargets; i++) {
		const struct sheet_target_row *t = &b->targets[i];
		const struct measure *m = &t->v.m;
		int row = first + 2 + i;
		bool rate = t->kind == TARGET_RATE;
		char id[24], tt[16], formula[160];
		const char *cells[SC_COLUMNS] = { 0 };
		lxw_data_validation v = { 0 };

		snprintf(id, sizeof id, "%lld", (long long)t->target_id);
		snprintf(tt, sizeof tt, "%d", t->tt);
		for (int c = 0; c < SC_COLUMNS; c++)
			cells[c] = "";
		cells[ST_ID] = id;
		cells[ST_STAMP] = t->stamp;
		cells[ST_TT] = tt;
		cells[ST_TARGET] = t->text;
		cells[ST_PLANNED] = t->planned;
		cells[ST_RESULT] = t->result;
		cells[ST_EVIDENCE] = t->v.evidence;
		cells[ST_NOTE] = t->v.note;
		worksheet_set_row(ws, row, row_height(cells), NULL);
		for (int c = 0; c < ST_COLUMNS; c++) {
			bool filled = c == ST_EVIDENCE || c == ST_NOTE;

			if (cells[c][0] != '\0')
				worksheet_write_string(ws, row, c, cells[c], filled ? fill : text);
			else
				worksheet_write_blank(ws, row, c, filled ? fill : text);
		}
		if (rate) {
			if (m->has_numerator)
				worksheet_write_number(ws, row, ST_NUMERATOR, m->numerator, fill_num);
			else
				worksheet_write_blank(ws, row, ST_NUMERATOR, fill_num);
			if (m->has_denominator)
				worksheet_write_number(ws, row, ST_DENOMINATOR, m->denominator, fill_num);
			else
				worksheet_write_blank(ws, row, ST_DENOMINATOR, fill_num);
			/* Checked when either is typed, the other maybe still empty. */
			snprintf(formula, sizeof formula, "=AND(H%d=INT(H%d),H%d>=0,OR(ISBLANK(I%d),"
			    "H%d<=I%d))", row + 1, row + 1, row + 1, row + 1, row + 1, row + 1);
			v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
			v.value_formula = formula;
			v.error_message = (char *)_("A whole number from 0, not above the denominator.");
			worksheet_data_validation_cell(ws, row, ST_NUMERATOR, &v);
			v.validate = LXW_VALIDATION_TYPE_INTEGER;
			v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
			v.value_number = 0;
			v.value_formula = NULL;
			v.error_message = (char *)_("A whole number from 0.");
			worksheet_data_validation_cell(ws, row, ST_DENOMINATOR, &v);
		} else if (t->kind == TARGET_YESNO) {
			if (m->has_value)
				worksheet_write_string(ws, row, ST_VALUE,
				    b->yesno_words[m->value != 0], fill);
			else
				worksheet_write_blank(ws, row, ST_VALUE, fill);
			v.validate = LXW_VALIDATION_TYPE_LIST;
			v.value_list = (char **)(const char *[]){ b->yesno_words[1],
			    b->yesno_words[0], NULL };
			v.error_message = (char *)_("Choose one of the list.");
			worksheet_data_validation_cell(ws, row, ST_VALUE, &v);
		} else {
			if (m->has_value)
				worksheet_write_number(ws, row, ST_VALUE, m->value, fill_num);
			else
				worksheet_write_blank(ws, row, ST_VALUE, fill_num);
			if (t->kind == TARGET_COUNT) {
				v.validate = LXW_VALIDATION_TYPE_INTEGER;
				v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
				v.value_number = 0;
				v.error_message = (char *)_("A whole number from 0.");
				worksheet_data_validation_cell(ws, row, ST_VALUE, &v);
			}
		}
	}
}

int
cchc_sheet_write_1(const struct sheet_book *b, const char *path, char *err, size_t errsz)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *text, *date, *fill, *fill_date, *head, *bold, *title, *hidden_fmt;
	lxw_row_col_options hide = { .hidden = 1 };
	lxw_protection protect = { .format_columns = 1, .format_rows = 1 };
	lxw_data_validation list = { 0 }, dates = { 0 };
	lxw_error rc;
	int last = ROW_FIRST + (b->nrows > 0 ? b->nrows : 1) - 1;

	if (wb == NULL) {
		snprintf(err, errsz, _("cannot write %s"), path);
		return -1;
	}
	ws = workbook_add_worksheet(wb, b->sheet_name);
	text = format(wb, false, true);
	date = format(wb, false, true);
	format_set_num_format(date, "dd/mm/yyyy");
	/* The unit's cells: unlocked, text kept as text (an evidence number
	 * such as 01/2026 is no date), shaded so they are seen. */
	fill = format(wb, false, true);
	format_set_unlocked(fill);
	format_set_num_format(fill, "@");
	format_set_bg_color(fill, 0xFFF8DC);
	fill_date = format(wb, false, true);
	format_set_unlocked(fill_date);
	format_set_num_format(fill_date, "dd/mm/yyyy");
	format_set_bg_color(fill_date, 0xFFF8DC);
	head = format(wb, true, true);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_bg_color(head, 0xEEEEEE);
	bold = format(wb, true, false);
	title = format(wb, true, false);
	format_set_align(title, LXW_ALIGN_CENTER);
	format_set_font_size(title, 14);
	hidden_fmt = format(wb, false, false);

	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_set_margins(ws, 0.59, 0.39, 0.79, 0.79);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, ROW_HEAD, ROW_HEAD);
	worksheet_freeze_panes(ws, ROW_FIRST, 0);
	for (int c = 0; c < SC_COLUMNS; c++)
		worksheet_set_column_opt(ws, c, c, widths[c], NULL,
		    c == SC_ID || c == SC_STAMP ? &hide : NULL);

	worksheet_write_string(ws, ROW_IDENTITY, 0, b->identity, hidden_fmt);
	worksheet_set_row_opt(ws, ROW_IDENTITY, LXW_DEF_ROW_HEIGHT, NULL, &hide);
	/* The heading lines span columns: in TT's narrow column alone they
	 * wrapped a word a line over the rows below. */
	worksheet_merge_range(ws, ROW_OFFICE, SC_TT, ROW_OFFICE, SC_TASK, b->office, bold);
	worksheet_merge_range(ws, ROW_TITLE, SC_TT, ROW_TITLE, SC_COLUMNS - 1, b->title, title);
	worksheet_merge_range(ws, ROW_UNIT, SC_TT, ROW_UNIT, SC_COLUMNS - 1, b->unit_line, bold);
	for (int c = 0; c < SC_COLUMNS; c++) {
		worksheet_write_string(ws, ROW_CODES, c, b->codes[c], hidden_fmt);
		worksheet_write_string(ws, ROW_HEAD, c, b->headings[c], head);
	}
	worksheet_set_row_opt(ws, ROW_CODES, LXW_DEF_ROW_HEIGHT, NULL, &hide);
	/* Two lines: "Số hiệu minh chứng" wraps. */
	worksheet_set_row(ws, ROW_HEAD, 2 * 15.75, NULL);

	for (int i = 0; i < b->nrows; i++) {
		const struct sheet_row *r = &b->rows[i];
		int row = ROW_FIRST + i;
		char id[24];
		const char *cells[SC_COLUMNS] = {
			[SC_ID] = id, [SC_STAMP] = r->stamp, [SC_TT] = r->tt,
			[SC_TASK] = r->description, [SC_ROLE] = b->role_words[r->lead ? 0 : 1],
			[SC_DUE] = r->due, [SC_STATUS] = b->status_words[r->status],
			[SC_PROGRESS] = b->progress_words[r->v.progress],
			[SC_COMPLETION] = r->v.completion,
			[SC_EVIDENCE_NUMBER] = r->v.evidence_number,
			[SC_EVIDENCE_DATE] = r->v.evidence_date,
			[SC_EVIDENCE] = r->v.evidence, [SC_NOTE] = r->v.note,
		};

		snprintf(id, sizeof id, "%lld", (long long)r->task_id);
		worksheet_set_row(ws, row, row_height(cells), NULL);
		for (int c = 0; c < SC_COLUMNS; c++) {
			bool filled = c >= SHEET_FIRST_FILLED;

			if (is_date(c) && cells[c][0] != '\0') {
				lxw_datetime d = datetime(cells[c]);

				worksheet_write_datetime(ws, row, c, &d, filled ? fill_date : date);
			} else if (is_date(c) || cells[c][0] == '\0') {
				worksheet_write_blank(ws, row, c, filled ? (is_date(c) ? fill_date : fill) :
				    text);
			} else {
				worksheet_write_string(ws, row, c, cells[c], filled ? fill : text);
			}
		}
	}
	/* An empty sheet still has one row to fill in nothing: the validation
	 * ranges need one. */
	list.validate = LXW_VALIDATION_TYPE_LIST;
	list.value_list = (char **)(const char *[]){ b->progress_words[0], b->progress_words[1],
	    b->progress_words[2], NULL };
	list.error_message = (char *)_("Choose one of the list.");
	worksheet_data_validation_range(ws, ROW_FIRST, SC_PROGRESS, last, SC_PROGRESS, &list);
	dates.validate = LXW_VALIDATION_TYPE_DATE;
	dates.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	dates.minimum_datetime = (lxw_datetime){ 1990, 1, 1, 0, 0, 0 };
	dates.maximum_datetime = (lxw_datetime){ 2200, 12, 31, 0, 0, 0 };
	dates.error_message = (char *)_("Write a date: dd/mm/yyyy.");
	worksheet_data_validation_range(ws, ROW_FIRST, SC_COMPLETION, last, SC_COMPLETION, &dates);
	worksheet_data_validation_range(ws, ROW_FIRST, SC_EVIDENCE_DATE, last, SC_EVIDENCE_DATE,
	    &dates);
	if (b->ntargets > 0)
		write_targets(wb, ws, b, last + 2, text, fill, head, hidden_fmt);
	worksheet_protect(ws, NULL, &protect);

	if ((rc = workbook_close(wb)) != LXW_NO_ERROR) {
		snprintf(err, errsz, _("cannot write %s: %s"), path, lxw_strerror(rc));
		return -1;
	}
	return 0;
}

/* ---- reading ---------------------------------------------------------- */

struct buf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *grown = realloc(b->s, cap);

		if (grown == NULL) {
			b->oom = true;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static const char *
local(const char *name)
{
	const char *colon = strrchr(name, ':');

	return colon != NULL ? colon + 1 : name;
}

static const char *
attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i] != NULL; i += 2)
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

/* What the parsers gather. */
struct reader {
	bool oom;
	/* workbook.xml: the first visible sheet's name and relation id */
	char *sheet, *rid;
	/* workbook.xml.rels: that id's target */
	char *target;
	/* sharedStrings.xml */
	char **strings;
	int nstrings, capstrings;
	int depth_rph;			/* inside a phonetic run, skipped */
	/* the sheet */
	struct sheet_grid *g;
	int row, col;
	char type[16];
	bool in_text, in_value;
	struct buf text;
	int capg;
};

static char *
xdup(struct reader *r, const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		r->oom = true;
	return d;
}

static void XMLCALL
on_workbook(void *data, const char *el, const char **atts)
{
	struct reader *r = data;
	const char *state;

	if (strcmp(local(el), "sheet") != 0 || r->sheet != NULL)
		return;
	state = attr(atts, "state");
	if (state != NULL && strcmp(state, "visible") != 0)
		return;
	r->sheet = xdup(r, attr(atts, "name"));
	r->rid = xdup(r, attr(atts, "id"));
}

static void XMLCALL
on_rels(void *data, const char *el, const char **atts)
{
	struct reader *r = data;
	const char *id = attr(atts, "Id");

	if (strcmp(local(el), "Relationship") == 0 && id != NULL && r->rid != NULL &&
	    strcmp(id, r->rid) == 0 && r->target == NULL)
		r->target = xdup(r, attr(atts, "Target"));
}

static void XMLCALL
on_text(void *data, const char *s, int n)
{
	struct reader *r = data;

	if (r->in_text || r->in_value)
		buf_add(&r->text, s, (size_t)n);
}

static void XMLCALL
on_string_start(void *data, const char *el, const char **atts)
{
	struct reader *r = data;
	const char *name = local(el);

	(void)atts;
	if (strcmp(name, "si") == 0) {
		r->text.len = 0;
		if (r->text.s != NULL)
			r->text.s[0] = '\0';
	} else if (strcmp(name, "rPh") == 0) {
		r->depth_rph++;
	} else if (strcmp(name, "t") == 0 && r->depth_rph == 0) {
		r->in_text = true;
	}
}

static void XMLCALL
on_string_end(void *data, const char *el)
{
	struct reader *r = data;
	const char *name = local(el);

	if (strcmp(name, "t") == 0) {
		r->in_text = false;
	} else if (strcmp(name, "rPh") == 0) {
		r->depth_rph--;
	} else if (strcmp(name, "si") == 0) {
		if (r->nstrings == r->capstrings) {
			int cap = r->capstrings ? r->capstrings * 2 : 64;
			char **grown = realloc(r->strings, (size_t)cap * sizeof *grown);

			if (grown == NULL) {
				r->oom = true;
				return;
			}
			r->strings = grown;
			r->capstrings = cap;
		}
		r->strings[r->nstrings++] = xdup(r, r->text.s);
	}
}

/* "BC12" -> column 54, row 11 (from 0). */
static void
cell_ref(const char *ref, int *col, int *row)
{
	int c = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++)
		c = c * 26 + (*ref - 'A' + 1);
	*col = c - 1;
	if (*ref != '\0')
		*row = atoi(ref) - 1;
}

static void XMLCALL
on_sheet_start(void *data, const char *el, const char **atts)
{
	struct reader *r = data;
	const char *name = local(el), *v;

	if (strcmp(name, "row") == 0) {
		r->row = (v = attr(atts, "r")) != NULL ? atoi(v) - 1 : r->row + 1;
		r->col = -1;
	} else if (strcmp(name, "c") == 0) {
		if ((v = attr(atts, "r")) != NULL)
			cell_ref(v, &r->col, &r->row);
		else
			r->col++;
		snprintf(r->type, sizeof r->type, "%s", (v = attr(atts, "t")) != NULL ? v : "n");
		r->text.len = 0;
		if (r->text.s != NULL)
			r->text.s[0] = '\0';
	} else if (strcmp(name, "v") == 0) {
		r->in_value = true;
	} else if (strcmp(name, "t") == 0) {
		r->in_text = true;
	}
}

static void
put_cell(struct reader *r, const char *s)
{
	struct sheet_grid *g = r->g;
	struct sheet_grid_row *row;

	if (r->row < 0 || r->col < 0 || r->row > 1000000 || r->col > 16384 || *s == '\0')
		return;
	if (r->row >= g->nrows) {
		if (r->row >= r->capg) {
			int cap = (r->row + 1) * 2;
			struct sheet_grid_row *grown = realloc(g->rows, (size_t)cap * sizeof *grown);

			if (grown == NULL) {
				r->oom = true;
				return;
			}
			g->rows = grown;
			r->capg = cap;
		}
		memset(g->rows + g->nrows, 0, (size_t)(r->row + 1 - g->nrows) * sizeof *g->rows);
		g->nrows = r->row + 1;
	}
	row = &g->rows[r->row];
	if (r->col >= row->ncells) {
		char **grown = realloc(row->cells, (size_t)(r->col + 1) * sizeof *grown);

		if (grown == NULL) {
			r->oom = true;
			return;
		}
		memset(grown + row->ncells, 0, (size_t)(r->col + 1 - row->ncells) * sizeof *grown);
		row->cells = grown;
		row->ncells = r->col + 1;
	}
	free(row->cells[r->col]);
	row->cells[r->col] = xdup(r, s);
}

static void XMLCALL
on_sheet_end(void *data, const char *el)
{
	struct reader *r = data;
	const char *name = local(el);

	if (strcmp(name, "v") == 0) {
		r->in_value = false;
	} else if (strcmp(name, "t") == 0) {
		r->in_text = false;
	} else if (strcmp(name, "c") == 0) {
		const char *s = r->text.s != NULL ? r->text.s : "";

		if (strcmp(r->type, "s") == 0) {
			int i = atoi(s);

			s = i >= 0 && i < r->nstrings && r->strings[i] != NULL ? r->strings[i] : "";
		}
		put_cell(r, s);
	}
}

/* Parses the zip's member name with the handlers; 0, 1 when it is not
 * there, -1 on an error (err set). */
static int
parse(zip_t *z, const char *name, struct reader *r, XML_StartElementHandler start,
    XML_EndElementHandler end, const char *path, char *err, size_t errsz)
{
	zip_file_t *f = zip_fopen(z, name, 0);
	XML_Parser p;
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;

	if (f == NULL)
		return 1;
	if ((p = XML_ParserCreate("UTF-8")) == NULL) {
		zip_fclose(f);
		snprintf(err, errsz, "%s: %s", path, _("out of memory"));
		return -1;
	}
	XML_SetUserData(p, r);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, on_text);
	do {
		n = zip_fread(f, chunk, sizeof chunk);
		if (n < 0 || XML_Parse(p, chunk, (int)(n < 0 ? 0 : n), n == 0) == XML_STATUS_ERROR) {
			snprintf(err, errsz, _("%s: not a readable workbook (%s: %s)"), path, name,
			    n < 0 ? zip_file_strerror(f) : XML_ErrorString(XML_GetErrorCode(p)));
			rc = -1;
			break;
		}
	} while (n > 0 && !r->oom);
	XML_ParserFree(p);
	zip_fclose(f);
	if (rc == 0 && (r->oom || r->text.oom)) {
		snprintf(err, errsz, "%s: %s", path, _("out of memory"));
		rc = -1;
	}
	return rc;
}

int
cchc_sheet_read_1(const char *path, struct sheet_grid *g, char *err, size_t errsz)
{
	struct reader r = { .g = g, .row = -1 };
	char member[1024];
	int zerr, rc = -1;
	zip_t *z;

	memset(g, 0, sizeof *g);
	if ((z = zip_open(path, ZIP_RDONLY, &zerr)) == NULL) {
		zip_error_t e;

		zip_error_init_with_code(&e, zerr);
		snprintf(err, errsz, _("%s: not a readable workbook (%s)"), path, zip_error_strerror(&e));
		zip_error_fini(&e);
		return -1;
	}
	if (parse(z, "xl/workbook.xml", &r, on_workbook, NULL, path, err, errsz) != 0 ||
	    r.sheet == NULL ||
	    parse(z, "xl/_rels/workbook.xml.rels", &r, on_rels, NULL, path, err, errsz) != 0 ||
	    r.target == NULL) {
		if (r.sheet == NULL || r.target == NULL)
			snprintf(err, errsz, _("%s: not a readable workbook (no worksheet)"), path);
		goto done;
	}
	if (parse(z, "xl/sharedStrings.xml", &r, on_string_start, on_string_end, path, err,
	    errsz) < 0)
		goto done;
	/* The target is relative to xl/, or absolute in the package. */
	if (r.target[0] == '/')
		snprintf(member, sizeof member, "%s", r.target + 1);
	else
		snprintf(member, sizeof member, "xl/%s", r.target);
	r.row = -1;
	rc = parse(z, member, &r, on_sheet_start, on_sheet_end, path, err, errsz);
	if (rc == 1)
		snprintf(err, errsz, _("%s: not a readable workbook (no worksheet)"), path);
	if (rc == 0)
		g->sheet = r.sheet, r.sheet = NULL;
	else
		rc = -1;
done:
	zip_discard(z);
	for (int i = 0; i < r.nstrings; i++)
		free(r.strings[i]);
	free(r.strings);
	free(r.sheet);
	free(r.rid);
	free(r.target);
	free(r.text.s);
	if (rc != 0) {
		for (int i = 0; i < g->nrows; i++) {
			for (int c = 0; c < g->rows[i].ncells; c++)
				free(g->rows[i].cells[c]);
			free(g->rows[i].cells);
		}
		free(g->rows);
		memset(g, 0, sizeof *g);
	}
	return rc;
}
