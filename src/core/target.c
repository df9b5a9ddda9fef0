#include "core/target.h"

#include <stdlib.h>

#include "core/array.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/text.h"

int64_t
target_insert(struct db *db, const struct target *t)
{
	sqlite3_stmt *st;
	char *text = text_nfc(t->text), *folded = text_fold(t->text);
	char *num = text_nfc(t->numerator_label), *den = text_nfc(t->denominator_label);
	int64_t id = -1;

	if (!text || !folded || !num || !den) {
		db_fail(db, _("target: not valid UTF-8 text"));
		goto out;
	}
	if (*folded == '\0') {
		db_fail(db, _("target: the text is required"));
		goto out;
	}
	st = db_prepare(db, "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, "
	    "comparator, value, baseline, numerator_label, denominator_label, lead_unit_id) "
	    "VALUES (?1, ?2, CASE WHEN ?3 > 0 THEN ?3 ELSE (SELECT ifnull(max(ord), 0) + 1 "
	    "FROM target WHERE plan_id = ?1 AND section_id = ?2) END, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, t->plan_id);
	sqlite3_bind_int64(st, 2, t->section_id);
	sqlite3_bind_int(st, 3, t->ord);
	db_bind_text(st, 4, text);
	db_bind_text(st, 5, folded);
	db_bind_text(st, 6, target_kind_name(t->rule.kind));
	db_bind_text(st, 7, comparator_symbol(t->rule.cmp));
	sqlite3_bind_double(st, 8, t->rule.value);
	if (t->rule.has_baseline)
		sqlite3_bind_double(st, 9, t->rule.baseline);
	db_bind_text(st, 10, num);
	db_bind_text(st, 11, den);
	db_bind_id_or_null(st, 12, t->lead_unit_id);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->sql);
	else
		db_fail_sql(db, _("target"));
	sqlite3_finalize(st);
out:
	free(text);
	free(folded);
	free(num);
	free(den);
	return id;
}

int
target_set_phase_value(struct db *db, int64_t target, int64_t phase, double value)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO target_phase "
	    "(target_id, phase_id, value) VALUES (?, ?, ?)");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, target);
	sqlite3_bind_int64(st, 2, phase);
	sqlite3_bind_double(st, 3, value);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "target phase");
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

static void
read_target(sqlite3_stmt *st, struct target *t)
{
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
	t->verdict = t->has_result ? evaluate_target(&t->rule, &t->result.measure)
	    : VERDICT_UNKNOWN;
}

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
	    " coalesce((SELECT tp.value FROM target_phase tp JOIN phase ph ON ph.id = tp.phase_id"
	    "  WHERE tp.target_id = t.id AND ?3 BETWEEN ph.year_from AND ph.year_to), t.value),"
	    " t.baseline, t.numerator_label, t.denominator_label, ifnull(t.lead_unit_id, 0),"
	    " ifnull(u.name, ''), r.id, r.numerator, r.denominator, r.value, r.evidence, r.note"
	    " FROM target t JOIN section s ON s.id = t.section_id"
	    " LEFT JOIN unit u ON u.id = t.lead_unit_id"
	    " LEFT JOIN result r ON r.target_id = t.id AND r.period_id ="
	    "  (SELECT id FROM period WHERE year = ?3 AND kind = ?4)"
	    " WHERE t.plan_id = ?1 AND (?2 = 0 OR t.section_id = ?2)"
	    " ORDER BY s.ord, t.ord, t.id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, section);
	sqlite3_bind_int(st, 3, year);
	sqlite3_bind_text(st, 4, period_kind_code(period), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		read_target(st, &v[count++]);
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
