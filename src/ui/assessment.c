/* The PAR INDEX self-assessment of the year shown: every criterion with
 * its maximum, input, self-assessed and appraised points; the selected
 * leaf's source, expected evidence, evidence and explanation below; totals,
 * index and band on top.  From here: the criteria editor ('c') and the
 * comparison with the previous year ('s'); 'p' says whether the survey
 * was held.  With no criteria set yet, 'a' imports the commune template. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/par/assessment.h"
#include "core/par/criteria.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct par_data {
	int64_t set;		/* 0: none yet */
	int64_t other;		/* the set 'x' offers to score the year with */
	struct assessment a;
	bool loaded;
};

static void
free_data(struct screen *s)
{
	struct par_data *d = s->data;

	if (d == NULL)
		return;
	if (d->loaded)
		assessment_free(&d->a);
	free(d);
	s->data = NULL;
}

static int
load(struct app *app, struct screen *s)
{
	struct par_data *d = s->data;

	if (d->loaded)
		assessment_free(&d->a);
	d->loaded = false;
	s->list.count = 0;
	if (d->set == 0 && (d->set = criteria_find(app->db, app->year)) < 0)
		d->set = 0;
	if (d->set == 0)
		return 0;
	if (assessment_load(app->db, d->set, app->year, &d->a) != 0) {
		app_fail_db(app);
		d->set = 0;
		return -1;
	}
	d->loaded = true;
	list_fit(&s->list, d->a.set.n);
	return 0;
}

#define W_NUM 7
#define DETAIL_ROWS 4

static void
num(bool has, double v, char *buf, size_t n)
{
	buf[0] = '\0';
	if (has)
		number_format_2(v, buf, n);
}

/* "54,25/100 (54,25%)" */
static void
score_text(double points, double max, char *buf, size_t n)
{
	char p[24], m[24], pc[24];

	number_format_2(points, p, sizeof p);
	number_format_2(max, m, sizeof m);
	number_format_percent(max > 0 ? rule_round(points / max * 100) : 0, false, pc, sizeof pc);
	snprintf(buf, n, "%s/%s (%s)", p, m, pc);
}

/* Texts longer than the screen wrap (at 80 columns the no-survey note
 * and the appraised index were cut); at most rows rows, returns those
 * used. */
static int
wrapped(int y, const char *text, int cols, int rows, attr_t attr)
{
	int n = draw_wrapped(y, 1, text, cols - 2, 0, rows, attr);

	return n < rows ? n : rows;
}

static int
draw_totals(struct app *app, const struct assessment *a, int y, int cols)
{
	char line[512], total[128], idx[32], app_idx[32];

	score_text(a->total, a->max, total, sizeof total);
	number_format_2(a->self.index, idx, sizeof idx);
	if (a->has_appraised) {
		number_format_2(a->appraised.index, app_idx, sizeof app_idx);
		snprintf(line, sizeof line, _("Total %s · Index %s · Band %s · Appraised %s (%s)"),
		    total, idx, a->self.band, app_idx, a->appraised.band);
	} else {
		snprintf(line, sizeof line, _("Total %s · Index %s · Band %s"), total, idx,
		    a->self.band);
	}
	if (!a->survey_held)
		snprintf(line + strlen(line), sizeof line - strlen(line), " · %s",
		    _("no survey: scaled to 100"));
	return wrapped(y, line, cols, 2, A_BOLD);
}

static void
draw_detail(const struct assessment *a, int i, int y, int cols)
{
	const struct par_node *c = &a->set.nodes[i];
	const struct par_line *l = &a->lines[i];
	char line[1024], pts[32];
	int r = 0;

	if (l->computed) {
		snprintf(line, sizeof line, _("From: %s"), l->source_text);
		r += wrapped(y + r, line, cols, DETAIL_ROWS - r, draw_attr(COLOR_WARN));
	}
	if (l->has_override && r < DETAIL_ROWS) {
		number_format_2(l->self, pts, sizeof pts);
		snprintf(line, sizeof line, _("Overridden (computed %s): %s"), pts, l->reason);
		r += wrapped(y + r, line, cols, DETAIL_ROWS - r, A_NORMAL);
	}
	if (l->nevidence > 0 && r < DETAIL_ROWS) {
		char date[11];

		date_iso_to_vn(l->evidence[l->nevidence - 1].date, date);
		snprintf(line, sizeof line, _("Evidence (%d): %s %s %s"), l->nevidence,
		    l->evidence[l->nevidence - 1].number, date, l->evidence[l->nevidence - 1].summary);
		r += wrapped(y + r, line, cols, DETAIL_ROWS - r, A_NORMAL);
	}
	for (int k = 0; k < 2 && r < DETAIL_ROWS; k++) {
		const char *note = k == 0 ? l->note1 : l->note2;

		if (*note == '\0')
			continue;
		snprintf(line, sizeof line, _("Round %d note: %s"), k + 1, note);
		r += wrapped(y + r, line, cols, DETAIL_ROWS - r, A_NORMAL);
	}
	if (*l->explanation != '\0' && r < DETAIL_ROWS) {
		snprintf(line, sizeof line, _("Explanation: %s"), l->explanation);
		r += wrapped(y + r, line, cols, DETAIL_ROWS - r, A_NORMAL);
	}
	if (*c->hint != '\0' && r < DETAIL_ROWS) {
		snprintf(line, sizeof line, _("Evidence expected: %s"), c->hint);
		wrapped(y + r, line, cols, DETAIL_ROWS - r, A_DIM);
	}
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct par_data *d = s->data;
	const struct assessment *a = &d->a;
	int title_w = cols - 4 * (W_NUM + 1) - 5, list_rows, top = 1;
	char line[512], v[4][48];

	if (!d->loaded) {
		snprintf(line, sizeof line, _("No criteria set for %d. a: import the commune "
		    "template (then replace it with the province's set)"), app->year);
		draw_wrapped(y + 1, 1, line, cols - 2, 0, 3, A_BOLD);
		return;
	}
	snprintf(line, sizeof line, _("PAR INDEX %d — %s"), app->year, a->set.name);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	if (*a->set.note != '\0')
		top += wrapped(y + top, a->set.note, cols, 2, draw_attr(COLOR_WARN));
	top += draw_totals(app, a, y + top, cols);
	y += top - 3;	/* the rows below follow the header's height */
	rows -= top - 3;
	draw_text(y + 3, 1, _("Criterion"), title_w, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 3, 1 + title_w, _("Max"), W_NUM + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 3, 2 + title_w + W_NUM, _("Input"), W_NUM + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 3, 3 + title_w + 2 * W_NUM, _("Self"), W_NUM + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 3, 4 + title_w + 3 * W_NUM, _("Appr."), W_NUM + 1,
	    A_BOLD | A_UNDERLINE);
	list_rows = rows - 4 - DETAIL_ROWS;
	list_scroll(&s->list, list_rows);
	for (int r = 0; r < list_rows && s->list.top + r < a->set.n; r++) {
		int i = s->list.top + r;
		const struct par_node *c = &a->set.nodes[i];
		const struct par_line *l = &a->lines[i];
		attr_t at = i == s->list.selected ? A_REVERSE : A_NORMAL;
		bool scored = !c->leaf || l->has_self || l->has_override;

		snprintf(line, sizeof line, "%*s%s %s", 2 * c->depth, "", c->code, c->title);
		draw_text(y + 4 + r, 1, line, title_w, at | (c->leaf ? 0 : A_BOLD));
		number_format_2(c->max, v[0], sizeof v[0]);
		v[1][0] = '\0';
		if (c->leaf && l->in.has_a && l->in.has_b) {
			char p[20], q[20];

			number_format_2(l->in.a, p, sizeof p);
			number_format_2(l->in.b, q, sizeof q);
			snprintf(v[1], sizeof v[1], "%s/%s", p, q);
		} else {
			num(c->leaf && l->in.has_a, l->in.a, v[1], sizeof v[1]);
		}
		num(scored, l->points, v[2], sizeof v[2]);
		if (l->has_override && c->leaf)
			snprintf(v[2] + strlen(v[2]), sizeof v[2] - strlen(v[2]), "*");
		num(!c->leaf || l->has_r1 || l->has_r2, l->appraised, v[3], sizeof v[3]);
		for (int k = 0; k < 4; k++)
			draw_text_right(y + 4 + r, 1 + title_w + k * (W_NUM + 1), v[k], W_NUM + 1, at);
	}
	if (a->set.n > 0)
		draw_detail(a, s->list.selected, y + rows - DETAIL_ROWS, cols);
}

/* The entry form of a leaf. */
struct entry_edit {
	int64_t set, criterion;
	int year;
	bool computed, uses_b;
	struct rule rule;	/* the criterion's, for the computed points */
	double max;
	struct rule_input in;	/* a computed criterion's, from the plans */
	int fa, fb, foverride, freason, fr1, fnote1, fr2, fnote2, fexpl;
	/* The documents shown, then an empty one to add: three fields each
	 * (number, date, summary) from fdocument on. */
	int ndocuments;		/* shown ones */
	int64_t *documents;	/* their ids */
	int fdocument;
};

static void
entry_edit_free(void *p)
{
	struct entry_edit *e = p;

	free(e->documents);
	free(e);
}

static int
read_number(struct form *f, int field, int id, bool *has, double *v, struct err *err)
{
	*has = false;
	if (field < 0)
		return 0;
	return validate_number(form_text(f, field), false, -1e9, 1e9, v, has, err, id,
	    f->fields[field].label);
}

static int
save_entry(struct app *app, struct form *f, struct err *err)
{
	struct entry_edit *e = f->record;
	struct par_entry en = { 0 };
	int n = e->ndocuments + 1, rc = -1;
	struct par_document *docs = calloc((size_t)n, sizeof *docs);
	char (*iso)[11] = calloc((size_t)n, sizeof *iso);

	if (docs == NULL || iso == NULL) {
		err_set(err, -1, "%s", _("out of memory"));
		goto out;
	}
	if (read_number(f, e->fa, EF_A, &en.in.has_a, &en.in.a, err) != 0 ||
	    read_number(f, e->fb, EF_B, &en.in.has_b, &en.in.b, err) != 0 ||
	    read_number(f, e->foverride, EF_OVERRIDE, &en.has_override, &en.override, err) != 0 ||
	    read_number(f, e->fr1, EF_R1, &en.has_r1, &en.r1, err) != 0 ||
	    read_number(f, e->fr2, EF_R2, &en.has_r2, &en.r2, err) != 0)
		goto out;
	for (int k = 0; k < n; k++) {
		int fd = e->fdocument + 3 * k;

		if (validate_date(form_text(f, fd + 1), iso[k], err,
		    EF_DOCUMENT(k, EF_EVIDENCE_DATE), f->fields[fd + 1].label) != 0)
			goto out;
		docs[k] = (struct par_document){ k < e->ndocuments ? e->documents[k] : 0,
		    form_text(f, fd), iso[k], form_text(f, fd + 2) };
	}
	en.reason = form_text(f, e->freason);
	en.explanation = form_text(f, e->fexpl);
	en.note1 = form_text(f, e->fnote1);
	en.note2 = form_text(f, e->fnote2);
	en.ndocuments = n;
	en.documents = docs;
	rc = assessment_entry_save(app->db, e->set, e->year, e->criterion, &en, err);
out:
	free(docs);
	free(iso);
	return rc;
}

/* The points the rule gives for the inputs as typed so far, beside the
 * override ("computed: 1,5"), after each key. */
static void
entry_changed(struct app *app, struct form *f, int field)
{
	struct entry_edit *e = f->record;
	struct rule_input in = e->in;
	struct err err;
	char pts[32] = "—";
	double points;

	if (!e->computed &&
	    (read_number(f, e->fa, EF_A, &in.has_a, &in.a, &err) != 0 ||
	    read_number(f, e->fb, EF_B, &in.has_b, &in.b, &err) != 0))
		snprintf(pts, sizeof pts, "?");
	else if (rule_score(&e->rule, e->max, &in, &points))
		number_format_2(points, pts, sizeof pts);
	snprintf(f->fields[e->foverride].hint, sizeof f->fields[0].hint, _("computed: %s"), pts);
}

/* The three fields of document k (k == nevidence: a new one). */
static int
add_document(struct form *f, const struct par_line *l, int k)
{
	const struct par_evidence *ev = k < l->nevidence ? &l->evidence[k] : NULL;
	char label[64], date[11] = "";
	int first;

	if (ev != NULL) {
		date_iso_to_vn(ev->date, date);
		snprintf(label, sizeof label, _("Evidence %d: number"), k + 1);
	} else {
		snprintf(label, sizeof label, "%s", _("New evidence: number"));
	}
	if ((first = form_add_text(f, label, EF_DOCUMENT(k, EF_EVIDENCE_NUMBER),
	    ev ? ev->number : NULL, false)) < 0 ||
	    form_add_text(f, _("  date"), EF_DOCUMENT(k, EF_EVIDENCE_DATE), date, false) < 0 ||
	    form_add_text(f, _("  summary"), EF_DOCUMENT(k, EF_EVIDENCE_SUMMARY),
	    ev ? ev->summary : NULL, false) < 0)
		return -1;
	if (ev != NULL)
		snprintf(f->fields[first].hint, sizeof f->fields[first].hint, "%s",
		    _("clear number and summary to remove"));
	return first;
}

static const char *
input_label(enum rule_kind k)
{
	switch (k) {
	case RULE_YESNO:
		return _("Yes 1, no 0");
	case RULE_RATIO:
	case RULE_BANDS:
		return _("Achieved (a)");
	case RULE_COUNT:
		return _("Count");
	case RULE_DEDUCT:
	case RULE_BONUS:
	case RULE_PENALTY:
		return _("Occurrences");
	default:
		return _("Points");
	}
}

static struct screen *
entry_form_new(struct app *app, struct par_data *d, int i)
{
	const struct par_node *c = &d->a.set.nodes[i];
	const struct par_line *l = &d->a.lines[i];
	struct entry_edit *e = calloc(1, sizeof *e);
	char title[600], v[5][32];
	struct screen *s;
	struct form *f;

	if (e == NULL)
		return NULL;
	e->set = d->set;
	e->criterion = c->id;
	e->year = app->year;
	e->computed = l->computed;
	e->rule = c->rule;
	e->max = c->max;
	e->in = l->in;
	e->fa = e->fb = -1;
	snprintf(title, sizeof title, "%s %s (%s)", c->code, c->title, _(rule_kind_labels[c->kind]));
	if (l->nevidence > 0 &&
	    (e->documents = calloc((size_t)l->nevidence, sizeof *e->documents)) == NULL) {
		free(e);
		return NULL;
	}
	e->ndocuments = l->nevidence;
	for (int k = 0; k < l->nevidence; k++)
		e->documents[k] = l->evidence[k].id;
	if ((s = form_new(title, save_entry, e, entry_edit_free)) == NULL)
		return NULL;
	f = form_of(s);
	num(l->in.has_a, l->in.a, v[0], sizeof v[0]);
	num(l->in.has_b, l->in.b, v[1], sizeof v[1]);
	num(l->has_override, l->override, v[2], sizeof v[2]);
	num(l->has_r1, l->r1, v[3], sizeof v[3]);
	num(l->has_r2, l->r2, v[4], sizeof v[4]);
	if (!l->computed) {
		e->fa = form_add_text(f, input_label(c->kind), EF_A, v[0], false);
		if (rule_uses_b(c->kind))
			e->fb = form_add_text(f, _("Out of (b)"), EF_B, v[1], false);
		if (e->fb >= 0)
			snprintf(f->fields[e->fb].hint, sizeof f->fields[0].hint, "%s",
			    _("0: nothing arose"));
	}
	e->foverride = form_add_text(f, _("Override"), EF_OVERRIDE, v[2], false);
	f->changed = entry_changed;
	entry_changed(app, f, e->foverride);
	e->freason = form_add_text(f, _("Reason"), EF_REASON, l->reason, false);
	e->fr1 = form_add_text(f, _("Round 1"), EF_R1, v[3], false);
	e->fnote1 = form_add_text(f, _("  note"), EF_NOTE1, l->note1, false);
	e->fr2 = form_add_text(f, _("Round 2"), EF_R2, v[4], false);
	e->fnote2 = form_add_text(f, _("  note"), EF_NOTE2, l->note2, false);
	e->fexpl = form_add_text(f, _("Explanation"), EF_EXPLANATION, l->explanation, true);
	e->fdocument = add_document(f, l, 0);
	for (int k = 1; k <= l->nevidence; k++)
		add_document(f, l, k);
	return s;
}

static void
open_entry(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;

	if (!d->loaded || d->a.set.n == 0)
		return;
	if (!d->a.set.nodes[s->list.selected].leaf) {
		app_message(app, COLOR_WARN, "%s", _("Scores are entered on the criteria without "
		    "sub-criteria."));
		return;
	}
	if (app_may_write(app))
		app_push(app, entry_form_new(app, d, s->list.selected));
}

/* Also when the set shown is an earlier year's: the year gets its own. */
static void
import_template(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;
	int64_t id;

	if ((d->loaded && d->a.set.year == app->year) || !app_may_write(app))
		return;
	if ((id = criteria_import_template(app->db, app->year)) < 0) {
		app_fail_db(app);
		return;
	}
	d->set = 0;
	load(app, s);
	if (d->set != id)
		app_message(app, COLOR_WARN, _("Template imported for %d; the year stays on the set "
		    "of its assessment (x: change)."), app->year);
	else
		app_message(app, COLOR_WARN, "%s", _("Template imported: replace it with the "
		    "province's official set."));
}

static void
other_set_confirmed(struct app *app, struct screen *s)
{
	struct par_data *d = s->data;

	if (criteria_set_current(app->db, app->year, d->other) != 0) {
		app_fail_db(app);
		return;
	}
	d->set = 0;
	load(app, s);
	app_message(app, COLOR_GOOD, _("%d is now scored with this set."), app->year);
}

/* Offers the next set of the year (after the one shown, wrapping) as the
 * one to score it with; the assessments on the others stay. */
static void
other_set(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;
	struct criteria_set *sets;
	char question[512];
	int n, here = -1, pick = -1;

	if (!app_may_write(app))
		return;
	if (criteria_set_list(app->db, &sets, &n) != 0) {
		app_fail_db(app);
		return;
	}
	for (int i = 0; i < n; i++)
		if (sets[i].id == d->set)
			here = i;
	for (int k = 1; k <= n && pick < 0; k++) {
		int i = (here + k + n) % n;

		if (sets[i].year == app->year && sets[i].id != d->set)
			pick = i;
	}
	if (pick < 0) {
		app_message(app, COLOR_WARN, _("No other criteria set for %d (cchc score --import "
		    "FILE adds one)."), app->year);
	} else {
		d->other = sets[pick].id;
		/* The name last: at 80 columns only it is cut. */
		snprintf(question, sizeof question, _("Score %d with set %lld? y: yes, other key: "
		    "no (the assessment shown is kept) — %s"), app->year,
		    (long long)sets[pick].id, sets[pick].name);
		app_confirm(app, question, other_set_confirmed);
	}
	criteria_sets_free(sets, n);
}

static void
open_editor(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;

	if (d->loaded)
		app_push(app, criteria_editor_new(app, d->set));
}

static void
toggle_survey(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;

	if (!d->loaded || !app_may_write(app))
		return;
	if (assessment_set_survey(app->db, d->set, app->year, !d->a.survey_held) != 0) {
		app_fail_db(app);
		return;
	}
	load(app, s);
}

static void
delete_evidence_confirmed(struct app *app, struct screen *s)
{
	struct par_data *d = s->data;
	const struct par_line *l = &d->a.lines[s->list.selected];

	struct trash *undo;

	if (assessment_evidence_delete(app->db, l->evidence[l->nevidence - 1].id, &undo) != 0) {
		app_fail_db(app);
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Evidence deleted. u: undo"));
}

static void
delete_evidence(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;

	if (d->loaded && d->a.set.n > 0 && d->a.lines[s->list.selected].nevidence > 0 &&
	    app_may_write(app))
		app_confirm(app, _("Delete the last evidence document of this criterion? "
		    "y: delete, other key: keep"), delete_evidence_confirmed);
}

/* The comparison with the previous year. */
struct compare_data {
	struct par_compare *rows;
	int n;
	int year;
	bool has_prev;
	struct assessment now, prev;
};

static void
compare_free(struct screen *s)
{
	struct compare_data *c = s->data;

	if (c == NULL)
		return;
	free(c->rows);
	assessment_free(&c->now);
	if (c->has_prev)
		assessment_free(&c->prev);
	free(c);
	s->data = NULL;
}

static void
compare_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct compare_data *c = s->data;
	/* A column of W_NUM + 2 every W_NUM + 3: a space between the years and
	 * "Change" (they ran together at 80 columns). */
	int title_w = cols - 3 * (W_NUM + 3) - 2;
	char line[512], v[3][32];

	snprintf(line, sizeof line, _("PAR INDEX %d compared with %d"), c->year, c->year - 1);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	if (!c->has_prev)
		draw_text(y + 1, 1, _("No assessment of the previous year."), cols - 1,
		    draw_attr(COLOR_WARN));
	draw_text(y + 2, 1, _("Section"), title_w, A_BOLD | A_UNDERLINE);
	snprintf(line, sizeof line, "%d", c->year);
	draw_text_right(y + 2, 1 + title_w, line, W_NUM + 2, A_BOLD | A_UNDERLINE);
	snprintf(line, sizeof line, "%d", c->year - 1);
	draw_text_right(y + 2, 1 + title_w + (W_NUM + 3), line, W_NUM + 2, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 2, 1 + title_w + 2 * (W_NUM + 3), _("Change"), W_NUM + 2,
	    A_BOLD | A_UNDERLINE);
	for (int r = 0; r < c->n && r < rows - 3; r++) {
		const struct par_compare *p = &c->rows[r];
		attr_t at = p->title == NULL ? A_BOLD : A_NORMAL;

		if (p->title != NULL)
			snprintf(line, sizeof line, "%s %s", p->code, p->title);
		else
			snprintf(line, sizeof line, "%s", _("Index"));
		draw_text(y + 3 + r, 1, line, title_w, at);
		num(true, p->now, v[0], sizeof v[0]);
		num(p->has_before, p->before, v[1], sizeof v[1]);
		num(p->has_before, p->difference, v[2], sizeof v[2]);
		if (p->has_before && p->difference > 0)
			memmove(v[2] + 1, v[2], strlen(v[2]) + 1), v[2][0] = '+';
		for (int k = 0; k < 3; k++)
			draw_text_right(y + 3 + r, 1 + title_w + k * (W_NUM + 3), v[k], W_NUM + 2,
			    k == 2 && p->has_before ? at | draw_attr(p->difference < 0 ?
			    COLOR_BAD : COLOR_GOOD) : at);
	}
}

static const struct binding compare_bindings[] = {
	{ ACT_BACK, screen_back, true },
};

const struct screen_type compare_type = {
	N_("Comparison with the previous year"), compare_bindings,
	sizeof compare_bindings / sizeof compare_bindings[0], compare_draw, NULL, compare_free,
	NULL, NULL,
};

static void
open_compare(struct app *app, struct screen *s, enum action a)
{
	struct par_data *d = s->data;
	struct compare_data *c;
	struct screen *cs;
	int64_t prev;

	if (!d->loaded || (cs = screen_new(&compare_type)) == NULL)
		return;
	if ((c = calloc(1, sizeof *c)) == NULL) {
		screen_free(cs);
		return;
	}
	cs->data = c;
	c->year = app->year;
	if (assessment_load(app->db, d->set, app->year, &c->now) != 0 ||
	    (prev = criteria_find(app->db, app->year - 1)) < 0) {
		app_fail_db(app);
		screen_free(cs);
		return;
	}
	/* Last year's set, else this one (a set used again) */
	if (prev == 0)
		prev = d->set;
	if (assessment_load(app->db, prev, app->year - 1, &c->prev) == 0) {
		c->has_prev = c->prev.id != 0;
		if (!c->has_prev)
			assessment_free(&c->prev);
	}
	if (assessment_compare(&c->now, c->has_prev ? &c->prev : NULL, &c->rows, &c->n) != 0) {
		screen_free(cs);
		return;
	}
	app_push(app, cs);
}

static const char *
row_text(struct screen *s, int i)
{
	struct par_data *d = s->data;

	return d->a.set.nodes[i].title;
}

static void
preview_sheet(struct app *app, struct screen *s, enum action a)
{
	app_push(app, report_screen_new(app, "par", 0));
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_entry, true },
	{ ACT_EDIT, open_entry, false },
	{ ACT_TEMPLATE, import_template, false },
	{ ACT_OTHER_SET, other_set, false },
	{ ACT_CRITERIA, open_editor, true },
	{ ACT_COMPARE, open_compare, true },
	{ ACT_REPORT, preview_sheet, true },
	{ ACT_SURVEY, toggle_survey, true },
	{ ACT_DELETE, delete_evidence, false },
	LIST_BINDINGS(true),
};

const struct screen_type assessment_type = {
	N_("PAR INDEX self-assessment"), bindings, sizeof bindings / sizeof bindings[0], draw,
	load, free_data, NULL, row_text,
};

struct screen *
assessment_new(struct app *app)
{
	struct screen *s = screen_new(&assessment_type);
	struct par_data *d;

	if (s == NULL)
		return NULL;
	if ((d = calloc(1, sizeof *d)) == NULL) {
		screen_free(s);
		return NULL;
	}
	s->data = d;
	load(app, s);
	return s;
}
