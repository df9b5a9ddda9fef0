#include "core/plan/result.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/period.h"
#include "core/plan/target.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

static void
bind_optional(sqlite3_stmt *st, int i, bool has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Writes the row; no transaction of its own.  ev and nt are NFC. */
static int
put(struct db *db, int64_t target, int year, enum period_kind k,
    const struct measure *m, const char *ev, const char *nt, struct err *e)
{
	int64_t period = period_ensure(db, year, k);
	sqlite3_stmt *st;
	int rc;

	if (period < 0)
		return err_db(e, db);
	st = db_prepare(db, "INSERT INTO result (target_id, period_id, numerator, denominator, "
	    "value, evidence, note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_id, period_id) "
	    "DO UPDATE SET numerator = excluded.numerator, denominator = excluded.denominator, "
	    "value = excluded.value, evidence = excluded.evidence, note = excluded.note");
	if (st == NULL)
		return err_db(e, db);
	sqlite3_bind_int64(st, 1, target);
	sqlite3_bind_int64(st, 2, period);
	bind_optional(st, 3, m->has_numerator, m->numerator);
	bind_optional(st, 4, m->has_denominator, m->denominator);
	bind_optional(st, 5, m->has_value, m->value);
	db_bind_text(st, 6, ev);
	db_bind_text(st, 7, nt);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail_sql(db, "result");
		return err_db(e, db);
	}
	return 0;
}

static int
remove_row(struct db *db, int64_t target, int year, enum period_kind k)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "DELETE FROM result WHERE target_id = ? AND period_id = "
	    "(SELECT id FROM period WHERE year = ? AND kind = ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, target);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_text(st, 3, period_kind_code(k), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "result");
}

/* A rate counted as numerator / denominator. */
static int
check_pair(const struct measure *m, struct err *e)
{
	if (!m->has_numerator && !m->has_denominator)
		return 0;
	if (!m->has_numerator || !m->has_denominator)
		return err_set(e, m->has_numerator ? RF_DENOMINATOR : RF_NUMERATOR,
		    _("Enter both the numerator and the denominator"));
	if (m->numerator < 0)
		return err_set(e, RF_NUMERATOR, _("%s cannot be negative"), _("Numerator"));
	if (m->denominator < 0)
		return err_set(e, RF_DENOMINATOR, _("%s cannot be negative"), _("Denominator"));
	if (m->denominator == 0 && m->numerator != 0)
		return err_set(e, RF_DENOMINATOR,
		    _("The denominator must be above 0 (both 0 when nothing arose)"));
	if (m->numerator > m->denominator)
		return err_set(e, RF_NUMERATOR, _("The numerator cannot exceed the denominator"));
	return 0;
}

/* Without a baseline the office enters the reduction in percent; with one
 * it enters the current figure, which the reduction is computed from. */
static int
check_reduction(const struct target_rule *rule, double v, struct err *e)
{
	if (rule->has_baseline && v < 0)
		return err_set(e, RF_VALUE, _("The current figure cannot be negative"));
	if (!rule->has_baseline && v > 100)
		return err_set(e, RF_VALUE, _("A reduction cannot be more than 100%%"));
	return 0;
}

int
result_check(const struct target_rule *rule, const struct measure *m, struct err *e)
{
	if ((m->has_numerator && !isfinite(m->numerator)) ||
	    (m->has_denominator && !isfinite(m->denominator)) ||
	    (m->has_value && !isfinite(m->value)))
		return err_set(e, -1, _("A figure is not a number"));
	switch (rule->kind) {
	case TARGET_RATE:
		if (check_pair(m, e) != 0)
			return -1;
		break;
	case TARGET_COUNT:
		if (m->has_numerator &&
		    target_check_value(rule->kind, m->numerator, e, RF_NUMERATOR) != 0)
			return -1;
		break;
	case TARGET_REDUCTION:
		return m->has_value ? check_reduction(rule, m->value, e) : 0;
	default:
		break;
	}
	if (m->has_value)
		return target_check_value(rule->kind, m->value, e, RF_VALUE);
	return 0;
}

const char *
result_value_label(enum target_kind k)
{
	return k == TARGET_YESNO ? _("Achieved (yes or no)") : _("Value");
}

int
result_read(enum target_kind k, const char *numerator, const char *denominator,
    const char *value, struct measure *m, struct err *e)
{
	memset(m, 0, sizeof *m);
	if (k != TARGET_RATE)
		return target_read_value(k, value, false, &m->value, &m->has_value, e, RF_VALUE,
		    result_value_label(k));
	if (number_parse_percent(numerator, &m->value)) {
		m->has_value = true;
		if (denominator[strspn(denominator, " \t")] != '\0')
			return err_set(e, RF_DENOMINATOR,
			    _("Leave the denominator blank when the rate is typed in %%"));
		return 0;
	}
	return validate_number(numerator, false, -1e15, 1e15, &m->numerator, &m->has_numerator,
	    e, RF_NUMERATOR, _("Numerator")) != 0 ||
	    validate_number(denominator, false, -1e15, 1e15, &m->denominator,
	    &m->has_denominator, e, RF_DENOMINATOR, _("Denominator")) != 0 ? -1 : 0;
}

static int
save(struct db *db, const struct target *t, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note, struct err *e)
{
	char *ev = NULL, *nt = NULL;
	int rc = -1;

	if (result_check(&t->rule, m, e) != 0 ||
	    (ev = field_text(evidence, e, RF_EVIDENCE, _("Evidence"))) == NULL ||
	    (nt = field_text(note, e, RF_NOTE, _("Note"))) == NULL)
		goto out;
	if (!m->has_numerator && !m->has_denominator && !m->has_value && *ev == '\0' &&
	    *nt == '\0')
		rc = remove_row(db, t->id, year, k) == 0 ? 0 : err_db(e, db);
	else
		rc = put(db, t->id, year, k, m, ev, nt, e);
out:
	free(ev);
	free(nt);
	return rc;
}

int
result_save(struct db *db, const struct target *t, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note,
    struct err *err)
{
	if (field_begin(db, err) != 0)
		return -1;
	return field_commit(db, save(db, t, year, k, m, evidence, note, err), err);
}

int
result_delete(struct db *db, int64_t target, int year, enum period_kind k)
{
	if (db_begin(db) != 0)
		return -1;
	if (remove_row(db, target, year, k) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
result_put(struct db *db, int64_t target, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note)
{
	struct err e;
	char *ev = field_text(evidence, &e, RF_EVIDENCE, _("Evidence"));
	char *nt = field_text(note, &e, RF_NOTE, _("Note"));
	int rc;

	if (ev != NULL && nt != NULL && !m->has_numerator && !m->has_denominator &&
	    !m->has_value && *ev == '\0' && *nt == '\0') {
		free(ev);
		free(nt);
		return remove_row(db, target, year, k);
	}
	rc = ev && nt ? put(db, target, year, k, m, ev, nt, &e) : -1;
	free(ev);
	free(nt);
	return rc == 0 ? 0 : db_fail(db, "%s", e.msg);
}
