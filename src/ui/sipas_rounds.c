/* SIPAS: the survey rounds, latest first, with their dates, what they
 * cover and how many forms are typed; from a round its fast entry, its
 * forms, its results, and its form (ui/sipas.h lists the screens). */
#include "ui/app.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "ui/screen.h"
#include "ui/screens.h"
#include "ui/sipas.h"

struct rounds_data {
	struct sipas_round *rounds;
	int n;
};

static void
rounds_free(struct screen *s)
{
	struct rounds_data *d = s->data;

	if (d != NULL)
		sipas_rounds_free(d->rounds, d->n);
	free(d);
	s->data = NULL;
}

static int
rounds_load(struct app *app, struct screen *s)
{
	struct rounds_data *d = calloc(1, sizeof *d);

	rounds_free(s);
	if (d == NULL)
		return -1;
	s->data = d;
	if (sipas_round_list(app->db, &d->rounds, &d->n) != 0) {
		app_fail_db(app);
		return -1;
	}
	list_fit(&s->list, d->n);
	return 0;
}

#define W_DATES 23
#define W_FORMS 7

static void
rounds_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct rounds_data *d = s->data;
	int name_w = (cols - W_DATES - W_FORMS - 3) / 2, cover_w = cols - 3 - name_w - W_DATES - W_FORMS;
	char line[160];

	snprintf(line, sizeof line, _("Satisfaction survey rounds (%d)"), d ? d->n : 0);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_text(y + 1, 1, _("Enter: type the forms   f: see and correct them   r: results   "
	    "a: new round"), cols - 1, draw_attr(COLOR_WARN));
	draw_cell(y + 2, 1, _("Round"), name_w + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 2, 2 + name_w, _("Days"), W_DATES + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 2, 3 + name_w + W_DATES, _("Covers"), cover_w + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 2, cols - W_FORMS - 1, _("Forms"), W_FORMS, A_BOLD | A_UNDERLINE);
	if (d == NULL)
		return;
	list_scroll(&s->list, rows - 3);
	for (int r = 0; r < rows - 3 && s->list.top + r < d->n; r++) {
		const struct sipas_round *rd = &d->rounds[s->list.top + r];
		attr_t a = s->list.top + r == s->list.selected ? A_REVERSE : A_NORMAL;
		char from[11], to[11], days[32], cover[512], forms[16];

		date_iso_to_vn(rd->date_from, from);
		date_iso_to_vn(rd->date_to, to);
		snprintf(days, sizeof days, "%s%s%s", from, from[0] || to[0] ? " – " : "", to);
		snprintf(cover, sizeof cover, "%s%s%s", rd->service,
		    rd->service[0] && rd->unit[0] ? "; " : "", rd->unit);
		snprintf(forms, sizeof forms, "%d", rd->forms);
		draw_cell(y + 3 + r, 1, rd->name, name_w + 1, a);
		draw_cell(y + 3 + r, 2 + name_w, days, W_DATES + 1, a);
		draw_cell(y + 3 + r, 3 + name_w + W_DATES, cover, cover_w + 1, a);
		draw_text_right(y + 3 + r, cols - W_FORMS - 1, forms, W_FORMS, a);
	}
}

static const struct sipas_round *
selected_round(struct screen *s)
{
	struct rounds_data *d = s->data;

	return d != NULL && d->n > 0 ? &d->rounds[s->list.selected] : NULL;
}

static void
add_round(struct app *app, struct screen *s, enum action a)
{
	struct screen *f = sipas_round_form_new(app, NULL);

	if (f != NULL)
		app_push(app, f);
}

static void
edit_round(struct app *app, struct screen *s, enum action a)
{
	struct screen *f;

	if (selected_round(s) != NULL && (f = sipas_round_form_new(app, selected_round(s))) != NULL)
		app_push(app, f);
}

static void
open_entry(struct app *app, struct screen *s, enum action a)
{
	struct screen *e;

	if (selected_round(s) == NULL) {
		app_message(app, COLOR_WARN, "%s", _("No survey round yet: a adds one."));
		return;
	}
	if (app_may_write(app) && (e = sipas_entry_new(app, selected_round(s), NULL)) != NULL)
		app_push(app, e);
}

static void
open_forms(struct app *app, struct screen *s, enum action a)
{
	struct screen *f;

	if (selected_round(s) != NULL && (f = sipas_forms_new(app, selected_round(s))) != NULL)
		app_push(app, f);
}

/* Results beside the round before it with the same questionnaire (the
 * list is latest first). */
static void
open_results(struct app *app, struct screen *s, enum action a)
{
	struct rounds_data *d = s->data;
	const struct sipas_round *r = selected_round(s);
	int64_t compare = 0;
	struct screen *res;

	if (r == NULL)
		return;
	for (int i = s->list.selected + 1; i < d->n && compare == 0; i++)
		if (d->rounds[i].questionnaire_id == r->questionnaire_id)
			compare = d->rounds[i].id;
	if ((res = sipas_results_new(app, r->id, compare)) != NULL)
		app_push(app, res);
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	if (sipas_round_delete(app->db, selected_round(s)->id) != 0) {
		app_fail_db(app);
		return;
	}
	rounds_load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Survey round deleted."));
}

static void
delete_round(struct app *app, struct screen *s, enum action a)
{
	const struct sipas_round *r = selected_round(s);
	char q[256];

	if (r == NULL)
		return;
	snprintf(q, sizeof q, _("Delete this round and its %d forms? y: delete, other key: keep"),
	    r->forms);
	app_confirm(app, q, delete_confirmed);
}

static const char *
round_text(struct screen *s, int i)
{
	struct rounds_data *d = s->data;

	return d->rounds[i].name;
}

static const struct binding rounds_bindings[] = {
	{ ACT_OPEN, open_entry, true },
	{ ACT_FORMS, open_forms, true },
	{ ACT_RESULT, open_results, true },
	{ ACT_ADD, add_round, true },
	{ ACT_EDIT, edit_round, true },
	{ ACT_DELETE, delete_round, true },
	{ ACT_SEARCH, screen_search, false },
	{ ACT_NEXT_MATCH, screen_next_match, false },
	{ ACT_BACK, screen_back, true },
	LIST_MOVE_BINDINGS(false),
};

const struct screen_type rounds_type = {
	N_("Satisfaction surveys (SIPAS)"), rounds_bindings,
	sizeof rounds_bindings / sizeof rounds_bindings[0], rounds_draw, rounds_load, rounds_free,
	NULL, round_text,
};

struct screen *
sipas_new(struct app *app)
{
	return screen_open(app, &rounds_type);
}
