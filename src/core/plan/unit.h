/* Units of the office (phòng, trung tâm…), each known by many spellings. */
#ifndef CCHC_UNIT_H
#define CCHC_UNIT_H

#include <stdint.h>

#include "core/plan/model.h"

struct db;
struct err;
struct trash;

/* The fields of a unit's form, for field errors. */
enum unit_field {
	UF_NAME,
	UF_SHORT_NAME,
	UF_ALIASES,
};

/* The unit that name spells (its name, short name or an alias, compared
 * folded); 0 when none, -1 on error. */
int64_t unit_find(struct db *db, const char *name);

/* Adds a unit, or finds it when one of the spellings is already known, and
 * records every spelling (aliases separated by ';') as an alias; a
 * spelling another unit already has stays that unit's.  Inside the
 * caller's transaction (the loaders').  The id, or -1. */
int64_t unit_add(struct db *db, const char *name, const char *short_name, const char *aliases);

/* What a save writes of a unit.  The strings are the caller's, read
 * during the call only. */
struct unit_input {
	int64_t id;		/* 0: a new unit */
	const char *name;
	const char *short_name;
};

/* Inserts in (in->id 0) or updates unit in->id, in one transaction, sets
 * *id (when id is not NULL) to the unit's id and makes its spellings
 * exactly the name, the short name and aliases (separated by ';').  The
 * name is required; a spelling that already names another unit is
 * refused, naming that unit.  0, or -1 with err naming the field (-1 for a
 * database error). */
int unit_save(struct db *db, const struct unit_input *in, const char *aliases, int64_t *id,
    struct err *err);

/* Deletes a unit and its spellings; refused (err, field -1) while a task or
 * a target uses it.  *undo as in trash.h.  0 or -1. */
int unit_delete(struct db *db, int64_t id, struct trash **undo, struct err *err);

/* The spellings of a unit other than its name and short name, in the order
 * recorded, joined by "; " ("" if none).  Newly allocated; NULL on error. */
char *unit_aliases(struct db *db, int64_t id);

/* The unit's name (malloc'd), or NULL (and db_error) when there is none. */
char *unit_name(struct db *db, int64_t id);

/* The tasks (as lead, monitor or cooperator, each task once) and targets
 * (as lead) that use a unit; 0 or -1. */
int unit_usage(struct db *db, int64_t id, int *tasks, int *targets);

/* All units in Vietnamese order. */
int unit_list(struct db *db, struct unit **out, int *n);
void units_free(struct unit *u, int n);

#endif
