/* The office whose work the database holds (one a file). */
#ifndef CCHC_OFFICE_H
#define CCHC_OFFICE_H

#include "core/plan/model.h"

struct db;

/* 1 and *o filled, 0 when no office is recorded yet, -1 on error. */
int office_get(struct db *db, struct office *o);
/* Inserts or replaces the office; inside the caller's transaction. */
int office_put(struct db *db, const char *name, const char *kind, const char *province);
void office_free(struct office *o);

#endif
