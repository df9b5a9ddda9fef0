/* Schema migration 5 -> 6: a task imported from a row that could not be
 * read completely is kept, marked for review (issue 15).  review says
 * why ('' when the task needs none); raw_cells keeps the row's cells as
 * they were read, "column: text" a line, so that nothing the table said
 * is lost.  Included once, by schema.c, as one entry of its
 * migrations[].
 *
 * The history triggers of task list the columns they record, so they are
 * made again with the two new ones; migration 5 stays as released. */
#ifndef CCHC_MIGRATION_REVIEW_H
#define CCHC_MIGRATION_REVIEW_H

#include "core/store/migration_history.h"

#define HISTORY_TASK_6(X, p) HISTORY_TASK_5(X, p) X(p, review) X(p, raw_cells)

#define MIGRATION_REVIEW \
	"ALTER TABLE task ADD COLUMN review TEXT NOT NULL DEFAULT '';" \
	"ALTER TABLE task ADD COLUMN raw_cells TEXT NOT NULL DEFAULT '';" \
	"DROP TRIGGER history_task_insert;" \
	"DROP TRIGGER history_task_update;" \
	"DROP TRIGGER history_task_delete;" \
	HISTORY_TRIGGERS(task, id, HISTORY_TASK_6, id, "NEW.plan_id", "OLD.plan_id")

#endif
