/* Targets (chỉ tiêu) of a plan, with their result for a period. */
#ifndef CCHC_TARGET_H
#define CCHC_TARGET_H

#include <stdint.h>

#include "core/model.h"

struct db;

/* Inserts t (plan, section, text, rule, labels, lead unit; ord 0 means
 * "after the last of its section"); inside the caller's transaction.
 * The id, or -1 with a message naming the field. */
int64_t target_insert(struct db *db, const struct target *t);

/* Gives a target another value within a phase of a five-year plan. */
int target_set_phase_value(struct db *db, int64_t target, int64_t phase, double value);

/* The targets of a plan (section 0: all), in section then plan order, each
 * with its value for the period's phase, its result for the period and the
 * verdict. */
int target_list(struct db *db, int64_t plan, int64_t section,
    int year, enum period_kind period, struct target **out, int *n);
void targets_free(struct target *t, int n);

#endif
