/* The criteria tree editor: add, edit, move and delete the criteria of a
 * set, with a warning on every criterion whose children's maxima do not add
 * up to its own and on the set when its sections do not make its total. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/par/criteria.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct editor_data {
	int64_t set;
	struct criteria_set s;
	struct criteria_warning *warnings;
	int nwarnings;
};

static void
free_data(struct screen *s)
{
	struct editor_data *d = s->data;

	if (d == NULL)
		return;
	criteria_free(&d->s);
	free(d->warnings);
	free(d);
	s->data = NULL;
}

static int
load(struct app *app, struct screen *s)
{
	struct editor_data *d = s->data;

	criteria_free(&d->s);
	free(d->warnings);
	d->warnings = NULL;
	d->nwarnings = 0;
	if (criteria_load(app->db, d->set, &d->s) != 0 ||
	    criteria_check(&d->s, &d->warnings, &d->nwarnings) != 0) {
		app_fail_db(app);
		return -1;
	}
	list_fit(&s->list, d->s.n);
	return 0;
}

/* The warning of node i (-1: the set), or NULL. */
static const struct criteria_warning *
warning_of(const struct editor_data *d, int i)
{
	for (int k = 0; k < d->nwarnings; k++)
		if (d->warnings[k].node == i)
			return &d->warnings[k];
	return NULL;
}

#define W_MAX 7
#define W_RULE 9
#define W_WARN 18

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct editor_data *d = s->data;
	const struct criteria_warning *w = warning_of(d, -1);
	int title_w = cols - W_MAX - W_RULE - W_WARN - 2;
	char line[512], a[32], b[32];

	draw_text(y, 1, d->s.name ? d->s.name : "", cols - 1, A_BOLD);
	if (w != NULL) {
		number_format_2(w->sum, a, sizeof a);
		number_format_2(w->expected, b, sizeof b);
		snprintf(line, sizeof line, _("Warning: the sections add up to %s, not %s"), a, b);
		draw_text(y + 1, 1, line, cols - 1, draw_attr(COLOR_BAD));
	} else {
		draw_text(y + 1, 1, _("Left/Right: move up or down; a new code moves it to "
		    "another parent"), cols - 1, A_NORMAL);
	}
	draw_text(y + 2, 1, _("Criterion"), title_w, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 2, 1 + title_w, _("Max"), W_MAX, A_BOLD | A_UNDERLINE);
	draw_text(y + 2, 2 + title_w + W_MAX, _("Rule"), W_RULE, A_BOLD | A_UNDERLINE);
	draw_text(y + 2, 2 + title_w + W_MAX + W_RULE, "", W_WARN, A_BOLD | A_UNDERLINE);
	list_scroll(&s->list, rows - 3);
	for (int r = 0; r < rows - 3 && s->list.top + r < d->s.n; r++) {
		int i = s->list.top + r;
		const struct par_node *c = &d->s.nodes[i];
		attr_t at = i == s->list.selected ? A_REVERSE : A_NORMAL;

		snprintf(line, sizeof line, "%*s%s %s", 2 * c->depth, "", c->code, c->title);
		draw_text(y + 3 + r, 1, line, title_w, at | (c->leaf ? 0 : A_BOLD));
		number_format_2(c->max, a, sizeof a);
		draw_text_right(y + 3 + r, 1 + title_w, a, W_MAX, at);
		draw_text(y + 3 + r, 1 + title_w + W_MAX, "", 1, at);
		draw_text(y + 3 + r, 2 + title_w + W_MAX, c->leaf ? _(rule_kind_labels[c->kind]) : "",
		    W_RULE, at);
		if ((w = warning_of(d, i)) != NULL) {
			number_format_2(w->sum, a, sizeof a);
			snprintf(line, sizeof line, _("children: %s"), a);
			draw_text(y + 3 + r, 2 + title_w + W_MAX + W_RULE, line, W_WARN,
			    at | draw_attr(COLOR_BAD));
		} else {
			draw_text(y + 3 + r, 2 + title_w + W_MAX + W_RULE, "", W_WARN, at);
		}
	}
}

/* The criterion form. */

struct criterion_edit {
	int64_t set, id;
	const struct criteria_set *s;	/* the editor's, for finding parents */
	int fcode, ftitle, fmax, frule, fparams, fsource, fhint;
};

/* The parent a code names: the longest code of the set that, with a dot,
 * begins it (as the file format reads it). */
static int64_t
parent_for(const struct criteria_set *s, const char *code, int64_t self)
{
	int64_t parent = 0;
	size_t best = 0;

	for (int i = 0; i < s->n; i++) {
		size_t len = strlen(s->nodes[i].code);

		if (s->nodes[i].id != self && len > best &&
		    strncmp(code, s->nodes[i].code, len) == 0 && code[len] == '.') {
			parent = s->nodes[i].id;
			best = len;
		}
	}
	return parent;
}

static int
save_criterion(struct app *app, struct form *f, struct err *err)
{
	struct criterion_edit *e = f->record;
	struct criterion_input c = { 0 };
	bool has;

	c.id = e->id;
	c.code = form_text(f, e->fcode);
	c.title = form_text(f, e->ftitle);
	if (validate_number(form_text(f, e->fmax), true, 0, 1000, &c.max, &has, err, CF_MAX,
	    _("Maximum")) != 0)
		return -1;
	c.kind = (enum rule_kind)form_choice(f, e->frule);
	c.params = form_text(f, e->fparams);
	c.source = form_text(f, e->fsource);
	c.hint = form_text(f, e->fhint);
	c.parent_id = parent_for(e->s, c.code, c.id);
	return criterion_save(app->db, e->set, &c, NULL, err);
}

static struct screen *
criterion_form_new(struct editor_data *d, const struct par_node *c, const char *code)
{
	struct criterion_edit *e = calloc(1, sizeof *e);
	char max[32] = "";
	struct screen *s;
	struct form *f;

	if (e == NULL)
		return NULL;
	e->set = d->set;
	e->s = &d->s;
	e->id = c ? c->id : 0;
	if (c != NULL)
		number_format_2(c->max, max, sizeof max);
	if ((s = form_new(c ? _("Edit the criterion") : _("New criterion"), save_criterion, e,
	    free)) == NULL)
		return NULL;
	f = form_of(s);
	e->fcode = form_add_text(f, _("Code"), CF_CODE, c ? c->code : code, false);
	e->ftitle = form_add_text(f, _("Title"), CF_TITLE, c ? c->title : NULL, true);
	e->fmax = form_add_text(f, _("Maximum"), CF_MAX, max, false);
	e->frule = form_add_choice(f, _("Rule"), CF_RULE, rule_kind_labels, RULE_KINDS,
	    c ? (int)c->kind : RULE_YESNO);
	e->fparams = form_add_text(f, _("Parameters"),
	    CF_PARAMS, c ? c->params : NULL, false);
	e->fsource = form_add_text(f, _("Computed from"),
	    CF_SOURCE, c ? c->source : NULL, false);
	e->fhint = form_add_text(f, _("Evidence expected"), CF_HINT, c ? c->hint : NULL, true);
	/* Hints within the 57 columns a field has at 80 (they were cut). */
	snprintf(f->fields[e->fcode].hint, sizeof f->fields[0].hint, "%s",
	    _("1, 1.2, 1.2.3; another parent's code moves it there"));
	snprintf(f->fields[e->fparams].hint, sizeof f->fields[0].hint, "%s",
	    _("required= per= floor= cap= empty= goal= [80,100)="));
	snprintf(f->fields[e->fsource].hint, sizeof f->fields[0].hint, "%s",
	    _("tasks_on_time tasks_done:… targets_met target:… sipas"));
	return s;
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	struct editor_data *d = s->data;
	char code[64] = "";

	/* A new child of the selected criterion, numbered after its last. */
	if (d->s.n > 0) {
		const struct par_node *c = &d->s.nodes[s->list.selected];
		int children = 0;

		for (int i = s->list.selected + 1; i < d->s.n; i++)
			children += d->s.nodes[i].parent == s->list.selected;
		snprintf(code, sizeof code, "%s.%d", c->code, children + 1);
	}
	if (app_may_write(app))
		app_push(app, criterion_form_new(d, NULL, code));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	struct editor_data *d = s->data;

	if (d->s.n > 0 && app_may_write(app))
		app_push(app, criterion_form_new(d, &d->s.nodes[s->list.selected], NULL));
}

static void
move_criterion(struct app *app, struct screen *s, enum action a)
{
	struct editor_data *d = s->data;
	int64_t id;

	if (d->s.n == 0 || !app_may_write(app))
		return;
	id = d->s.nodes[s->list.selected].id;
	if (criterion_move(app->db, id, a == ACT_PREV_SECTION ? -1 : 1) != 0) {
		app_fail_db(app);
		return;
	}
	load(app, s);
	for (int i = 0; i < d->s.n; i++)
		if (d->s.nodes[i].id == id)
			s->list.selected = i;
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct editor_data *d = s->data;

	if (criterion_delete(app->db, d->s.nodes[s->list.selected].id) != 0) {
		app_fail_db(app);
		return;
	}
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Criterion deleted."));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	struct editor_data *d = s->data;

	if (d->s.n > 0 && app_may_write(app))
		app_confirm(app, _("Delete this criterion, its sub-criteria and their scores? "
		    "y: delete, other key: keep"), delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	struct editor_data *d = s->data;

	return d->s.nodes[i].title;
}

/* The set's header: name, year, level, total, classification, note. */
struct set_edit {
	struct criteria_set_input head;	/* id only; the rest is read from the form */
	int fname, fyear, flevel, ftotal, fbands, fnote;
};

static int
save_set(struct app *app, struct form *f, struct err *err)
{
	struct set_edit *e = f->record;
	struct criteria_set_input s = e->head;
	double year;
	bool has;

	if (validate_number(form_text(f, e->fyear), true, 1990, 2200, &year, &has, err, SETF_YEAR,
	    f->fields[e->fyear].label) != 0 ||
	    validate_number(form_text(f, e->ftotal), true, 0.01, 1000, &s.total, &has, err,
	    SETF_TOTAL, f->fields[e->ftotal].label) != 0)
		return -1;
	s.year = (int)year;
	s.name = form_text(f, e->fname);
	s.level = office_kind_codes[form_choice(f, e->flevel)];
	s.note = form_text(f, e->fnote);
	return criteria_set_save(app->db, &s, form_text(f, e->fbands), err);
}

static void
edit_set(struct app *app, struct screen *s, enum action a)
{
	struct editor_data *d = s->data;
	struct set_edit *e;
	struct screen *fs;
	struct form *f;
	char year[16], total[32], *bands;
	int level = 0;

	if (!app_may_write(app) || (e = calloc(1, sizeof *e)) == NULL)
		return;
	if ((bands = criteria_bands_text(&d->s)) == NULL ||
	    (fs = form_new(_("The criteria set"), save_set, e, free)) == NULL) {
		free(bands);
		free(e);
		return;
	}
	e->head.id = d->s.id;
	snprintf(year, sizeof year, "%d", d->s.year);
	number_format(d->s.total, total, sizeof total);
	for (int i = 0; i < OFFICE_KINDS; i++)
		if (strcmp(d->s.level, office_kind_codes[i]) == 0)
			level = i;
	f = form_of(fs);
	e->fname = form_add_text(f, _("Name"), SETF_NAME, d->s.name, true);
	e->fyear = form_add_text(f, _("Year"), SETF_YEAR, year, false);
	e->flevel = form_add_choice(f, _("Level"), SETF_LEVEL, office_kind_names, OFFICE_KINDS,
	    level);
	e->ftotal = form_add_text(f, _("Total points"), SETF_TOTAL, total, false);
	e->fbands = form_add_text(f, _("Classification"), SETF_BANDS, bands, false);
	e->fnote = form_add_text(f, _("Note"), SETF_NOTE, d->s.note, true);
	snprintf(f->fields[e->fbands].hint, sizeof f->fields[0].hint, "%s",
	    _("each band and its starting index, highest first"));
	free(bands);
	app_push(app, fs);
}

static const struct binding bindings[] = {
	{ ACT_ADD, add, true },
	{ ACT_EDIT, edit, true },
	{ ACT_OPEN, edit, false },
	{ ACT_DELETE, delete, true },
	{ ACT_PREV_SECTION, move_criterion, false },
	{ ACT_NEXT_SECTION, move_criterion, false },
	{ ACT_SET_HEADER, edit_set, true },
	LIST_BINDINGS(true),
};

const struct screen_type criteria_editor_type = {
	N_("Criteria set"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_data,
	NULL, row_text,
};

struct screen *
criteria_editor_new(struct app *app, int64_t set)
{
	struct screen *s = screen_new_data(&criteria_editor_type, sizeof (struct editor_data));

	if (s == NULL)
		return NULL;
	((struct editor_data *)s->data)->set = set;
	load(app, s);
	return s;
}
