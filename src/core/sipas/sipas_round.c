/* SIPAS survey rounds: read, checked, saved and deleted. */
#include "core/sipas/sipas.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

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
check_round(struct db *db, const struct sipas_round_input *r, struct err *e)
{
	struct date d;
	int forms;

	if (validate_ref(db, "sipas_questionnaire", r->questionnaire_id, e, SRF_QUESTIONNAIRE,
	    _("Choose a questionnaire")) != 0)
		return -1;
	if (r->date_from[0] && !date_parse_iso(r->date_from, &d))
		return err_set(e, SRF_FROM, _("%s: write the date as dd/mm/yyyy"), _("From"));
	if (r->date_to[0] && !date_parse_iso(r->date_to, &d))
		return err_set(e, SRF_TO, _("%s: write the date as dd/mm/yyyy"), _("To"));
	if (r->date_from[0] && r->date_to[0] && strcmp(r->date_to, r->date_from) < 0)
		return err_set(e, SRF_TO, _("The last day is before the first"));
	if (r->unit_id != 0 && validate_ref(db, "unit", r->unit_id, e, SRF_UNIT,
	    _("The unit no longer exists")) != 0)
		return -1;
	if (r->id == 0)
		return 0;
	if ((forms = sipas_form_count(db, r->id)) < 0)
		return err_db(e, db);
	if (forms > 0) {
		struct sipas_round old;
		int found = sipas_round_get(db, r->id, &old);

		if (found < 0)
			return err_db(e, db);
		if (found == 1 && old.questionnaire_id != r->questionnaire_id) {
			sipas_round_free(&old);
			return err_set(e, SRF_QUESTIONNAIRE, _("The round has %d forms: its "
			    "questionnaire cannot change"), forms);
		}
		sipas_round_free(&old);
	}
	return 0;
}

/* Saves r and sets *id to its id; no transaction of its own. */
static int
store_round(struct db *db, const struct sipas_round_input *r, int64_t *id,
    struct err *e)
{
	char *name = NULL, *service = NULL, *folded = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if ((name = field_text(r->name, e, SRF_NAME, _("Name"))) == NULL ||
	    (service = field_text(r->service, e, SRF_SERVICE, _("Service"))) == NULL)
		goto out;
	if ((folded = text_fold(name)) == NULL) {
		err_set(e, -1, "%s", strerror(ENOMEM));
		goto out;
	}
	if (*folded == '\0') {
		err_set(e, SRF_NAME, _("%s is required"), _("Name"));
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
		err_db(e, db);
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
		err_db(e, db);
	} else if (r->id != 0 && sqlite3_changes(db_sqlite(db)) == 0) {
		err_set(e, -1, _("The survey round no longer exists"));
	} else {
		*id = r->id != 0 ? r->id : sqlite3_last_insert_rowid(db_sqlite(db));
		rc = 0;
	}
out:
	sqlite3_finalize(st);
	free(name);
	free(service);
	free(folded);
	return rc;
}

struct sipas_round_input
sipas_round_input_of(const struct sipas_round *r)
{
	struct sipas_round_input in = {
		.id = r->id, .questionnaire_id = r->questionnaire_id, .name = r->name,
		.service = r->service, .unit_id = r->unit_id,
	};

	memcpy(in.date_from, r->date_from, sizeof in.date_from);
	memcpy(in.date_to, r->date_to, sizeof in.date_to);
	return in;
}

int
sipas_round_save(struct db *db, const struct sipas_round_input *in, int64_t *id,
    struct err *err)
{
	int64_t saved = 0;

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit_id(db, store_round(db, in, &saved, err), &saved, id, err);
}

int
sipas_round_delete(struct db *db, int64_t id)
{
	return db_write_id(db, "DELETE FROM sipas_round WHERE id = ?", id, 0, "sipas round");
}

int
sipas_round_load(struct db *db, int64_t round, struct sipas_round *r,
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
