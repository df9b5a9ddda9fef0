#include "core/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/text.h"

int64_t
plan_insert(struct db *db, const struct plan *p)
{
	sqlite3_stmt *st;
	char *title = text_nfc(p->title), *folded = text_fold(p->title);
	char *key = text_sort_key(p->title);
	char *number = text_nfc(p->number), *issuer = text_nfc(p->issuer);
	char *signer = text_nfc(p->signer);
	int64_t id = -1;

	if (!title || !folded || !key || !number || !issuer || !signer) {
		db_fail(db, _("plan: not valid UTF-8 text"));
		goto out;
	}
	if (*folded == '\0') {
		db_fail(db, _("plan: the title is required"));
		goto out;
	}
	if (p->year_to < p->year_from) {
		db_fail(db, _("plan: the last year is before the first"));
		goto out;
	}
	st = db_prepare(db, "INSERT INTO plan (number, title, folded, sort_key, issuer, signer, "
	    "issue_date, year_from, year_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	db_bind_text(st, 1, number);
	db_bind_text(st, 2, title);
	db_bind_text(st, 3, folded);
	db_bind_text(st, 4, key);
	db_bind_text(st, 5, issuer);
	db_bind_text(st, 6, signer);
	db_bind_text_or_null(st, 7, p->issue_date);
	sqlite3_bind_int(st, 8, p->year_from);
	sqlite3_bind_int(st, 9, p->year_to);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->sql);
	else
		db_fail_sql(db, "plan");
	sqlite3_finalize(st);
out:
	free(title);
	free(folded);
	free(key);
	free(number);
	free(issuer);
	free(signer);
	return id;
}

int64_t
plan_add_phase(struct db *db, int64_t plan, const char *label, int year_from, int year_to)
{
	sqlite3_stmt *st;
	int64_t id = -1;

	st = db_prepare(db, "INSERT INTO phase (plan_id, label, year_from, year_to) VALUES (?, ?, ?, ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	db_bind_text(st, 2, label);
	sqlite3_bind_int(st, 3, year_from);
	sqlite3_bind_int(st, 4, year_to);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->sql);
	else
		db_fail_sql(db, "phase");
	sqlite3_finalize(st);
	return id;
}

#define PLAN_COLUMNS "id, number, title, issuer, signer, ifnull(issue_date, ''), year_from, year_to"

static int
fetch(struct db *db, sqlite3_stmt *st, struct plan *p)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->number = db_column_strdup(st, 1);
		p->title = db_column_strdup(st, 2);
		p->issuer = db_column_strdup(st, 3);
		p->signer = db_column_strdup(st, 4);
		snprintf(p->issue_date, sizeof p->issue_date, "%s",
		    (const char *)sqlite3_column_text(st, 5));
		p->year_from = sqlite3_column_int(st, 6);
		p->year_to = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "plan");
}

int
plan_current(struct db *db, struct plan *p)
{
	sqlite3_stmt *st;

	/* Plans covering this year first, the shortest (the yearly plan
	 * before the five-year one), then the latest. */
	st = db_prepare(db, "SELECT " PLAN_COLUMNS " FROM plan ORDER BY "
	    "(?1 BETWEEN year_from AND year_to) DESC, year_to - year_from, year_to DESC, id DESC LIMIT 1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, date_today().year);
	return fetch(db, st, p);
}

int
plan_get(struct db *db, int64_t id, struct plan *p)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return fetch(db, st, p);
}

void
plan_free(struct plan *p)
{
	free(p->number);
	free(p->title);
	free(p->issuer);
	free(p->signer);
	p->number = p->title = p->issuer = p->signer = NULL;
}
