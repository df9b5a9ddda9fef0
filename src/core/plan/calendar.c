#include "core/plan/calendar.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/plan/period.h"
#include "core/store/db.h"

static void
sent_key(int year, enum period_kind k, char *buf, size_t n)
{
	snprintf(buf, n, "report_sent_%d_%s", year, period_kind_code(k));
}

int
calendar_year(struct db *db, int year, const char *plan_start,
    struct report_due out[PERIOD_KINDS])
{
	enum period_calendar c = period_calendar_setting(db);

	for (int k = 0; k < PERIOD_KINDS; k++) {
		struct report_due *d = &out[k];
		char key[48], *v;

		d->year = year;
		d->kind = (enum period_kind)k;
		period_span(year, d->kind, c, plan_start, &d->span_start, &d->span_end);
		d->due = period_due(db, year, d->kind);
		sent_key(year, d->kind, key, sizeof key);
		/* A value that is not a date (edited by hand) counts as unsent. */
		v = db_setting_get(db, key);
		d->sent = v != NULL && date_parse_iso(v, &d->sent_on);
		free(v);
	}
	return 0;
}

int
calendar_status(struct db *db, int from, int to, const char *plan_start, struct date today,
    struct report_due *next, bool *has_next, struct report_due *overdue, bool *has_overdue)
{
	*has_next = *has_overdue = false;
	/* Reports of years before last are history, not something due. */
	if (from < today.year - 1)
		from = today.year - 1;
	for (int y = from; y <= to && !*has_next; y++) {
		struct report_due v[PERIOD_KINDS];

		if (calendar_year(db, y, plan_start, v) != 0)
			return -1;
		for (int k = 0; k < PERIOD_KINDS && !*has_next; k++) {
			if (v[k].sent)
				continue;
			if (date_cmp(v[k].due, today) >= 0) {
				*next = v[k];
				*has_next = true;
			} else if (!*has_overdue) {
				*overdue = v[k];
				*has_overdue = true;
			}
		}
	}
	return 0;
}

int
calendar_mark_sent(struct db *db, int year, enum period_kind k, struct date on)
{
	char key[48], iso[11];

	sent_key(year, k, key, sizeof key);
	date_format_iso(on, iso);
	return db_setting_set(db, key, iso);
}
