/* SIPAS forms, the paper sheets of a round: listed, checked, stored,
 * replaced and deleted (to the trash). */
#include "core/sipas/sipas.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/array.h"
#include "core/text/i18n.h"

bool
sipas_answer_valid(const struct sipas_questionnaire *q, int v)
{
	for (int i = 0; i < q->nscale; i++)
		if (q->scale[i].value == v)
			return true;
	return v == 0;
}

bool
sipas_option_valid(const struct sipas_questionnaire *q, int field, int v)
{
	const struct sipas_field *f = &q->fields[field];

	for (int i = 0; i < f->noptions; i++)
		if (f->options[i].value == v)
			return true;
	return v == 0;
}

/* One integer from a query with a round parameter; -1 on error. */
static int
round_int(struct db *db, const char *sql, int64_t round, int number)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int v = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, round);
	if (sqlite3_bind_parameter_count(st) > 1)
		sqlite3_bind_int(st, 2, number);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	else
		db_fail_sql(db, "sipas forms");
	sqlite3_finalize(st);
	return v;
}

int
sipas_form_exists(struct db *db, int64_t round, int number)
{
	return round_int(db, "SELECT count(*) FROM sipas_form WHERE round_id = ? AND number = ?",
	    round, number);
}

int
sipas_form_next_number(struct db *db, int64_t round)
{
	return round_int(db, "SELECT coalesce(max(number), 0) + 1 FROM sipas_form "
	    "WHERE round_id = ?", round, 0);
}

int
sipas_form_count(struct db *db, int64_t round)
{
	return round_int(db, "SELECT count(*) FROM sipas_form WHERE round_id = ?", round, 0);
}

#define DELETE_FORM "DELETE FROM sipas_form WHERE round_id = ? AND number = ?"

int
sipas_form_delete(struct db *db, int64_t round, int number, struct trash **undo)
{
	static const struct trash_part parts[] = {
		{ "sipas_form", "id = ?1" },
		{ "sipas_respondent", "form_id = ?1" },
		{ "sipas_answer", "form_id = ?1" },
	};
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM sipas_form WHERE round_id = ? "
	    "AND number = ?");
	int64_t id = 0;
	int rc;

	if (undo != NULL)
		*undo = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, round);
	sqlite3_bind_int(st, 2, number);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail_sql(db, "sipas form");
	if (id == 0)
		return 0;
	return trash_delete(db, "sipas_form", id, parts, sizeof parts / sizeof parts[0], undo);
}

static int
field_index(const struct sipas_questionnaire *q, int64_t id)
{
	for (int i = 0; i < q->nfields; i++)
		if (q->fields[i].id == id)
			return i;
	return -1;
}

/* The forms being listed, in number order. */
struct form_list {
	const struct sipas_questionnaire *q;
	struct sipas_form *v;
	int n, cap;
};

static int
form_row(sqlite3_stmt *st, void *ctx)
{
	struct form_list *l = ctx;

	if (array_reserve(&l->v, l->n, &l->cap, sizeof *l->v) != 0)
		return -1;
	memset(&l->v[l->n], 0, sizeof l->v[l->n]);
	l->v[l->n++].number = sqlite3_column_int(st, 0);
	return 0;
}

static int
number_cmp(const void *key, const void *form)
{
	int a = *(const int *)key, b = ((const struct sipas_form *)form)->number;

	return (a > b) - (a < b);
}

/* A value of a form: (number, 0, question id, answer) or (number, 1,
 * field id, option). */
static int
value_row(sqlite3_stmt *st, void *ctx)
{
	struct form_list *l = ctx;
	int number = sqlite3_column_int(st, 0), value = sqlite3_column_int(st, 3), i;
	int64_t id = sqlite3_column_int64(st, 2);
	struct sipas_form *f = bsearch(&number, l->v, (size_t)l->n, sizeof *l->v, number_cmp);

	if (f == NULL)
		return 0;
	if (sqlite3_column_int(st, 1) == 0) {
		if ((i = sipas_question_index(l->q, id)) >= 0)
			f->answers[i] = value;
	} else if ((i = field_index(l->q, id)) >= 0) {
		f->fields[i] = value;
	}
	return 0;
}

int
sipas_form_list(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    struct sipas_form **out, int *n)
{
	struct form_list l = { q, NULL, 0, 0 };

	*out = NULL;
	*n = 0;
	if (db_rows_by_id(db, "SELECT number FROM sipas_form WHERE round_id = ? ORDER BY number",
	    round, form_row, &l, "sipas forms") != 0 ||
	    (l.n > 0 && db_rows_by_id(db, "SELECT f.number, 0, a.question_id, a.value "
	    "FROM sipas_answer a JOIN sipas_form f ON f.id = a.form_id WHERE f.round_id = ?1 "
	    "UNION ALL SELECT f.number, 1, r.field_id, r.value FROM sipas_respondent r "
	    "JOIN sipas_form f ON f.id = r.form_id WHERE f.round_id = ?1",
	    round, value_row, &l, "sipas forms") != 0)) {
		free(l.v);
		return -1;
	}
	*out = l.v;
	*n = l.n;
	return 0;
}

static int
check_form(struct db *db, const struct sipas_questionnaire *q, const struct sipas_form *f,
    int64_t round, struct err *e)
{
	int exists;

	if (f->number <= 0)
		return err_set(e, SFF_NUMBER, _("The form number must be at least 1"));
	if ((exists = sipas_form_exists(db, round, f->number)) < 0)
		return err_db(e, db);
	if (exists)
		return err_set(e, SFF_NUMBER, _("Form %d is already entered in this round"),
		    f->number);
	for (int i = 0; i < q->nfields; i++)
		if (!sipas_option_valid(q, i, f->fields[i]))
			return err_set(e, SFF_FIELDS + i, _("%s: %d is not an option"),
			    q->fields[i].name, f->fields[i]);
	for (int i = 0; i < q->nquestions; i++)
		if (!sipas_answer_valid(q, f->answers[i]))
			return err_set(e, SFF_ANSWERS + i, _("Question %s: %d is not on the scale"),
			    q->questions[i].code, f->answers[i]);
	return 0;
}

/* Inserts (a, b, c) with st, reset for the next row. */
static int
insert3(struct db *db, sqlite3_stmt *st, int64_t a, int64_t b, int c)
{
	int rc;

	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	sqlite3_bind_int(st, 3, c);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "sipas form");
}

static int
store_form(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    const struct sipas_form *f, struct err *e)
{
	sqlite3_stmt *st;
	int64_t form;
	int rc = 0;

	if (check_form(db, q, f, round, e) != 0)
		return -1;
	if ((st = db_prepare(db, "INSERT INTO sipas_form (round_id, number) VALUES (?, ?)")) == NULL)
		return err_db(e, db);
	sqlite3_bind_int64(st, 1, round);
	sqlite3_bind_int(st, 2, f->number);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail_sql(db, "sipas form");
	sqlite3_finalize(st);
	if (rc != 0)
		return err_db(e, db);
	form = sqlite3_last_insert_rowid(db_sqlite(db));
	st = db_prepare(db, "INSERT INTO sipas_respondent (form_id, field_id, value) VALUES (?, ?, ?)");
	for (int i = 0; st != NULL && rc == 0 && i < q->nfields; i++)
		if (f->fields[i] != 0)
			rc = insert3(db, st, form, q->fields[i].id, f->fields[i]);
	sqlite3_finalize(st);
	if (st == NULL || rc != 0)
		return err_db(e, db);
	st = db_prepare(db, "INSERT INTO sipas_answer (form_id, question_id, value) VALUES (?, ?, ?)");
	for (int i = 0; st != NULL && rc == 0 && i < q->nquestions; i++)
		rc = insert3(db, st, form, q->questions[i].id, f->answers[i]);
	sqlite3_finalize(st);
	return st == NULL || rc != 0 ? err_db(e, db) : 0;
}

/* Stores f in one transaction, in place of form old_number when replace. */
static int
write_form(struct db *db, const struct sipas_questionnaire *q, int64_t round, bool replace,
    int old_number, const struct sipas_form *f, struct err *err)
{
	int rc = 0, exists;

	if (field_begin(db, err) != 0)
		return -1;
	/* The old form goes first, so that f may keep its number; a refusal
	 * below rolls the delete back. */
	if (replace) {
		if ((exists = sipas_form_exists(db, round, old_number)) < 0 ||
		    (exists && db_run_id(db, DELETE_FORM, round, old_number, "sipas form") != 0))
			rc = err_db(err, db);
		else if (!exists)
			rc = err_set(err, SFF_NUMBER, _("Form %d is not in this round"), old_number);
	}
	if (rc == 0)
		rc = store_form(db, q, round, f, err);
	return field_commit(db, rc, err);
}

int
sipas_form_save(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    const struct sipas_form *f, struct err *err)
{
	return write_form(db, q, round, false, 0, f, err);
}

int
sipas_form_replace(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    int old_number, const struct sipas_form *f, struct err *err)
{
	return write_form(db, q, round, true, old_number, f, err);
}
