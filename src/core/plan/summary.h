/* Counts per section for the dashboard. */
#ifndef CCHC_SUMMARY_H
#define CCHC_SUMMARY_H

#include <stdint.h>

#include "core/plan/model.h"

struct db;

struct section_summary {
	int64_t section_id;
	int targets, met, not_met, in_progress, unknown;
	int tasks, done, overdue, due_soon;
};

/* One entry per section of sections[] (same order), plus totals in
 * *total: targets judged for the period, tasks as of day as_of (today, or
 * a report's cut-off), "due soon" meaning not done and due within
 * soon_days of it.  0 or -1. */
int summary_by_section(struct db *db, int64_t plan, int year, enum period_kind period,
    struct date as_of, int soon_days, const struct section *sections, int nsections,
    struct section_summary *out, struct section_summary *total);

/* A unit's share of a plan's tasks as of today: the tasks it leads, those
 * it cooperates on, and of all these the done, overdue and due soon. */
struct unit_summary {
	int64_t unit_id;
	int leads, cooperates;
	int done, overdue, due_soon;
};

/* One entry per unit of units[] (same order); "due soon" as above.
 * 0 or -1. */
int summary_by_unit(struct db *db, int64_t plan, int soon_days,
    const struct unit *units, int nunits, struct unit_summary *out);

#endif
