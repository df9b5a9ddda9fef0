#include "core/plan/target.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/period.h"
#include "core/plan/phase.h"
#include "core/plan/target_import.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

/* What a target's value may be, by kind. */
static const struct {
	double min, max;
	bool whole;
	const char *message;
} value_rules[] = {
	[TARGET_RATE] = { 0, 100, false, N_("A rate must be between 0 and 100") },
	[TARGET_COUNT] = { 0, INFINITY, false, N_("A count cannot be negative") },
	[TARGET_REDUCTION] = { 0, 100, false, N_("A reduction must be between 0 and 100") },
	[TARGET_RANK] = { 1, INFINITY, true, N_("A rank must be a whole number from 1") },
	[TARGET_YESNO] = { 0, 1, true, N_("A yes/no value must be 0 (no) or 1 (yes)") },
};

int
target_check_value(enum target_kind k, double v, struct err *e, int field)
{
	if ((size_t)k >= sizeof value_rules / sizeof value_rules[0])
		return err_set(e, TF_KIND, _("Choose the kind of target"));
	if (!isfinite(v))
		return err_set(e, field, _("%s is not a number"), _("Value"));
	if (v < value_rules[k].min || v > value_rules[k].max ||
	    (value_rules[k].whole && v != floor(v)))
		return err_set(e, field, "%s", _(value_rules[k].message));
	return 0;
}

int
target_read_value(enum target_kind k, const char *text, bool required, double *out,
    bool *has, struct err *e, int field, const char *label)
{
	bool yes;

	*has = false;
	if (text[strspn(text, " \t")] == '\0')
		return required ? err_set(e, field, _("%s is required"), label) : 0;
	if (k == TARGET_YESNO) {
		if (!number_parse_yesno(text, &yes))
			return err_set(e, field, _("%s: write “có” or “không”"), label);
		*out = yes;
	} else if (!((k == TARGET_RATE || k == TARGET_REDUCTION) && number_parse_percent(text, out)) &&
	    !number_parse(text, out)) {
		return err_set(e, field, _("%s is not a number"), label);
	}
	*has = true;
	return 0;
}

/* Whether a phrase read as kind r can give the value of a target of kind
 * k: a percentage a rate's or a reduction's, a number a count's. */
static bool
reads_as(enum target_kind k, enum target_kind r)
{
	if (k == TARGET_RATE || k == TARGET_REDUCTION)
		return r == TARGET_RATE || r == TARGET_REDUCTION;
	return k == r;
}

int
target_read_planned(enum target_kind k, const char *text, double *out, enum comparator *cmp,
    struct err *e, int field, const char *label)
{
	struct target_rule rule;
	bool has;

	if (target_read_value(k, text, true, out, &has, e, field, label) == 0)
		return 0;
	if (k == TARGET_YESNO || text[strspn(text, " \t")] == '\0')
		return -1;
	if (target_read_text(text, &rule) != READING_FULL || !reads_as(k, rule.kind))
		return err_set(e, field, k == TARGET_COUNT ?
		    _("%s: write 5, or as plans do: \"at least 5\"") :
		    _("%s: write 80 or 80%%, or as plans do: \"at least 80%%\""),
		    label);
	*out = rule.value;
	*cmp = rule.cmp;
	return 0;
}

/* A target's text in NFC, as stored. */
struct target_row {
	char *text, *folded, *numerator_label, *denominator_label;
};

static void
row_free(struct target_row *r)
{
	free(r->text);
	free(r->folded);
	free(r->numerator_label);
	free(r->denominator_label);
}

static int
check(struct db *db, const struct target_input *t, int64_t id, struct target_row *r,
    struct err *e)
{
	const struct target_rule *rule = &t->rule;

	memset(r, 0, sizeof *r);
	if (id == 0 && validate_ref(db, "plan", t->plan_id, e, -1,
	    _("The plan no longer exists")) != 0)
		return -1;
	if (validate_ref(db, "section", t->section_id, e, TF_SECTION, _("Choose a section")) != 0)
		return -1;
	if ((r->text = field_text(t->text, e, TF_TEXT, _("Target"))) == NULL)
		return -1;
	if ((r->folded = text_fold(r->text)) == NULL)
		return err_set(e, -1, _("out of memory"));
	if (*r->folded == '\0')
		return err_set(e, TF_TEXT, _("%s is required"), _("Target"));
	if (target_kind_name(rule->kind) == NULL)
		return err_set(e, TF_KIND, _("Choose the kind of target"));
	if (comparator_symbol(rule->cmp) == NULL)
		return err_set(e, TF_COMPARATOR, _("Choose a comparison"));
	if (target_check_value(rule->kind, rule->value, e, TF_VALUE) != 0)
		return -1;
	if (rule->has_baseline &&
	    validate_range(rule->baseline, 0, INFINITY, e, TF_BASELINE, _("Baseline")) != 0)
		return -1;
	if ((r->numerator_label = field_text(t->numerator_label, e, TF_NUMERATOR_LABEL,
	    _("Numerator is"))) == NULL ||
	    (r->denominator_label = field_text(t->denominator_label, e, TF_DENOMINATOR_LABEL,
	    _("Denominator is"))) == NULL)
		return -1;
	if (t->lead_unit_id != 0 && validate_ref(db, "unit", t->lead_unit_id, e, TF_LEAD_UNIT,
	    _("The lead unit does not exist")) != 0)
		return -1;
	return 0;
}

/* Inserts (id 0) or updates t as target id, and sets *out; no
 * transaction of its own. */
static int
store(struct db *db, const struct target_input *t, int64_t id, int64_t *out,
    struct err *e)
{
	struct target_row r;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (check(db, t, id, &r, e) != 0)
		goto out;
	if (id == 0)
		st = db_prepare(db, "INSERT INTO target (plan_id, section_id, ord, text, folded, "
		    "kind, comparator, value, baseline, numerator_label, denominator_label, "
		    "lead_unit_id, horizon) VALUES (?1, ?2, CASE WHEN ?3 > 0 THEN ?3 ELSE "
		    "(SELECT ifnull(max(ord), 0) + 1 FROM target WHERE plan_id = ?1 AND "
		    "section_id = ?2) END, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14)");
	else
		/* The right-hand sides see the row before the update. */
		st = db_prepare(db, "UPDATE target SET ord = CASE WHEN section_id <> ?2 THEN "
		    "(SELECT ifnull(max(o.ord), 0) + 1 FROM target o WHERE "
		    "o.plan_id = target.plan_id AND o.section_id = ?2) WHEN ?3 > 0 THEN ?3 "
		    "ELSE ord END, section_id = ?2, text = ?4, folded = ?5, kind = ?6, "
		    "comparator = ?7, value = ?8, baseline = ?9, numerator_label = ?10, "
		    "denominator_label = ?11, lead_unit_id = ?12, horizon = ?14 WHERE id = ?13");
	if (st == NULL) {
		err_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, t->plan_id);
	sqlite3_bind_int64(st, 2, t->section_id);
	sqlite3_bind_int(st, 3, t->ord);
	db_bind_text(st, 4, r.text);
	db_bind_text(st, 5, r.folded);
	db_bind_text(st, 6, target_kind_name(t->rule.kind));
	db_bind_text(st, 7, comparator_symbol(t->rule.cmp));
	sqlite3_bind_double(st, 8, t->rule.value);
	if (t->rule.has_baseline)
		sqlite3_bind_double(st, 9, t->rule.baseline);
	db_bind_text(st, 10, r.numerator_label);
	db_bind_text(st, 11, r.denominator_label);
	db_bind_id_or_null(st, 12, t->lead_unit_id);
	if (id != 0)
		sqlite3_bind_int64(st, 13, id);
	if (t->has_horizon)
		db_bind_text(st, 14, target_horizon_name(t->horizon));
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "target");
		err_db(e, db);
	} else if (sqlite3_changes(db_sqlite(db)) == 0) {
		err_set(e, -1, _("The target no longer exists"));
	} else {
		if (id == 0)
			id = sqlite3_last_insert_rowid(db_sqlite(db));
		rc = t->phase_values == NULL ? 0 :
		    phase_values_store(db, id, t->phase_values, e, TF_PHASE_VALUES);
		*out = id;
	}
out:
	sqlite3_finalize(st);
	row_free(&r);
	return rc;
}

struct target_input
target_input_of(const struct target *t)
{
	return (struct target_input){
		.id = t->id, .plan_id = t->plan_id, .section_id = t->section_id, .ord = t->ord,
		.text = t->text, .rule = t->rule, .numerator_label = t->numerator_label,
		.denominator_label = t->denominator_label, .lead_unit_id = t->lead_unit_id,
		.has_horizon = t->has_horizon, .horizon = t->horizon,
	};
}

int
target_save(struct db *db, const struct target_input *in, int64_t *id,
    struct err *err)
{
	int64_t saved = 0;

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit_id(db, store(db, in, in->id, &saved, err), &saved, id, err);
}

int64_t
target_insert(struct db *db, const struct target_input *in)
{
	struct err e;
	int64_t id = 0;

	return field_inserted(db, store(db, in, 0, &id, &e), &id, &e);
}

int
target_delete(struct db *db, int64_t id, struct trash **undo)
{
	static const struct trash_part parts[] = {
		{ "target", "id = ?1" },
		{ "target_phase", "target_id = ?1" },
		{ "result", "target_id = ?1" },
	};

	return trash_delete(db, "target", id, parts, sizeof parts / sizeof parts[0], undo);
}

static void
read_measure(sqlite3_stmt *st, int col, struct measure *m)
{
	m->has_numerator = sqlite3_column_type(st, col) != SQLITE_NULL;
	m->numerator = sqlite3_column_double(st, col);
	m->has_denominator = sqlite3_column_type(st, col + 1) != SQLITE_NULL;
	m->denominator = sqlite3_column_double(st, col + 1);
	m->has_value = sqlite3_column_type(st, col + 2) != SQLITE_NULL;
	m->value = sqlite3_column_double(st, col + 2);
}

/* Whether the period's verdict is final: the period ends the target's
 * horizon (columns 19-21: its own horizon, its planned value for this
 * interim report, the last year of its phase or plan). */
static bool
is_final(sqlite3_stmt *st, const struct target *t, int year, enum period_kind period)
{
	enum target_horizon h = t->has_horizon ? t->horizon : target_kind_horizon(t->rule.kind);

	if (h == HORIZON_PERIOD || sqlite3_column_type(st, 20) != SQLITE_NULL)
		return true;
	if (period != PERIOD_YEAR)
		return false;
	return h == HORIZON_YEAR || year >= sqlite3_column_int(st, 21);
}

static void
read_target(sqlite3_stmt *st, struct target *t, int year, enum period_kind period)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->plan_id = sqlite3_column_int64(st, 1);
	t->section_id = sqlite3_column_int64(st, 2);
	t->ord = sqlite3_column_int(st, 3);
	t->text = db_column_strdup(st, 4);
	/* The CHECK constraints guarantee these parse. */
	target_kind_parse((const char *)sqlite3_column_text(st, 5), &t->rule.kind);
	comparator_parse((const char *)sqlite3_column_text(st, 6), &t->rule.cmp);
	t->rule.value = sqlite3_column_double(st, 7);
	t->rule.has_baseline = sqlite3_column_type(st, 8) != SQLITE_NULL;
	t->rule.baseline = sqlite3_column_double(st, 8);
	t->numerator_label = db_column_strdup(st, 9);
	t->denominator_label = db_column_strdup(st, 10);
	t->lead_unit_id = sqlite3_column_int64(st, 11);
	t->lead_unit = db_column_strdup(st, 12);
	t->has_result = sqlite3_column_type(st, 13) != SQLITE_NULL;
	t->result.id = sqlite3_column_int64(st, 13);
	read_measure(st, 14, &t->result.measure);
	t->result.evidence = db_column_strdup(st, 17);
	t->result.note = db_column_strdup(st, 18);
	t->has_horizon = sqlite3_column_type(st, 19) != SQLITE_NULL &&
	    target_horizon_parse((const char *)sqlite3_column_text(st, 19), &t->horizon);
	t->final = is_final(st, t, year, period);
	t->verdict = t->has_result ? evaluate_interim(&t->rule, &t->result.measure, t->final)
	    : VERDICT_UNKNOWN;
}

/* The planned value of the period ?4 when it is an interim report. */
#define INTERIM_VALUE "CASE ?4 WHEN 'q1' THEN t.value_q1 WHEN 'h1' THEN t.value_h1" \
	" WHEN 'm9' THEN t.value_m9 END"

int
target_list(struct db *db, int64_t plan, int64_t section,
    int year, enum period_kind period, struct target **out, int *n)
{
	sqlite3_stmt *st;
	struct target *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	st = db_prepare(db,
	    "SELECT t.id, t.plan_id, t.section_id, t.ord, t.text, t.kind, t.comparator,"
	    " coalesce(" INTERIM_VALUE ", (SELECT tp.value FROM target_phase tp"
	    "  JOIN phase ph ON ph.id = tp.phase_id"
	    "  WHERE tp.target_id = t.id AND ?3 BETWEEN ph.year_from AND ph.year_to), t.value),"
	    " t.baseline, t.numerator_label, t.denominator_label, ifnull(t.lead_unit_id, 0),"
	    " ifnull(u.name, ''), r.id, r.numerator, r.denominator, r.value, r.evidence, r.note,"
	    " t.horizon, " INTERIM_VALUE ", coalesce((SELECT ph.year_to FROM phase ph"
	    "  WHERE ph.plan_id = t.plan_id AND ?3 BETWEEN ph.year_from AND ph.year_to), p.year_to)"
	    /* No sort: see TASK_FROM in task.c. */
	    " FROM section s CROSS JOIN target t ON t.section_id = s.id JOIN plan p ON p.id = t.plan_id"
	    " LEFT JOIN unit u ON u.id = t.lead_unit_id"
	    " LEFT JOIN result r ON r.target_id = t.id AND r.period_id ="
	    "  (SELECT id FROM period WHERE year = ?3 AND kind = ?4)"
	    " WHERE t.plan_id = ?1 AND (?2 = 0 OR t.section_id = ?2)"
	    " ORDER BY s.ord, s.id, t.ord, t.id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, section);
	sqlite3_bind_int(st, 3, year);
	sqlite3_bind_text(st, 4, period_kind_code(period), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		read_target(st, &v[count++], year, period);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		targets_free(v, count);
		return db_fail_sql(db, "targets");
	}
	*out = v;
	*n = count;
	return 0;
}

void
targets_free(struct target *t, int n)
{
	for (int i = 0; i < n; i++) {
		free(t[i].text);
		free(t[i].numerator_label);
		free(t[i].denominator_label);
		free(t[i].lead_unit);
		free(t[i].result.evidence);
		free(t[i].result.note);
	}
	free(t);
}
