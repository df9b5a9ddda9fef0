/* Schema migration 5 -> 6: the reporting year (issue 17).  Included once,
 * by schema.c, as one entry of its migrations[]: SQL statements separated
 * by ';', applied in one transaction.
 *
 * A target may name when it is judged (horizon; NULL: by its kind) and may
 * give planned values for the interim reports (quý I, 6 tháng, 9 tháng;
 * NULL: none, the year's value applies at the year's end).  The history
 * triggers of target list the columns they record, so they are made again
 * with the new ones; migration 2 stays as released. */
#ifndef CCHC_MIGRATION_YEAR_H
#define CCHC_MIGRATION_YEAR_H

#include "core/store/migration_history.h"

#define HISTORY_TARGET_6(X, p) HISTORY_TARGET(X, p) X(p, horizon) X(p, value_q1) \
	X(p, value_h1) X(p, value_m9)

#define MIGRATION_YEAR \
	"ALTER TABLE target ADD COLUMN horizon TEXT" \
	"  CHECK (horizon IS NULL OR horizon IN ('period', 'year', 'phase'));" \
	"ALTER TABLE target ADD COLUMN value_q1 REAL;" \
	"ALTER TABLE target ADD COLUMN value_h1 REAL;" \
	"ALTER TABLE target ADD COLUMN value_m9 REAL;" \
	"DROP TRIGGER history_target_insert;" \
	"DROP TRIGGER history_target_update;" \
	"DROP TRIGGER history_target_delete;" \
	HISTORY_TRIGGERS(target, id, HISTORY_TARGET_6, id, "NEW.plan_id", "OLD.plan_id")

#endif
