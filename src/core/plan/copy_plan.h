/* Copying a plan to a new year: next year's plan starts from this one's.
 *
 * The copy is a new plan whose years, phases and the years written in its
 * texts move by the same number of years: "Kế hoạch CCHC năm 2025" copied
 * to 2026 is "Kế hoạch CCHC năm 2026", a deadline "Tháng 11/2025" becomes
 * "Tháng 11/2026".  Only the years the plan covers move (a baseline "so
 * với năm 2024" stays); standalone four-digit numbers only.  It has no
 * number or issue date yet (it is not issued).  Targets come with their
 * values (and values by phase), not their results.  Tasks come when they
 * recur (a product due "thường xuyên" or "định kỳ"), or all of them on
 * request, with every product, units and cooperators; progress, completion
 * date, evidence and note start afresh, and due dates are derived again
 * from the moved deadline texts (a date once set by hand is not carried). */
#ifndef CCHC_COPY_PLAN_H
#define CCHC_COPY_PLAN_H

#include <stdbool.h>
#include <stdint.h>

struct db;

/* Copies plan to a plan starting in year (all tasks when all_tasks), in
 * one transaction.  The new plan's id, or -1 with db_error() saying why
 * (no such plan, years out of range, a database error). */
int64_t copy_plan(struct db *db, int64_t plan, int year, bool all_tasks);

/* A malloc'd copy of s with each standalone four-digit year from..to moved
 * by shift years; NULL when memory ran out. */
char *copy_plan_shift_years(const char *s, int from, int to, int shift);

#endif
