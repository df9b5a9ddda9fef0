#include "core/criteria.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"
#include "core/office.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/tsv.h"
#include "core/validate.h"

/* The national grouping, used when a set states no bands of its own. */
static const struct {
	const char *label;
	double min;
} default_bands[] = {
	{ "A", 90 }, { "B", 80 }, { "C", 70 }, { "D", 0 },
};

static const char *const levels[] = { "xa", "phuong", "so" };

static bool
level_valid(const char *s)
{
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcmp(s, levels[i]) == 0)
			return true;
	return false;
}

/* Band ord of set; inside the caller's transaction.  0 or -1. */
static int
insert_band(struct db *db, int64_t set, int ord, const char *label, double min)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO par_band (set_id, ord, label, min) "
	    "VALUES (?, ?, ?, ?)");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, set);
	sqlite3_bind_int(st, 2, ord);
	db_bind_text(st, 3, label);
	sqlite3_bind_double(st, 4, min);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail_sql(db, "par_band");
	sqlite3_finalize(st);
	return rc;
}

char *
criteria_bands_text(const struct criteria_set *s)
{
	char *text = NULL, num[32];
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (fp == NULL)
		return NULL;
	for (int i = 0; i < s->nbands; i++) {
		number_format(s->bands[i].min, num, sizeof num);
		fprintf(fp, "%s%s %s", i > 0 ? "; " : "", s->bands[i].label, num);
	}
	if (fclose(fp) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* The bands of "A 90; B 80; C 70; D 0" into *out (labels NFC): highest
 * first, each from 0 to 100, the last from 0 so that every index has
 * one.  0, or -1 with e on SETF_BANDS. */
static int
parse_bands(char *text, struct par_band **out, int *n, struct field_error *e)
{
	const char *label = _("Classification");
	int cap = 0;
	char *item, *save = NULL;

	*out = NULL;
	*n = 0;
	for (item = strtok_r(text, ";", &save); item != NULL; item = strtok_r(NULL, ";", &save)) {
		char *sp;
		double min;

		if (*text_trim(item) == '\0')
			continue;
		if ((sp = strrchr(item, ' ')) == NULL || !number_parse(sp + 1, &min))
			return field_fail(e, SETF_BANDS, _("%s: \"%s\" is not a band and the index "
			    "it starts at, as in \"A 90\""), label, item);
		*sp = '\0';
		if (*text_trim(item) == '\0' || min < 0 || min > 100 ||
		    (*n > 0 && min >= (*out)[*n - 1].min))
			return field_fail(e, SETF_BANDS, _("%s: the bands go from the highest "
			    "down, each starting between 0 and 100"), label);
		if (array_reserve(out, *n, &cap, sizeof **out) != 0 ||
		    ((*out)[*n].label = text_nfc(item)) == NULL)
			return field_fail(e, -1, _("out of memory"));
		(*out)[(*n)++].min = min;
	}
	if (*n == 0 || (*out)[*n - 1].min != 0)
		return field_fail(e, SETF_BANDS, _("%s: the last band must start at 0"), label);
	return 0;
}

/* The header's checks and writes; inside the caller's transaction. */
static int
store_set(struct db *db, const struct criteria_set *s, const char *bands_text,
    struct field_error *e)
{
	struct par_band *bands = NULL;
	char *name = NULL, *folded = NULL, *note = NULL, *copy = strdup(bands_text);
	sqlite3_stmt *st = NULL;
	int nbands = 0, rc = -1;

	if (copy == NULL)
		return field_fail(e, -1, _("out of memory"));
	if ((name = field_text(s->name, e, SETF_NAME, _("Name"))) == NULL ||
	    (note = field_text(s->note, e, SETF_NOTE, _("Note"))) == NULL ||
	    (folded = text_fold(name)) == NULL)
		goto out;
	if (*folded == '\0') {
		field_fail(e, SETF_NAME, _("%s is required"), _("Name"));
		goto out;
	}
	if (validate_range(s->year, 1990, 2200, e, SETF_YEAR, _("Year")) != 0 ||
	    validate_range(s->total, 0.01, 1000, e, SETF_TOTAL, _("Total points")) != 0)
		goto out;
	if (!level_valid(s->level)) {
		field_fail(e, SETF_LEVEL, _("Choose the level"));
		goto out;
	}
	if (parse_bands(copy, &bands, &nbands, e) != 0)
		goto out;
	if ((st = db_prepare(db, "UPDATE par_set SET name = ?, folded = ?, year = ?, level = ?, "
	    "total = ?, note = ? WHERE id = ?")) == NULL)
		goto fail_db;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, folded);
	sqlite3_bind_int(st, 3, s->year);
	db_bind_text(st, 4, s->level);
	sqlite3_bind_double(st, 5, s->total);
	db_bind_text(st, 6, note);
	sqlite3_bind_int64(st, 7, s->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "par_set");
		goto fail_db;
	}
	if (sqlite3_changes(db->sql) == 0) {
		field_fail(e, -1, _("The criteria set no longer exists"));
		goto out;
	}
	sqlite3_finalize(st);
	if ((st = db_prepare(db, "DELETE FROM par_band WHERE set_id = ?")) == NULL)
		goto fail_db;
	sqlite3_bind_int64(st, 1, s->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "par_band");
		goto fail_db;
	}
	for (int i = 0; i < nbands; i++)
		if (insert_band(db, s->id, i + 1, bands[i].label, bands[i].min) != 0)
			goto fail_db;
	rc = 0;
	goto out;
fail_db:
	field_fail_db(e, db);
out:
	sqlite3_finalize(st);
	for (int i = 0; i < nbands; i++)
		free(bands[i].label);
	free(bands);
	free(name);
	free(folded);
	free(note);
	free(copy);
	return rc;
}

int
criteria_set_save(struct db *db, const struct criteria_set *s, const char *bands,
    struct field_error *err)
{
	field_error_clear(err);
	if (db_begin(db) != 0)
		return field_fail_db(err, db);
	return field_commit(db, store_set(db, s, bands, err), err);
}

bool
criteria_source_valid(const char *source)
{
	static const char *const prefixes[] = { "tasks_on_time", "tasks_done", "sipas" };

	if (*source == '\0' || strcmp(source, "targets_met") == 0)
		return true;
	if (strncmp(source, "target:", 7) == 0)
		return source[7] != '\0';
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t len = strlen(prefixes[i]);

		if (strncmp(source, prefixes[i], len) == 0 &&
		    (source[len] == '\0' || (source[len] == ':' && source[len + 1] != '\0')))
			return true;
	}
	return false;
}

/* Loading. */

static void
node_free(struct par_node *c)
{
	free(c->code);
	free(c->title);
	free(c->params);
	free(c->source);
	free(c->hint);
}

static void
head_free(struct criteria_set *s)
{
	free(s->level);
	free(s->name);
	free(s->note);
}

void
criteria_sets_free(struct criteria_set *s, int n)
{
	for (int i = 0; i < n; i++)
		head_free(&s[i]);
	free(s);
}

void
criteria_free(struct criteria_set *s)
{
	head_free(s);
	for (int i = 0; i < s->nbands; i++)
		free(s->bands[i].label);
	free(s->bands);
	for (int i = 0; i < s->n; i++)
		node_free(&s->nodes[i]);
	free(s->nodes);
	memset(s, 0, sizeof *s);
}

static int
read_head(sqlite3_stmt *st, struct criteria_set *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->year = sqlite3_column_int(st, 1);
	s->level = db_column_strdup(st, 2);
	s->name = db_column_strdup(st, 3);
	s->total = sqlite3_column_double(st, 4);
	s->note = db_column_strdup(st, 5);
	return s->level && s->name && s->note ? 0 : -1;
}

#define HEAD_COLUMNS "id, year, level, name, total, note"

int
criteria_set_list(struct db *db, struct criteria_set **out, int *n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " HEAD_COLUMNS " FROM par_set "
	    "ORDER BY year DESC, id DESC");
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(out, *n, &cap, sizeof **out) != 0)
			break;
		if (read_head(st, &(*out)[(*n)++]) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		criteria_sets_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, "%s", _("out of memory"));
	}
	return 0;
}

static int
load_bands(struct db *db, struct criteria_set *s)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT label, min FROM par_band WHERE set_id = ? "
	    "ORDER BY min DESC, ord");
	int cap = 0, rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&s->bands, s->nbands, &cap, sizeof *s->bands) != 0)
			break;
		s->bands[s->nbands].min = sqlite3_column_double(st, 1);
		if ((s->bands[s->nbands++].label = db_column_strdup(st, 0)) == NULL)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "%s", _("out of memory"));
	if (s->nbands > 0)
		return 0;
	s->bands = calloc(4, sizeof *s->bands);
	if (s->bands == NULL)
		return db_fail(db, "%s", _("out of memory"));
	for (int i = 0; i < 4; i++) {
		s->bands[i].label = strdup(default_bands[i].label);
		s->bands[i].min = default_bands[i].min;
		s->nbands++;
		if (s->bands[i].label == NULL)
			return db_fail(db, "%s", _("out of memory"));
	}
	return 0;
}

/* Rows as stored, put in tree order by place(). */
static int
place(struct par_node *rows, int nrows, bool *used, int64_t parent, int parent_index,
    int depth, struct par_node *out, int *n)
{
	for (;;) {
		int best = -1;

		for (int i = 0; i < nrows; i++)
			if (!used[i] && rows[i].parent_id == parent &&
			    (best < 0 || rows[i].ord < rows[best].ord))
				best = i;
		if (best < 0)
			return 0;
		used[best] = true;
		out[*n] = rows[best];
		out[*n].parent = parent_index;
		out[*n].depth = depth;
		if (depth > 16)
			return -1;	/* a cycle: the schema cannot make one */
		(*n)++;
		if (place(rows, nrows, used, rows[best].id, *n - 1, depth + 1, out, n) != 0)
			return -1;
	}
}

static int
read_node(sqlite3_stmt *st, struct par_node *c)
{
	char err[256];

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->parent_id = sqlite3_column_int64(st, 1);
	c->ord = sqlite3_column_int(st, 2);
	c->code = db_column_strdup(st, 3);
	c->title = db_column_strdup(st, 4);
	c->max = sqlite3_column_double(st, 5);
	c->params = db_column_strdup(st, 7);
	c->source = db_column_strdup(st, 8);
	c->hint = db_column_strdup(st, 9);
	if (!c->code || !c->title || !c->params || !c->source || !c->hint)
		return -1;
	/* Stored rules were checked when saved; a bad one scores as manual. */
	if (rule_parse((const char *)sqlite3_column_text(st, 6), c->params, c->max, &c->rule,
	    err, sizeof err) != 0)
		memset(&c->rule, 0, sizeof c->rule);
	c->kind = c->rule.kind;
	return 0;
}

static int
load_nodes(struct db *db, struct criteria_set *s)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, ifnull(parent_id, 0), ord, code, title, "
	    "max, rule, params, source, hint FROM par_criterion WHERE set_id = ?");
	struct par_node *rows = NULL;
	bool *used = NULL;
	int nrows = 0, cap = 0, rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&rows, nrows, &cap, sizeof *rows) != 0)
			break;
		if (read_node(st, &rows[nrows++]) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && nrows > 0) {
		used = calloc((size_t)nrows, sizeof *used);
		s->nodes = calloc((size_t)nrows, sizeof *s->nodes);
		if (used == NULL || s->nodes == NULL ||
		    place(rows, nrows, used, 0, -1, 0, s->nodes, &s->n) != 0)
			rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_DONE) {
		for (int i = 0; i < nrows; i++)
			node_free(&rows[i]);
		free(s->nodes);
		s->nodes = NULL;
		s->n = 0;
	}
	free(rows);
	free(used);
	if (rc != SQLITE_DONE)
		return db_fail(db, "%s", _("out of memory"));
	for (int i = 0; i < s->n; i++)
		s->nodes[i].leaf = i + 1 == s->n || s->nodes[i + 1].parent != i;
	return 0;
}

int
criteria_load(struct db *db, int64_t id, struct criteria_set *s)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " HEAD_COLUMNS " FROM par_set WHERE id = ?");
	int rc;

	memset(s, 0, sizeof *s);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = read_head(st, s) == 0 ? SQLITE_DONE : SQLITE_NOMEM;
	else if (rc == SQLITE_DONE)
		rc = SQLITE_NOTFOUND;
	sqlite3_finalize(st);
	if (rc == SQLITE_NOTFOUND)
		return db_fail(db, _("no criteria set %lld"), (long long)id);
	if (rc != SQLITE_DONE || load_bands(db, s) != 0 || load_nodes(db, s) != 0) {
		criteria_free(s);
		return rc == SQLITE_DONE ? -1 : db_fail(db, "%s", _("out of memory"));
	}
	return 0;
}

int64_t
criteria_find(struct db *db, int year)
{
	struct office o = { 0 };
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc;

	/* The office's kind picks the level; none recorded yet means xã. */
	if (office_get(db, &o) < 0)
		return -1;
	st = db_prepare(db, "SELECT set_id FROM par_year WHERE year = ?1 UNION ALL "
	    "SELECT * FROM (SELECT id FROM par_set WHERE year <= ?1 "
	    "ORDER BY year DESC, level = ?2 DESC, id DESC LIMIT 1) LIMIT 1");
	if (st != NULL) {
		sqlite3_bind_int(st, 1, year);
		db_bind_text(st, 2, o.kind && *o.kind ? o.kind : "xa");
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			id = db_fail_sql(db, "par_set");
		sqlite3_finalize(st);
	} else {
		id = -1;
	}
	office_free(&o);
	return id;
}

static int
write_current(struct db *db, int year, int64_t set, bool replace)
{
	sqlite3_stmt *st = db_prepare(db, replace ?
	    "INSERT INTO par_year (year, set_id) VALUES (?, ?) "
	    "ON CONFLICT (year) DO UPDATE SET set_id = excluded.set_id" :
	    "INSERT INTO par_year (year, set_id) VALUES (?, ?) ON CONFLICT (year) DO NOTHING");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, set);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "par_year");
}

int
criteria_keep_current(struct db *db, int year, int64_t set)
{
	return write_current(db, year, set, false);
}

int
criteria_set_current(struct db *db, int year, int64_t set)
{
	if (db_begin(db) != 0)
		return -1;
	if (write_current(db, year, set, true) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* Checking. */

int
criteria_check(const struct criteria_set *s, struct criteria_warning **out, int *n)
{
	int cap = 0;

	*out = NULL;
	*n = 0;
	for (int p = -1; p < s->n; p++) {
		double sum = 0, expected = p < 0 ? s->total : s->nodes[p].max;
		bool any = false;

		for (int i = p + 1; i < s->n; i++)
			if (s->nodes[i].parent == p) {
				sum += s->nodes[i].max;
				any = true;
			}
		if (!any || fabs(sum - expected) < 0.005)
			continue;
		if (array_reserve(out, *n, &cap, sizeof **out) != 0) {
			free(*out);
			*out = NULL;
			*n = 0;
			return -1;
		}
		(*out)[(*n)++] = (struct criteria_warning){ p, sum, expected };
	}
	return 0;
}

const char *
criteria_band(const struct criteria_set *s, double index)
{
	for (int i = 0; i < s->nbands; i++)
		if (index >= s->bands[i].min - 1e-9)
			return s->bands[i].label;
	return "";
}

/* Saving a criterion. */

struct criterion_row {
	char *code, *title, *params, *source, *hint;
};

static void
crow_free(struct criterion_row *r)
{
	free(r->code);
	free(r->title);
	free(r->params);
	free(r->source);
	free(r->hint);
}

/* The code of criterion id (malloc'd) or NULL (db_error). */
static char *
code_of(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT code FROM par_criterion WHERE id = ?");
	char *code = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		code = db_column_strdup(st, 0);
	else
		db_fail(db, "%s", _("The parent criterion no longer exists"));
	sqlite3_finalize(st);
	return code;
}

/* True (1) when the criterion coded parent is criterion id or lies
 * below it: codes carry the path, so its code begins with id's and a
 * dot.  -1 on error. */
static int
under_itself(struct db *db, int64_t id, const char *parent)
{
	char *own = code_of(db, id);
	size_t len;
	int rc;

	if (own == NULL)
		return -1;
	len = strlen(own);
	rc = strcmp(parent, own) == 0 || (strncmp(parent, own, len) == 0 && parent[len] == '.');
	free(own);
	return rc;
}

static int
check_code(struct db *db, int64_t set, const struct par_node *c, const char *code,
    struct field_error *e)
{
	sqlite3_stmt *st;
	char *parent;
	int rc;

	if (*code == '\0')
		return field_fail(e, CF_CODE, _("%s is required"), _("Code"));
	if (c->parent_id == 0) {
		if (strchr(code, '.') != NULL)
			return field_fail(e, CF_CODE, _("A top-level code has no dot: "
			    "\"1\", \"2\"..."));
	} else {
		size_t len;

		if ((parent = code_of(db, c->parent_id)) == NULL)
			return field_fail_db(e, db);
		len = strlen(parent);
		rc = strncmp(code, parent, len) != 0 || code[len] != '.' || code[len + 1] == '\0';
		if (rc)
			field_fail(e, CF_CODE, _("The code must start with the parent's "
			    "code and a dot: \"%s.1\""), parent);
		else if (c->id != 0 && (rc = under_itself(db, c->id, parent)) != 0)
			field_fail(e, CF_CODE, _("A criterion cannot go under one of its own "
			    "sub-criteria"));
		free(parent);
		if (rc)
			return -1;
	}
	if ((st = db_prepare(db, "SELECT 1 FROM par_criterion WHERE set_id = ? AND code = ? "
	    "AND id <> ?")) == NULL)
		return field_fail_db(e, db);
	sqlite3_bind_int64(st, 1, set);
	db_bind_text(st, 2, code);
	sqlite3_bind_int64(st, 3, c->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return field_fail(e, CF_CODE, _("Another criterion has the code \"%s\""), code);
	return 0;
}

static int
check_criterion(struct db *db, int64_t set, const struct par_node *c,
    struct criterion_row *r, struct field_error *e)
{
	struct rule rule;
	char err[256];

	memset(r, 0, sizeof *r);
	if ((r->code = field_text(c->code, e, CF_CODE, _("Code"))) == NULL ||
	    (r->title = field_text(c->title, e, CF_TITLE, _("Title"))) == NULL ||
	    (r->params = field_text(c->params, e, CF_PARAMS, _("Parameters"))) == NULL ||
	    (r->source = field_text(c->source, e, CF_SOURCE, _("Source"))) == NULL ||
	    (r->hint = field_text(c->hint, e, CF_HINT, _("Evidence expected"))) == NULL)
		return -1;
	if (check_code(db, set, c, r->code, e) != 0)
		return -1;
	if (*r->title == '\0')
		return field_fail(e, CF_TITLE, _("%s is required"), _("Title"));
	if (!isfinite(c->max) || c->max < 0)
		return field_fail(e, CF_MAX, _("The maximum cannot be negative"));
	if (rule_kind_name(c->kind) == NULL)
		return field_fail(e, CF_RULE, _("Choose a scoring rule"));
	if (rule_parse(rule_kind_name(c->kind), r->params, c->max, &rule, err, sizeof err) != 0)
		return field_fail(e, CF_PARAMS, "%s", err);
	if (!criteria_source_valid(r->source))
		return field_fail(e, CF_SOURCE, _("The source must be empty, tasks_on_time[:TEXT], "
		    "tasks_done[:TEXT], targets_met, target:TEXT or sipas[:TEXT]"));
	return 0;
}

/* A criterion whose code changes takes its sub-criteria along: their
 * codes begin with its own and a dot, which is what makes them its
 * children in the file format.  Inside the caller's transaction. */
static int
rename_descendants(struct db *db, int64_t set, int64_t id, const char *code)
{
	char *old = code_of(db, id);
	sqlite3_stmt *st;
	int rc = -1;

	if (old == NULL)
		return -1;
	if ((st = db_prepare(db, "UPDATE par_criterion SET code = ?3 || substr(code, "
	    "length(?2) + 1) WHERE set_id = ?1 AND substr(code, 1, length(?2) + 1) = ?2 || '.'"))
	    != NULL) {
		sqlite3_bind_int64(st, 1, set);
		db_bind_text(st, 2, old);
		db_bind_text(st, 3, code);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail_sql(db, "par_criterion");
		sqlite3_finalize(st);
	}
	free(old);
	return rc;
}

/* Inserts or updates c; inside the caller's transaction. */
static int
store_criterion(struct db *db, int64_t set, struct par_node *c, struct field_error *e)
{
	struct criterion_row r;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (check_criterion(db, set, c, &r, e) != 0)
		goto out;
	if (c->id == 0)
		st = db_prepare(db, "INSERT INTO par_criterion (set_id, parent_id, ord, code, "
		    "title, max, rule, params, source, hint) VALUES (?1, ?2, (SELECT "
		    "ifnull(max(ord), 0) + 1 FROM par_criterion WHERE set_id = ?1 AND "
		    "parent_id IS ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	else if (rename_descendants(db, set, c->id, r.code) != 0) {
		field_fail_db(e, db);
		goto out;
	} else
		/* Under another parent it goes after the last sibling there. */
		st = db_prepare(db, "UPDATE par_criterion SET ord = CASE WHEN parent_id IS ?2 "
		    "THEN ord ELSE (SELECT ifnull(max(o.ord), 0) + 1 FROM par_criterion o WHERE "
		    "o.set_id = ?1 AND o.parent_id IS ?2) END, parent_id = ?2, code = ?3, "
		    "title = ?4, max = ?5, rule = ?6, params = ?7, source = ?8, hint = ?9 "
		    "WHERE id = ?10 AND set_id = ?1");
	if (st == NULL) {
		field_fail_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, set);
	db_bind_id_or_null(st, 2, c->parent_id);
	db_bind_text(st, 3, r.code);
	db_bind_text(st, 4, r.title);
	sqlite3_bind_double(st, 5, c->max);
	db_bind_text(st, 6, rule_kind_name(c->kind));
	db_bind_text(st, 7, r.params);
	db_bind_text(st, 8, r.source);
	db_bind_text(st, 9, r.hint);
	if (c->id != 0)
		sqlite3_bind_int64(st, 10, c->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "par_criterion");
		field_fail_db(e, db);
	} else if (sqlite3_changes(db->sql) == 0) {
		field_fail(e, -1, _("The criterion no longer exists"));
	} else {
		if (c->id == 0)
			c->id = sqlite3_last_insert_rowid(db->sql);
		rc = 0;
	}
out:
	sqlite3_finalize(st);
	crow_free(&r);
	return rc;
}

int
criterion_save(struct db *db, int64_t set, struct par_node *c, struct field_error *err)
{
	int64_t id = c->id;

	field_error_clear(err);
	if (db_begin(db) != 0)
		return field_fail_db(err, db);
	if (field_commit(db, store_criterion(db, set, c, err), err) != 0) {
		c->id = id;
		return -1;
	}
	return 0;
}

static int
exec_id(struct db *db, const char *sql, int64_t id, const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if (db_begin(db) != 0)
		return -1;
	if ((st = db_prepare(db, sql)) == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail_sql(db, what);
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
criterion_delete(struct db *db, int64_t id)
{
	return exec_id(db, "DELETE FROM par_criterion WHERE id = ?", id, "par_criterion");
}

int
criteria_set_delete(struct db *db, int64_t id)
{
	return exec_id(db, "DELETE FROM par_set WHERE id = ?", id, "par_set");
}

int
criterion_move(struct db *db, int64_t id, int delta)
{
	/* The sibling just before or after, then the two orders swapped. */
	static const char swap[] = "UPDATE par_criterion SET ord = CASE id WHEN ?1 THEN ?4 "
	    "ELSE ?3 END WHERE id IN (?1, ?2)";
	sqlite3_stmt *st = db_prepare(db, delta < 0 ?
	    "SELECT o.id, o.ord, c.ord FROM par_criterion c JOIN par_criterion o ON "
	    "o.set_id = c.set_id AND o.parent_id IS c.parent_id AND o.ord < c.ord "
	    "WHERE c.id = ? ORDER BY o.ord DESC LIMIT 1" :
	    "SELECT o.id, o.ord, c.ord FROM par_criterion c JOIN par_criterion o ON "
	    "o.set_id = c.set_id AND o.parent_id IS c.parent_id AND o.ord > c.ord "
	    "WHERE c.id = ? ORDER BY o.ord LIMIT 1");
	int64_t other;
	int other_ord, ord, rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	other = sqlite3_column_int64(st, 0);
	other_ord = sqlite3_column_int(st, 1);
	ord = sqlite3_column_int(st, 2);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail_sql(db, "par_criterion");
	if (db_begin(db) != 0 || (st = db_prepare(db, swap)) == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, other);
	sqlite3_bind_int(st, 3, ord);
	sqlite3_bind_int(st, 4, other_ord);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail_sql(db, "par_criterion");
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* Import. */

#define MAX_DEPTH 8

struct importer {
	struct db *db;
	const char *path;
	struct tsv tsv;
	int64_t set;
	int year;		/* 0: the file's */
	int nbands;
	/* The last criterion at each depth, for finding parents by code. */
	int64_t open_id[MAX_DEPTH];
	char *open_code[MAX_DEPTH];
	int depth;
};

static int
ifail(struct importer *im, const char *field, const char *reason)
{
	if (field != NULL)
		return db_fail(im->db, _("%s line %d, field \"%s\": %s"), im->path,
		    im->tsv.lineno, field, reason);
	return db_fail(im->db, _("%s line %d: %s"), im->path, im->tsv.lineno, reason);
}

static int
inumber(struct importer *im, const char *field, const char *s, double *out)
{
	if (!number_parse(s, out))
		return ifail(im, field, _("not a number"));
	return 0;
}

/* name with the first "from" written as a year (four digits on their own)
 * made "to": "… năm 2025" imported for 2024 reads "… năm 2024".  NULL when
 * out of memory. */
static char *
name_for_year(const char *name, int from, int to)
{
	char y[16], *out;
	const char *p = name;
	size_t len;

	snprintf(y, sizeof y, "%d", from);
	len = strlen(y);
	while ((p = strstr(p, y)) != NULL && ((p > name && isdigit((unsigned char)p[-1])) ||
	    isdigit((unsigned char)p[len])))
		p += len;
	if (p == NULL || (out = malloc(strlen(name) + 16)) == NULL)
		return p == NULL ? strdup(name) : NULL;
	snprintf(out, strlen(name) + 16, "%.*s%d%s", (int)(p - name), name, to, p + len);
	return out;
}

static int
read_set(struct importer *im)
{
	const char *total = tsv_field(&im->tsv, 4);
	char *name, *folded, *note, *end;
	long year = strtol(tsv_field(&im->tsv, 1), &end, 10);
	double t = 100;
	sqlite3_stmt *st;
	int rc;

	if (im->set != 0)
		return ifail(im, NULL, _("a file holds one set"));
	if (*tsv_field(&im->tsv, 1) == '\0' || *end != '\0' || year < 1990 || year > 2200)
		return ifail(im, _("year"), _("not a year between 1990 and 2200"));
	if (!level_valid(tsv_field(&im->tsv, 2)))
		return ifail(im, _("level"), _("must be xa, phuong or so"));
	if (*total != '\0' && (inumber(im, _("total"), total, &t) != 0 || t <= 0))
		return t <= 0 ? ifail(im, _("total"), _("must be above 0")) : -1;
	name = text_nfc(tsv_field(&im->tsv, 3));
	note = text_nfc(tsv_field(&im->tsv, 5));
	if (im->year != 0 && im->year != year && name != NULL) {
		char *moved = name_for_year(name, (int)year, im->year);

		free(name);
		name = moved;
		year = im->year;
	}
	folded = name ? text_fold(name) : NULL;
	rc = -1;
	if (name == NULL || note == NULL || folded == NULL)
		ifail(im, NULL, _("out of memory"));
	else if (*name == '\0')
		ifail(im, _("name"), _("is required"));
	else if ((st = db_prepare(im->db, "INSERT INTO par_set (year, level, name, folded, "
	    "total, note) VALUES (?, ?, ?, ?, ?, ?)")) != NULL) {
		sqlite3_bind_int(st, 1, (int)year);
		db_bind_text(st, 2, tsv_field(&im->tsv, 2));
		db_bind_text(st, 3, name);
		db_bind_text(st, 4, folded);
		sqlite3_bind_double(st, 5, t);
		db_bind_text(st, 6, note);
		if (sqlite3_step(st) == SQLITE_DONE) {
			im->set = sqlite3_last_insert_rowid(im->db->sql);
			rc = 0;
		} else {
			db_fail_sql(im->db, "par_set");
		}
		sqlite3_finalize(st);
	}
	free(name);
	free(note);
	free(folded);
	return rc;
}

static int
need_set(struct importer *im)
{
	if (im->set == 0)
		return ifail(im, NULL, _("a set record must come first"));
	return 0;
}

static int
read_band(struct importer *im)
{
	char *label;
	double min;
	int rc = -1;

	if (need_set(im) != 0 || inumber(im, _("from index"), tsv_field(&im->tsv, 2), &min) != 0)
		return -1;
	if ((label = text_nfc(tsv_field(&im->tsv, 1))) == NULL)
		return ifail(im, NULL, _("out of memory"));
	if (*label == '\0')
		ifail(im, _("label"), _("is required"));
	else
		rc = insert_band(im->db, im->set, ++im->nbands, label, min);
	free(label);
	return rc;
}

/* The depth of code in the open path: the deepest open criterion whose code
 * and a dot begin it. */
static int
parent_depth(struct importer *im, const char *code)
{
	for (int d = im->depth - 1; d >= 0; d--) {
		size_t len = strlen(im->open_code[d]);

		if (strncmp(code, im->open_code[d], len) == 0 && code[len] == '.')
			return d;
	}
	return -1;
}

static const char *const criterion_fields[] = {
	[CF_CODE] = N_("code"),
	[CF_TITLE] = N_("title"),
	[CF_MAX] = N_("max"),
	[CF_RULE] = N_("rule"),
	[CF_PARAMS] = N_("parameters"),
	[CF_SOURCE] = N_("source"),
	[CF_HINT] = N_("evidence expected"),
};

static int
read_criterion(struct importer *im)
{
	struct par_node c = { 0 };
	struct field_error e;
	const char *code = tsv_field(&im->tsv, 1);
	int d;

	if (need_set(im) != 0)
		return -1;
	if (inumber(im, _("max"), tsv_field(&im->tsv, 3), &c.max) != 0)
		return -1;
	if (*tsv_field(&im->tsv, 4) != '\0' && !rule_kind_parse(tsv_field(&im->tsv, 4), &c.kind))
		return ifail(im, _("rule"), _("unknown rule (manual, survey, yesno, ratio, bands, "
		    "count, deduct, bonus or penalty)"));
	d = parent_depth(im, code);
	if (d < 0 && strchr(code, '.') != NULL)
		return ifail(im, _("code"), _("no criterion above whose code begins this one"));
	if (d + 1 >= MAX_DEPTH)
		return ifail(im, _("code"), _("criteria nest too deep"));
	c.parent_id = d < 0 ? 0 : im->open_id[d];
	c.code = (char *)code;
	c.title = (char *)tsv_field(&im->tsv, 2);
	c.params = (char *)tsv_field(&im->tsv, 5);
	c.source = (char *)tsv_field(&im->tsv, 6);
	c.hint = (char *)tsv_field(&im->tsv, 7);
	if (store_criterion(im->db, im->set, &c, &e) != 0)
		return ifail(im, e.field >= 0 ? _(criterion_fields[e.field]) : NULL, e.message);
	for (int i = d + 1; i < im->depth; i++)
		free(im->open_code[i]);
	im->depth = d + 2;
	im->open_id[d + 1] = c.id;
	if ((im->open_code[d + 1] = strdup(code)) == NULL) {
		im->depth--;
		return ifail(im, NULL, _("out of memory"));
	}
	return 0;
}

static int
import_records(struct importer *im)
{
	int rc;

	while ((rc = tsv_next(&im->tsv)) == 1) {
		const char *kind = tsv_field(&im->tsv, 0);

		if (strcmp(kind, "set") == 0)
			rc = read_set(im);
		else if (strcmp(kind, "band") == 0)
			rc = read_band(im);
		else if (strcmp(kind, "criterion") == 0)
			rc = read_criterion(im);
		else
			rc = ifail(im, NULL, _("unknown record kind (set, band or criterion)"));
		if (rc != 0)
			return -1;
	}
	if (rc < 0)
		return ifail(im, NULL, errno == EILSEQ ? _("not valid UTF-8") : strerror(errno));
	if (im->set == 0)
		return db_fail(im->db, _("%s: no set record"), im->path);
	return 0;
}

static int64_t
import_file(struct db *db, const char *path, int year)
{
	struct importer im = { .db = db, .path = path, .year = year };
	const char *why;
	int rc;

	if (tsv_open(&im.tsv, path, &why) != 0)
		return db_fail(db, "%s: %s", path, why);
	if (db_begin(db) != 0) {
		tsv_close(&im.tsv);
		return -1;
	}
	rc = import_records(&im);
	for (int i = 0; i < im.depth; i++)
		free(im.open_code[i]);
	tsv_close(&im.tsv);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == 0 ? im.set : -1;
}

int64_t
criteria_import(struct db *db, const char *path)
{
	return import_file(db, path, 0);
}

int64_t
criteria_import_template(struct db *db, int year)
{
	char path[4096];

	if (paths_join(path, sizeof path, paths_datadir(), CRITERIA_TEMPLATE_FILE) != 0)
		return db_fail(db, "%s", _("the data folder's name is too long"));
	return import_file(db, path, year);
}

/* Export. */

/* Numbers in the file always take a decimal point, whatever the locale. */
static void
put_number(FILE *fp, double v)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%.6f", v);
	for (char *p = buf + strlen(buf) - 1; p > buf && *p == '0'; p--)
		*p = '\0';
	if (buf[strlen(buf) - 1] == '.')
		buf[strlen(buf) - 1] = '\0';
	fputs(buf, fp);
}

int
criteria_export(const struct criteria_set *s, FILE *fp)
{
	fputs("# cchc criteria set: see cchc-criteria(5).\n"
	    "# set\tyear\tlevel\tname\ttotal\tnote\n"
	    "# band\tlabel\tfrom index\n"
	    "# criterion\tcode\ttitle\tmax\trule\tparameters\tsource\tevidence expected\n", fp);
	fprintf(fp, "set\t%d\t%s\t%s\t", s->year, s->level, s->name);
	put_number(fp, s->total);
	fprintf(fp, "\t%s\n", s->note);
	for (int i = 0; i < s->nbands; i++) {
		fprintf(fp, "band\t%s\t", s->bands[i].label);
		put_number(fp, s->bands[i].min);
		fputc('\n', fp);
	}
	for (int i = 0; i < s->n; i++) {
		const struct par_node *c = &s->nodes[i];

		fprintf(fp, "criterion\t%s\t%s\t", c->code, c->title);
		put_number(fp, c->max);
		fprintf(fp, "\t%s\t%s\t%s\t%s\n", rule_kind_name(c->kind), c->params, c->source,
		    c->hint);
	}
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}
