/* Update sheets from the units screen (issue 18): x writes every unit's
 * sheet for the period shown into the documents folder; i asks for a
 * file or a folder of answers and shows what they change, task by task,
 * a conflict side by side with the clerk's pick; F2 writes. */
#include "ui/app.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/io/sheet.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

void
sheets_export(struct app *app)
{
	char dir[4096];
	int n;

	if (!app->has_plan) {
		app_message(app, COLOR_BAD, "%s", _("No plan yet."));
		return;
	}
	if (!app_may_write(app))
		return;
	if (paths_documents_dir(dir, sizeof dir) != 0) {
		app_message(app, COLOR_BAD, "%s", _("the documents folder's path is too long"));
		return;
	}
	if ((n = sheet_export(app->db, app->plan.id, app->year, app->period, 0, dir, NULL,
	    NULL)) < 0) {
		app_fail_db(app);
		return;
	}
	app_message(app, COLOR_GOOD, ngettext("Wrote %d sheet into %s.",
	    "Wrote %d sheets into %s.", n), n, dir);
}

/* ---- the answers' preview ---------------------------------------------- */

struct answers_view {
	struct sheet_answers a;
};

static void
view_free(struct screen *s)
{
	struct answers_view *v = s->data;

	if (v != NULL)
		sheet_answers_free(&v->a);
	free(v);
	s->data = NULL;
}

static const char *
take_label(const struct sheet_item *it)
{
	if (it->state != SHEET_CONFLICT)
		return "";
	return it->take == 1 ? _("[sheet]") : it->take == 2 ? _("[cchc]") : _("[pick]");
}

static void
view_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct answers_view *v = s->data;
	int list_rows, detail, yy;
	char line[512];

	(void)app;
	snprintf(line, sizeof line, _("Answers: %d tasks to change; %d cells or files not read"), v->a.nitems,
	    v->a.nproblems);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	/* The problems, then the tasks; the selected task's fields below. */
	yy = y + 1;
	for (int i = 0; i < v->a.nproblems && i < 3 && yy < y + rows; i++)
		draw_text(yy++, 1, v->a.problems[i], cols - 1, draw_attr(COLOR_BAD));
	detail = rows - (yy - y) > 10 ? 6 : 0;
	list_rows = rows - (yy - y) - detail;
	list_scroll(&s->list, list_rows);
	for (int r = 0; r < list_rows && s->list.top + r < s->nrows; r++) {
		const struct sheet_item *it = &v->a.items[s->list.top + r];
		attr_t a = s->list.top + r == s->list.selected ? A_REVERSE : A_NORMAL;

		if (it->state == SHEET_CONFLICT)
			a |= draw_attr(COLOR_WARN);
		snprintf(line, sizeof line, "%s %s · %s %s", take_label(it), it->unit, it->tt,
		    it->description);
		draw_cell(yy + r, 1, line, cols - 2, a);
	}
	if (detail == 0 || s->nrows == 0)
		return;
	yy += list_rows;
	{
		const struct sheet_item *it = &v->a.items[s->list.selected];

		draw_text(yy++, 1, it->state == SHEET_CONFLICT ?
		    _("Conflict: changed in cchc since the sheet was made. h: take the sheet's, "
		    "c: keep cchc's") : _("before → after"), cols - 1, A_BOLD);
		for (int i = 0; i < it->nchanges && i < detail - 1; i++) {
			const struct sheet_change *c = &it->changes[i];

			if (it->state == SHEET_CONFLICT)
				snprintf(line, sizeof line, _("%s: cchc \"%s\" | sheet \"%s\""),
				    c->heading, c->before, c->after);
			else
				snprintf(line, sizeof line, "%s: %s → %s", c->heading,
				    c->before, c->after);
			draw_text(yy++, 1, line, cols - 1, A_NORMAL);
		}
	}
}

static void
take(struct app *app, struct screen *s, enum action a)
{
	struct answers_view *v = s->data;
	struct sheet_item *it;

	if (s->nrows == 0)
		return;
	it = &v->a.items[s->list.selected];
	if (it->state != SHEET_CONFLICT) {
		app_message(app, COLOR_NORMAL, "%s", _("Not a conflict: the sheet's values are taken."));
		return;
	}
	it->take = a == ACT_TAKE_SHEET ? 1 : 2;
}

static void
apply(struct app *app, struct screen *s, enum action a)
{
	struct answers_view *v = s->data;
	int n, open = 0;

	(void)a;
	if (!app_may_write(app))
		return;
	for (int i = 0; i < v->a.nitems; i++)
		open += v->a.items[i].state == SHEET_CONFLICT && v->a.items[i].take == 0;
	if ((n = sheet_answers_apply(app->db, &v->a)) < 0) {
		app_fail_db(app);
		return;
	}
	app_pop(app);
	if (app->top != NULL && app->top->type->load != NULL)
		app->top->type->load(app, app->top);
	if (open > 0)
		app_message(app, COLOR_WARN,
		    _("%d tasks and results updated; %d conflicts left as they were."), n, open);
	else
		app_message(app, COLOR_GOOD, ngettext("%d task or result updated.",
		    "%d tasks and results updated.", n), n);
}

static const char *
view_row_text(struct screen *s, int i)
{
	struct answers_view *v = s->data;

	return v->a.items[i].description;
}

static const struct binding view_bindings[] = {
	{ ACT_SAVE, apply, true },
	{ ACT_TAKE_SHEET, take, true },
	{ ACT_TAKE_CCHC, take, true },
	LIST_BINDINGS(false),
};

const struct screen_type sheet_answers_type = {
	N_("Update sheets: answers"), view_bindings, sizeof view_bindings / sizeof view_bindings[0],
	view_draw, NULL, view_free, NULL, view_row_text,
};

static bool
answer_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && (strcasecmp(name + n - 5, ".xlsx") == 0 ||
	    strcasecmp(name + n - 4, ".csv") == 0);
}

/* Reads path, or every .xlsx and .csv in it when it is a folder. */
static int
read_answers(struct app *app, const char *path, struct sheet_answers *a)
{
	struct stat st;
	struct dirent **names;
	int n, rc = 0;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return sheet_answers_read(app->db, path, a);
	if ((n = scandir(path, &names, NULL, alphasort)) < 0)
		return db_fail(app->db, _("cannot read the folder %s"), path);
	for (int i = 0; i < n; i++) {
		char file[4096];

		if (rc == 0 && answer_file(names[i]->d_name) &&
		    paths_join(file, sizeof file, path, names[i]->d_name) == 0)
			rc = sheet_answers_read(app->db, file, a);
		free(names[i]);
	}
	free(names);
	return rc;
}

enum { SF_PATH };

static int
read_form(struct app *app, struct form *f, struct err *err)
{
	struct screen *s;
	struct answers_view *v;
	const char *path = form_text(f, SF_PATH);

	if (*path == '\0')
		return err_set(err, SF_PATH, "%s", _("Write the path of a sheet or a folder"));
	if ((s = screen_new_data(&sheet_answers_type, sizeof *v)) == NULL)
		return err_set(err, -1, "%s", _("Out of memory"));
	v = s->data;
	if (read_answers(app, path, &v->a) != 0) {
		screen_free(s);
		return err_db_at(err, SF_PATH, app->db);
	}
	screen_view(s, v->a.nitems, NULL, NULL);
	form_hand_over(app, s);
	return 0;
}

struct screen *
sheets_import_new(struct app *app)
{
	char dir[4096];
	struct screen *s;
	struct form *f;

	(void)app;
	if ((s = form_new(_("Update sheets: read the answers"), read_form, NULL, NULL)) == NULL)
		return NULL;
	f = form_of(s);
	if (paths_documents_dir(dir, sizeof dir) != 0)
		dir[0] = '\0';
	if (form_add_text(f, _("File or folder"), SF_PATH, dir, false) < 0) {
		screen_free(s);
		return NULL;
	}
	/* A path, not Vietnamese: Telex would change its letters. */
	form_set_plain(f, form_field_of(f, SF_PATH));
	return s;
}
