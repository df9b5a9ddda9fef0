#include "core/result.h"

#include <stdlib.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/text.h"

static void
bind_optional(sqlite3_stmt *st, int i, bool has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

int
result_put(struct db *db, int64_t target, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note)
{
	int64_t period = period_ensure(db, year, k);
	char *ev = text_nfc(evidence ? evidence : ""), *nt = text_nfc(note ? note : "");
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (period < 0)
		goto out;
	if (ev == NULL || nt == NULL) {
		db_fail(db, _("result: not valid UTF-8 text"));
		goto out;
	}
	if (m->has_denominator && m->denominator < 0) {
		db_fail(db, _("result: the denominator cannot be negative"));
		goto out;
	}
	st = db_prepare(db, "INSERT INTO result (target_id, period_id, numerator, denominator, "
	    "value, evidence, note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_id, period_id) "
	    "DO UPDATE SET numerator = excluded.numerator, denominator = excluded.denominator, "
	    "value = excluded.value, evidence = excluded.evidence, note = excluded.note");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, target);
	sqlite3_bind_int64(st, 2, period);
	bind_optional(st, 3, m->has_numerator, m->numerator);
	bind_optional(st, 4, m->has_denominator, m->denominator);
	bind_optional(st, 5, m->has_value, m->value);
	db_bind_text(st, 6, ev);
	db_bind_text(st, 7, nt);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		db_fail_sql(db, _("result"));
out:
	sqlite3_finalize(st);
	free(ev);
	free(nt);
	return rc;
}
