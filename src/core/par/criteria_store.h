/* What saving a criteria set (criteria_set.c) and a criterion
 * (criterion.c) share with the import (criteria_file.c): all three write
 * through the same checks.  Private to the
 * criteria module: the rest of the program reads criteria.h. */
#ifndef CCHC_CRITERIA_STORE_H
#define CCHC_CRITERIA_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/par/criteria.h"

struct db;
struct err;

/* A level the sets know: "xa", "phuong" or "so". */
bool criteria_level_valid(const char *s);
/* Band ord of set; inside the caller's transaction.  0 or -1. */
int criteria_insert_band(struct db *db, int64_t set, int ord, const char *label, double min);

/* Inserts or updates c (its code checked) and sets *id to its id; inside
 * the caller's transaction. */
int criterion_store(struct db *db, int64_t set, const struct criterion_input *c, int64_t *id,
    struct err *e);

#endif
