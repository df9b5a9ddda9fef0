/* Phases (giai đoạn) of a multi-year plan, and the values a target takes
 * in each.  A five-year plan gives a target one value for 2026–2027 and
 * another for 2028–2030; the forms write them as text:
 *   phases        "2026–2027; 2028–2030"
 *   phase values  "2026–2027: 80; 2028–2030: 90"
 * A phase's label is its years.  "-" and "–" are both accepted. */
#ifndef CCHC_PHASE_H
#define CCHC_PHASE_H

#include <stdint.h>

struct db;
struct err;

/* Replaces the plan's phases by those in text ("" for none), keeping the
 * rows (and the targets' values) of phases that stay; the phases must lie
 * within years from..to and not overlap.  Inside the caller's transaction;
 * errors name field. */
int phase_store(struct db *db, int64_t plan, int from, int to, const char *text,
    struct err *e, int field);
/* The plan's phases as text (malloc'd; "" when none), NULL on error. */
char *phase_text(struct db *db, int64_t plan);

/* Replaces a target's phase values by those in text ("" for none); each
 * names a phase of the target's plan.  Inside the caller's transaction. */
int phase_values_store(struct db *db, int64_t target, const char *text,
    struct err *e, int field);
/* The target's phase values as text (malloc'd), NULL on error. */
char *phase_values_text(struct db *db, int64_t target);

#endif
