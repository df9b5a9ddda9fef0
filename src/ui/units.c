/* The units of the office, with their other spellings; added, renamed and
 * deleted here (a unit still in use cannot be deleted). */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/trash.h"
#include "core/unit.h"
#include "core/validate.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

/* The list's rows: the units and, per unit, its aliases. */
struct units_data {
	struct unit *units;
	char **aliases;
	int n;
};

static void
free_data(struct screen *s)
{
	struct units_data *d = s->data;

	if (d == NULL)
		return;
	for (int i = 0; i < d->n; i++)
		free(d->aliases[i]);
	free(d->aliases);
	units_free(d->units, d->n);
	free(d);
	s->data = NULL;
}

static int
load(struct app *app, struct screen *s)
{
	struct units_data *d = calloc(1, sizeof *d);

	free_data(s);
	if (d == NULL)
		return -1;
	s->data = d;
	if (unit_list(app->db, &d->units, &d->n) != 0 ||
	    (d->aliases = calloc(d->n ? d->n : 1, sizeof *d->aliases)) == NULL) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return -1;
	}
	for (int i = 0; i < d->n; i++)
		d->aliases[i] = unit_aliases(app->db, d->units[i].id);
	s->list.count = d->n;
	if (s->list.selected >= d->n)
		s->list.selected = d->n ? d->n - 1 : 0;
	return 0;
}

#define W_SHORT 18

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct units_data *d = s->data;
	int name_w = (cols - W_SHORT - 4) / 2, alias_w = cols - name_w - W_SHORT - 3;
	char line[128];

	snprintf(line, sizeof line, _("Units of the office (%d)"), d ? d->n : 0);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_text(y + 1, 1, _("Name"), name_w + 1, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 2 + name_w, _("Short name"), W_SHORT + 1, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 3 + name_w + W_SHORT, _("Other spellings"), alias_w, A_BOLD | A_UNDERLINE);
	if (d == NULL)
		return;
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < d->n; r++) {
		int i = s->list.top + r;
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;

		draw_cell(y + 2 + r, 1, d->units[i].name, name_w + 1, a);
		draw_cell(y + 2 + r, 2 + name_w, d->units[i].short_name, W_SHORT + 1, a);
		draw_text(y + 2 + r, 3 + name_w + W_SHORT, d->aliases[i] ? d->aliases[i] : "", alias_w, a);
	}
}

/* The unit form. */
struct unit_edit {
	struct unit unit;	/* id only; the strings belong to the list */
	int fname, fshort, faliases;
};

static int
save_unit(struct app *app, struct form *f, struct field_error *err)
{
	struct unit_edit *e = f->record;
	struct unit u = e->unit;

	u.name = (char *)form_text(f, e->fname);
	u.short_name = (char *)form_text(f, e->fshort);
	return unit_save(app->db, &u, form_text(f, e->faliases), err);
}

static struct screen *
unit_form_new(const struct unit *u, const char *aliases)
{
	struct unit_edit *e = calloc(1, sizeof *e);
	struct screen *s;
	struct form *f;

	if (e == NULL)
		return NULL;
	if (u != NULL)
		e->unit.id = u->id;
	if ((s = form_new(u ? _("Edit the unit") : _("New unit"), save_unit, e, free)) == NULL)
		return NULL;
	f = form_of(s);
	e->fname = form_add_text(f, _("Name"), UF_NAME, u ? u->name : NULL, false);
	e->fshort = form_add_text(f, _("Short name"), UF_SHORT_NAME, u ? u->short_name : NULL, false);
	e->faliases = form_add_text(f, _("Other spellings (;)"), UF_ALIASES, aliases, true);
	return s;
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, unit_form_new(NULL, NULL));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	struct units_data *d = s->data;

	if (d != NULL && d->n > 0)
		app_push(app, unit_form_new(&d->units[s->list.selected], d->aliases[s->list.selected]));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct units_data *d = s->data;
	struct field_error err = { -1, "" };
	struct trash *undo;

	if (unit_delete(app->db, d->units[s->list.selected].id, &undo, &err) != 0) {
		app_message(app, COLOR_BAD, "%s", err.message[0] ? err.message : db_error(app->db));
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Unit deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	struct units_data *d = s->data;

	if (d != NULL && d->n > 0)
		app_confirm(app, _("Delete this unit? y: delete, other key: keep"), delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	struct units_data *d = s->data;

	return d->units[i].name;
}

static void
preview(struct app *app, struct screen *s, enum action a)
{
	app_push(app, report_screen_new(app, "units"));
}

static const struct binding bindings[] = {
	{ ACT_ADD, add, true },
	{ ACT_EDIT, edit, true },
	{ ACT_OPEN, edit, false },
	{ ACT_DELETE, delete, true },
	{ ACT_REPORT, preview, true },
	LIST_BINDINGS(false),
};

static const struct screen_type units = {
	N_("Units"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_data, NULL, row_text,
};

struct screen *
units_new(struct app *app)
{
	struct screen *s = screen_new(&units);

	if (s != NULL)
		load(app, s);
	return s;
}
