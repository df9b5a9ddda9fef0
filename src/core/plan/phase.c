#include "core/plan/phase.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/period.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

#define MAX_PHASES 10
/* The phases and the three interim reports. */
#define MAX_VALUES (MAX_PHASES + 3)

/* The interim reports as plans write them, folded and without spaces:
 * "quý I", "6 tháng", "9 tháng", or the --period suffixes. */
static const char *const interim_names[][2] = {
	[PERIOD_Q1] = { "quyi", "q1" },
	[PERIOD_H1] = { "6thang", "6t" },
	[PERIOD_M9] = { "9thang", "9t" },
};
static const char *const interim_labels[] = { "quý I", "6 tháng", "9 tháng" };

static bool
parse_interim(const char *s, enum period_kind *k)
{
	char *folded = text_fold(s), *w = folded;
	bool found = false;

	if (folded == NULL)
		return false;
	for (const char *r = folded; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	for (int i = PERIOD_Q1; i < PERIOD_YEAR && !found; i++) {
		if (strcmp(folded, interim_names[i][0]) == 0 || strcmp(folded, interim_names[i][1]) == 0) {
			*k = (enum period_kind)i;
			found = true;
		}
	}
	free(folded);
	return found;
}

/* "năm", "cả năm" or N: the year, whose value is the planned value.
 * Plans write it beside the interim ones ("6 tháng: 5; năm: 10"). */
static bool
is_year_label(const char *s)
{
	char *folded = text_fold(s);
	bool year = folded != NULL && (strcmp(folded, "nam") == 0 ||
	    strcmp(folded, "ca nam") == 0 || strcmp(folded, "n") == 0);

	free(folded);
	return year;
}

struct span {
	int from, to;
};

/* "2026-2027" or "2026–2027" (spaces allowed); a single year is a span of
 * one. */
static bool
parse_span(const char *s, struct span *sp)
{
	int n = 0;
	const char *p;

	if (sscanf(s, " %d%n", &sp->from, &n) != 1)
		return false;
	p = s + n;
	while (*p == ' ')
		p++;
	if (*p == '\0') {
		sp->to = sp->from;
		return true;
	}
	if (*p == '-')
		p++;
	else if (strncmp(p, "–", strlen("–")) == 0)
		p += strlen("–");
	else
		return false;
	if (sscanf(p, " %d%n", &sp->to, &n) != 1)
		return false;
	for (p += n; *p == ' '; p++)
		;
	return *p == '\0' && sp->to >= sp->from;
}

static void
span_label(struct span sp, char *buf, size_t n)
{
	if (sp.from == sp.to)
		snprintf(buf, n, "%d", sp.from);
	else
		snprintf(buf, n, "%d–%d", sp.from, sp.to);
}

/* Splits text at ';' into at most max trimmed, non-empty items (pointing
 * into copy, which the caller frees).  The count, or -1 when too many. */
static int
split(const char *text, char **copy, char **items, int max)
{
	char *save = NULL;
	int n = 0;

	if ((*copy = strdup(text)) == NULL)
		return -1;
	for (char *it = strtok_r(*copy, ";", &save); it; it = strtok_r(NULL, ";", &save)) {
		if (*text_trim(it) == '\0')
			continue;
		if (n == max)
			return -1;
		items[n++] = it;
	}
	return n;
}

static int
exec_bound(struct db *db, const char *sql, int64_t a, const char *label, int from, int to)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, a);
		if (label != NULL)
			sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, from);
		sqlite3_bind_int(st, 4, to);
	}
	return db_step_write(db, st, "phase");
}

int
phase_store(struct db *db, int64_t plan, int from, int to, const char *text,
    struct err *e, int field)
{
	char *items[MAX_PHASES], *copy = NULL, label[32];
	struct span spans[MAX_PHASES];
	int n = split(text, &copy, items, MAX_PHASES), rc = -1;

	if (n < 0) {
		err_set(e, field, _("Phases: at most %d, separated by ';'"), MAX_PHASES);
		goto out;
	}
	for (int i = 0; i < n; i++) {
		if (!parse_span(items[i], &spans[i])) {
			err_set(e, field, _("Phases: \"%s\" is not written as 2026-2027"), items[i]);
			goto out;
		}
		if (spans[i].from < from || spans[i].to > to) {
			err_set(e, field, _("Phases: %s lies outside the plan's years %d–%d"),
			    items[i], from, to);
			goto out;
		}
		for (int j = 0; j < i; j++)
			if (spans[i].from <= spans[j].to && spans[j].from <= spans[i].to) {
				err_set(e, field, _("Phases: %s overlaps another phase"), items[i]);
				goto out;
			}
	}
	/* Mark the current phases, re-insert or keep the new ones, then drop
	 * the marked rest (and with them their target values). */
	if (exec_bound(db, "UPDATE phase SET year_from = -year_from WHERE plan_id = ?1", plan,
	    NULL, 0, 0) != 0)
		goto fail_db;
	for (int i = 0; i < n; i++) {
		span_label(spans[i], label, sizeof label);
		if (exec_bound(db, "INSERT INTO phase (plan_id, label, year_from, year_to) "
		    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (plan_id, label) DO UPDATE SET "
		    "year_from = excluded.year_from, year_to = excluded.year_to", plan, label,
		    spans[i].from, spans[i].to) != 0)
			goto fail_db;
	}
	if (exec_bound(db, "DELETE FROM phase WHERE plan_id = ?1 AND year_from < 0", plan,
	    NULL, 0, 0) != 0)
		goto fail_db;
	rc = 0;
	goto out;
fail_db:
	err_db(e, db);
out:
	free(copy);
	return rc;
}

/* Joins the first column of the rows of st as "a; b; c". */
static char *
join_rows(struct db *db, sqlite3_stmt *st)
{
	char *out = strdup(""), *grown;
	size_t len = 0;
	int rc;

	while (out != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		size_t add = strlen(s) + 2;

		if ((grown = realloc(out, len + add + 1)) == NULL) {
			free(out);
			out = NULL;
			break;
		}
		out = grown;
		len += (size_t)snprintf(out + len, add + 1, "%s%s", len ? "; " : "", s);
	}
	sqlite3_finalize(st);
	return out;
}

char *
phase_text(struct db *db, int64_t plan)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT label FROM phase WHERE plan_id = ? ORDER BY year_from");

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, plan);
	return join_rows(db, st);
}

/* out (len bytes) with "label: v" after it, "; " between items; NULL (out
 * freed) when memory ran out. */
static char *
append_value(char *out, size_t *len, const char *label, double v)
{
	char num[32], item[96], *grown;
	int n;

	number_format(v, num, sizeof num);
	n = snprintf(item, sizeof item, "%s%s: %s", *len ? "; " : "", label, num);
	if ((grown = realloc(out, *len + (size_t)n + 1)) == NULL) {
		free(out);
		return NULL;
	}
	memcpy(grown + *len, item, (size_t)n + 1);
	*len += (size_t)n;
	return grown;
}

/* out followed by the target's planned values of the interim reports
 * ("6 tháng: 5"); NULL (out freed) on error. */
static char *
append_interim(struct db *db, int64_t target, char *out)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value_q1, value_h1, value_m9 FROM target WHERE id = ?");
	size_t len = strlen(out);

	if (st == NULL) {
		free(out);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, target);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int i = PERIOD_Q1; i < PERIOD_YEAR && out != NULL; i++)
			if (sqlite3_column_type(st, i) != SQLITE_NULL)
				out = append_value(out, &len, interim_labels[i],
				    sqlite3_column_double(st, i));
	sqlite3_finalize(st);
	return out;
}

char *
phase_values_text(struct db *db, int64_t target)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT p.label, tp.value FROM target_phase tp "
	    "JOIN phase p ON p.id = tp.phase_id WHERE tp.target_id = ? ORDER BY p.year_from");
	char *out = strdup("");
	size_t len = 0;

	if (st == NULL) {
		free(out);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, target);
	while (out != NULL && sqlite3_step(st) == SQLITE_ROW)
		out = append_value(out, &len, (const char *)sqlite3_column_text(st, 0),
		    sqlite3_column_double(st, 1));
	sqlite3_finalize(st);
	return out == NULL ? NULL : append_interim(db, target, out);
}

/* The year's value given beside the others must be the planned value:
 * two figures for one thing would leave the clerk wondering which
 * counts.  0, or -1 with the field's message. */
static int
year_matches(struct db *db, int64_t target, double v, struct err *e, int field)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM target WHERE id = ?");
	double planned = 0;
	bool found = false;
	char num[32];

	if (st == NULL)
		return err_db(e, db);
	sqlite3_bind_int64(st, 1, target);
	if (sqlite3_step(st) == SQLITE_ROW) {
		planned = sqlite3_column_double(st, 0);
		found = true;
	}
	sqlite3_finalize(st);
	if (found && planned == v)
		return 0;
	number_format(planned, num, sizeof num);
	return err_set(e, field, _("Values by period: the year's value is the planned "
	    "value (%s); change it there"), num);
}

int
phase_values_store(struct db *db, int64_t target, const char *text,
    struct err *e, int field)
{
	char *items[MAX_VALUES], *copy = NULL, label[32];
	int n = split(text, &copy, items, MAX_VALUES), rc = -1;

	if (n < 0) {
		err_set(e, field, _("Values by phase: at most %d, separated by ';'"), MAX_VALUES);
		goto out;
	}
	if (exec_bound(db, "DELETE FROM target_phase WHERE target_id = ?1", target, NULL, 0, 0) != 0 ||
	    exec_bound(db, "UPDATE target SET value_q1 = NULL, value_h1 = NULL, value_m9 = NULL "
	    "WHERE id = ?1", target, NULL, 0, 0) != 0)
		goto fail_db;
	for (int i = 0; i < n; i++) {
		char *colon = strchr(items[i], ':');
		enum period_kind k = PERIOD_YEAR;
		struct span sp;
		double v;
		sqlite3_stmt *st;
		int step;

		if (colon != NULL)
			*colon = '\0';
		if (colon != NULL && is_year_label(items[i]) && number_parse(colon + 1, &v)) {
			if (year_matches(db, target, v, e, field) != 0)
				goto out;
			continue;
		}
		if (colon == NULL || !number_parse(colon + 1, &v) ||
		    (!parse_span(items[i], &sp) && !parse_interim(items[i], &k))) {
			err_set(e, field, _("Values by phase: write them as 2026-2027: 80 or 6T: 5"));
			goto out;
		}
		if (!parse_span(items[i], &sp)) {
			st = db_prepare(db, "UPDATE target SET"
			    " value_q1 = CASE ?2 WHEN 'q1' THEN ?3 ELSE value_q1 END,"
			    " value_h1 = CASE ?2 WHEN 'h1' THEN ?3 ELSE value_h1 END,"
			    " value_m9 = CASE ?2 WHEN 'm9' THEN ?3 ELSE value_m9 END WHERE id = ?1");
			if (st == NULL)
				goto fail_db;
			sqlite3_bind_int64(st, 1, target);
			sqlite3_bind_text(st, 2, period_kind_code(k), -1, SQLITE_STATIC);
			sqlite3_bind_double(st, 3, v);
			step = sqlite3_step(st);
			sqlite3_finalize(st);
			if (step != SQLITE_DONE)
				goto fail_db;
			continue;
		}
		span_label(sp, label, sizeof label);
		st = db_prepare(db, "INSERT INTO target_phase (target_id, phase_id, value) "
		    "SELECT t.id, p.id, ?3 FROM target t JOIN phase p ON p.plan_id = t.plan_id "
		    "WHERE t.id = ?1 AND p.label = ?2");
		if (st == NULL)
			goto fail_db;
		sqlite3_bind_int64(st, 1, target);
		sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 3, v);
		step = sqlite3_step(st);
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			goto fail_db;
		if (sqlite3_changes(db_sqlite(db)) == 0) {
			err_set(e, field, _("Values by phase: the plan has no phase %s"), label);
			goto out;
		}
	}
	rc = 0;
	goto out;
fail_db:
	db_fail_sql(db, "phase");
	err_db(e, db);
out:
	free(copy);
	return rc;
}
