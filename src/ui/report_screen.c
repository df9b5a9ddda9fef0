/* The preview of a report: the pages exactly as they will be printed,
 * PgUp/PgDn a screen at a time across pages, arrows a line within a page,
 * Home/End to the start and end of the report; p prints (the PDF, pdf.h),
 * s saves as text, HTML, CSV, PDF or an Excel workbook (a form asks the file
 * name and format), w switches between 80 and 132 columns, f narrows it to a unit and picks
 * the period.  When printing fails the preview stays, so nothing is lost:
 * the report can still be saved. */
#include "ui/app.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/file_out.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/report/pdf.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct preview {
	enum report_kind kind;
	int64_t round;		/* REPORT_SIPAS: the survey round */
	int64_t compare;	/* and the round beside it, 0: none */
	int64_t unit;		/* the filter, 0: every unit */
	char *unit_name;	/* its name, NULL for every unit */
	enum period_kind period;
	struct report *report;
	int width;
	char *text;		/* the paginated text */
	size_t len;
	char **lines;		/* the text cut into lines (in place, a copy) */
	int nlines;
	int *first;		/* per page: its first line */
	int npages;
	int page, scroll;	/* the page shown and its first line shown */
	int shown;		/* lines of a page the screen shows (drawn) */
	int left;		/* columns scrolled off to the left (132 in 80) */
};

static void
preview_clear_text(struct preview *p)
{
	free(p->text);
	if (p->lines != NULL)
		free(p->lines[0]);
	free(p->lines);
	free(p->first);
	p->text = NULL;
	p->lines = NULL;
	p->first = NULL;
	p->nlines = p->npages = 0;
}

/* Lays the report out at p->width and cuts the text into pages (at form
 * feeds) and lines.  0 or -1. */
static int
preview_paginate(struct preview *p)
{
	FILE *fp;
	char *copy, *s;
	int cap = 0;

	preview_clear_text(p);
	if ((fp = open_memstream(&p->text, &p->len)) == NULL)
		return -1;
	if (report_write_text(p->report, p->width, fp) != 0) {
		fclose(fp);
		return -1;
	}
	if (fclose(fp) != 0 || (copy = strdup(p->text)) == NULL)
		return -1;
	for (s = copy; *s != '\0'; s++)
		cap += *s == '\n';
	p->lines = calloc(cap + 2, sizeof *p->lines);
	p->first = calloc(cap + 2, sizeof *p->first);
	if (p->lines == NULL || p->first == NULL) {
		free(copy);
		return -1;
	}
	p->first[p->npages++] = 0;
	for (s = copy; *s != '\0';) {
		char *nl = strchr(s, '\n');

		if (*s == '\f') {
			p->first[p->npages++] = p->nlines;
			s++;
		}
		if (nl != NULL)
			*nl = '\0';
		p->lines[p->nlines++] = s;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	/* lines[0] is copy itself, freed with it. */
	if (p->nlines == 0)
		free(copy);
	if (p->page >= p->npages)
		p->page = p->npages - 1;
	return 0;
}

static void
preview_free(struct preview *p)
{
	preview_clear_text(p);
	report_free(p->report);
	free(p->unit_name);
	free(p);
}

static int
page_end(const struct preview *p)
{
	return p->page + 1 < p->npages ? p->first[p->page + 1] : p->nlines;
}

static int
page_lines(const struct preview *p, int page)
{
	return (page + 1 < p->npages ? p->first[page + 1] : p->nlines) - p->first[page];
}

/* The first line shown when the end of the page is. */
static int
last_scroll(const struct preview *p, int page)
{
	int n = page_lines(p, page) - p->shown;

	return n > 0 ? n : 0;
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct preview *p = s->data;
	struct err e;
	char line[256];
	int first, end;

	if (p == NULL || p->npages == 0) {
		err_db(&e, app->db);
		draw_text(y, 1, e.msg, cols - 1, draw_attr(COLOR_BAD));
		return;
	}
	snprintf(line, sizeof line, _("Page %d/%d · %d columns"), p->page + 1, p->npages, p->width);
	if (p->unit_name != NULL)
		snprintf(line + strlen(line), sizeof line - strlen(line), " · %s", p->unit_name);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	first = p->first[p->page];
	end = page_end(p);
	p->shown = rows > 1 ? rows - 1 : 1;
	if (p->scroll > last_scroll(p, p->page))
		p->scroll = last_scroll(p, p->page);
	if (p->left > p->width - cols)
		p->left = p->width - cols > 0 ? p->width - cols : 0;
	for (int i = 0; i + 1 < rows && first + p->scroll + i < end; i++) {
		const char *l = p->lines[first + p->scroll + i];
		size_t skip = text_fit(l, p->left);
		int w = text_width_n(l, skip);

		/* a wide letter across the edge is left out, a space for it */
		if (w < p->left && l[skip] != '\0') {
			skip = text_next_grapheme(l, skip);
			w = text_width_n(l, skip);
		}
		draw_text(y + 1 + i, w - p->left, l + skip, cols, A_NORMAL);
	}
}

/* PgUp on the first screen of the first page, PgDn on the last of the
 * last, would not move. */
static bool
offers(const struct screen *s, enum action a)
{
	const struct preview *p = s->data;

	if (p == NULL || p->npages == 0)
		return a != ACT_PAGE_UP && a != ACT_PAGE_DOWN;
	if (a == ACT_PAGE_UP)
		return p->scroll > 0 || p->page > 0;
	if (a == ACT_PAGE_DOWN)
		return p->scroll < last_scroll(p, p->page) || p->page + 1 < p->npages;
	return true;
}

static void
turn(struct app *app, struct screen *s, enum action a)
{
	struct preview *p = s->data;

	if (p == NULL || p->npages == 0)
		return;
	/* PgDn/PgUp go a screen down or up the page, then on to the next or
	 * previous page (at its start or end): the whole report is read with
	 * them alone. */
	switch (a) {
	case ACT_PAGE_DOWN:
		if (p->scroll < last_scroll(p, p->page)) {
			p->scroll += p->shown;
		} else if (p->page + 1 < p->npages) {
			p->page++;
			p->scroll = 0;
		}
		break;
	case ACT_PAGE_UP:
		if (p->scroll > 0) {
			p->scroll = p->scroll > p->shown ? p->scroll - p->shown : 0;
		} else if (p->page > 0) {
			p->page--;
			p->scroll = last_scroll(p, p->page);
		}
		break;
	case ACT_DOWN:
		if (p->scroll < last_scroll(p, p->page))
			p->scroll++;
		break;
	case ACT_UP:
		if (p->scroll > 0)
			p->scroll--;
		break;
	case ACT_LEFT:
		p->left = p->left > 10 ? p->left - 10 : 0;
		break;
	case ACT_RIGHT:
		p->left += 10;	/* draw() stops it at the page's right edge */
		break;
	case ACT_HOME:
		p->page = p->scroll = 0;
		break;
	case ACT_END:
		p->page = p->npages - 1;
		p->scroll = last_scroll(p, p->page);
		break;
	default:
		break;
	}
}

/* The report's PDF, in landscape at 132 columns. */
static int
preview_pdf(struct app *app, const struct preview *p, const char *path)
{
	return pdf_write(app->db, p->report, p->width > REPORT_WIDTH_NARROW, path);
}

static void
print_report(struct app *app, struct preview *p)
{
	struct err e;
	int rc = pdf_print(app->db, p->report, p->width > REPORT_WIDTH_NARROW, NULL);

	/* The core's message for no printer names the command line's
	 * --printer: here the way out is s. */
	if (rc == -2) {
		app_message(app, COLOR_BAD, "%s", _("No printer to print on: press s to save the "
		    "report as PDF and print it elsewhere."));
		return;
	}
	if (rc != 0) {
		err_db(&e, app->db);
		app_message(app, COLOR_BAD, _("Not printed: %s"), e.msg);
		return;
	}
	app_message(app, COLOR_GOOD, ngettext("Sent to the printer: %d page.",
	    "Sent to the printer: %d pages.", p->npages), p->npages);
}

/* ---- Save as ---- */

static const char *const formats[] = {
	N_("plain text"), N_("HTML"), N_("CSV"), N_("PDF"), N_("Excel workbook"),
};
static const char *const encodings[] = {
	N_("UTF-8 for Excel (with BOM)"), N_("UTF-8 without BOM"), N_("CP1258 (Windows)"),
};
static const char *const extensions[] = { ".txt", ".html", ".csv", ".pdf", ".xlsx" };
#define FORMAT_CSV 2
#define FORMAT_PDF 3
#define FORMAT_XLSX 4
/* The format chosen last in this session: the clerk who saved a PDF once
 * (as the message for a missing printer says to) finds it chosen. */
static int last_format;

enum save_field { SF_FILE, SF_FORMAT, SF_ENCODING };

struct save_edit {
	struct preview *p;
	int ffile, fformat, fencoding;
	char dir[4096];		/* where a name without a folder goes */
	char done[1024];	/* "Saved: PATH" */
};

static int
write_as(struct app *app, const struct preview *p, int format, enum report_encoding enc, FILE *fp)
{
	switch (format) {
	case 1:
		return report_write_html(p->report, fp);
	case 2:
		return report_write_csv(app->db, p->report, enc, fp);
	default:
		return report_write_text(p->report, p->width, fp);
	}
}

static int
save_report(struct app *app, struct form *f, struct err *err)
{
	struct save_edit *e = f->record;
	const char *name = form_text(f, e->ffile), *base = strrchr(name, '/');
	int format = form_choice(f, e->fformat), rc;
	char file[4096], path[4200];
	struct out_file out;
	FILE *fp;

	last_format = format;
	if (*name == '\0')
		return err_set(err, SF_FILE, _("%s: give a file name"), _("File"));
	/* The format's extension when the name has none. */
	snprintf(file, sizeof file, "%s%s", name, strchr(base ? base : name, '.') ? "" :
	    extensions[format]);
	if (*name == '/')
		snprintf(path, sizeof path, "%s", file);
	else if (paths_join(path, sizeof path, e->dir, file) != 0)
		return err_set(err, SF_FILE, "%s", _("The file name is too long"));
	snprintf(e->done, sizeof e->done, _("Saved: %s"), path);
	f->done = e->done;
	if (format == FORMAT_PDF) {
		/* cchc-pdf writes the file itself, through file_out. */
		if (preview_pdf(app, e->p, path) != 0)
			return err_db_at(err, SF_FORMAT, app->db);
		return 0;
	}
	/* A workbook is written by the module, through file_out. */
	if (format == FORMAT_XLSX) {
		if (report_write_xlsx(app->db, e->p->report, path) != 0)
			return err_db_at(err, SF_FORMAT, app->db);
		return 0;
	}
	if ((fp = out_open(&out, path, OUT_SHARED)) == NULL)
		return err_set(err, SF_FILE, "%s", out.err.msg);
	rc = write_as(app, e->p, format, (enum report_encoding)form_choice(f, e->fencoding), fp);
	if (rc != 0 && format == FORMAT_CSV)
		err_db_at(err, SF_ENCODING, app->db);
	else if (rc != 0) {
		err_errno(err, path);
		err->field = SF_FILE;
	}
	if (rc != 0)
		out_abort(&out);
	else if ((rc = out_commit(&out)) != 0)
		err_set(err, SF_FILE, "%s", out.err.msg);
	return rc != 0 ? -1 : 0;
}

/* The encoding is a CSV's only. */
static void
save_changed(struct app *app, struct form *f, int field)
{
	struct save_edit *e = f->record;

	(void)app;
	(void)field;
	f->fields[e->fencoding].hidden = form_choice(f, e->fformat) != FORMAT_CSV;
}

static void
ask_save(struct app *app, struct preview *p)
{
	struct save_edit *e = calloc(1, sizeof *e);
	struct screen *s;
	struct form *f;
	char name[128];

	if (e == NULL || (s = form_new(_("Save the report"), save_report, e, free)) == NULL) {
		free(e);
		return;
	}
	e->p = p;
	f = form_of(s);
	f->no_write = true;
	/* In the documents folder, named from the report and its period in
	 * the interface language: the clerk finds it there by its name. */
	if (paths_documents_dir(e->dir, sizeof e->dir) != 0)
		snprintf(e->dir, sizeof e->dir, ".");
	report_file_name(p->report, name, sizeof name);
	e->ffile = form_add_text(f, _("File"), SF_FILE, name, false);
	form_set_plain(f, e->ffile);
	snprintf(f->fields[e->ffile].hint, sizeof f->fields[0].hint, _("in %s"), e->dir);
	e->fformat = form_add_choice(f, _("Format"), SF_FORMAT, formats, sizeof formats / sizeof formats[0],
	    last_format);
	e->fencoding = form_add_choice(f, _("CSV encoding"), SF_ENCODING, encodings, 3, 0);
	f->changed = save_changed;
	save_changed(app, f, e->fformat);
	app_push(app, s);
}

/* Builds the report for p's kind, period and unit, and lays it out; on
 * failure p keeps what it showed.  0 or -1. */
static int
preview_build(struct app *app, struct preview *p)
{
	struct report *r;
	int rc;

	/* A survey round is reported with or without a plan (it signs). */
	if (!app->has_plan && p->kind != REPORT_SIPAS)
		return db_fail(app->db, "%s", _("No plan yet."));
	if (p->kind == REPORT_SIPAS)
		rc = report_build_sipas(app->db, app->has_plan ? app->plan.id : 0, p->round,
		    p->compare, &r);
	else
		rc = report_build(app->db, p->kind, app->plan.id, app->year, p->period, p->unit, &r);
	if (rc != 0)
		return -1;
	report_free(p->report);
	p->report = r;
	free(p->unit_name);
	p->unit_name = p->unit != 0 ? unit_name(app->db, p->unit) : NULL;
	p->page = p->scroll = 0;
	return preview_paginate(p);
}

/* Only the reports of tasks and targets are kept to a unit; a survey round
 * has neither unit nor period. */
static bool
takes_unit(enum report_kind k)
{
	return k == REPORT_UNITS || k == REPORT_OVERDUE || k == REPORT_PERIOD;
}

enum filter_field { FF_UNIT, FF_PERIOD };

struct filter_edit {
	struct preview *p;
	int funit, fperiod;
};

static int
save_filter(struct app *app, struct form *f, struct err *err)
{
	struct filter_edit *e = f->record;
	struct preview *p = e->p;
	int64_t unit = 0, old_unit = p->unit;
	enum period_kind old_period = p->period;

	if (e->funit >= 0 && form_unit_id(app, form_text(f, e->funit), FF_UNIT,
	    f->fields[e->funit].label, &unit, err) != 0)
		return -1;
	p->unit = unit;
	p->period = (enum period_kind)form_choice(f, e->fperiod);
	if (preview_build(app, p) != 0) {
		p->unit = old_unit;
		p->period = old_period;
		return err_db_at(err, FF_PERIOD, app->db);
	}
	return 0;
}

static void
ask_filter(struct app *app, struct preview *p)
{
	struct filter_edit *e;
	struct screen *s;
	struct form *f;

	if (p->kind == REPORT_SIPAS) {
		app_message(app, COLOR_WARN, "%s", _("A survey round's report has no filter."));
		return;
	}
	if ((e = calloc(1, sizeof *e)) == NULL ||
	    (s = form_new_filter(_("Filter the report"), save_filter, e, free)) == NULL) {
		free(e);
		return;
	}
	e->p = p;
	e->funit = -1;
	f = form_of(s);
	if (takes_unit(p->kind))
		e->funit = form_add_unit(f, _("Unit (lead or cooperating)"), FF_UNIT, p->unit_name, false);
	e->fperiod = form_add_choice(f, _("Period"), FF_PERIOD, report_period_names,
	    PERIOD_KINDS, p->period);
	app_push(app, s);
}

static void
act(struct app *app, struct screen *s, enum action a)
{
	struct preview *p = s->data;

	if (p == NULL || p->npages == 0)
		return;
	switch (a) {
	case ACT_PRINT:
		print_report(app, p);
		break;
	case ACT_EXPORT:
		ask_save(app, p);
		break;
	case ACT_FILTER:
		ask_filter(app, p);
		break;
	default:
		p->width = p->width == REPORT_WIDTH_NARROW ? REPORT_WIDTH_WIDE : REPORT_WIDTH_NARROW;
		p->page = p->scroll = p->left = 0;
		if (preview_paginate(p) != 0)
			app_message(app, COLOR_BAD, "%s", _("Out of memory."));
		break;
	}
}

static void
free_preview(struct screen *s)
{
	if (s->data != NULL)
		preview_free(s->data);
	s->data = NULL;
}

static const struct binding bindings[] = {
	{ ACT_PRINT, act, true },
	{ ACT_EXPORT, act, true },
	{ ACT_WIDTH, act, true },
	{ ACT_FILTER, act, true },
	{ ACT_BACK, screen_back, true },
	{ ACT_PAGE_UP, turn, true },
	{ ACT_PAGE_DOWN, turn, true },
	{ ACT_UP, turn, false },
	{ ACT_DOWN, turn, false },
	{ ACT_HOME, turn, false },
	{ ACT_LEFT, turn, true },
	{ ACT_RIGHT, turn, false },
	{ ACT_END, turn, false },
};

const struct screen_type report_preview_type = {
	N_("Print preview"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL,
	free_preview, NULL, NULL,
};

/* The preview of kind for unit (0: all); round: the survey round of the
 * SIPAS report, compare the round beside it (0: none).  Without a report
 * the screen shows why. */
static struct screen *
preview_new(struct app *app, const char *kind, int64_t unit, int64_t round, int64_t compare)
{
	struct screen *s = screen_new(&report_preview_type);
	struct preview *p;

	if (s == NULL)
		return NULL;
	s->offers = offers;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return s;
	p->width = REPORT_WIDTH_NARROW;
	p->period = app->period;
	p->unit = unit;
	p->round = round;
	p->compare = compare;
	if (!report_kind_parse(kind, &p->kind)) {
		db_fail(app->db, _("no report called %s"), kind);
		free(p);
		return s;
	}
	if (preview_build(app, p) != 0) {
		preview_free(p);
		return s;
	}
	s->data = p;
	app_message(app, COLOR_NORMAL, "%s",
	    _("p print · s save as PDF, Excel, text, HTML or CSV · w 80/132 columns · f filter"));
	return s;
}

struct screen *
report_screen_new(struct app *app, const char *kind, int64_t unit)
{
	return preview_new(app, kind, unit, 0, 0);
}

struct screen *
report_screen_new_round(struct app *app, const char *kind, int64_t round, int64_t compare)
{
	return preview_new(app, kind, 0, round, compare);
}
