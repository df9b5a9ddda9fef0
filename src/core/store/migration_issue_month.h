/* Schema migration 12 -> 13: a plan dated by its month only ("tháng
 * 4/2026") says so, instead of passing for the month's first day (issue
 * 16).  issue_date holds the first day all the same, for the computations
 * that need a day.  Included once, by schema.c, as one entry of its
 * migrations[]: SQL statements separated by ';', applied in one
 * transaction.  The history triggers of plan list the columns they
 * record, so they are made again with the new one. */
#ifndef CCHC_MIGRATION_ISSUE_MONTH_H
#define CCHC_MIGRATION_ISSUE_MONTH_H

#include "core/store/migration_history.h"

#define HISTORY_PLAN_13(X, p) HISTORY_PLAN(X, p) X(p, issue_date_month)

#define MIGRATION_ISSUE_MONTH \
	"ALTER TABLE plan ADD COLUMN issue_date_month INTEGER NOT NULL DEFAULT 0" \
	"  CHECK (issue_date_month IN (0, 1));" \
	"DROP TRIGGER history_plan_insert;" \
	"DROP TRIGGER history_plan_update;" \
	"DROP TRIGGER history_plan_delete;" \
	HISTORY_TRIGGERS(plan, id, HISTORY_PLAN_13, id, "NULL", "NULL")

#endif
