/* Calendar dates: validity, ISO and Vietnamese text, day arithmetic. */
#include "core/text/date.h"

#include <stdio.h>
#include <time.h>

/* The fixed "today" (--today, CCHC_TODAY, tests); year 0 means "use the
 * clock".  The only process-wide state of the core. */
static struct date fixed_today;

static bool
is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* 0 for a month outside 1..12, so that callers need no separate check. */
int
date_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

bool
date_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && day >= 1 &&
	    day <= date_days_in_month(year, month);
}

/* Reads between min and max decimal digits at *sp into *out and advances
 * *sp; false when there are fewer than min.  A digit after max digits makes
 * the caller's next separator check fail, so "0030/9/2025" is refused. */
static bool
read_digits(const char **sp, int min, int max, int *out)
{
	const char	*s = *sp;
	int		 n = 0, v = 0;

	while (n < max && *s >= '0' && *s <= '9') {
		v = v * 10 + (*s - '0');
		s++;
		n++;
	}
	if (n < min)
		return false;
	*sp = s;
	*out = v;
	return true;
}

static bool
set_if_valid(int y, int m, int d, struct date *out)
{
	if (!date_valid(y, m, d))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

bool
date_parse_iso(const char *s, struct date *out)
{
	int	y, m, d;

	if (!read_digits(&s, 4, 4, &y) || *s++ != '-' ||
	    !read_digits(&s, 2, 2, &m) || *s++ != '-' ||
	    !read_digits(&s, 2, 2, &d) || *s != '\0')
		return false;
	return set_if_valid(y, m, d, out);
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* Both separators must be the same character: "30/9-2025" is a typo more
 * likely than a date. */
bool
date_parse_vn(const char *s, struct date *out)
{
	int	y, m, d;
	char	sep;

	s = skip_spaces(s);
	if (!read_digits(&s, 1, 2, &d))
		return false;
	sep = *s;
	if (sep != '/' && sep != '-' && sep != '.')
		return false;
	s++;
	if (!read_digits(&s, 1, 2, &m) || *s++ != sep ||
	    !read_digits(&s, 4, 4, &y) || *skip_spaces(s) != '\0')
		return false;
	return set_if_valid(y, m, d, out);
}

/* snprintf: a date out of range gives cut text, never an overrun. */
void
date_format_iso(struct date d, char *buf)
{
	snprintf(buf, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

void
date_format_vn(struct date d, char *buf)
{
	snprintf(buf, 11, "%02d/%02d/%04d", d.day, d.month, d.year);
}

/* Howard Hinnant's days_from_civil, shifted so that 0001-01-01 is day 0.
 * Years start in March so the leap day is the last day of a year. */
#define DAYS_0000_03_01_TO_0001_01_01	306L

long
date_to_days(struct date d)
{
	long	y = d.month <= 2 ? d.year - 1L : d.year;
	long	era = (y >= 0 ? y : y - 399) / 400;
	long	yoe = y - era * 400;
	long	mp = d.month > 2 ? d.month - 3 : d.month + 9;
	long	doy = (153 * mp + 2) / 5 + d.day - 1;
	long	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - DAYS_0000_03_01_TO_0001_01_01;
}

struct date
date_from_days(long days)
{
	long		z = days + DAYS_0000_03_01_TO_0001_01_01;
	long		era = (z >= 0 ? z : z - 146096) / 146097;
	long		doe = z - era * 146097;
	long		yoe, doy, mp;
	struct date	d;

	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

struct date
date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

struct date
date_today(void)
{
	struct date	d = fixed_today;
	struct tm	tm;
	time_t		now;

	if (d.year != 0)
		return d;
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL) {
		/* A clock past year 2^31: 1 Jan 1970 beats garbage. */
		d.year = 1970;
		d.month = d.day = 1;
		return d;
	}
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}

/* An invalid date (e.g. all zeros) goes back to the clock. */
void
date_set_today(struct date d)
{
	if (date_valid(d.year, d.month, d.day))
		fixed_today = d;
	else
		fixed_today = (struct date){ 0, 0, 0 };
}
