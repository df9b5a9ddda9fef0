/* Reporting periods: quý I, 6 tháng, 9 tháng, năm.  Each is cumulative from
 * 1 January of its year, as the offices' periodic reports are. */
#ifndef CCHC_PERIOD_H
#define CCHC_PERIOD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

struct db;

/* "q1", "h1", "m9", "year" — the database's names. */
const char *period_kind_code(enum period_kind k);
bool period_kind_parse(const char *s, enum period_kind *out);

/* First and last day of the period. */
void period_bounds(int year, enum period_kind k, struct date *start, struct date *end);

/* The period a report would be made for on day `today` within a plan of
 * years from..to: the one whose end is the first on or after today
 * (clamped to the plan's years). */
void period_for_day(struct date today, int year_from, int year_to, int *year, enum period_kind *k);

/* The id of a period, 0 when it has no row yet, -1 on error. */
int64_t period_find(struct db *db, int year, enum period_kind k);
/* The id, creating the row if needed; inside the caller's transaction. */
int64_t period_ensure(struct db *db, int year, enum period_kind k);

#endif
