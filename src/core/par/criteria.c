/* Criteria sets as the program reads them: loading a set's tree and
 * bands (the national grouping when it states none), the list of sets,
 * the year's set, and the checks that a tree's points add up. */
#include "core/par/criteria.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/db.h"
#include "core/store/office.h"
#include "core/text/array.h"
#include "core/text/i18n.h"

/* The national grouping, used when a set states no bands of its own. */
static const struct {
	const char *label;
	double min;
} default_bands[] = {
	{ "A", 90 }, { "B", 80 }, { "C", 70 }, { "D", 0 },
};

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
	    NULL) != 0)
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

	if (st != NULL) {
		sqlite3_bind_int(st, 1, year);
		sqlite3_bind_int64(st, 2, set);
	}
	return db_step_write(db, st, "par_year");
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
