/* Feeding a SIPAS round's index into a rate target as its result. */
#include "core/sipas/sipas.h"

#include <sqlite3.h>
#include <stdio.h>

#include "core/plan/result.h"
#include "core/plan/target.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"

int
sipas_feed_target(struct db *db, int64_t round, int64_t target, int year,
    enum period_kind period, struct err *err)
{
	struct measure m = { .has_value = true };
	struct target *targets = NULL;
	struct sipas_round r;
	sqlite3_stmt *st;
	int64_t plan = 0;
	int n = 0, i, rc = -1, forms;
	bool has;
	char evidence[512];

	err_clear(err);
	if (sipas_round_index(db, round, &has, &m.value) != 0)
		return err_db(err, db);
	if (!has)
		return err_set(err, -1, _("The round has no answers yet: no index to record"));
	if ((st = db_prepare(db, "SELECT plan_id FROM target WHERE id = ?")) == NULL)
		return err_db(err, db);
	sqlite3_bind_int64(st, 1, target);
	if (sqlite3_step(st) == SQLITE_ROW)
		plan = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (plan == 0)
		return err_set(err, -1, _("no target has the number %lld"), (long long)target);
	if (target_list(db, plan, 0, year, period, &targets, &n) != 0)
		return err_db(err, db);
	for (i = 0; i < n && targets[i].id != target; i++)
		continue;
	if (i == n || targets[i].rule.kind != TARGET_RATE) {
		err_set(err, -1, _("The target is not a rate: a satisfaction index is a percentage"));
	} else if (sipas_round_get(db, round, &r) == 1) {
		forms = r.forms;
		snprintf(evidence, sizeof evidence, _("SIPAS: %s (%d forms)"), r.name, forms);
		sipas_round_free(&r);
		rc = result_save(db, &targets[i], year, period, &m, evidence,
		    targets[i].has_result ? targets[i].result.note : "", err);
	} else {
		err_db(err, db);
	}
	targets_free(targets, n);
	return rc;
}
