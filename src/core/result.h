/* Results: what a target achieved in a reporting period. */
#ifndef CCHC_RESULT_H
#define CCHC_RESULT_H

#include <stdint.h>

#include "core/model.h"

struct db;

/* Records (or replaces) the result of a target for a period; inside the
 * caller's transaction.  0 or -1. */
int result_put(struct db *db, int64_t target, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note);

#endif
