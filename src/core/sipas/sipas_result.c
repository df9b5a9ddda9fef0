/* SIPAS results: a round's answers tallied by question and element, for
 * all forms or those of one respondent option, and the round's index. */
#include "core/sipas/sipas.h"

#include <sqlite3.h>
#include <string.h>

#include "core/store/db.h"

/* The forms of a round, or those of one option of a respondent field
 * (?3 = 0: the forms that do not give the field). */
#define FORM_FILTER "f.round_id = ?1 AND (?2 = 0 OR (?3 = 0 AND NOT EXISTS " \
	"(SELECT 1 FROM sipas_respondent r WHERE r.form_id = f.id AND r.field_id = ?2)) " \
	"OR EXISTS (SELECT 1 FROM sipas_respondent r WHERE r.form_id = f.id " \
	"AND r.field_id = ?2 AND r.value = ?3))"

static sqlite3_stmt *
filtered(struct db *db, const char *sql, const struct sipas_questionnaire *q, int64_t round,
    int field, int option)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, round);
	sqlite3_bind_int64(st, 2, field >= 0 ? q->fields[field].id : 0);
	sqlite3_bind_int(st, 3, option);
	return st;
}

static bool
satisfied_value(const struct sipas_questionnaire *q, int v)
{
	for (int i = 0; i < q->nscale; i++)
		if (q->scale[i].value == v)
			return q->scale[i].satisfied;
	return false;
}

/* Adds count answers v to tally t. */
static void
tally_add(const struct sipas_questionnaire *q, struct sipas_tally *t, int v, int count)
{
	if (v == 0) {
		t->no_answer += count;
		return;
	}
	t->answered += count;
	if (satisfied_value(q, v))
		t->satisfied += count;
}

int
sipas_results(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    int field, int option, struct sipas_results *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	st = filtered(db, "SELECT count(*) FROM sipas_form f WHERE " FORM_FILTER, q, round,
	    field, option);
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		out->forms = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail_sql(db, "sipas results");
	st = filtered(db, "SELECT a.question_id, a.value, count(*) FROM sipas_answer a "
	    "JOIN sipas_form f ON f.id = a.form_id WHERE " FORM_FILTER
	    " GROUP BY a.question_id, a.value", q, round, field, option);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = sipas_question_index(q, sqlite3_column_int64(st, 0));

		if (i >= 0)
			tally_add(q, &out->questions[i], sqlite3_column_int(st, 1),
			    sqlite3_column_int(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_sql(db, "sipas results");
	for (int e = 0; e < q->nelements; e++) {
		const struct sipas_element *el = &q->elements[e];

		for (int i = el->first; i < el->first + el->nquestions; i++) {
			out->elements[e].satisfied += out->questions[i].satisfied;
			out->elements[e].answered += out->questions[i].answered;
			out->elements[e].no_answer += out->questions[i].no_answer;
		}
	}
	out->has_index = sipas_index(q, out->elements, &out->index);
	return 0;
}

int
sipas_round_index(struct db *db, int64_t round, bool *has, double *index)
{
	struct sipas_questionnaire q;
	struct sipas_round r;
	struct sipas_results res;
	int rc;

	*has = false;
	if (sipas_round_load(db, round, &r, &q) != 0)
		return -1;
	rc = sipas_results(db, &q, round, -1, 0, &res);
	if (rc == 0 && res.has_index) {
		*has = true;
		*index = sipas_round2(res.index);
	}
	sipas_round_free(&r);
	sipas_questionnaire_free(&q);
	return rc;
}
