/* The written report of the period shown (issue 17): its parts in the
 * order of the document, each with its first line.  Enter edits a part in
 * a page of text typed as every field is (Telex/VNI); c starts the edit
 * from the previous period's text; P previews the whole document. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/written.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/editor.h"
#include "core/text/i18n.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct part_row {
	enum written_part part;
	int64_t section;	/* WRITTEN_AREA's */
	char *label;		/* "II.2. Thủ tục hành chính" */
	char *text;
};

struct written_data {
	struct part_row *rows;
	int n;
};

static void
free_data(struct screen *s)
{
	struct written_data *d = s->data;

	if (d == NULL)
		return;
	for (int i = 0; i < d->n; i++) {
		free(d->rows[i].label);
		free(d->rows[i].text);
	}
	free(d->rows);
	free(d);
	s->data = NULL;
}

static int
add_row(struct app *app, struct written_data *d, enum written_part p, int64_t section,
    const char *label)
{
	struct part_row *r = &d->rows[d->n];

	r->part = p;
	r->section = section;
	r->label = strdup(label);
	r->text = written_text(app->db, app->plan.id, app->year, app->period, p, section);
	d->n++;
	return r->label != NULL && r->text != NULL ? 0 : -1;
}

/* The parts as the document has them (report.c, build_written). */
static int
load(struct app *app, struct screen *s)
{
	static const enum written_part after[] = {
		WRITTEN_STRENGTHS, WRITTEN_WEAKNESSES, WRITTEN_CAUSES, WRITTEN_NEXT, WRITTEN_PROPOSALS,
	};
	static const char *const numbers[] = { "III.1.", "III.2.", "III.3.", "IV.", "V." };
	struct written_data *d = calloc(1, sizeof *d);
	char label[512];
	int rc = 0, area = 0;

	free_data(s);
	if (d == NULL || (d->rows = calloc(app->nsections + 6, sizeof *d->rows)) == NULL) {
		free(d);
		return -1;
	}
	s->data = d;
	snprintf(label, sizeof label, "I. %s", written_part_label(WRITTEN_DIRECTION));
	rc |= add_row(app, d, WRITTEN_DIRECTION, 0, label);
	for (int i = 0; i < app->nsections && rc == 0; i++) {
		if (strcmp(app->sections[i].code, WRITTEN_DIRECTION_SECTION) == 0)
			continue;
		/* The short title: the list's column is narrow. */
		snprintf(label, sizeof label, "II.%d. %s", ++area, *app->sections[i].short_title ?
		    app->sections[i].short_title : app->sections[i].title);
		rc |= add_row(app, d, WRITTEN_AREA, app->sections[i].id, label);
	}
	for (size_t i = 0; i < sizeof after / sizeof after[0] && rc == 0; i++) {
		snprintf(label, sizeof label, "%s %s", numbers[i], written_part_label(after[i]));
		rc |= add_row(app, d, after[i], 0, label);
	}
	if (rc != 0) {
		app_fail_db(app);
		return -1;
	}
	list_fit(&s->list, d->n);
	return 0;
}

#define W_LABEL 38

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct written_data *d = s->data;
	char line[128], period[64];

	report_period_label(app->year, app->period, period, sizeof period);
	snprintf(line, sizeof line, _("Written report, %s"), period);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_cell(y + 1, 1, _("Part"), W_LABEL, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 1 + W_LABEL, _("Text (first line)"), cols - 1 - W_LABEL,
	    A_BOLD | A_UNDERLINE);
	if (d == NULL)
		return;
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < d->n; r++) {
		int i = s->list.top + r;
		const struct part_row *p = &d->rows[i];
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		size_t len = strcspn(p->text, "\n");
		char *first = strndup(p->text, len);

		draw_cell(y + 2 + r, 1, p->label, W_LABEL, a);
		draw_text(y + 2 + r, 1 + W_LABEL, first != NULL ? first : "", cols - 1 - W_LABEL, a);
		free(first);
	}
}

/* The part a form edits. */
struct part_edit {
	enum written_part part;
	int64_t section;
	int year;
	enum period_kind period;
};

static int
save_part(struct app *app, struct form *f, struct err *err)
{
	struct part_edit *e = f->record;

	if (written_save(app->db, app->plan.id, e->year, e->period, e->part, e->section,
	    form_text(f, 0), NULL) != 0)
		return err_db(err, app->db);
	return 0;
}

/* The form of row p, its text replaced by with when given (the previous
 * period's: a change to save or discard). */
static void
edit(struct app *app, const struct part_row *p, const char *with)
{
	struct part_edit *e = malloc(sizeof *e);
	struct screen *f;
	char title[640], period[64];
	int field;

	if (e == NULL)
		return;
	*e = (struct part_edit){ p->part, p->section, app->year, app->period };
	report_period_label(app->year, app->period, period, sizeof period);
	snprintf(title, sizeof title, "%s · %s", p->label, period);
	if ((f = form_new(title, save_part, e, free)) == NULL)
		return;
	field = form_add_text(form_of(f), _("Text"), 0, p->text, true);
	form_set_page(form_of(f), field);
	if (with != NULL && field >= 0) {
		struct editor *ed = form_of(f)->fields[field].ed;

		editor_replace(ed, 0, editor_length(ed), with);
	}
	app_push(app, f);
}

static void
open_part(struct app *app, struct screen *s, enum action a)
{
	struct written_data *d = s->data;

	if (d != NULL && d->n > 0)
		edit(app, &d->rows[s->list.selected], NULL);
}

static void
copy_previous(struct app *app, struct screen *s, enum action a)
{
	struct written_data *d = s->data;
	const struct part_row *p;
	enum period_kind pk;
	char *text, period[64];
	bool saved = false;
	int py;

	if (d == NULL || d->n == 0)
		return;
	p = &d->rows[s->list.selected];
	written_previous(app->year, app->period, &py, &pk);
	report_period_label(py, pk, period, sizeof period);
	if ((text = written_load(app->db, app->plan.id, py, pk, p->part, p->section, &saved)) == NULL) {
		app_fail_db(app);
		return;
	}
	if (!saved || *text == '\0')
		app_message(app, COLOR_WARN, _("Nothing written for this part in %s."), period);
	else
		edit(app, p, text);
	free(text);
}

static void
preview(struct app *app, struct screen *s, enum action a)
{
	app_push(app, report_screen_new(app, "written", 0));
}

static const char *
row_text(struct screen *s, int i)
{
	struct written_data *d = s->data;

	return d->rows[i].label;
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_part, true },
	{ ACT_COPY_PREVIOUS, copy_previous, true },
	{ ACT_REPORT, preview, true },
	LIST_BINDINGS(false),
};

const struct screen_type written_type = {
	N_("Written report"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_data,
	NULL, row_text,
};

struct screen *
written_new(struct app *app)
{
	struct screen *s = screen_new(&written_type);

	if (s != NULL && load(app, s) != 0) {
		screen_free(s);
		return NULL;
	}
	return s;
}
