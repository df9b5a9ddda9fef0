/* The report calendar: when each periodic report of a year counts its data
 * to (period.h) and when it is due, and whether it has been sent.  A report
 * marked sent is stored in the setting "report_sent_YEAR_KIND" (kind as
 * period_kind_code) with the day it was sent. */
#ifndef CCHC_CALENDAR_H
#define CCHC_CALENDAR_H

#include <stdbool.h>

#include "core/plan/model.h"

struct db;

struct report_due {
	int year;
	enum period_kind kind;
	struct date span_start, span_end;	/* the data it counts */
	struct date due;
	bool sent;
	struct date sent_on;
};

/* The four periodic reports of year, in order; plan_start as for
 * period_span.  0 or -1. */
int calendar_year(struct db *db, int year, const char *plan_start,
    struct report_due out[PERIOD_KINDS]);

/* Within a plan of years from..to, on day today: the first report not sent
 * that is due today or later (*has_next), and the earliest not sent whose
 * due date has passed (*has_overdue), looking back to last year only.
 * 0 or -1. */
int calendar_status(struct db *db, int from, int to, const char *plan_start, struct date today,
    struct report_due *next, bool *has_next, struct report_due *overdue, bool *has_overdue);

/* Marks the report of the period sent on day on; one transaction.  0 or -1. */
int calendar_mark_sent(struct db *db, int year, enum period_kind k, struct date on);

#endif
