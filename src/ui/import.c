/* Importing a task appendix or a list of targets into the plan shown.
 *
 * Three steps, nothing written before the last: a form asks for the file
 * (none: the rows are pasted on a screen of their own, paste.h) and what it
 * holds; a preview then shows what the file gives, the
 * warnings and errors by line first, then section by section the tasks
 * with their units, products and parsed deadlines (or the targets with the
 * rule read from their text); Enter or F2 imports, Esc leaves with nothing
 * written.  Tasks kept for review (appendix.h) are listed first, with why
 * and their cells as read; on one of them (or on any task) e fixes its TT
 * and text, U merges it into the task above, x leaves it out.  When unit
 * names match no unit, Enter first opens a form with
 * one field per name: a unit it means (it becomes that unit's spelling),
 * or empty to create a unit of that name.  The import itself is one
 * transaction (appendix_write, target_import_write).
 *
 * The form closes itself once its save callback succeeds and shows the
 * screen below it, so the preview is slipped in under the form there; the
 * same way the preview leaves with the unit form once the import is
 * written. */
#include "ui/app.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/appendix.h"
#include "core/plan/appendix_preview.h"
#include "core/plan/target_import.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/form.h"
#include "ui/paste.h"
#include "ui/screen.h"
#include "ui/screens.h"

enum kind { KIND_APPENDIX, KIND_TARGETS };

static const char *const kinds[] = { N_("Task appendix"), N_("Targets (section, text)") };

struct preview {
	enum kind kind;
	int64_t plan;
	struct appendix a;
	struct target_import ti;
	const struct import_log *log;
	struct preview_lines lines;
	bool told;		/* the status line says what to do */
	bool oom;
};

/* ---- the preview's lines --------------------------------------------- */

static void
build_appendix(struct preview *p, struct app *app)
{
	if (appendix_preview(app->db, &p->a, &p->lines) != 0)
		p->oom = true;
}

/* The column of a target's rule ("> 99%", "rank ≤ 35"). */
#define PLAN_COLS 10

/* Pads s with spaces to cols display columns. */
static void
pad(char *s, size_t size, int cols)
{
	size_t len = strlen(s);

	for (int w = text_width(s); w < cols && len + 1 < size; w++)
		s[len++] = ' ';
	s[len] = '\0';
}

static void
build_targets(struct preview *p, struct app *app)
{
	const struct target_import *ti = &p->ti;
	char count[48];
	int rc = 0;

	snprintf(count, sizeof count, ngettext("%d target", "%d targets", ti->nrows), ti->nrows);
	rc |= preview_add(&p->lines, 0, PREVIEW_HEADING, -1, "%s: %s", encoding_name(ti->encoding),
	    count);
	rc |= preview_add(&p->lines, 0, PREVIEW_NORMAL, -1, "%s", "");
	if (ti->log.n > 0) {
		rc |= preview_log(&p->lines, &ti->log);
		rc |= preview_add(&p->lines, 0, PREVIEW_NORMAL, -1, "%s", "");
	}
	for (int s = 0; s < app->nsections; s++) {
		bool head = false;

		for (int i = 0; i < ti->nrows; i++) {
			const struct target_import_row *r = &ti->rows[i];
			struct target t = { .rule = r->rule };
			char plan[64];

			if (r->section_id != app->sections[s].id)
				continue;
			if (!head)
				rc |= preview_add(&p->lines, 0, PREVIEW_HEADING, -1, "%s",
				    app->sections[s].title);
			head = true;
			report_target_planned(&t, plan, sizeof plan);
			pad(plan, sizeof plan, PLAN_COLS);
			rc |= preview_add(&p->lines, 2, PREVIEW_NORMAL, -1, "%s %s", plan, r->text);
		}
	}
	if (rc != 0)
		p->oom = true;
}

/* ---- the preview screen ------------------------------------------------- */

static void
preview_free(struct screen *s)
{
	struct preview *p = s->data;

	if (p == NULL)
		return;
	preview_lines_free(&p->lines);
	appendix_free(&p->a);
	target_import_free(&p->ti);
	free(p);
	s->data = NULL;
}

static attr_t
style_attr(enum preview_style style)
{
	switch (style) {
	case PREVIEW_HEADING:
		return A_BOLD;
	case PREVIEW_DIM:
		return A_DIM;
	case PREVIEW_WARN:
		return draw_attr(COLOR_WARN);
	case PREVIEW_BAD:
		return draw_attr(COLOR_BAD);
	default:
		return A_NORMAL;
	}
}

static void
preview_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct preview *p = s->data;

	if (!p->told) {
		/* Shown once, over what the closing form said. */
		p->told = true;
		if (p->log->nerrors > 0)
			app_message(app, COLOR_BAD, ngettext("%d line cannot be taken: correct the "
			    "file. Esc: back", "%d lines cannot be taken: correct the file. Esc: back",
			    p->log->nerrors), p->log->nerrors);
		else
			app_message(app, COLOR_WARN, "%s", _("Nothing is written yet. Enter or F2: "
			    "import, Esc: cancel"));
	}
	s->list.count = p->lines.n;
	list_scroll(&s->list, rows);
	for (int r = 0; r < rows && s->list.top + r < p->lines.n; r++) {
		int i = s->list.top + r;
		const struct preview_line *row = &p->lines.lines[i];
		attr_t a = style_attr(row->style) | (i == s->list.selected ? A_REVERSE : 0);

		draw_text(y + r, 0, "", row->indent + 1, a);
		draw_text(y + r, 1 + row->indent, row->text, cols - 1 - row->indent, a);
	}
}

static struct screen *unknown_form_new(struct app *app, struct screen *preview);

/* Writes what the preview shows; true when it did. */
static bool
write_preview(struct app *app, struct preview *p, bool create_units)
{
	int rc = p->kind == KIND_APPENDIX ? appendix_write(app->db, &p->a, p->plan, create_units,
	    false) :
	    target_import_write(app->db, &p->ti, p->plan, false);

	if (rc != 0) {
		app_fail_db(app);
		return false;
	}
	return true;
}

static void
confirm(struct app *app, struct screen *s, enum action a)
{
	struct preview *p = s->data;
	bool tasks = p->kind == KIND_APPENDIX;
	int n = tasks ? p->a.ntasks : p->ti.nrows;

	if (p->log->nerrors > 0) {
		app_message(app, COLOR_BAD, ngettext("%d line cannot be taken: nothing to import",
		    "%d lines cannot be taken: nothing to import", p->log->nerrors), p->log->nerrors);
		return;
	}
	if (!app_may_write(app))
		return;
	if (p->kind == KIND_APPENDIX && p->a.nunknowns > 0) {
		app_push(app, unknown_form_new(app, s));
		return;
	}
	if (!write_preview(app, p, false))
		return;
	app_pop(app);		/* p is gone */
	app_message(app, COLOR_GOOD, tasks ? ngettext("Imported %d task.", "Imported %d tasks.", n) :
	    ngettext("Imported %d target.", "Imported %d targets.", n), n);
}

/* The preview's lines again, after a fix. */
static void
rebuild(struct app *app, struct preview *p)
{
	preview_lines_free(&p->lines);
	build_appendix(p, app);
}

/* The task of the selected line, or -1 (with a message). */
static int
selected_task(struct app *app, struct screen *s)
{
	struct preview *p = s->data;
	int i = s->list.selected;

	if (p->kind != KIND_APPENDIX || i < 0 || i >= p->lines.n || p->lines.lines[i].task < 0) {
		app_message(app, COLOR_WARN, "%s", _("Move to a task's line first"));
		return -1;
	}
	return p->lines.lines[i].task;
}

/* The selected task left out (ACT_SKIP) or merged into the task above. */
static void
change_task(struct app *app, struct screen *s, enum action a)
{
	struct preview *p = s->data;
	int i = selected_task(app, s), line;

	if (i < 0)
		return;
	line = p->a.tasks[i].line;
	if (a == ACT_SKIP) {
		appendix_skip(&p->a, i);
	} else if (appendix_merge_up(&p->a, i) != 0) {
		app_message(app, COLOR_BAD, "%s", _("No task above it in its section to merge into"));
		return;
	}
	rebuild(app, p);
	app_message(app, COLOR_NORMAL, a == ACT_SKIP ? _("The task of line %d is left out.") :
	    _("The task of line %d is merged into the task above."), line);
}

/* The fix form's record. */
struct fix {
	struct screen *preview;
	int task;
};

enum { FX_TT, FX_TEXT };

static int
save_fix(struct app *app, struct form *f, struct err *err)
{
	struct fix *x = f->record;
	struct preview *p = x->preview->data;

	if (appendix_fix(&p->a, x->task, form_text(f, FX_TT), form_text(f, FX_TEXT), err) != 0) {
		err->field = FX_TEXT;
		return -1;
	}
	rebuild(app, p);
	return 0;
}

static void
fix_row(struct app *app, struct screen *s, enum action a)
{
	struct preview *p = s->data;
	int i = selected_task(app, s);
	const struct appendix_task *t;
	struct fix *x;
	struct screen *fs;
	struct form *f;

	if (i < 0 || (x = calloc(1, sizeof *x)) == NULL)
		return;
	t = &p->a.tasks[i];
	x->preview = s;
	x->task = i;
	if ((fs = form_new(_("Fix the row"), save_fix, x, free)) == NULL)
		return;
	f = form_of(fs);
	form_add_text(f, _("No."), FX_TT, t->tt, false);
	form_add_text(f, _("Task"), FX_TEXT, t->no_text ? "" : t->description, true);
	app_push(app, fs);
}

static void
cancel(struct app *app, struct screen *s, enum action a)
{
	app_pop(app);
	app_message(app, COLOR_NORMAL, "%s", _("Nothing was imported."));
}

static const struct binding preview_bindings[] = {
	{ ACT_SAVE, confirm, true },
	{ ACT_OPEN, confirm, false },
	{ ACT_CANCEL, cancel, true },
	{ ACT_EDIT, fix_row, true },
	{ ACT_MERGE_UP, change_task, true },
	{ ACT_SKIP, change_task, true },
	LIST_MOVE_BINDINGS(true),
};

const struct screen_type preview_type = {
	N_("Import: preview"), preview_bindings, sizeof preview_bindings / sizeof preview_bindings[0],
	preview_draw, NULL, preview_free, NULL, NULL,
};

/* ---- unknown units ------------------------------------------------------ */

/* The unit form's record: the preview it answers for. */
struct unknowns {
	struct screen *preview;
};

static int
save_unknowns(struct app *app, struct form *f, struct err *err)
{
	struct unknowns *u = f->record;
	struct preview *p = u->preview->data;
	struct screen *form = app->top;

	for (int i = 0; i < p->a.nunknowns; i++) {
		const char *label = p->a.unknowns[i].name;

		if (form_unit_id(app, form_text(f, i), i, label, &p->a.unknowns[i].map_to, err) != 0)
			return -1;
	}
	if (!write_preview(app, p, true))
		return err_db(err, app->db);
	/* The form closes when this returns: the preview goes with it. */
	form->below = u->preview->below;
	screen_free(u->preview);
	return 0;
}

static struct screen *
unknown_form_new(struct app *app, struct screen *preview)
{
	struct preview *p = preview->data;
	struct unknowns *u = calloc(1, sizeof *u);
	struct screen *s;
	struct form *f;

	if (u == NULL)
		return NULL;
	u->preview = preview;
	s = form_new(_("Units not known: the unit each name is (empty: create it)"),
	    save_unknowns, u, free);
	if (s == NULL)
		return NULL;
	f = form_of(s);
	for (int i = 0; i < p->a.nunknowns; i++)
		if (form_add_unit(f, p->a.unknowns[i].name, i, NULL, false) < 0) {
			screen_free(s);
			return NULL;
		}
	return s;
}

/* ---- the file form ------------------------------------------------------ */

enum { FF_FILE, FF_KIND };

/* path with a leading "~/" made the home folder.  Newly allocated. */
static char *
expand(const char *path)
{
	const char *home = getenv("HOME");
	char *out;

	if (strncmp(path, "~/", 2) != 0 || home == NULL)
		return strdup(path);
	if ((out = malloc(strlen(home) + strlen(path))) != NULL)
		sprintf(out, "%s%s", home, path + 1);
	return out;
}

/* Reads the file at path, or when path is NULL the len bytes of data. */
static int
parse(struct app *app, struct preview *p, const char *path, const char *data, size_t len)
{
	int rc;

	if (p->kind == KIND_APPENDIX) {
		p->log = &p->a.log;
		rc = path != NULL ? appendix_parse_file(app->db, path, app->plan.year_from,
		    app->plan.year_to, &p->a) :
		    appendix_parse(app->db, data, len, app->plan.year_from, app->plan.year_to, &p->a);
		if (rc != 0)
			return -1;
		build_appendix(p, app);
	} else {
		p->log = &p->ti.log;
		rc = path != NULL ? target_import_parse_file(app->db, path, &p->ti) :
		    target_import_parse(app->db, data, len, &p->ti);
		if (rc != 0)
			return -1;
		build_targets(p, app);
	}
	return p->oom ? db_fail(app->db, "%s", _("Out of memory")) : 0;
}

/* The preview of kind for the plan shown, read from path or data; NULL
 * with the database's message (err_db). */
static struct screen *
preview_new(struct app *app, enum kind kind, const char *path, const char *data, size_t len)
{
	struct preview *p = calloc(1, sizeof *p);
	struct screen *s = NULL;

	if (p == NULL) {
		db_fail(app->db, "%s", _("Out of memory"));
		return NULL;
	}
	p->kind = kind;
	p->plan = app->plan.id;
	if (parse(app, p, path, data, len) == 0 && (s = screen_new(&preview_type)) == NULL)
		db_fail(app->db, "%s", _("Out of memory"));
	if (s == NULL) {
		appendix_free(&p->a);
		target_import_free(&p->ti);
		preview_lines_free(&p->lines);
		free(p);
		return NULL;
	}
	s->data = p;
	return s;
}

/* F2 on the paste screen: the preview of what was pasted in its place. */
static void
pasted(struct app *app, struct screen *paste, const char *text, size_t len, void *ctx)
{
	struct screen *s = preview_new(app, (enum kind)(intptr_t)ctx, NULL, text, len);

	if (s == NULL) {
		app_fail_db(app);
		return;
	}
	app_pop(app);
	app_push(app, s);
}

static int
read_file(struct app *app, struct form *f, struct err *err)
{
	struct screen *s;
	enum kind kind = (enum kind)form_choice(f, FF_KIND);
	char *path;

	if (!app->has_plan)
		return err_set(err, -1, "%s", _("Open or make a plan first"));
	if (*form_text(f, FF_FILE) == '\0') {
		/* No file: the rows are pasted on the next screen. */
		s = paste_new(_("Paste the rows copied from Word or Excel (right click, or "
		    "Ctrl-Shift-V), then F2 to see them before anything is written. Esc: cancel."),
		    pasted, (void *)(intptr_t)kind);
	} else {
		if ((path = expand(form_text(f, FF_FILE))) == NULL)
			return err_set(err, -1, "%s", _("Out of memory"));
		s = preview_new(app, kind, path, NULL, 0);
		free(path);
		if (s == NULL)
			return err_db_at(err, FF_FILE, app->db);
	}
	if (s == NULL)
		return err_set(err, -1, "%s", _("Out of memory"));
	form_hand_over(app, s);
	return 0;
}

struct screen *
import_new(struct app *app)
{
	char title[300];
	struct screen *s;
	struct form *f;

	snprintf(title, sizeof title, _("Import into the plan: %s"),
	    app->has_plan ? app->plan.title : "");
	if ((s = form_new(title, read_file, NULL, NULL)) == NULL)
		return NULL;
	f = form_of(s);
	if (form_add_text(f, _("File"), FF_FILE, NULL, false) < 0 ||
	    form_add_choice(f, _("It holds"), FF_KIND, kinds, 2, KIND_APPENDIX) < 0) {
		screen_free(s);
		return NULL;
	}
	/* A file name, not Vietnamese: Telex would turn "tests" into "tets". */
	form_set_plain(f, form_field_of(f, FF_FILE));
	snprintf(f->fields[form_field_of(f, FF_FILE)].hint, sizeof f->fields[0].hint, "%s",
	    _("empty: paste the rows on the next screen"));
	return s;
}
