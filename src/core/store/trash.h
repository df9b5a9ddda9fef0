/* Undoing the last delete.
 *
 * A delete first copies every row it is about to remove -- the record and
 * its dependent rows in every table -- column by column (SELECT *), in the
 * order they must go back: parents first.  Restoring inserts them again,
 * with their ids, in one transaction, and fails cleanly when something
 * added since conflicts with them. */
#ifndef CCHC_TRASH_H
#define CCHC_TRASH_H

#include <stdint.h>

struct db;
struct trash;

/* Rows that go with a deleted record: those of table for which the SQL
 * condition where holds, ?1 being the record's id.  Tables and conditions
 * are the core's constants, never input. */
struct trash_part {
	const char *table;
	const char *where;
};

/* In one transaction: copies the parts (when undo is not NULL; *undo is
 * then the new trash, NULL on failure), then deletes row id of table,
 * which takes its dependents by ON DELETE CASCADE.  0, or -1 with the
 * database's error set (also when there is no such row). */
int trash_delete(struct db *db, const char *table, int64_t id,
    const struct trash_part *parts, int nparts, struct trash **undo);

/* Puts the rows back; 0, or -1 with nothing restored and a message. */
int trash_restore(struct db *db, struct trash *t);
void trash_free(struct trash *t);

#endif
