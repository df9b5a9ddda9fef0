/* Units of the office (phòng, trung tâm…), each known by many spellings. */
#ifndef CCHC_UNIT_H
#define CCHC_UNIT_H

#include <stdint.h>

#include "core/model.h"

struct db;

/* The unit that name spells (its name, short name or an alias, compared
 * folded); 0 when none, -1 on error. */
int64_t unit_find(struct db *db, const char *name);

/* Adds a unit, or finds it when one of the spellings is already known, and
 * records every spelling (aliases separated by ';') as an alias.  Inside
 * the caller's transaction.  The id, or -1. */
int64_t unit_add(struct db *db, const char *name, const char *short_name, const char *aliases);

/* All units in Vietnamese order. */
int unit_list(struct db *db, struct unit **out, int *n);
void units_free(struct unit *u, int n);

#endif
