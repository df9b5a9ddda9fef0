/* Saving a criterion of a set: its code checked against its parent and
 * siblings (the descendants renamed with it), deleting it, moving it among
 * its siblings. */
#include "core/par/criteria_store.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"

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
check_code(struct db *db, int64_t set, const struct criterion_input *c, const char *code,
    struct err *e)
{
	sqlite3_stmt *st;
	char *parent;
	int rc;

	if (*code == '\0')
		return err_set(e, CF_CODE, _("%s is required"), _("Code"));
	if (c->parent_id == 0) {
		if (strchr(code, '.') != NULL)
			return err_set(e, CF_CODE, _("A top-level code has no dot: "
			    "\"1\", \"2\"..."));
	} else {
		size_t len;

		if ((parent = code_of(db, c->parent_id)) == NULL)
			return err_db(e, db);
		len = strlen(parent);
		rc = strncmp(code, parent, len) != 0 || code[len] != '.' || code[len + 1] == '\0';
		if (rc)
			err_set(e, CF_CODE, _("The code must start with the parent's "
			    "code and a dot: \"%s.1\""), parent);
		else if (c->id != 0 && (rc = under_itself(db, c->id, parent)) != 0)
			err_set(e, CF_CODE, _("A criterion cannot go under one of its own "
			    "sub-criteria"));
		free(parent);
		if (rc)
			return -1;
	}
	if ((st = db_prepare(db, "SELECT 1 FROM par_criterion WHERE set_id = ? AND code = ? "
	    "AND id <> ?")) == NULL)
		return err_db(e, db);
	sqlite3_bind_int64(st, 1, set);
	db_bind_text(st, 2, code);
	sqlite3_bind_int64(st, 3, c->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return err_set(e, CF_CODE, _("Another criterion has the code \"%s\""), code);
	return 0;
}

static int
check_criterion(struct db *db, int64_t set, const struct criterion_input *c,
    struct criterion_row *r, struct err *e)
{
	struct rule rule;

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
		return err_set(e, CF_TITLE, _("%s is required"), _("Title"));
	if (!isfinite(c->max) || c->max < 0)
		return err_set(e, CF_MAX, _("The maximum cannot be negative"));
	if (rule_kind_name(c->kind) == NULL)
		return err_set(e, CF_RULE, _("Choose a scoring rule"));
	if (rule_parse(rule_kind_name(c->kind), r->params, c->max, &rule, e) != 0) {
		e->field = CF_PARAMS;
		return -1;
	}
	if (!criteria_source_valid(r->source))
		return err_set(e, CF_SOURCE, _("The source must be empty, tasks_on_time[:TEXT], "
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
int
criterion_store(struct db *db, int64_t set, const struct criterion_input *c, int64_t *id,
    struct err *e)
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
		err_db(e, db);
		goto out;
	} else
		/* Under another parent it goes after the last sibling there. */
		st = db_prepare(db, "UPDATE par_criterion SET ord = CASE WHEN parent_id IS ?2 "
		    "THEN ord ELSE (SELECT ifnull(max(o.ord), 0) + 1 FROM par_criterion o WHERE "
		    "o.set_id = ?1 AND o.parent_id IS ?2) END, parent_id = ?2, code = ?3, "
		    "title = ?4, max = ?5, rule = ?6, params = ?7, source = ?8, hint = ?9 "
		    "WHERE id = ?10 AND set_id = ?1");
	if (st == NULL) {
		err_db(e, db);
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
		err_db(e, db);
	} else if (sqlite3_changes(db_sqlite(db)) == 0) {
		err_set(e, -1, _("The criterion no longer exists"));
	} else {
		*id = c->id != 0 ? c->id : sqlite3_last_insert_rowid(db_sqlite(db));
		rc = 0;
	}
out:
	sqlite3_finalize(st);
	crow_free(&r);
	return rc;
}

struct criterion_input
criterion_input_of(const struct par_node *c)
{
	return (struct criterion_input){
		.id = c->id, .parent_id = c->parent_id, .code = c->code, .title = c->title,
		.max = c->max, .kind = c->kind, .params = c->params, .source = c->source,
		.hint = c->hint,
	};
}

int
criterion_save(struct db *db, int64_t set, const struct criterion_input *in, int64_t *id,
    struct err *err)
{
	int64_t saved = 0;

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit_id(db, criterion_store(db, set, in, &saved, err), &saved, id, err);
}

int
criterion_delete(struct db *db, int64_t id)
{
	return db_write_id(db, "DELETE FROM par_criterion WHERE id = ?", id, 0, "par_criterion");
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
	if (db_begin(db) != 0)
		return -1;
	if ((st = db_prepare(db, swap)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, other);
		sqlite3_bind_int(st, 3, ord);
		sqlite3_bind_int(st, 4, other_ord);
	}
	return db_write_commit(db, st, "par_criterion");
}
