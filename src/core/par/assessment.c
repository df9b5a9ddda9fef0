#include "core/par/assessment.h"

#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/model.h"
#include "core/plan/plan.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/validate.h"
#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/array.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

/* Computing. */

static bool
is_survey(const struct par_node *c)
{
	return c->kind == RULE_SURVEY;
}

static void
compute_leaf(const struct par_node *c, struct par_line *l)
{
	l->has_self = rule_score(&c->rule, c->max, &l->in, &l->self);
	l->points = l->has_override ? rule_round(l->override) : l->self;
	if (is_survey(c))
		l->appraised = l->points;
	else
		l->appraised = l->has_r2 ? l->r2 : l->has_r1 ? l->r1 : l->points;
}

static void
index_of(const struct criteria_set *s, struct par_index *x, double points, double max)
{
	x->points = rule_round(points);
	x->max = rule_round(max);
	x->index = max > 0 ? rule_round(points / max * 100) : 0;
	x->band = criteria_band(s, x->index);
}

void
assessment_compute(struct assessment *a)
{
	const struct criteria_set *s = &a->set;
	double appraised = 0, appraised_survey = 0;

	a->total = a->max = a->survey = a->survey_max = 0;
	a->has_appraised = false;
	for (int i = 0; i < s->n; i++)
		if (!s->nodes[i].leaf)
			a->lines[i].points = a->lines[i].appraised = 0;
	/* Children come after their parents: add each leaf up its path. */
	for (int i = 0; i < s->n; i++) {
		const struct par_node *c = &s->nodes[i];
		struct par_line *l = &a->lines[i];

		if (!c->leaf)
			continue;
		compute_leaf(c, l);
		for (int p = c->parent; p >= 0; p = s->nodes[p].parent) {
			a->lines[p].points += l->points;
			a->lines[p].appraised += l->appraised;
		}
		a->total += l->points;
		a->max += c->max;
		appraised += l->appraised;
		a->has_appraised |= l->has_r1 || l->has_r2;
		if (is_survey(c)) {
			a->survey += l->points;
			a->survey_max += c->max;
			appraised_survey += l->appraised;
		}
	}
	for (int i = 0; i < s->n; i++)
		if (!s->nodes[i].leaf) {
			a->lines[i].points = rule_round(a->lines[i].points);
			a->lines[i].appraised = rule_round(a->lines[i].appraised);
		}
	a->total = rule_round(a->total);
	a->survey = rule_round(a->survey);
	if (a->survey_held) {
		index_of(s, &a->self, a->total, a->max);
		index_of(s, &a->appraised, appraised, a->max);
	} else {
		index_of(s, &a->self, a->total - a->survey, a->max - a->survey_max);
		index_of(s, &a->appraised, appraised - appraised_survey, a->max - a->survey_max);
	}
}

/* Computed inputs. */

/* The plans that cover year. */
static int
plans_of_year(struct db *db, int year, struct plan **plans, int *n)
{
	struct plan *all;
	int nall, k = 0;

	if (plan_list(db, &all, &nall) != 0)
		return -1;
	for (int i = 0; i < nall; i++) {
		if (all[i].year_from <= year && year <= all[i].year_to) {
			struct plan tmp = all[k];

			all[k++] = all[i];
			all[i] = tmp;
		}
	}
	*plans = all;
	*n = nall;
	return k;
}

/* The part of source after "name:", folded; "" when none.  NULL: OOM. */
static char *
fragment(const char *source)
{
	const char *colon = strchr(source, ':');

	return text_fold(colon ? colon + 1 : "");
}

static char *
sentence(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
sentence(const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return strdup(buf);
}

/* frag: folded, for matching; shown: as the criterion writes it. */
static int
from_tasks(struct db *db, const struct plan *plans, int nplans, const char *frag,
    const char *shown, bool on_time, struct rule_input *in, char **text)
{
	int a = 0, b = 0;

	for (int p = 0; p < nplans; p++) {
		struct task *tasks;
		int n;

		if (task_list(db, plans[p].id, 0, &tasks, &n) != 0)
			return -1;
		for (int i = 0; i < n; i++) {
			if (*frag != '\0' && !text_contains_folded(tasks[i].description, frag))
				continue;
			b++;
			a += tasks[i].status == STATUS_DONE_ON_TIME ||
			    (!on_time && tasks[i].status == STATUS_DONE_LATE);
		}
		tasks_free(tasks, n);
	}
	*in = (struct rule_input){ true, true, a, b };
	*text = *frag != '\0' ?
	    sentence(on_time ? _("%d of %d tasks about \"%s\" done on time (the year's plans)") :
	    _("%d of %d tasks about \"%s\" done (the year's plans)"), a, b, shown) :
	    sentence(on_time ? _("%d of %d tasks of the year's plans done on time") :
	    _("%d of %d tasks of the year's plans done"), a, b);
	return 0;
}

/* The year's targets of every plan covering it, in one list with the
 * year's results. */
static int
year_targets(struct db *db, int year, const struct plan *plans, int nplans,
    struct target **out, int *n)
{
	*out = NULL;
	*n = 0;
	for (int p = 0; p < nplans; p++) {
		struct target *t, *all = NULL;
		int k;

		if (target_list(db, plans[p].id, 0, year, PERIOD_YEAR, &t, &k) != 0)
			goto fail;
		if (k > 0 && (all = realloc(*out, (size_t)(*n + k) * sizeof *all)) == NULL) {
			targets_free(t, k);
			goto fail;
		}
		if (k > 0) {
			memcpy(all + *n, t, (size_t)k * sizeof *t);
			*out = all;
			*n += k;
		}
		free(t);
	}
	return 0;
fail:
	targets_free(*out, *n);
	return -1;
}

static int
from_targets(struct db *db, int year, const struct plan *plans, int nplans,
    struct rule_input *in, char **text)
{
	struct target *t;
	int a = 0, n;

	if (year_targets(db, year, plans, nplans, &t, &n) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		a += t[i].verdict == VERDICT_MET;
	targets_free(t, n);
	*in = (struct rule_input){ true, true, a, n };
	*text = sentence(_("%d of %d targets met in %d (the year's results)"), a, n, year);
	return 0;
}

static void
target_input(const struct target *t, int year, struct rule_input *in, char **text)
{
	const struct measure *m = &t->result.measure;
	char na[32], nb[32];

	memset(in, 0, sizeof *in);
	if (!t->has_result || (!m->has_value && !(m->has_numerator && m->has_denominator))) {
		*text = sentence(_("target \"%s\": no result for %d"), t->text, year);
		return;
	}
	if (t->rule.kind == TARGET_RATE && m->has_numerator && m->has_denominator)
		*in = (struct rule_input){ true, true, m->numerator, m->denominator };
	else if (t->rule.kind == TARGET_RATE)
		*in = (struct rule_input){ true, true, m->value, 100 };
	else if (t->rule.kind == TARGET_COUNT)
		*in = (struct rule_input){ true, true, m->value, t->rule.value };
	else
		*in = (struct rule_input){ true, false, m->value, 0 };
	number_format(in->a, na, sizeof na);
	number_format(in->b, nb, sizeof nb);
	*text = in->has_b ? sentence(_("target \"%s\", result for %d: %s / %s"), t->text, year,
	    na, nb) : sentence(_("target \"%s\", result for %d: %s"), t->text, year, na);
}

static int
from_target(struct db *db, int year, const struct plan *plans, int nplans, const char *frag,
    const char *shown, struct rule_input *in, char **text)
{
	struct target *t;
	int n, i;

	if (year_targets(db, year, plans, nplans, &t, &n) != 0)
		return -1;
	for (i = 0; i < n && !text_contains_folded(t[i].text, frag); i++)
		;
	if (i < n) {
		target_input(&t[i], year, in, text);
	} else {
		memset(in, 0, sizeof *in);
		*text = sentence(_("no target of the year's plans mentions \"%s\""), shown);
	}
	targets_free(t, n);
	return 0;
}

/* The day that places a round in a year: its last, else its first ("" when
 * it has no dates).  A round is counted in the year it ended, when its
 * index was known. */
static const char *
round_day(const struct sipas_round *r)
{
	return *r->date_to != '\0' ? r->date_to : r->date_from;
}

/* The latest round placed in year whose name contains frag (folded; ""
 * any), or -1.  The list comes latest first by first day, so on equal
 * days the first one seen wins. */
static int
latest_round(const struct sipas_round *r, int n, int year, const char *frag)
{
	int best = -1;

	for (int i = 0; i < n; i++) {
		struct date d;

		if (!date_parse_iso(round_day(&r[i]), &d) || d.year != year ||
		    (*frag != '\0' && !text_contains_folded(r[i].name, frag)))
			continue;
		if (best < 0 || strcmp(round_day(&r[i]), round_day(&r[best])) > 0)
			best = i;
	}
	return best;
}

/* The overall index of the year's SIPAS round as a rate over 100, so that
 * ratio and bands read it as a percentage. */
static int
from_sipas(struct db *db, int year, const char *frag, const char *shown,
    struct rule_input *in, char **text)
{
	struct sipas_round *r;
	int n, i;
	bool has;
	double index;
	char ni[32];

	if (sipas_round_list(db, &r, &n) != 0)
		return -1;
	if ((i = latest_round(r, n, year, frag)) < 0) {
		*text = *frag != '\0' ?
		    sentence(_("no SIPAS survey round of %d is named \"%s\""), year, shown) :
		    sentence(_("no SIPAS survey round in %d"), year);
	} else if (sipas_round_index(db, r[i].id, &has, &index) != 0) {
		sipas_rounds_free(r, n);
		return -1;
	} else if (!has) {
		*text = sentence(_("SIPAS round \"%s\" (%d forms): no answers yet"), r[i].name,
		    r[i].forms);
	} else {
		*in = (struct rule_input){ true, true, index, 100 };
		number_format(index, ni, sizeof ni);
		*text = sentence(_("SIPAS round \"%s\": overall index %s%% from %d forms"),
		    r[i].name, ni, r[i].forms);
	}
	sipas_rounds_free(r, n);
	return 0;
}

int
assessment_source(struct db *db, int year, const char *source, struct rule_input *in,
    char **text)
{
	const char *colon = strchr(source, ':'), *shown = colon ? colon + 1 : "";
	struct plan *plans;
	char *frag;
	int nall, n, rc;

	memset(in, 0, sizeof *in);
	*text = NULL;
	if ((n = plans_of_year(db, year, &plans, &nall)) < 0)
		return -1;
	if ((frag = fragment(source)) == NULL) {
		plans_free(plans, nall);
		return db_fail(db, "%s", _("out of memory"));
	}
	if (strncmp(source, "tasks_on_time", 13) == 0)
		rc = from_tasks(db, plans, n, frag, shown, true, in, text);
	else if (strncmp(source, "tasks_done", 10) == 0)
		rc = from_tasks(db, plans, n, frag, shown, false, in, text);
	else if (strcmp(source, "targets_met") == 0)
		rc = from_targets(db, year, plans, n, in, text);
	else if (strncmp(source, "target:", 7) == 0)
		rc = from_target(db, year, plans, n, frag, shown, in, text);
	else if (strcmp(source, "sipas") == 0 || strncmp(source, "sipas:", 6) == 0)
		rc = from_sipas(db, year, frag, shown, in, text);
	else
		rc = db_fail(db, _("unknown source \"%s\""), source);
	free(frag);
	plans_free(plans, nall);
	if (rc == 0 && *text == NULL)
		return db_fail(db, "%s", _("out of memory"));
	return rc;
}

/* Loading. */

void
assessment_free(struct assessment *a)
{
	for (int i = 0; a->lines != NULL && i < a->set.n; i++) {
		struct par_line *l = &a->lines[i];

		free(l->source_text);
		free(l->reason);
		free(l->explanation);
		free(l->note1);
		free(l->note2);
		for (int k = 0; k < l->nevidence; k++) {
			free(l->evidence[k].number);
			free(l->evidence[k].summary);
		}
		free(l->evidence);
	}
	free(a->lines);
	criteria_free(&a->set);
	memset(a, 0, sizeof *a);
}

static int
line_of(const struct assessment *a, int64_t criterion)
{
	for (int i = 0; i < a->set.n; i++)
		if (a->set.nodes[i].id == criterion)
			return i;
	return -1;
}

static void
column_opt(sqlite3_stmt *st, int col, bool *has, double *v)
{
	*has = sqlite3_column_type(st, col) != SQLITE_NULL;
	*v = *has ? sqlite3_column_double(st, col) : 0;
}

/* Rows (the criterion's id first) read into the lines they belong to. */
struct line_rows {
	struct assessment *a;
	int (*read)(sqlite3_stmt *st, struct par_line *l);	/* 0, -1: no memory */
};

static int
line_row(sqlite3_stmt *st, void *ctx)
{
	struct line_rows *r = ctx;
	int i = line_of(r->a, sqlite3_column_int64(st, 0));

	return i >= 0 ? r->read(st, &r->a->lines[i]) : 0;
}

static int
read_entry(sqlite3_stmt *st, struct par_line *l)
{
	column_opt(st, 1, &l->in.has_a, &l->in.a);
	column_opt(st, 2, &l->in.has_b, &l->in.b);
	column_opt(st, 3, &l->has_override, &l->override);
	column_opt(st, 5, &l->has_r1, &l->r1);
	column_opt(st, 6, &l->has_r2, &l->r2);
	free(l->reason);
	free(l->explanation);
	free(l->note1);
	free(l->note2);
	l->reason = db_column_strdup(st, 4);
	l->explanation = db_column_strdup(st, 7);
	l->note1 = db_column_strdup(st, 8);
	l->note2 = db_column_strdup(st, 9);
	return !l->reason || !l->explanation || !l->note1 || !l->note2 ? -1 : 0;
}

static int
load_entries(struct db *db, struct assessment *a)
{
	struct line_rows r = { a, read_entry };

	return db_rows_by_id(db, "SELECT criterion_id, a, b, override, reason, "
	    "appraised1, appraised2, explanation, note1, note2 FROM par_entry "
	    "WHERE assessment_id = ?", a->id, line_row, &r, "par_entry");
}

static int
read_evidence(sqlite3_stmt *st, struct par_line *l)
{
	struct par_evidence *ev = realloc(l->evidence, (size_t)(l->nevidence + 1) * sizeof *ev);

	if (ev == NULL)
		return -1;
	l->evidence = ev;
	ev = &ev[l->nevidence++];
	ev->id = sqlite3_column_int64(st, 1);
	snprintf(ev->date, sizeof ev->date, "%s", (const char *)sqlite3_column_text(st, 3));
	ev->number = db_column_strdup(st, 2);
	ev->summary = db_column_strdup(st, 4);
	return ev->number == NULL || ev->summary == NULL ? -1 : 0;
}

static int
load_evidence(struct db *db, struct assessment *a)
{
	struct line_rows r = { a, read_evidence };

	return db_rows_by_id(db, "SELECT criterion_id, id, number, ifnull(date, ''), "
	    "summary FROM par_evidence WHERE assessment_id = ? ORDER BY ord, id", a->id, line_row,
	    &r, "par_evidence");
}

static int
load_sources(struct db *db, struct assessment *a)
{
	for (int i = 0; i < a->set.n; i++) {
		const struct par_node *c = &a->set.nodes[i];
		struct par_line *l = &a->lines[i];

		if (*c->source == '\0' || !c->leaf)
			continue;
		free(l->source_text);
		l->source_text = NULL;
		if (assessment_source(db, a->year, c->source, &l->in, &l->source_text) != 0)
			return -1;
		l->computed = true;
	}
	return 0;
}

/* The assessment's id, 0 when none; with survey_held.  -1 on error. */
static int64_t
find_assessment(struct db *db, int64_t set, int year, bool *survey_held)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, survey_held FROM par_assessment "
	    "WHERE set_id = ? AND year = ?");
	int64_t id = 0;
	int rc;

	*survey_held = true;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, set);
	sqlite3_bind_int(st, 2, year);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*survey_held = sqlite3_column_int(st, 1) != 0;
	} else if (rc != SQLITE_DONE) {
		id = db_fail_sql(db, "par_assessment");
	}
	sqlite3_finalize(st);
	return id;
}

int
assessment_load(struct db *db, int64_t set, int year, struct assessment *a)
{
	memset(a, 0, sizeof *a);
	a->year = year;
	if ((a->id = find_assessment(db, set, year, &a->survey_held)) < 0)
		return -1;
	if (criteria_load(db, set, &a->set) != 0)
		return -1;
	if ((a->lines = calloc((size_t)a->set.n + 1, sizeof *a->lines)) == NULL) {
		assessment_free(a);
		return db_fail(db, "%s", _("out of memory"));
	}
	for (int i = 0; i < a->set.n; i++) {
		a->lines[i].reason = strdup("");
		a->lines[i].explanation = strdup("");
		a->lines[i].source_text = strdup("");
		a->lines[i].note1 = strdup("");
		a->lines[i].note2 = strdup("");
		if (!a->lines[i].reason || !a->lines[i].explanation || !a->lines[i].source_text ||
		    !a->lines[i].note1 || !a->lines[i].note2) {
			assessment_free(a);
			return db_fail(db, "%s", _("out of memory"));
		}
	}
	if ((a->id != 0 && (load_entries(db, a) != 0 || load_evidence(db, a) != 0)) ||
	    load_sources(db, a) != 0) {
		assessment_free(a);
		return -1;
	}
	assessment_compute(a);
	return 0;
}

/* Saving. */

/* The assessment row of set and year, made when missing; inside the
 * caller's transaction.  The year's first assessment makes its set the
 * year's current one, so a set imported later does not hide it. */
static int64_t
ensure_assessment(struct db *db, int64_t set, int year)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR IGNORE INTO par_assessment (set_id, year) "
	    "VALUES (?, ?)");
	bool held;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, set);
	sqlite3_bind_int(st, 2, year);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_sql(db, "par_assessment");
	if (criteria_keep_current(db, year, set) != 0)
		return -1;
	return find_assessment(db, set, year, &held);
}

/* The criterion of set (its node, loaded alone) for checking an entry. */
static int
criterion_of(struct db *db, int64_t set, int64_t criterion, struct criteria_set *s, int *i)
{
	if (criteria_load(db, set, s) != 0)
		return -1;
	for (*i = 0; *i < s->n; (*i)++)
		if (s->nodes[*i].id == criterion)
			return 0;
	criteria_free(s);
	return db_fail(db, "%s", _("The criterion no longer exists"));
}

static int
check_entry(const struct par_node *c, const struct par_entry *en, struct err *e)
{
	const struct rule_input *in = &en->in;
	double floor = c->kind == RULE_MANUAL ? c->rule.floor : 0;

	if (!c->leaf)
		return err_set(e, -1, _("Only a criterion without sub-criteria is scored"));
	if (*c->source == '\0') {
		if (in->has_a && c->kind == RULE_YESNO && in->a != 0 && in->a != 1)
			return err_set(e, EF_A, _("Answer 1 (yes) or 0 (no)"));
		if (in->has_a && (c->kind == RULE_MANUAL || c->kind == RULE_SURVEY) &&
		    validate_range(in->a, floor, c->max, e, EF_A, _("Points")) != 0)
			return -1;
		if (in->has_a && c->kind != RULE_MANUAL &&
		    validate_range(in->a, 0, INFINITY, e, EF_A, _("Input")) != 0)
			return -1;
		if (in->has_b && !rule_uses_b(c->kind))
			return err_set(e, EF_B, _("This rule takes no denominator"));
		if (in->has_b && validate_range(in->b, 0, INFINITY, e, EF_B, _("Denominator")) != 0)
			return -1;
	}
	if (en->has_override && !isfinite(en->override))
		return err_set(e, EF_OVERRIDE, _("%s is not a number"), _("Override"));
	if (en->has_r1 && c->max > 0 &&
	    validate_range(en->r1, -INFINITY, c->max, e, EF_R1, _("Appraised, round 1")) != 0)
		return -1;
	if (en->has_r2 && c->max > 0 &&
	    validate_range(en->r2, -INFINITY, c->max, e, EF_R2, _("Appraised, round 2")) != 0)
		return -1;
	return 0;
}

static void
bind_opt(sqlite3_stmt *st, int i, bool has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Adds (d->id 0), updates or, when its number and summary are both
 * cleared, deletes document k of the entry of assessment and criterion;
 * inside the caller's transaction. */
static int
store_document(struct db *db, int64_t assessment, int64_t criterion,
    const struct par_document *d, int k, struct err *e)
{
	char *num = field_text(d->number, e, EF_DOCUMENT(k, EF_EVIDENCE_NUMBER),
	    _("Number, symbol"));
	char *sum = num ? field_text(d->summary, e, EF_DOCUMENT(k, EF_EVIDENCE_SUMMARY),
	    _("Summary")) : NULL;
	struct date date;
	sqlite3_stmt *st;
	int rc = -1;

	if (num == NULL || sum == NULL)
		goto out;
	if (d->id == 0 && *num == '\0' && *sum == '\0') {
		err_set(e, EF_DOCUMENT(k, EF_EVIDENCE_NUMBER),
		    _("Give the document's number or summary"));
		goto out;
	}
	if (d->date != NULL && *d->date != '\0' && !date_parse_iso(d->date, &date)) {
		err_set(e, EF_DOCUMENT(k, EF_EVIDENCE_DATE), _("%s is not a date"), _("Date"));
		goto out;
	}
	if (d->id == 0)
		st = db_prepare(db, "INSERT INTO par_evidence (assessment_id, criterion_id, ord, "
		    "number, date, summary) VALUES (?1, ?2, (SELECT ifnull(max(ord), 0) + 1 FROM "
		    "par_evidence WHERE assessment_id = ?1 AND criterion_id = ?2), ?3, ?4, ?5)");
	else if (*num == '\0' && *sum == '\0')
		st = db_prepare(db, "DELETE FROM par_evidence WHERE assessment_id = ?1 AND "
		    "criterion_id = ?2 AND id = ?6");
	else
		st = db_prepare(db, "UPDATE par_evidence SET number = ?3, date = ?4, summary = ?5 "
		    "WHERE assessment_id = ?1 AND criterion_id = ?2 AND id = ?6");
	if (st == NULL) {
		err_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, assessment);
	sqlite3_bind_int64(st, 2, criterion);
	if (d->id == 0 || *num != '\0' || *sum != '\0') {
		db_bind_text(st, 3, num);
		db_bind_text_or_null(st, 4, d->date);
		db_bind_text(st, 5, sum);
	}
	if (d->id != 0)
		sqlite3_bind_int64(st, 6, d->id);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else {
		db_fail_sql(db, "par_evidence");
		err_db(e, db);
	}
	sqlite3_finalize(st);
out:
	free(num);
	free(sum);
	return rc;
}

/* The entry is written with an upsert: INSERT OR REPLACE would delete the
 * row first, and its documents with it (ON DELETE CASCADE). */
static int
store_entry(struct db *db, int64_t set, int year, const struct par_node *c,
    const struct par_entry *en, struct err *e)
{
	sqlite3_stmt *st;
	char *reason = NULL, *explanation = NULL, *note1 = NULL, *note2 = NULL;
	int64_t id;
	bool typed = *c->source == '\0';
	int rc = -1;

	if (check_entry(c, en, e) != 0)
		return -1;
	if ((reason = field_text(en->reason, e, EF_REASON, _("Reason"))) == NULL ||
	    (explanation = field_text(en->explanation, e, EF_EXPLANATION,
	    _("Explanation"))) == NULL ||
	    (note1 = field_text(en->note1, e, EF_NOTE1, _("Round 1 note"))) == NULL ||
	    (note2 = field_text(en->note2, e, EF_NOTE2, _("Round 2 note"))) == NULL)
		goto out;
	if (en->has_override && *reason == '\0') {
		err_set(e, EF_REASON, _("Give the reason for overriding the points"));
		goto out;
	}
	/* Dropping it would lose what was typed (issue 19). */
	if (!en->has_override && *reason != '\0') {
		err_set(e, EF_REASON, _("A reason goes with an override; write the appraisal's "
		    "in its round's note"));
		goto out;
	}
	if ((id = ensure_assessment(db, set, year)) <= 0 ||
	    (st = db_prepare(db, "INSERT INTO par_entry (assessment_id, criterion_id, a, b, "
	    "override, reason, appraised1, appraised2, explanation, note1, note2) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, criterion_id) "
	    "DO UPDATE SET a = excluded.a, b = excluded.b, override = excluded.override, "
	    "reason = excluded.reason, appraised1 = excluded.appraised1, "
	    "appraised2 = excluded.appraised2, explanation = excluded.explanation, "
	    "note1 = excluded.note1, note2 = excluded.note2")) == NULL) {
		err_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, c->id);
	bind_opt(st, 3, typed && en->in.has_a, en->in.a);
	bind_opt(st, 4, typed && en->in.has_b, en->in.b);
	bind_opt(st, 5, en->has_override, en->override);
	db_bind_text(st, 6, reason);
	bind_opt(st, 7, en->has_r1, en->r1);
	bind_opt(st, 8, en->has_r2, en->r2);
	db_bind_text(st, 9, explanation);
	db_bind_text(st, 10, note1);
	db_bind_text(st, 11, note2);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else {
		db_fail_sql(db, "par_entry");
		err_db(e, db);
	}
	sqlite3_finalize(st);
	for (int k = 0; rc == 0 && k < en->ndocuments; k++) {
		const struct par_document *d = &en->documents[k];

		/* The form's empty line for a new document. */
		if (d->id == 0 && (d->number == NULL || *d->number == '\0') &&
		    (d->summary == NULL || *d->summary == '\0'))
			continue;
		rc = store_document(db, id, c->id, d, k, e);
	}
out:
	free(reason);
	free(explanation);
	free(note1);
	free(note2);
	return rc;
}

int
assessment_entry_save(struct db *db, int64_t set, int year, int64_t criterion,
    const struct par_entry *en, struct err *err)
{
	struct criteria_set s;
	int i, rc;

	err_clear(err);
	if (criterion_of(db, set, criterion, &s, &i) != 0)
		return err_db(err, db);
	if (db_begin(db) != 0) {
		criteria_free(&s);
		return err_db(err, db);
	}
	rc = field_commit(db, store_entry(db, set, year, &s.nodes[i], en, err), err);
	criteria_free(&s);
	return rc;
}

/* The entry row of a leaf, made empty when missing (evidence hangs on it);
 * inside the caller's transaction. */
static int64_t
ensure_entry(struct db *db, int64_t set, int year, int64_t criterion)
{
	int64_t id = ensure_assessment(db, set, year);
	sqlite3_stmt *st;
	int rc;

	if (id <= 0)
		return -1;
	if ((st = db_prepare(db, "INSERT OR IGNORE INTO par_entry (assessment_id, "
	    "criterion_id) VALUES (?, ?)")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, criterion);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? id : db_fail_sql(db, "par_entry");
}

static int
store_evidence(struct db *db, int64_t set, int year, int64_t criterion,
    const struct par_document *d, struct err *e)
{
	int64_t id = ensure_entry(db, set, year, criterion);

	if (id <= 0)
		return err_db(e, db);
	return store_document(db, id, criterion, d, 0, e);
}

int
assessment_evidence_add(struct db *db, int64_t set, int year, int64_t criterion,
    const char *number, const char *date, const char *summary, struct err *err)
{
	struct par_document d = { 0, number, date, summary };

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit(db, store_evidence(db, set, year, criterion, &d, err), err);
}

int
assessment_evidence_delete(struct db *db, int64_t id, struct trash **undo)
{
	static const struct trash_part parts[] = {
		{ "par_evidence", "id = ?1" },
	};

	return trash_delete(db, "par_evidence", id, parts, 1, undo);
}

int
assessment_set_survey(struct db *db, int64_t set, int year, bool held)
{
	sqlite3_stmt *st;
	int64_t id;

	if (db_begin(db) != 0)
		return -1;
	if ((id = ensure_assessment(db, set, year)) <= 0) {
		db_rollback(db);
		return -1;
	}
	if ((st = db_prepare(db, "UPDATE par_assessment SET survey_held = ? WHERE id = ?"))
	    != NULL) {
		sqlite3_bind_int(st, 1, held);
		sqlite3_bind_int64(st, 2, id);
	}
	return db_write_commit(db, st, "par_assessment");
}

/* Comparison. */

static int
match_section(const struct assessment *prev, const struct par_node *c)
{
	char *folded = text_fold(c->title);
	int found = -1;

	for (int pass = 0; pass < 2 && found < 0; pass++)
		for (int i = 0; i < prev->set.n && found < 0; i++) {
			const struct par_node *p = &prev->set.nodes[i];
			char *pf;

			if (p->parent >= 0)
				continue;
			if (pass == 1) {
				if (strcmp(p->code, c->code) == 0)
					found = i;
				continue;
			}
			pf = text_fold(p->title);
			if (folded != NULL && pf != NULL && strcmp(pf, folded) == 0)
				found = i;
			free(pf);
		}
	free(folded);
	return found;
}

int
assessment_compare(const struct assessment *cur, const struct assessment *prev,
    struct par_compare **out, int *n)
{
	int cap = 0;

	*out = NULL;
	*n = 0;
	for (int i = 0; i <= cur->set.n; i++) {
		struct par_compare *r;
		int j = -1;

		if (i < cur->set.n && cur->set.nodes[i].parent >= 0)
			continue;
		if (array_reserve(out, *n, &cap, sizeof **out) != 0) {
			free(*out);
			*out = NULL;
			*n = 0;
			return -1;
		}
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		if (i == cur->set.n) {	/* the index row */
			r->now = cur->self.index;
			r->now_max = 100;
			if ((r->has_before = prev != NULL)) {
				r->before = prev->self.index;
				r->before_max = 100;
			}
		} else {
			r->code = cur->set.nodes[i].code;
			r->title = cur->set.nodes[i].title;
			r->now = cur->lines[i].points;
			r->now_max = cur->set.nodes[i].max;
			if (prev != NULL && (j = match_section(prev, &cur->set.nodes[i])) >= 0) {
				r->has_before = true;
				r->before = prev->lines[j].points;
				r->before_max = prev->set.nodes[j].max;
			}
		}
		r->difference = r->has_before ? rule_round(r->now - r->before) : 0;
	}
	return 0;
}
