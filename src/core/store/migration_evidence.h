/* Schema migration 4 -> 5: a task's evidence is a document (issue of the
 * forms): its number and date beside the summary, which stays in the
 * column evidence.  Included once, by schema.c, as one entry of its
 * migrations[]: SQL statements separated by ';', applied in one
 * transaction.
 *
 * The history triggers of task list the columns they record, so they are
 * made again with the two new ones; migration 2 stays as released. */
#ifndef CCHC_MIGRATION_EVIDENCE_H
#define CCHC_MIGRATION_EVIDENCE_H

#include "core/store/migration_history.h"

#define MIGRATION_EVIDENCE \
	"ALTER TABLE task ADD COLUMN evidence_number TEXT NOT NULL DEFAULT '';" \
	"ALTER TABLE task ADD COLUMN evidence_date TEXT;" \
	"DROP TRIGGER history_task_insert;" \
	"DROP TRIGGER history_task_update;" \
	"DROP TRIGGER history_task_delete;" \
	HISTORY_TRIGGERS(task, id, HISTORY_TASK_5, id, "NEW.plan_id", "OLD.plan_id")

#endif
