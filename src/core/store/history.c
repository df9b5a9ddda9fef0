/* Reading the history of changes back, one entry per save of a record. */
#include "core/store/history.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/period.h"
#include "core/plan/section.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

/* The tables recorded: label, the table (and column) of the record a row
 * is part of. */
static const struct {
	const char *name;
	const char *label;
	const char *parent, *parent_column;
} tables[] = {
	{ "office", N_("office"), NULL, NULL },
	{ "unit", N_("unit"), NULL, NULL },
	{ "unit_alias", N_("unit spelling"), "unit", "unit_id" },
	{ "plan", N_("plan"), NULL, NULL },
	{ "phase", N_("phase"), "plan", "plan_id" },
	{ "target", N_("target"), "plan", "plan_id" },
	{ "target_phase", N_("target value by phase"), "target", "target_id" },
	{ "task", N_("task"), "plan", "plan_id" },
	{ "task_cooperator", N_("cooperating unit"), "task", "task_id" },
	{ "product", N_("product"), "task", "task_id" },
	{ "result", N_("result"), "target", "target_id" },
};

/* Most labels are the forms' own.  The owner's column (plan_id of a
 * task...) is never shown. */
static const struct {
	const char *field;
	const char *label;
} fields[] = {
	{ "name", N_("Name") },
	{ "short_name", N_("Short name") },
	{ "alias", N_("Other spellings") },
	{ "kind", N_("Kind") },
	{ "province", N_("Province") },
	{ "number", N_("Number") },
	{ "title", N_("Title") },
	{ "issuer", N_("Issued by") },
	{ "signer", N_("Signed by") },
	{ "issue_date", N_("Issue date") },
	{ "issue_date_month", N_("Dated by month only") },
	{ "year_from", N_("First year") },
	{ "year_to", N_("Last year") },
	{ "label", N_("Years") },
	{ "section_id", N_("Section") },
	{ "ord", N_("Order") },
	{ "text", N_("Text") },
	{ "comparator", N_("Comparator") },
	{ "value", N_("Value") },
	{ "baseline", N_("Baseline") },
	{ "numerator_label", N_("Numerator label") },
	{ "denominator_label", N_("Denominator label") },
	{ "lead_unit_id", N_("Lead unit") },
	{ "phase_id", N_("Phase") },
	{ "tt", N_("No.") },
	{ "description", N_("Task") },
	{ "monitor_unit_id", N_("Monitoring unit") },
	{ "progress", N_("Progress") },
	{ "completion_date", N_("Completed on") },
	{ "evidence_number", N_("Evidence no.") },
	{ "evidence_date", N_("Evidence date") },
	{ "evidence", N_("Evidence summary") },
	{ "note", N_("Note") },
	{ "unit_id", N_("Unit") },
	{ "deadline_text", N_("Deadline") },
	{ "deadline_kind", N_("Kind of deadline") },
	{ "due_date", N_("Due") },
	{ "due_manual", N_("Due date set by hand") },
	{ "period_id", N_("Period") },
	{ "numerator", N_("Numerator") },
	{ "denominator", N_("Denominator") },
};

/* Coded values shown in words. */
static const struct {
	const char *field;
	const char *code;
	const char *label;
} codes[] = {
	{ "progress", "not_started", N_("Not started") },
	{ "progress", "in_progress", N_("In progress") },
	{ "progress", "done", N_("Done") },
	{ "due_manual", "0", N_("No") },
	{ "due_manual", "1", N_("Yes") },
	{ "issue_date_month", "0", N_("No") },
	{ "issue_date_month", "1", N_("Yes") },
	/* The forms' words for a target's kind and an office's. */
	{ "kind", "rate", N_("rate (%)") },
	{ "kind", "count", N_("count") },
	{ "kind", "reduction", N_("reduction (%)") },
	{ "kind", "rank", N_("rank") },
	{ "kind", "yesno", N_("yes/no") },
	{ "kind", "xa", N_("commune (xã)") },
	{ "kind", "phuong", N_("ward (phường)") },
	{ "kind", "so", N_("department (sở)") },
	{ "comparator", ">=", "≥" },
	{ "comparator", "<=", "≤" },
	{ "deadline_kind", "date", N_("a date") },
	{ "deadline_kind", "continuous", N_("all year") },
	{ "deadline_kind", "recurring", N_("recurring") },
	{ "deadline_kind", "milestones", N_("milestones") },
	{ "deadline_kind", "conditional", N_("not fixed yet") },
	{ "deadline_kind", "unknown", N_("not understood") },
};

static const char *const actions[] = { "insert", "update", "delete" };

static const char *const action_labels[] = {
	N_("added"), N_("changed"), N_("deleted"),
};

/* Tables whose rows a save deletes and inserts again (task_save,
 * unit_save, phase_values_store): matched by their values, not their ids,
 * which change. */
#define PART_TABLES "('unit_alias', 'target_phase', 'task_cooperator', 'product')"
/* "part<owner>" of the parts a record's history shows with it. */
#define PARTS_OF "('unit_alias<unit', 'phase<plan', 'target_phase<target', " \
	"'result<target', 'task_cooperator<task', 'product<task')"

#define HISTORY_SELECT "SELECT id, at, strftime('%d/%m/%Y %H:%M', at, 'localtime'), " \
	"operator, table_name, record_id, ifnull(parent_id, 0), action, before_json, " \
	"after_json, CASE WHEN table_name IN " PART_TABLES " THEN " \
	"json_remove(coalesce(after_json, before_json), '$.id', '$.ord') END " \
	"FROM history WHERE (?1 IS NULL OR at >= strftime('%Y-%m-%dT%H:%M:%SZ', ?1, 'utc')) "

static int
table_index(const char *table)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].name, table) == 0)
			return (int)i;
	return -1;
}

bool
history_table_known(const char *table)
{
	return table_index(table) >= 0;
}

const char *
history_table_label(const char *table)
{
	int i = table_index(table);

	return i >= 0 ? _(tables[i].label) : table;
}

/* What a record is called, read from its own values (?1, the entry's JSON,
 * so a deleted record keeps its name) or, for its owner, from the owner's
 * row (?2, its id, while it exists).  Columns: one name; or a task's
 * section order, TT and text; or a period's kind and year. */
enum name_shape { NAME_TEXT, NAME_TASK, NAME_PERIOD };

static const struct {
	const char *table;
	enum name_shape shape;
	const char *own;	/* from ?1 */
	const char *owner;	/* from ?2; NULL: the plan, not named */
} subjects[] = {
	{ "office", NAME_TEXT, "SELECT json_extract(?1, '$.name')", NULL },
	{ "unit", NAME_TEXT, "SELECT json_extract(?1, '$.name')",
	    "SELECT name FROM unit WHERE id = ?2" },
	{ "unit_alias", NAME_TEXT, "SELECT json_extract(?1, '$.alias')", NULL },
	{ "plan", NAME_TEXT, "SELECT json_extract(?1, '$.title')", NULL },
	{ "phase", NAME_TEXT, "SELECT json_extract(?1, '$.label')", NULL },
	{ "target", NAME_TEXT, "SELECT json_extract(?1, '$.text')",
	    "SELECT text FROM target WHERE id = ?2" },
	{ "target_phase", NAME_TEXT,
	    "SELECT label FROM phase WHERE id = json_extract(?1, '$.phase_id')", NULL },
	{ "task", NAME_TASK, "SELECT (SELECT ord FROM section WHERE id = "
	    "json_extract(?1, '$.section_id')), json_extract(?1, '$.tt'), "
	    "json_extract(?1, '$.description')",
	    "SELECT s.ord, t.tt, t.description FROM task t JOIN section s ON "
	    "s.id = t.section_id WHERE t.id = ?2" },
	{ "task_cooperator", NAME_TEXT,
	    "SELECT name FROM unit WHERE id = json_extract(?1, '$.unit_id')", NULL },
	{ "product", NAME_TEXT, "SELECT json_extract(?1, '$.name')", NULL },
	{ "result", NAME_PERIOD, "SELECT kind, year FROM period WHERE id = "
	    "json_extract(?1, '$.period_id')", NULL },
};

/* Ids shown by the name of what they point to (?2), while it exists. */
static const struct {
	const char *field;
	enum name_shape shape;
	const char *sql;
} names[] = {
	{ "lead_unit_id", NAME_TEXT, "SELECT name FROM unit WHERE id = ?2" },
	{ "monitor_unit_id", NAME_TEXT, "SELECT name FROM unit WHERE id = ?2" },
	{ "unit_id", NAME_TEXT, "SELECT name FROM unit WHERE id = ?2" },
	{ "section_id", NAME_TEXT, "SELECT title FROM section WHERE id = ?2" },
	{ "phase_id", NAME_TEXT, "SELECT label FROM phase WHERE id = ?2" },
	{ "period_id", NAME_PERIOD, "SELECT kind, year FROM period WHERE id = ?2" },
};

/* Long texts are cut to this many columns in a subject. */
#define SUBJECT_NAME_COLUMNS 48

static int
subject_index(const char *table)
{
	for (size_t i = 0; i < sizeof subjects / sizeof subjects[0]; i++)
		if (strcmp(subjects[i].table, table) == 0)
			return (int)i;
	return -1;
}

/* Appends s to buf (n bytes, len used), cut to cols columns with "…". */
static size_t
append_cut(char *buf, size_t n, size_t len, const char *s, int cols)
{
	size_t fit = text_fit(s, cols);
	int w;

	if (s[fit] != '\0')
		fit = text_fit(s, cols - 1);
	w = snprintf(buf + len, n - len, "%.*s%s", (int)fit, s, s[fit] != '\0' ? "…" : "");
	return w < 0 ? len : len + (size_t)w < n ? len + (size_t)w : n - 1;
}

/* Appends the name sql finds (?1 json, ?2 id), shaped, its text cut to
 * cols columns; whether one was found. */
static bool
append_name(struct db *db, const char *sql, enum name_shape shape, const char *json,
    int64_t id, int cols, char *buf, size_t n, size_t *len)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	bool found = false;

	if (st == NULL)
		return false;
	db_bind_text_or_null(st, 1, json);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		enum period_kind k;
		char num[96];

		found = true;
		switch (shape) {
		case NAME_TASK:
			/* "III.2 Xây dựng kế hoạch…", as the lists number it. */
			snprintf(num, sizeof num, "%s%s%s ", section_numeral(sqlite3_column_int(st, 0)),
			    sqlite3_column_bytes(st, 1) > 0 ? "." : "",
			    (const char *)sqlite3_column_text(st, 1));
			*len = append_cut(buf, n, *len, num, (int)sizeof num);
			*len = append_cut(buf, n, *len, (const char *)sqlite3_column_text(st, 2),
			    cols);
			break;
		case NAME_PERIOD:
			if (!period_kind_parse(a, &k))
				return sqlite3_finalize(st), false;
			report_period_label(sqlite3_column_int(st, 1), k, num, sizeof num);
			*len = append_cut(buf, n, *len, num, (int)sizeof num);
			break;
		default:
			*len = append_cut(buf, n, *len, a, cols);
			break;
		}
	}
	sqlite3_finalize(st);
	return found;
}

void
history_subject(struct db *db, const struct history_entry *e, char *buf, size_t n)
{
	int i = table_index(e->table), k = subject_index(e->table);
	char own[256] = "", owner[256] = "";
	size_t len = 0;

	if (k >= 0)
		append_name(db, subjects[k].own, subjects[k].shape,
		    e->after != NULL ? e->after : e->before, 0, SUBJECT_NAME_COLUMNS, own,
		    sizeof own, &len);
	/* The owner while it exists: "(nhiệm vụ III.2 …)"; a plan is not named,
	 * its records are listed within it. */
	len = 0;
	if (i >= 0 && tables[i].parent != NULL &&
	    (k = subject_index(tables[i].parent)) >= 0 && subjects[k].owner != NULL)
		append_name(db, subjects[k].owner, subjects[k].shape, NULL, e->parent_id,
		    SUBJECT_NAME_COLUMNS, owner, sizeof owner, &len);
	if (*owner != '\0')
		snprintf(buf, n, "%s%s%s (%s %s)", history_table_label(e->table), *own ? " " : "",
		    own, history_table_label(tables[i].parent), owner);
	else
		snprintf(buf, n, "%s%s%s", history_table_label(e->table), *own ? " " : "", own);
}

const char *
history_field_label(const char *field)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(fields[i].field, field) == 0)
			return _(fields[i].label);
	return field;
}

const char *
history_action_label(enum history_action a)
{
	return _(action_labels[a]);
}

/* A history row while entries are made of them. */
struct row {
	struct history_entry e;
	char *key;		/* a part's values without id and order */
	bool gone;
};

static void
entry_free(struct history_entry *e)
{
	free(e->operator);
	free(e->table);
	free(e->before);
	free(e->after);
}

static char *
column_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : db_column_strdup(st, i);
}

static int
read_row(sqlite3_stmt *st, struct row *r)
{
	const char *action = (const char *)sqlite3_column_text(st, 7);

	memset(r, 0, sizeof *r);
	r->e.id = sqlite3_column_int64(st, 0);
	snprintf(r->e.at, sizeof r->e.at, "%s", (const char *)sqlite3_column_text(st, 1));
	snprintf(r->e.local, sizeof r->e.local, "%s", (const char *)sqlite3_column_text(st, 2));
	r->e.operator = db_column_strdup(st, 3);
	r->e.table = db_column_strdup(st, 4);
	r->e.record_id = sqlite3_column_int64(st, 5);
	r->e.parent_id = sqlite3_column_int64(st, 6);
	for (int a = HISTORY_INSERT; a <= HISTORY_DELETE; a++)
		if (strcmp(action, actions[a]) == 0)
			r->e.action = (enum history_action)a;
	r->e.before = column_or_null(st, 8);
	r->e.after = column_or_null(st, 9);
	r->key = column_or_null(st, 10);
	if (r->e.operator == NULL || r->e.table == NULL ||
	    (sqlite3_column_type(st, 8) != SQLITE_NULL && r->e.before == NULL) ||
	    (sqlite3_column_type(st, 9) != SQLITE_NULL && r->e.after == NULL) ||
	    (sqlite3_column_type(st, 10) != SQLITE_NULL && r->key == NULL))
		return -1;
	return 0;
}

static int
cmp_id(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* 0 when x and y are rows of the same record, else their order. */
static int
same_record(const struct row *x, const struct row *y)
{
	int c = strcmp(x->e.table, y->e.table);

	return c ? c : cmp_id(x->e.record_id, y->e.record_id);
}

/* 0 when x and y are parts of the same owner with the same values, else
 * their order. */
static int
same_values(const struct row *x, const struct row *y)
{
	int c = strcmp(x->e.table, y->e.table);

	if (c == 0)
		c = cmp_id(x->e.parent_id, y->e.parent_id);
	return c ? c : strcmp(x->key, y->key);
}

static int
by_record(const void *a, const void *b)
{
	const struct row *x = *(struct row *const *)a, *y = *(struct row *const *)b;
	int c = same_record(x, y);

	return c ? c : cmp_id(x->e.id, y->e.id);
}

static int
by_values(const void *a, const void *b)
{
	const struct row *x = *(struct row *const *)a, *y = *(struct row *const *)b;
	int c = same_values(x, y);

	return c ? c : cmp_id(x->e.id, y->e.id);
}

/* The length of the run of v[0..n) that cmp finds equal to v[0]. */
static int
run_length(struct row **v, int n, int (*cmp)(const struct row *, const struct row *))
{
	int len = 1;

	while (len < n && cmp(v[0], v[len]) == 0)
		len++;
	return len;
}

/* Rows of one record with an id: the first takes the last one's values
 * after, and goes when nothing is left of the change. */
static void
merge_record(struct row **v, int n)
{
	struct row *first = v[0];

	for (int i = 1; i < n; i++) {
		free(first->e.after);
		first->e.after = v[i]->e.after;
		v[i]->e.after = NULL;
		v[i]->gone = true;
	}
	if (first->e.before == NULL)
		first->e.action = HISTORY_INSERT;
	else if (first->e.after == NULL)
		first->e.action = HISTORY_DELETE;
	else
		first->e.action = HISTORY_UPDATE;
	if (first->e.before == NULL ? first->e.after == NULL :
	    first->e.after != NULL && strcmp(first->e.before, first->e.after) == 0)
		first->gone = true;
}

/* Parts deleted and inserted again with the same values cancel out, one
 * delete for one insert. */
static void
cancel_parts(struct row **v, int n)
{
	int deletes = 0, inserts = 0;

	for (int i = 0; i < n; i++) {
		if (v[i]->e.action == HISTORY_DELETE)
			deletes++;
		else
			inserts++;
	}
	for (int i = 0, d = 0, k = 0; i < n; i++) {
		if (v[i]->e.action == HISTORY_DELETE && d < inserts) {
			v[i]->gone = true;
			d++;
		} else if (v[i]->e.action == HISTORY_INSERT && k < deletes) {
			v[i]->gone = true;
			k++;
		}
	}
}

/* Merges the rows of one save: same second, same operator. */
static int
merge_burst(struct row *rows, int n)
{
	struct row **v = malloc((size_t)n * sizeof *v);
	int m = 0;

	if (v == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (rows[i].key == NULL)
			v[m++] = &rows[i];
	qsort(v, (size_t)m, sizeof *v, by_record);
	for (int i = 0, len; i < m; i += len) {
		len = run_length(v + i, m - i, same_record);
		merge_record(v + i, len);
	}
	m = 0;
	for (int i = 0; i < n; i++)
		if (rows[i].key != NULL && rows[i].e.action != HISTORY_UPDATE)
			v[m++] = &rows[i];
	qsort(v, (size_t)m, sizeof *v, by_values);
	for (int i = 0, len; i < m; i += len) {
		len = run_length(v + i, m - i, same_values);
		cancel_parts(v + i, len);
	}
	free(v);
	return 0;
}

static bool
same_save(const struct row *a, const struct row *b)
{
	return strcmp(a->e.at, b->e.at) == 0 && strcmp(a->e.operator, b->e.operator) == 0;
}

/* Merges each save's rows, then moves what is left into *out, in order.
 * On failure the rows are as they were (rows_free() frees them). */
static int
make_entries(struct row *rows, int n, struct history_entry **out, int *nout)
{
	struct history_entry *v;
	int m = 0;

	for (int i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && same_save(&rows[i], &rows[j]); j++)
			;
		if (merge_burst(rows + i, j - i) != 0)
			return -1;
	}
	if ((v = malloc((size_t)(n > 0 ? n : 1) * sizeof *v)) == NULL)
		return -1;
	for (int i = 0; i < n; i++) {
		free(rows[i].key);
		if (rows[i].gone)
			entry_free(&rows[i].e);
		else
			v[m++] = rows[i].e;
	}
	*out = v;
	*nout = m;
	return 0;
}

static void
rows_free(struct row *rows, int n)
{
	for (int i = 0; i < n; i++) {
		free(rows[i].key);
		entry_free(&rows[i].e);
	}
	free(rows);
}

static sqlite3_stmt *
prepare_query(struct db *db, const struct history_query *q)
{
	struct date d;
	sqlite3_stmt *st;

	if (q->since != NULL && !date_parse_iso(q->since, &d)) {
		db_fail(db, _("not a date: %s (use YYYY-MM-DD)"), q->since);
		return NULL;
	}
	if (q->table != NULL && !history_table_known(q->table)) {
		db_fail(db, _("no history is kept for %s"), q->table);
		return NULL;
	}
	if (q->table != NULL && q->id != 0)
		st = db_prepare(db, HISTORY_SELECT "AND ((table_name = ?2 AND record_id = ?3) OR "
		    "(parent_id = ?3 AND table_name || '<' || ?2 IN " PARTS_OF ")) ORDER BY id");
	else
		st = db_prepare(db, HISTORY_SELECT "AND (?2 IS NULL OR table_name = ?2) ORDER BY id");
	if (st == NULL)
		return NULL;
	db_bind_text_or_null(st, 1, q->since);
	db_bind_text_or_null(st, 2, q->table);
	if (q->table != NULL && q->id != 0)
		sqlite3_bind_int64(st, 3, q->id);
	return st;
}

int
history_list(struct db *db, const struct history_query *q,
    struct history_entry **out, int *n)
{
	sqlite3_stmt *st;
	struct row *rows = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	if ((st = prepare_query(db, q)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&rows, count, &cap, sizeof *rows) != 0)
			break;
		if (read_row(st, &rows[count++]) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail_sql(db, _("cannot read the history"));
		sqlite3_finalize(st);
		rows_free(rows, count);
		return -1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || make_entries(rows, count, out, n) != 0) {
		rows_free(rows, count);
		return db_fail(db, _("out of memory"));
	}
	free(rows);
	return 0;
}

void
history_free(struct history_entry *h, int n)
{
	for (int i = 0; i < n; i++)
		entry_free(&h[i]);
	free(h);
}

/* The name of what an id points to, or NULL. */
static char *
name_of(struct db *db, const char *field, int64_t id)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char name[512];
		size_t len = 0;

		if (strcmp(names[i].field, field) == 0)
			return append_name(db, names[i].sql, names[i].shape, NULL, id,
			    (int)sizeof name, name, sizeof name, &len) ? strdup(name) : NULL;
	}
	return NULL;
}

/* A value in words, or as it is: codes by label, ISO dates as dd/mm/yyyy.
 * Takes s. */
static char *
in_words(const char *field, char *s)
{
	struct date d;

	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		if (strcmp(codes[i].field, field) == 0 && strcmp(codes[i].code, s) == 0) {
			free(s);
			return strdup(_(codes[i].label));
		}
	}
	if (date_parse_iso(s, &d)) {
		char vn[11];

		date_format_vn(d, vn);
		free(s);
		return strdup(vn);
	}
	return s;
}

/* Column i of st as text to show; NULL for NULL.  *oom on failure. */
static char *
value_text(struct db *db, sqlite3_stmt *st, int i, const char *field, bool *oom)
{
	char buf[64], *s;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return NULL;
	case SQLITE_INTEGER:
		if ((s = name_of(db, field, sqlite3_column_int64(st, i))) != NULL)
			return s;
		/* FALLTHROUGH */
	case SQLITE_FLOAT:
		number_format(sqlite3_column_double(st, i), buf, sizeof buf);
		s = strdup(buf);
		break;
	default:
		s = db_column_strdup(st, i);
		break;
	}
	if (s != NULL)
		s = in_words(field, s);
	if (s == NULL)
		*oom = true;
	return s;
}

int
history_changes(struct db *db, const struct history_entry *e,
    struct history_change **out, int *n)
{
	struct history_change *v = NULL;
	sqlite3_stmt *st;
	int count = 0, cap = 0, rc, i;
	bool oom = false;

	*out = NULL;
	*n = 0;
	st = db_prepare(db, "SELECT k.key, o.value, n.value FROM json_each(coalesce(?2, ?1)) k"
	    " LEFT JOIN json_each(?1) o ON o.key = k.key LEFT JOIN json_each(?2) n ON n.key = k.key"
	    " WHERE k.key <> 'id' AND k.key IS NOT ?3 AND o.value IS NOT n.value"
	    " AND ((?1 IS NOT NULL AND ?2 IS NOT NULL) OR coalesce(o.value, n.value) <> '')"
	    /* A new record's place in its list is no change the clerk
	     * made, nor a flag left at its default (a plan's date being a
	     * day, "Hạn nhập tay: — → Không"); a reorder or a flag set is. */
	    " AND NOT (?1 IS NULL AND (k.key = 'ord'"
	    "  OR (k.key IN ('due_manual', 'issue_date_month') AND n.value = 0)))"
	    " ORDER BY k.id");
	if (st == NULL)
		return -1;
	db_bind_text_or_null(st, 1, e->before);
	db_bind_text_or_null(st, 2, e->after);
	/* The owner is in the subject already. */
	if ((i = table_index(e->table)) >= 0)
		db_bind_text_or_null(st, 3, tables[i].parent_column);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_change *c;

		if (array_reserve(&v, count, &cap, sizeof *v) != 0) {
			oom = true;
			break;
		}
		c = &v[count++];
		c->field = db_column_strdup(st, 0);
		c->before = value_text(db, st, 1, c->field ? c->field : "", &oom);
		c->after = value_text(db, st, 2, c->field ? c->field : "", &oom);
		oom |= c->field == NULL;
	}
	if (!oom && rc != SQLITE_DONE)
		db_fail_sql(db, _("cannot read the history"));
	sqlite3_finalize(st);
	if (oom || rc != SQLITE_DONE) {
		history_changes_free(v, count);
		return oom ? db_fail(db, _("out of memory")) : -1;
	}
	*out = v;
	*n = count;
	return 0;
}

void
history_changes_free(struct history_change *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].field);
		free(c[i].before);
		free(c[i].after);
	}
	free(c);
}

static int
put_operator(struct db *db, const char *name)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO history_operator (id, name) VALUES (1, ?)"
	    " ON CONFLICT (id) DO UPDATE SET name = excluded.name");
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, _("cannot set the operator"));
}

char *
history_operator(struct db *db)
{
	char *name = db_setting_get(db, "operator");

	return name != NULL ? name : strdup("");
}

int
history_load_operator(struct db *db)
{
	char *name = history_operator(db);
	int rc;

	if (name == NULL)
		return db_fail(db, _("out of memory"));
	if (db_begin(db) != 0) {
		free(name);
		return -1;
	}
	rc = put_operator(db, name);
	free(name);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
history_set_operator(struct db *db, const char *name)
{
	char *nfc = text_nfc(name ? name : "");
	int rc;

	if (nfc == NULL)
		return db_fail(db, _("the operator's name is not valid UTF-8 text"));
	/* The setting first (its own transaction): should the second step
	 * fail, the next start loads the new name anyway. */
	rc = db_setting_set(db, "operator", text_trim(nfc));
	free(nfc);
	return rc == 0 ? history_load_operator(db) : -1;
}
