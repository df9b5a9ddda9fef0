/* SIPAS questionnaires, rounds, forms and their indexes. */
#include "core/sipas.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"
#include "core/paths.h"
#include "core/result.h"
#include "core/target.h"
#include "core/text.h"
#include "core/trash.h"
#include "core/tsv.h"
#include "core/validate.h"

#define SHIPPED_FILE "sipas-questionnaire.tsv"

static const char *const formula_codes[] = { "mean", "weighted", "pooled" };

const char *
sipas_formula_code(enum sipas_formula f)
{
	return formula_codes[f];
}

bool
sipas_formula_parse(const char *s, enum sipas_formula *out)
{
	for (int i = 0; i < 3; i++) {
		if (strcmp(s, formula_codes[i]) == 0) {
			*out = (enum sipas_formula)i;
			return true;
		}
	}
	return false;
}

const char *
sipas_formula_text(enum sipas_formula f)
{
	switch (f) {
	case SIPAS_WEIGHTED:
		return _("the mean of the element shares weighted by the elements' weights "
		    "(elements nobody answered left out)");
	case SIPAS_POOLED:
		return _("the share satisfied among all answers to all questions");
	default:
		return _("the mean of the element shares (elements nobody answered left out)");
	}
}

/* Arithmetic. */

bool
sipas_share(const struct sipas_tally *t, double *percent)
{
	if (t->answered <= 0)
		return false;
	*percent = 100.0 * t->satisfied / t->answered;
	return true;
}

bool
sipas_index(const struct sipas_questionnaire *q, const struct sipas_tally *elements,
    double *index)
{
	double sum = 0, weights = 0;
	int satisfied = 0, answered = 0;

	for (int i = 0; i < q->nelements; i++) {
		double share, w = q->formula == SIPAS_WEIGHTED ? q->elements[i].weight : 1;

		satisfied += elements[i].satisfied;
		answered += elements[i].answered;
		if (!sipas_share(&elements[i], &share))
			continue;
		sum += w * share;
		weights += w;
	}
	if (q->formula == SIPAS_POOLED) {
		struct sipas_tally all = { satisfied, answered, 0 };

		return sipas_share(&all, index);
	}
	if (weights <= 0)
		return false;
	*index = sum / weights;
	return true;
}

double
sipas_round2(double percent)
{
	/* The small nudge absorbs binary error: 100 * 1 / 8 is exact, but
	 * a mean like 87.345 may arrive as 87.34499999. */
	double scaled = fabs(percent) * 100 + 0.5 + 1e-7;

	return copysign(floor(scaled) / 100, percent);
}

/* Questionnaires. */

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

/* Runs st (bound) and calls row(st, ctx) for each row; 0 or -1. */
static int
each_row(struct db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *, void *), void *ctx,
    const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, ctx) != 0)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? db_fail(db, "%s", strerror(ENOMEM)) : db_fail_sql(db, what);
	return 0;
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
	rc = each_row(db, st, option_row, &l, "sipas options");
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

/* Runs sql with id as its parameter, calling row(st, ctx) for each row. */
static int
load_rows(struct db *db, const char *sql, int64_t id, int (*row)(sqlite3_stmt *, void *),
    void *ctx, const char *what)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return each_row(db, st, row, ctx, what);
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
	    load_rows(db, "SELECT id, code, title, weight FROM sipas_element "
	    "WHERE questionnaire_id = ? ORDER BY ord", id, element_row, q, "sipas questionnaire") != 0 ||
	    load_rows(db, "SELECT qu.id, qu.code, qu.text, qu.element_id FROM sipas_question qu "
	    "JOIN sipas_element e ON e.id = qu.element_id WHERE e.questionnaire_id = ? "
	    "ORDER BY e.ord, qu.ord", id, question_row, q, "sipas questionnaire") != 0 ||
	    load_rows(db, "SELECT id, code, name FROM sipas_field "
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

int
sipas_questionnaire_list(struct db *db, struct sipas_name **out, int *n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, name FROM sipas_questionnaire ORDER BY folded");
	struct sipas_name *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		v[count].id = sqlite3_column_int64(st, 0);
		if ((v[count].name = db_column_strdup(st, 1)) == NULL)
			break;
		count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sipas_names_free(v, count);
		return db_fail_sql(db, "sipas questionnaires");
	}
	*out = v;
	*n = count;
	return 0;
}

void
sipas_names_free(struct sipas_name *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* The importer. */

struct importer {
	struct db *db;
	const char *path;
	struct tsv tsv;
	int64_t questionnaire, element, field;
	int elements, questions, fields, options;	/* counted so far */
	int element_questions, field_options;		/* of the current one */
	unsigned scale_seen, option_seen;		/* bit per digit */
	bool satisfied;
};

static int
import_fail(struct importer *im, const char *field, const char *reason)
{
	if (field != NULL)
		return db_fail(im->db, _("%s line %d, field \"%s\": %s"), im->path,
		    im->tsv.lineno, field, reason);
	return db_fail(im->db, _("%s line %d: %s"), im->path, im->tsv.lineno, reason);
}

/* Field i of the record in NFC, required unless optional; NULL on failure
 * (the message set).  Caller frees. */
static char *
import_text(struct importer *im, int i, const char *label, bool optional)
{
	char *s = text_nfc(tsv_field(&im->tsv, i));

	if (s == NULL) {
		import_fail(im, label, _("not valid UTF-8 text"));
		return NULL;
	}
	if (!optional && *s == '\0') {
		free(s);
		import_fail(im, label, _("missing"));
		return NULL;
	}
	return s;
}

/* A one-digit value within lo..9. */
static int
import_digit(struct importer *im, int lo, int *out)
{
	const char *s = tsv_field(&im->tsv, 1);

	if (s[0] < '0' + lo || s[0] > '9' || s[1] != '\0')
		return import_fail(im, _("value"), lo == 0 ? _("not a digit 0-9") : _("not a digit 1-9"));
	*out = s[0] - '0';
	return 0;
}

/* Runs st, finalizes it; a constraint failure is reported on the line. */
static int
import_step(struct importer *im, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE) {
		char reason[300];

		snprintf(reason, sizeof reason, "%s", sqlite3_errmsg(im->db->sql));
		sqlite3_finalize(st);
		return import_fail(im, NULL, reason);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Removes the questionnaire called folded unless a round uses it. */
static int
import_replace(struct importer *im, const char *folded)
{
	sqlite3_stmt *st = db_prepare(im->db, "SELECT id, (SELECT count(*) FROM sipas_round r "
	    "WHERE r.questionnaire_id = q.id) FROM sipas_questionnaire q WHERE folded = ?");
	int64_t id = 0;
	int rounds = 0;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, folded);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		rounds = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (id == 0)
		return 0;
	if (rounds > 0) {
		char reason[200];

		snprintf(reason, sizeof reason, _("a questionnaire of this name is used by %d "
		    "survey rounds; give the new one another name"), rounds);
		return import_fail(im, _("name"), reason);
	}
	if ((st = db_prepare(im->db, "DELETE FROM sipas_questionnaire WHERE id = ?")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return import_step(im, st);
}

static int
read_questionnaire(struct importer *im)
{
	char *name = NULL, *folded = NULL, *note = NULL;
	enum sipas_formula formula = SIPAS_MEAN;
	const char *code = tsv_field(&im->tsv, 2);
	sqlite3_stmt *st;
	int rc = -1;

	if (im->questionnaire != 0)
		return import_fail(im, NULL, _("a file holds one questionnaire"));
	if (*code != '\0' && !sipas_formula_parse(code, &formula))
		return import_fail(im, _("formula"), _("not mean, weighted or pooled"));
	if ((name = import_text(im, 1, _("name"), false)) == NULL ||
	    (note = import_text(im, 3, _("note"), true)) == NULL)
		goto out;
	if ((folded = text_fold(name)) == NULL || import_replace(im, folded) != 0)
		goto out;
	st = db_prepare(im->db, "INSERT INTO sipas_questionnaire (name, folded, formula, note) "
	    "VALUES (?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, folded);
	db_bind_text(st, 3, sipas_formula_code(formula));
	db_bind_text(st, 4, note);
	if ((rc = import_step(im, st)) == 0)
		im->questionnaire = sqlite3_last_insert_rowid(im->db->sql);
out:
	free(name);
	free(folded);
	free(note);
	return rc;
}

static int
read_scale(struct importer *im)
{
	const char *mark = tsv_field(&im->tsv, 3);
	sqlite3_stmt *st;
	char *label;
	int value, satisfied = strcmp(mark, "satisfied") == 0;

	if (import_digit(im, 0, &value) != 0)
		return -1;
	if (*mark != '\0' && !satisfied)
		return import_fail(im, _("satisfied"), _("write \"satisfied\" or nothing"));
	if (value == 0 && satisfied)
		return import_fail(im, _("satisfied"), _("0 is \"no answer\" and cannot count as satisfied"));
	if (im->scale_seen & (1u << value))
		return import_fail(im, _("value"), _("this value is already on the scale"));
	if ((label = import_text(im, 2, _("label"), false)) == NULL)
		return -1;
	st = db_prepare(im->db, "INSERT INTO sipas_scale (questionnaire_id, value, label, satisfied) "
	    "VALUES (?, ?, ?, ?)");
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, im->questionnaire);
		sqlite3_bind_int(st, 2, value);
		db_bind_text(st, 3, label);
		sqlite3_bind_int(st, 4, satisfied);
	}
	free(label);
	if (st == NULL || import_step(im, st) != 0)
		return -1;
	im->scale_seen |= 1u << value;
	im->satisfied |= satisfied;
	return 0;
}

/* The element or the field before the next one has its questions or
 * options. */
static int
close_group(struct importer *im)
{
	if (im->element != 0 && im->element_questions == 0)
		return db_fail(im->db, _("%s: element %d has no questions"), im->path, im->elements);
	if (im->field != 0 && im->field_options == 0)
		return db_fail(im->db, _("%s: respondent field %d has no options"), im->path, im->fields);
	return 0;
}

static int
read_element(struct importer *im)
{
	const char *w = tsv_field(&im->tsv, 3);
	char *code = NULL, *title = NULL;
	double weight = 1;
	sqlite3_stmt *st;
	int rc = -1;

	if (close_group(im) != 0)
		return -1;
	if (*w != '\0' && (!number_parse(w, &weight) || weight < 0))
		return import_fail(im, _("weight"), _("not a number from 0"));
	if ((code = import_text(im, 1, _("code"), false)) == NULL ||
	    (title = import_text(im, 2, _("title"), false)) == NULL)
		goto out;
	st = db_prepare(im->db, "INSERT INTO sipas_element (questionnaire_id, ord, code, title, "
	    "weight) VALUES (?, ?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, im->questionnaire);
	sqlite3_bind_int(st, 2, ++im->elements);
	db_bind_text(st, 3, code);
	db_bind_text(st, 4, title);
	sqlite3_bind_double(st, 5, weight);
	if ((rc = import_step(im, st)) == 0) {
		im->element = sqlite3_last_insert_rowid(im->db->sql);
		im->field = 0;
		im->element_questions = 0;
	}
out:
	free(code);
	free(title);
	return rc;
}

static int
read_question(struct importer *im)
{
	char *code = NULL, *text = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	if (im->element == 0)
		return import_fail(im, NULL, _("a question comes after its element"));
	if (im->questions == SIPAS_MAX_QUESTIONS)
		return import_fail(im, NULL, _("too many questions"));
	if ((code = import_text(im, 1, _("code"), false)) == NULL ||
	    (text = import_text(im, 2, _("text"), false)) == NULL)
		goto out;
	st = db_prepare(im->db, "INSERT INTO sipas_question (element_id, ord, code, text) "
	    "VALUES (?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, im->element);
	sqlite3_bind_int(st, 2, ++im->element_questions);
	db_bind_text(st, 3, code);
	db_bind_text(st, 4, text);
	if ((rc = import_step(im, st)) == 0)
		im->questions++;
out:
	free(code);
	free(text);
	return rc;
}

static int
read_field(struct importer *im)
{
	char *code = NULL, *name = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	if (close_group(im) != 0)
		return -1;
	if (im->fields == SIPAS_MAX_FIELDS)
		return import_fail(im, NULL, _("too many respondent fields"));
	if ((code = import_text(im, 1, _("code"), false)) == NULL ||
	    (name = import_text(im, 2, _("name"), false)) == NULL)
		goto out;
	st = db_prepare(im->db, "INSERT INTO sipas_field (questionnaire_id, ord, code, name) "
	    "VALUES (?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, im->questionnaire);
	sqlite3_bind_int(st, 2, ++im->fields);
	db_bind_text(st, 3, code);
	db_bind_text(st, 4, name);
	if ((rc = import_step(im, st)) == 0) {
		im->field = sqlite3_last_insert_rowid(im->db->sql);
		im->element = 0;
		im->field_options = 0;
		im->option_seen = 0;
	}
out:
	free(code);
	free(name);
	return rc;
}

static int
read_option(struct importer *im)
{
	sqlite3_stmt *st;
	char *label;
	int value;

	if (im->field == 0)
		return import_fail(im, NULL, _("an option comes after its respondent field"));
	if (import_digit(im, 1, &value) != 0)
		return -1;
	if (im->option_seen & (1u << value))
		return import_fail(im, _("value"), _("this field already has this value"));
	if ((label = import_text(im, 2, _("label"), false)) == NULL)
		return -1;
	st = db_prepare(im->db, "INSERT INTO sipas_field_option (field_id, value, label) "
	    "VALUES (?, ?, ?)");
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, im->field);
		sqlite3_bind_int(st, 2, value);
		db_bind_text(st, 3, label);
	}
	free(label);
	if (st == NULL || import_step(im, st) != 0)
		return -1;
	im->option_seen |= 1u << value;
	im->field_options++;
	return 0;
}

static int
read_record(struct importer *im)
{
	static const struct {
		const char *kind;
		int (*read)(struct importer *);
	} kinds[] = {
		{ "scale", read_scale }, { "element", read_element }, { "question", read_question },
		{ "field", read_field }, { "option", read_option },
	};
	const char *kind = tsv_field(&im->tsv, 0);

	if (strcmp(kind, "questionnaire") == 0)
		return read_questionnaire(im);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kind, kinds[i].kind) != 0)
			continue;
		if (im->questionnaire == 0)
			return import_fail(im, NULL, _("the file starts with a questionnaire record"));
		return kinds[i].read(im);
	}
	return import_fail(im, NULL, _("unknown record; expected questionnaire, scale, element, "
	    "question, field or option"));
}

/* What a whole file must give. */
static int
import_finish(struct importer *im)
{
	sqlite3_stmt *st;

	if (im->questionnaire == 0)
		return db_fail(im->db, _("%s: no questionnaire record"), im->path);
	if (close_group(im) != 0)
		return -1;
	if (im->elements == 0)
		return db_fail(im->db, _("%s: the questionnaire has no elements"), im->path);
	if (!im->satisfied)
		return db_fail(im->db, _("%s: no value of the scale is marked satisfied"), im->path);
	if (im->scale_seen & 1u)
		return 0;
	/* 0 is always "no answer", written in the file or not. */
	st = db_prepare(im->db, "INSERT INTO sipas_scale (questionnaire_id, value, label) "
	    "VALUES (?, 0, ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, im->questionnaire);
	db_bind_text(st, 2, _("No answer"));
	return import_step(im, st);
}

int64_t
sipas_import(struct db *db, const char *path)
{
	struct importer im = { .db = db, .path = path };
	const char *why;
	int rc;

	if (tsv_open(&im.tsv, path, &why) != 0)
		return db_fail(db, _("cannot read %s: %s"), path, why);
	if (db_begin(db) != 0) {
		tsv_close(&im.tsv);
		return -1;
	}
	/* rc: 1 a record, 0 the end, -1 a read error, -2 a refused record. */
	while ((rc = tsv_next(&im.tsv)) == 1)
		if (read_record(&im) != 0) {
			rc = -2;
			break;
		}
	if (rc == -1)
		import_fail(&im, NULL, errno == EILSEQ ? _("not valid UTF-8 text") : strerror(errno));
	else if (rc == 0)
		rc = import_finish(&im);
	tsv_close(&im.tsv);
	if (rc != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return im.questionnaire;
}

int
sipas_export(struct db *db, int64_t id, FILE *fp)
{
	struct sipas_questionnaire q;
	char num[32];

	if (sipas_questionnaire_load(db, id, &q) != 0)
		return -1;
	fprintf(fp, "# %s\n", _("SIPAS questionnaire; the format is described in "
	    "sipas-questionnaire.tsv"));
	fprintf(fp, "questionnaire\t%s\t%s\t%s\n\n", q.name, sipas_formula_code(q.formula), q.note);
	for (int i = 0; i < q.nscale; i++)
		fprintf(fp, "scale\t%d\t%s%s\n", q.scale[i].value, q.scale[i].label,
		    q.scale[i].satisfied ? "\tsatisfied" : "");
	for (int e = 0; e < q.nelements; e++) {
		const struct sipas_element *el = &q.elements[e];

		/* The file's numbers are C numbers, whatever the locale. */
		snprintf(num, sizeof num, "%g", el->weight);
		fprintf(fp, "\nelement\t%s\t%s", el->code, el->title);
		fprintf(fp, el->weight != 1 ? "\t%s\n" : "\n", num);
		for (int i = el->first; i < el->first + el->nquestions; i++)
			fprintf(fp, "question\t%s\t%s\n", q.questions[i].code, q.questions[i].text);
	}
	for (int f = 0; f < q.nfields; f++) {
		fprintf(fp, "\nfield\t%s\t%s\n", q.fields[f].code, q.fields[f].name);
		for (int i = 0; i < q.fields[f].noptions; i++)
			fprintf(fp, "option\t%d\t%s\n", q.fields[f].options[i].value,
			    q.fields[f].options[i].label);
	}
	sipas_questionnaire_free(&q);
	if (ferror(fp))
		return db_fail(db, _("cannot write the questionnaire: %s"), strerror(errno));
	return 0;
}

int64_t
sipas_default_questionnaire(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM sipas_questionnaire ORDER BY id LIMIT 1");
	char path[4096];
	int64_t id = 0;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (id != 0)
		return id;
	if (paths_join(path, sizeof path, paths_datadir(), SHIPPED_FILE) != 0)
		return db_fail(db, _("the data folder's name is too long"));
	return sipas_import(db, path);
}

/* Rounds. */

void
sipas_round_free(struct sipas_round *r)
{
	free(r->questionnaire);
	free(r->name);
	free(r->service);
	free(r->unit);
	memset(r, 0, sizeof *r);
}

void
sipas_rounds_free(struct sipas_round *v, int n)
{
	for (int i = 0; i < n; i++)
		sipas_round_free(&v[i]);
	free(v);
}

#define ROUND_SELECT "SELECT r.id, r.questionnaire_id, q.name, r.name, " \
	"coalesce(r.date_from, ''), coalesce(r.date_to, ''), r.service, " \
	"coalesce(r.unit_id, 0), coalesce(u.name, ''), " \
	"(SELECT count(*) FROM sipas_form f WHERE f.round_id = r.id) " \
	"FROM sipas_round r JOIN sipas_questionnaire q ON q.id = r.questionnaire_id " \
	"LEFT JOIN unit u ON u.id = r.unit_id "

static int
round_row(sqlite3_stmt *st, struct sipas_round *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->questionnaire_id = sqlite3_column_int64(st, 1);
	snprintf(r->date_from, sizeof r->date_from, "%s", (const char *)sqlite3_column_text(st, 4));
	snprintf(r->date_to, sizeof r->date_to, "%s", (const char *)sqlite3_column_text(st, 5));
	r->unit_id = sqlite3_column_int64(st, 7);
	r->forms = sqlite3_column_int(st, 9);
	r->questionnaire = db_column_strdup(st, 2);
	r->name = db_column_strdup(st, 3);
	r->service = db_column_strdup(st, 6);
	r->unit = db_column_strdup(st, 8);
	return r->questionnaire && r->name && r->service && r->unit ? 0 : -1;
}

int
sipas_round_get(struct db *db, int64_t id, struct sipas_round *r)
{
	sqlite3_stmt *st = db_prepare(db, ROUND_SELECT "WHERE r.id = ?");
	int rc;

	memset(r, 0, sizeof *r);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && round_row(st, r) != 0) {
		sipas_round_free(r);
		rc = SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(db, "%s", strerror(ENOMEM));
}

int
sipas_round_list(struct db *db, struct sipas_round **out, int *n)
{
	sqlite3_stmt *st = db_prepare(db, ROUND_SELECT
	    "ORDER BY coalesce(r.date_from, '') DESC, r.id DESC");
	struct sipas_round *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		count++;
		if (round_row(st, &v[count - 1]) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sipas_rounds_free(v, count);
		return db_fail(db, _("cannot read the survey rounds"));
	}
	*out = v;
	*n = count;
	return 0;
}

static int
check_round(struct db *db, const struct sipas_round *r, struct field_error *e)
{
	struct date d;
	int forms;

	if (validate_ref(db, "sipas_questionnaire", r->questionnaire_id, e, SRF_QUESTIONNAIRE,
	    _("Choose a questionnaire")) != 0)
		return -1;
	if (r->date_from[0] && !date_parse_iso(r->date_from, &d))
		return field_fail(e, SRF_FROM, _("%s: write the date as dd/mm/yyyy"), _("From"));
	if (r->date_to[0] && !date_parse_iso(r->date_to, &d))
		return field_fail(e, SRF_TO, _("%s: write the date as dd/mm/yyyy"), _("To"));
	if (r->date_from[0] && r->date_to[0] && strcmp(r->date_to, r->date_from) < 0)
		return field_fail(e, SRF_TO, _("The last day is before the first"));
	if (r->unit_id != 0 && validate_ref(db, "unit", r->unit_id, e, SRF_UNIT,
	    _("The unit no longer exists")) != 0)
		return -1;
	if (r->id == 0)
		return 0;
	if ((forms = sipas_form_count(db, r->id)) < 0)
		return field_fail_db(e, db);
	if (forms > 0) {
		struct sipas_round old;
		int found = sipas_round_get(db, r->id, &old);

		if (found < 0)
			return field_fail_db(e, db);
		if (found == 1 && old.questionnaire_id != r->questionnaire_id) {
			sipas_round_free(&old);
			return field_fail(e, SRF_QUESTIONNAIRE, _("The round has %d forms: its "
			    "questionnaire cannot change"), forms);
		}
		sipas_round_free(&old);
	}
	return 0;
}

static int
store_round(struct db *db, struct sipas_round *r, struct field_error *e)
{
	char *name = NULL, *service = NULL, *folded = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if ((name = field_text(r->name, e, SRF_NAME, _("Name"))) == NULL ||
	    (service = field_text(r->service, e, SRF_SERVICE, _("Service"))) == NULL)
		goto out;
	if ((folded = text_fold(name)) == NULL) {
		field_fail(e, -1, "%s", strerror(ENOMEM));
		goto out;
	}
	if (*folded == '\0') {
		field_fail(e, SRF_NAME, _("%s is required"), _("Name"));
		goto out;
	}
	if (check_round(db, r, e) != 0)
		goto out;
	if (r->id == 0)
		st = db_prepare(db, "INSERT INTO sipas_round (questionnaire_id, name, folded, "
		    "date_from, date_to, service, unit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	else
		st = db_prepare(db, "UPDATE sipas_round SET questionnaire_id = ?1, name = ?2, "
		    "folded = ?3, date_from = ?4, date_to = ?5, service = ?6, unit_id = ?7 "
		    "WHERE id = ?8");
	if (st == NULL) {
		field_fail_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, r->questionnaire_id);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, folded);
	db_bind_text_or_null(st, 4, r->date_from);
	db_bind_text_or_null(st, 5, r->date_to);
	db_bind_text(st, 6, service);
	db_bind_id_or_null(st, 7, r->unit_id);
	if (r->id != 0)
		sqlite3_bind_int64(st, 8, r->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "sipas round");
		field_fail_db(e, db);
	} else if (r->id != 0 && sqlite3_changes(db->sql) == 0) {
		field_fail(e, -1, _("The survey round no longer exists"));
	} else {
		if (r->id == 0)
			r->id = sqlite3_last_insert_rowid(db->sql);
		rc = 0;
	}
out:
	sqlite3_finalize(st);
	free(name);
	free(service);
	free(folded);
	return rc;
}

int
sipas_round_save(struct db *db, struct sipas_round *r, struct field_error *err)
{
	int64_t id = r->id;

	field_error_clear(err);
	if (db_begin(db) != 0)
		return field_fail_db(err, db);
	if (field_commit(db, store_round(db, r, err), err) != 0) {
		r->id = id;
		return -1;
	}
	return 0;
}

/* Runs a write with an id parameter (and a form number when sql has a
 * second one) inside the caller's transaction; 0 or -1. */
static int
run_id(struct db *db, const char *sql, int64_t id, int number, const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) > 1)
		sqlite3_bind_int(st, 2, number);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, what);
}

/* The same in its own transaction. */
static int
write_id(struct db *db, const char *sql, int64_t id, int number, const char *what)
{
	if (db_begin(db) != 0)
		return -1;
	if (run_id(db, sql, id, number, what) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
sipas_round_delete(struct db *db, int64_t id)
{
	return write_id(db, "DELETE FROM sipas_round WHERE id = ?", id, 0, "sipas round");
}

/* Forms. */

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
question_index(const struct sipas_questionnaire *q, int64_t id)
{
	for (int i = 0; i < q->nquestions; i++)
		if (q->questions[i].id == id)
			return i;
	return -1;
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
		if ((i = question_index(l->q, id)) >= 0)
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
	if (load_rows(db, "SELECT number FROM sipas_form WHERE round_id = ? ORDER BY number",
	    round, form_row, &l, "sipas forms") != 0 ||
	    (l.n > 0 && load_rows(db, "SELECT f.number, 0, a.question_id, a.value "
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
    int64_t round, struct field_error *e)
{
	int exists;

	if (f->number <= 0)
		return field_fail(e, SFF_NUMBER, _("The form number must be at least 1"));
	if ((exists = sipas_form_exists(db, round, f->number)) < 0)
		return field_fail_db(e, db);
	if (exists)
		return field_fail(e, SFF_NUMBER, _("Form %d is already entered in this round"),
		    f->number);
	for (int i = 0; i < q->nfields; i++)
		if (!sipas_option_valid(q, i, f->fields[i]))
			return field_fail(e, SFF_FIELDS + i, _("%s: %d is not an option"),
			    q->fields[i].name, f->fields[i]);
	for (int i = 0; i < q->nquestions; i++)
		if (!sipas_answer_valid(q, f->answers[i]))
			return field_fail(e, SFF_ANSWERS + i, _("Question %s: %d is not on the scale"),
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
    const struct sipas_form *f, struct field_error *e)
{
	sqlite3_stmt *st;
	int64_t form;
	int rc = 0;

	if (check_form(db, q, f, round, e) != 0)
		return -1;
	if ((st = db_prepare(db, "INSERT INTO sipas_form (round_id, number) VALUES (?, ?)")) == NULL)
		return field_fail_db(e, db);
	sqlite3_bind_int64(st, 1, round);
	sqlite3_bind_int(st, 2, f->number);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail_sql(db, "sipas form");
	sqlite3_finalize(st);
	if (rc != 0)
		return field_fail_db(e, db);
	form = sqlite3_last_insert_rowid(db->sql);
	st = db_prepare(db, "INSERT INTO sipas_respondent (form_id, field_id, value) VALUES (?, ?, ?)");
	for (int i = 0; st != NULL && rc == 0 && i < q->nfields; i++)
		if (f->fields[i] != 0)
			rc = insert3(db, st, form, q->fields[i].id, f->fields[i]);
	sqlite3_finalize(st);
	if (st == NULL || rc != 0)
		return field_fail_db(e, db);
	st = db_prepare(db, "INSERT INTO sipas_answer (form_id, question_id, value) VALUES (?, ?, ?)");
	for (int i = 0; st != NULL && rc == 0 && i < q->nquestions; i++)
		rc = insert3(db, st, form, q->questions[i].id, f->answers[i]);
	sqlite3_finalize(st);
	return st == NULL || rc != 0 ? field_fail_db(e, db) : 0;
}

/* Stores f in one transaction, in place of form old_number when replace. */
static int
write_form(struct db *db, const struct sipas_questionnaire *q, int64_t round, bool replace,
    int old_number, const struct sipas_form *f, struct field_error *err)
{
	int rc = 0, exists;

	field_error_clear(err);
	if (db_begin(db) != 0)
		return field_fail_db(err, db);
	/* The old form goes first, so that f may keep its number; a refusal
	 * below rolls the delete back. */
	if (replace) {
		if ((exists = sipas_form_exists(db, round, old_number)) < 0 ||
		    (exists && run_id(db, DELETE_FORM, round, old_number, "sipas form") != 0))
			rc = field_fail_db(err, db);
		else if (!exists)
			rc = field_fail(err, SFF_NUMBER, _("Form %d is not in this round"), old_number);
	}
	if (rc == 0)
		rc = store_form(db, q, round, f, err);
	return field_commit(db, rc, err);
}

int
sipas_form_save(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    const struct sipas_form *f, struct field_error *err)
{
	return write_form(db, q, round, false, 0, f, err);
}

int
sipas_form_replace(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    int old_number, const struct sipas_form *f, struct field_error *err)
{
	return write_form(db, q, round, true, old_number, f, err);
}

/* Results. */

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
		int i = question_index(q, sqlite3_column_int64(st, 0));

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

/* The questionnaire of a round and the round, loaded together. */
static int
round_and_questionnaire(struct db *db, int64_t round, struct sipas_round *r,
    struct sipas_questionnaire *q)
{
	int rc = sipas_round_get(db, round, r);

	if (rc == 0)
		return db_fail(db, _("no survey round has the number %lld"), (long long)round);
	if (rc < 0)
		return -1;
	if (sipas_questionnaire_load(db, r->questionnaire_id, q) != 0) {
		sipas_round_free(r);
		return -1;
	}
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
	if (round_and_questionnaire(db, round, &r, &q) != 0)
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

int
sipas_feed_target(struct db *db, int64_t round, int64_t target, int year,
    enum period_kind period, struct field_error *err)
{
	struct measure m = { .has_value = true };
	struct target *targets = NULL;
	struct sipas_round r;
	sqlite3_stmt *st;
	int64_t plan = 0;
	int n = 0, i, rc = -1, forms;
	bool has;
	char evidence[512];

	field_error_clear(err);
	if (sipas_round_index(db, round, &has, &m.value) != 0)
		return field_fail_db(err, db);
	if (!has)
		return field_fail(err, -1, _("The round has no answers yet: no index to record"));
	if ((st = db_prepare(db, "SELECT plan_id FROM target WHERE id = ?")) == NULL)
		return field_fail_db(err, db);
	sqlite3_bind_int64(st, 1, target);
	if (sqlite3_step(st) == SQLITE_ROW)
		plan = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (plan == 0)
		return field_fail(err, -1, _("no target has the number %lld"), (long long)target);
	if (target_list(db, plan, 0, year, period, &targets, &n) != 0)
		return field_fail_db(err, db);
	for (i = 0; i < n && targets[i].id != target; i++)
		continue;
	if (i == n || targets[i].rule.kind != TARGET_RATE) {
		field_fail(err, -1, _("The target is not a rate: a satisfaction index is a percentage"));
	} else if (sipas_round_get(db, round, &r) == 1) {
		forms = r.forms;
		snprintf(evidence, sizeof evidence, _("SIPAS: %s (%d forms)"), r.name, forms);
		sipas_round_free(&r);
		rc = result_save(db, &targets[i], year, period, &m, evidence,
		    targets[i].has_result ? targets[i].result.note : "", err);
	} else {
		field_fail_db(err, db);
	}
	targets_free(targets, n);
	return rc;
}

/* The report. */

struct report {
	FILE *fp;
	int width;		/* of a text page */
	const struct sipas_questionnaire *q;
};

/* A percentage as every report prints it ("87,5%"), or "—". */
static void
percent_text(bool has, double v, bool sign, char *buf, size_t n)
{
	if (has)
		number_format_percent(sipas_round2(v), sign, buf, n);
	else
		snprintf(buf, n, "—");
}

static void
share_text(const struct sipas_tally *t, char *buf, size_t n)
{
	double v = 0;
	bool has = sipas_share(t, &v);

	percent_text(has, v, false, buf, n);
}

/* s in exactly cols display columns, cut at a letter or padded. */
static void
put_cell(FILE *fp, const char *s, int cols, bool right)
{
	size_t fit = text_fit(s, cols);
	char *cut = strndup(s, fit);
	int w = cut ? text_width(cut) : 0;

	if (right)
		fprintf(fp, "%*s", cols - w, "");
	fputs(cut ? cut : "", fp);
	if (!right)
		fprintf(fp, "%*s", cols - w, "");
	free(cut);
}

/* The columns of a figure: wide apart in the main table, close together
 * in the tables with a column per element ("100.00%" is 7). */
#define COL_WIDE 11
#define COL_NARROW 9

/* A text row: a label and right-aligned cells; the label takes what they
 * leave of the page. */
static void
txt_cells(const struct report *rp, const char *label, const char *const *cells, int n, int w)
{
	int label_w = rp->width - n * w;

	put_cell(rp->fp, label, label_w < 10 ? 10 : label_w, false);
	for (int i = 0; i < n; i++)
		put_cell(rp->fp, cells[i], w, true);
	fputc('\n', rp->fp);
}

static void
txt_row(const struct report *rp, const char *label, const char *const *cells, int n)
{
	txt_cells(rp, label, cells, n, COL_WIDE);
}

static void
date_vn(const char *iso, char *buf)
{
	struct date d;

	if (iso[0] && date_parse_iso(iso, &d))
		date_format_vn(d, buf);
	else
		buf[0] = '\0';
}

/* Which answers count as satisfied, in words: "Hài lòng", "Rất hài lòng". */
static void
satisfied_labels(const struct sipas_questionnaire *q, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < q->nscale && len < n; i++)
		if (q->scale[i].satisfied)
			len += (size_t)snprintf(buf + len, n - len, "%s%d %s", len ? ", " : "",
			    q->scale[i].value, q->scale[i].label);
}

static void
report_head(const struct report *rp, const struct sipas_round *r, int forms)
{
	char from[11], to[11], sat[256];
	FILE *fp = rp->fp;

	date_vn(r->date_from, from);
	date_vn(r->date_to, to);
	satisfied_labels(rp->q, sat, sizeof sat);
	fprintf(fp, _("SIPAS results: %s\n"), r->name);
	fprintf(fp, _("Questionnaire: %s\n"), rp->q->name);
	if (from[0] || to[0])
		fprintf(fp, _("Days: %s – %s\n"), from, to);
	if (r->service[0] || r->unit[0])
		fprintf(fp, _("Covers: %s%s%s\n"), r->service, r->service[0] && r->unit[0] ? "; " : "",
		    r->unit);
	fprintf(fp, _("Forms entered: %d\n"), forms);
	fprintf(fp, _("Satisfied: the answers %s, among those who answered (0, no answer, "
	    "left out).\n\n"), sat);
}

static void
report_item(const struct report *rp, const char *code, const char *label,
    const struct sipas_tally *t, bool indent)
{
	char share[32], count[16], line[1024];

	share_text(t, share, sizeof share);
	snprintf(count, sizeof count, "%d", t->answered);
	snprintf(line, sizeof line, "%s%s%s %s", indent ? "   " : "", code, indent ? "" : ".", label);
	txt_row(rp, line, (const char *const[]){ share, count }, 2);
}

static void
report_index(const struct report *rp, const struct sipas_results *res)
{
	char v[32];

	percent_text(res->has_index, res->index, false, v, sizeof v);
	fprintf(rp->fp, _("\nOverall index: %s\n"), v);
	fprintf(rp->fp, _("Formula: %s.\n"), sipas_formula_text(rp->q->formula));
}

static void
report_elements(const struct report *rp, const struct sipas_results *res)
{
	const struct sipas_questionnaire *q = rp->q;

	txt_row(rp, _("Element / question"), (const char *const[]){ _("Satisfied"), _("Answers") },
	    2);
	for (int e = 0; e < q->nelements; e++) {
		const struct sipas_element *el = &q->elements[e];

		report_item(rp, el->code, el->title, &res->elements[e], false);
		for (int i = el->first; i < el->first + el->nquestions; i++)
			report_item(rp, q->questions[i].code, q->questions[i].text,
			    &res->questions[i], true);
	}
	report_index(rp, res);
}

/* One row of a breakdown: forms, element shares, index. */
static void
breakdown_row(const struct report *rp, const char *option, const struct sipas_results *res)
{
	const struct sipas_questionnaire *q = rp->q;
	char cells[SIPAS_MAX_QUESTIONS + 2][32];
	const char *ptr[SIPAS_MAX_QUESTIONS + 2];
	int n = 0;

	snprintf(cells[n++], sizeof cells[0], "%d", res->forms);
	for (int e = 0; e < q->nelements; e++)
		share_text(&res->elements[e], cells[n++], sizeof cells[0]);
	percent_text(res->has_index, res->index, false, cells[n++], sizeof cells[0]);
	for (int i = 0; i < n; i++)
		ptr[i] = cells[i];
	txt_cells(rp, option, ptr, n, COL_NARROW);
}

/* The header of a table with a column per element. */
static void
element_columns(const struct report *rp, const char *label, const char *first,
    const char *last)
{
	const struct sipas_questionnaire *q = rp->q;
	char codes[SIPAS_MAX_QUESTIONS][64];
	const char *ptr[SIPAS_MAX_QUESTIONS + 2];
	int n = 0;

	ptr[n++] = first;
	for (int e = 0; e < q->nelements; e++) {
		snprintf(codes[e], sizeof codes[e], _("El. %s"), q->elements[e].code);
		ptr[n++] = codes[e];
	}
	ptr[n++] = last;
	txt_cells(rp, label, ptr, n, COL_NARROW);
}

static int
report_breakdowns(struct db *db, const struct report *rp, int64_t round)
{
	const struct sipas_questionnaire *q = rp->q;
	struct sipas_results res;

	for (int f = 0; f < q->nfields; f++) {
		const struct sipas_field *fl = &q->fields[f];

		fprintf(rp->fp, _("\nBreakdown by %s\n"), fl->name);
		element_columns(rp, "", _("Forms"), _("Index"));
		for (int o = 0; o <= fl->noptions; o++) {
			/* The options, then the forms that do not say. */
			int value = o < fl->noptions ? fl->options[o].value : 0;

			if (sipas_results(db, q, round, f, value, &res) != 0)
				return -1;
			if (value == 0 && res.forms == 0)
				continue;
			breakdown_row(rp, value ? fl->options[o].label : _("Not given"), &res);
		}
	}
	return 0;
}

/* The element shares and index beside those of another round. */
static int
report_compare(struct db *db, const struct report *rp, const struct sipas_results *mine,
    int64_t other)
{
	struct sipas_questionnaire oq;
	struct sipas_round r;
	struct sipas_results res;
	const struct sipas_questionnaire *q = rp->q;

	if (round_and_questionnaire(db, other, &r, &oq) != 0)
		return -1;
	if (sipas_results(db, &oq, other, -1, 0, &res) != 0) {
		sipas_round_free(&r);
		sipas_questionnaire_free(&oq);
		return -1;
	}
	fprintf(rp->fp, _("\nCompared with: %s (%d forms)\n"), r.name, res.forms);
	txt_row(rp, "", (const char *const[]){ _("This round"), _("Compared"), _("Change") }, 3);
	for (int e = 0; e <= q->nelements; e++) {
		/* The elements matched by code, then the index. */
		bool has_a, has_b = false;
		double a = 0, b = 0;
		char ca[32], cb[32], cd[32], label[512];
		int k;

		if (e < q->nelements) {
			has_a = sipas_share(&mine->elements[e], &a);
			for (k = 0; k < oq.nelements && strcmp(oq.elements[k].code, q->elements[e].code); k++)
				continue;
			has_b = k < oq.nelements && sipas_share(&res.elements[k], &b);
			snprintf(label, sizeof label, "%s. %s", q->elements[e].code, q->elements[e].title);
		} else {
			has_a = mine->has_index;
			a = mine->index;
			has_b = res.has_index;
			b = res.index;
			snprintf(label, sizeof label, "%s", _("Overall index"));
		}
		percent_text(has_a, a, false, ca, sizeof ca);
		percent_text(has_b, b, false, cb, sizeof cb);
		/* The change of the printed figures, so the columns add up. */
		percent_text(has_a && has_b, sipas_round2(a) - sipas_round2(b), true, cd, sizeof cd);
		txt_row(rp, label, (const char *const[]){ ca, cb, cd }, 3);
	}
	sipas_round_free(&r);
	sipas_questionnaire_free(&oq);
	return 0;
}

int
sipas_report(struct db *db, int64_t round, int64_t compare, int width, FILE *fp)
{
	struct sipas_questionnaire q;
	struct sipas_round r;
	struct sipas_results res;
	struct report rp = { fp, width < 60 ? 60 : width, &q };
	int rc;

	if (round_and_questionnaire(db, round, &r, &q) != 0)
		return -1;
	rc = sipas_results(db, &q, round, -1, 0, &res);
	if (rc == 0) {
		report_head(&rp, &r, res.forms);
		report_elements(&rp, &res);
		rc = report_breakdowns(db, &rp, round);
	}
	if (rc == 0 && compare != 0)
		rc = report_compare(db, &rp, &res, compare);
	sipas_round_free(&r);
	sipas_questionnaire_free(&q);
	if (rc == 0 && ferror(fp))
		return db_fail(db, _("cannot write the results: %s"), strerror(errno));
	return rc;
}
