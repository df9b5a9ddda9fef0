/* SIPAS questionnaires loaded from the database: their scale, elements,
 * questions and respondent fields, and the list to choose one from. */
#include "core/sipas/sipas.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/i18n.h"

static void
options_free(struct sipas_option *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].label);
	free(v);
}

void
sipas_questionnaire_free(struct sipas_questionnaire *q)
{
	free(q->name);
	free(q->note);
	options_free(q->scale, q->nscale);
	for (int i = 0; i < q->nelements; i++) {
		free(q->elements[i].code);
		free(q->elements[i].title);
	}
	free(q->elements);
	for (int i = 0; i < q->nquestions; i++) {
		free(q->questions[i].code);
		free(q->questions[i].text);
	}
	free(q->questions);
	for (int i = 0; i < q->nfields; i++) {
		free(q->fields[i].code);
		free(q->fields[i].name);
		options_free(q->fields[i].options, q->fields[i].noptions);
	}
	free(q->fields);
	memset(q, 0, sizeof *q);
}

/* A list of options being loaded. */
struct option_list {
	struct sipas_option *v;
	int n, cap;
};

static int
option_row(sqlite3_stmt *st, void *ctx)
{
	struct option_list *l = ctx;
	struct sipas_option *o;

	if (array_reserve(&l->v, l->n, &l->cap, sizeof *l->v) != 0)
		return -1;
	o = &l->v[l->n];
	o->value = sqlite3_column_int(st, 0);
	o->satisfied = sqlite3_column_int(st, 2) != 0;
	if ((o->label = db_column_strdup(st, 1)) == NULL)
		return -1;
	l->n++;
	return 0;
}

static int
load_options(struct db *db, const char *sql, int64_t owner, struct sipas_option **out, int *n)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	struct option_list l = { NULL, 0, 0 };
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, owner);
	rc = db_each_row(db, st, option_row, &l, "sipas options");
	*out = l.v;
	*n = l.n;
	return rc;
}

static int
element_row(sqlite3_stmt *st, void *ctx)
{
	struct sipas_questionnaire *q = ctx;
	struct sipas_element *e;

	/* A handful of rows: grown one at a time. */
	if ((e = realloc(q->elements, (size_t)(q->nelements + 1) * sizeof *e)) == NULL)
		return -1;
	q->elements = e;
	e = &q->elements[q->nelements];
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->weight = sqlite3_column_double(st, 3);
	q->nelements++;
	if ((e->code = db_column_strdup(st, 1)) == NULL || (e->title = db_column_strdup(st, 2)) == NULL)
		return -1;
	return 0;
}

static int
question_row(sqlite3_stmt *st, void *ctx)
{
	struct sipas_questionnaire *q = ctx;
	int64_t element = sqlite3_column_int64(st, 3);
	struct sipas_question *v;
	int e;

	if (q->nquestions >= SIPAS_MAX_QUESTIONS)
		return -1;
	if ((v = realloc(q->questions, (size_t)(q->nquestions + 1) * sizeof *v)) == NULL)
		return -1;
	q->questions = v;
	v = &q->questions[q->nquestions];
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(st, 0);
	for (e = 0; e < q->nelements && q->elements[e].id != element; e++)
		continue;
	if (e < q->nelements) {
		if (q->elements[e].nquestions++ == 0)
			q->elements[e].first = q->nquestions;
	}
	q->nquestions++;
	if ((v->code = db_column_strdup(st, 1)) == NULL || (v->text = db_column_strdup(st, 2)) == NULL)
		return -1;
	return 0;
}

static int
field_row(sqlite3_stmt *st, void *ctx)
{
	struct sipas_questionnaire *q = ctx;
	struct sipas_field *f;

	if (q->nfields >= SIPAS_MAX_FIELDS)
		return -1;
	if ((f = realloc(q->fields, (size_t)(q->nfields + 1) * sizeof *f)) == NULL)
		return -1;
	q->fields = f;
	f = &q->fields[q->nfields];
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	q->nfields++;
	if ((f->code = db_column_strdup(st, 1)) == NULL || (f->name = db_column_strdup(st, 2)) == NULL)
		return -1;
	return 0;
}

static int
load_head(struct db *db, int64_t id, struct sipas_questionnaire *q)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, formula, note FROM sipas_questionnaire "
	    "WHERE id = ?");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		q->id = id;
		q->name = db_column_strdup(st, 0);
		q->note = db_column_strdup(st, 2);
		if (!sipas_formula_parse((const char *)sqlite3_column_text(st, 1), &q->formula))
			q->formula = SIPAS_MEAN;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return db_fail(db, _("no questionnaire has the number %lld"), (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail_sql(db, "sipas questionnaire");
	return q->name && q->note ? 0 : db_fail(db, "%s", strerror(ENOMEM));
}

int
sipas_questionnaire_load(struct db *db, int64_t id, struct sipas_questionnaire *q)
{
	memset(q, 0, sizeof *q);
	if (load_head(db, id, q) != 0 ||
	    load_options(db, "SELECT value, label, satisfied FROM sipas_scale "
	    "WHERE questionnaire_id = ? ORDER BY value", id, &q->scale, &q->nscale) != 0 ||
	    db_rows_by_id(db, "SELECT id, code, title, weight FROM sipas_element "
	    "WHERE questionnaire_id = ? ORDER BY ord", id, element_row, q, "sipas questionnaire") != 0 ||
	    db_rows_by_id(db, "SELECT qu.id, qu.code, qu.text, qu.element_id FROM sipas_question qu "
	    "JOIN sipas_element e ON e.id = qu.element_id WHERE e.questionnaire_id = ? "
	    "ORDER BY e.ord, qu.ord", id, question_row, q, "sipas questionnaire") != 0 ||
	    db_rows_by_id(db, "SELECT id, code, name FROM sipas_field "
	    "WHERE questionnaire_id = ? ORDER BY ord", id, field_row, q, "sipas questionnaire") != 0)
		goto fail;
	for (int i = 0; i < q->nfields; i++)
		if (load_options(db, "SELECT value, label, 0 FROM sipas_field_option "
		    "WHERE field_id = ? ORDER BY value", q->fields[i].id, &q->fields[i].options,
		    &q->fields[i].noptions) != 0)
			goto fail;
	for (int i = 0; i < q->nscale; i++)
		if (q->scale[i].value > q->max_value)
			q->max_value = q->scale[i].value;
	return 0;
fail:
	sipas_questionnaire_free(q);
	return -1;
}

static int
name_row(sqlite3_stmt *st, void *element)
{
	struct sipas_name *v = element;

	v->id = sqlite3_column_int64(st, 0);
	return (v->name = db_column_strdup(st, 1)) != NULL ? 0 : -1;
}

int
sipas_questionnaire_list(struct db *db, struct sipas_name **out, int *n)
{
	if (db_list(db, "SELECT id, name FROM sipas_questionnaire ORDER BY folded",
	    sizeof **out, name_row, "sipas questionnaires", out, n) == 0)
		return 0;
	sipas_names_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

void
sipas_names_free(struct sipas_name *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

int
sipas_question_index(const struct sipas_questionnaire *q, int64_t id)
{
	for (int i = 0; i < q->nquestions; i++)
		if (q->questions[i].id == id)
			return i;
	return -1;
}
