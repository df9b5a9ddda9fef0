/* Plans (kế hoạch CCHC): a yearly or five-year plan of the office. */
#ifndef CCHC_PLAN_H
#define CCHC_PLAN_H

#include <stdint.h>

#include "core/model.h"

struct db;

/* Inserts a plan; inside the caller's transaction.  issue_date is ISO or
 * "" when unknown.  The id, or -1. */
int64_t plan_insert(struct db *db, const struct plan *p);

/* Adds a phase (giai đoạn) to a plan; the id, or -1. */
int64_t plan_add_phase(struct db *db, int64_t plan, const char *label, int year_from, int year_to);

/* The plan a user works on by default: the one covering the year of
 * today, else the latest.  1 and *p filled, 0 when there is no plan, -1. */
int plan_current(struct db *db, struct plan *p);
int plan_get(struct db *db, int64_t id, struct plan *p);
void plan_free(struct plan *p);

#endif
