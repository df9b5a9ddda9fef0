/* The SIPAS questionnaire file: import (one record a line, checked and
 * stored in one transaction), export in the same format, and the shipped
 * questionnaire new rounds use. */
#include "core/sipas/sipas.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/tsv.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

#define SHIPPED_FILE "sipas-questionnaire.tsv"

/* A file being read. */
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

		snprintf(reason, sizeof reason, "%s", sqlite3_errmsg(db_sqlite(im->db)));
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
		im->questionnaire = sqlite3_last_insert_rowid(db_sqlite(im->db));
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

/* Stores a record's code and its second text (fields 1 and 2, the second
 * called label) with sql, whose parameters are owner, ord, the code, the
 * text and, for an element, its weight. */
static int
insert_coded(struct importer *im, const char *sql, int64_t owner, int ord, const char *label,
    double weight)
{
	char *code = NULL, *text = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	if ((code = import_text(im, 1, _("code"), false)) == NULL ||
	    (text = import_text(im, 2, label, false)) == NULL)
		goto out;
	if ((st = db_prepare(im->db, sql)) == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, owner);
	sqlite3_bind_int(st, 2, ord);
	db_bind_text(st, 3, code);
	db_bind_text(st, 4, text);
	if (sqlite3_bind_parameter_count(st) > 4)
		sqlite3_bind_double(st, 5, weight);
	rc = import_step(im, st);
out:
	free(code);
	free(text);
	return rc;
}

static int
read_element(struct importer *im)
{
	const char *w = tsv_field(&im->tsv, 3);
	double weight = 1;

	if (close_group(im) != 0)
		return -1;
	if (*w != '\0' && (!number_parse(w, &weight) || weight < 0))
		return import_fail(im, _("weight"), _("not a number from 0"));
	if (insert_coded(im, "INSERT INTO sipas_element (questionnaire_id, ord, code, title, "
	    "weight) VALUES (?, ?, ?, ?, ?)", im->questionnaire, im->elements + 1, _("title"),
	    weight) != 0)
		return -1;
	im->elements++;
	im->element = sqlite3_last_insert_rowid(db_sqlite(im->db));
	im->field = 0;
	im->element_questions = 0;
	return 0;
}

static int
read_question(struct importer *im)
{
	if (im->element == 0)
		return import_fail(im, NULL, _("a question comes after its element"));
	if (im->questions == SIPAS_MAX_QUESTIONS)
		return import_fail(im, NULL, _("too many questions"));
	if (insert_coded(im, "INSERT INTO sipas_question (element_id, ord, code, text) "
	    "VALUES (?, ?, ?, ?)", im->element, im->element_questions + 1, _("text"), 0) != 0)
		return -1;
	im->element_questions++;
	im->questions++;
	return 0;
}

static int
read_field(struct importer *im)
{
	if (close_group(im) != 0)
		return -1;
	if (im->fields == SIPAS_MAX_FIELDS)
		return import_fail(im, NULL, _("too many respondent fields"));
	if (insert_coded(im, "INSERT INTO sipas_field (questionnaire_id, ord, code, name) "
	    "VALUES (?, ?, ?, ?)", im->questionnaire, im->fields + 1, _("name"), 0) != 0)
		return -1;
	im->fields++;
	im->field = sqlite3_last_insert_rowid(db_sqlite(im->db));
	im->element = 0;
	im->field_options = 0;
	im->option_seen = 0;
	return 0;
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
