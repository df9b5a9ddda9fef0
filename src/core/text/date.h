/* Calendar dates, as the plans and the database use them.
 *
 * The database stores dates as ISO text (YYYY-MM-DD) so that they sort and
 * compare in plain SQL; the UI reads and writes them the Vietnamese way
 * (dd/mm/yyyy).  "Today" can be fixed (--today, CCHC_TODAY) so that tests and
 * reports give the same answer on any day. */
#ifndef CCHC_DATE_H
#define CCHC_DATE_H

#include <stdbool.h>

struct date {
	int year;
	int month;		/* 1..12 */
	int day;		/* 1..31 */
};

/* True when y-m-d names a real day of the Gregorian calendar (year 1..9999). */
bool date_valid(int year, int month, int day);
int date_days_in_month(int year, int month);

/* "2025-09-30" -> date.  Whole string must match; false otherwise. */
bool date_parse_iso(const char *s, struct date *out);
/* "30/9/2025", "30/09/2025", "30-9-2025", "30.9.2025" -> date.  Whole
 * string (surrounding spaces allowed).  False for malformed text or a day
 * that does not exist (31/02/2026). */
bool date_parse_vn(const char *s, struct date *out);

/* Writes "YYYY-MM-DD" / "dd/mm/yyyy" into buf (at least 11 bytes). */
void date_format_iso(struct date d, char *buf);
void date_format_vn(struct date d, char *buf);

/* Days since 0001-01-01 (proleptic Gregorian), for differences. */
long date_to_days(struct date d);
struct date date_from_days(long days);
struct date date_add_days(struct date d, long n);
/* <0, 0, >0 like strcmp. */
int date_cmp(struct date a, struct date b);

/* Today in local time, unless fixed by date_set_today().  Process-wide. */
struct date date_today(void);
void date_set_today(struct date d);

#endif
