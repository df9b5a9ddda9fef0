/* Numbers typed in the forms: decimal comma or dot, thousands dots. */
#include "core/text/number.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/i18n.h"
#include "core/text/text.h"

/* Longer text is no figure anyone types. */
#define NUMBER_MAX 64

static size_t
count_digits(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* True when s[0..len) is a grouped integer: one to three digits (not
 * starting with 0), then one or more groups of a dot and three digits. */
static bool
is_grouped(const char *s, size_t len)
{
	size_t first = count_digits(s, len);

	if (first < 1 || first > 3 || s[0] == '0' || first == len)
		return false;
	for (size_t i = first; i < len; i += 4)
		if (len - i < 4 || s[i] != '.' || count_digits(s + i + 1, 3) != 3)
			return false;
	return true;
}

/* Appends the digits of s[0..len) to *p, skipping the dots of a grouped
 * integer; false when s is neither plain digits nor grouped. */
static bool
copy_integer(const char *s, size_t len, char **p)
{
	bool grouped = is_grouped(s, len);

	if (!grouped && count_digits(s, len) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] != '.')
			*(*p)++ = s[i];
	return true;
}

/* Splits s[0..len) at its decimal separator into *int_len and the
 * fraction; false when the text has no acceptable shape. */
static bool
split(const char *s, size_t len, size_t *int_len, const char **frac)
{
	const char *comma = memchr(s, ',', len), *dot;

	*frac = NULL;
	*int_len = len;
	if (comma != NULL)
		*frac = comma + 1;
	else if (!is_grouped(s, len) && (dot = memchr(s, '.', len)) != NULL)
		*frac = dot + 1;
	if (*frac == NULL)
		return true;
	*int_len = (size_t)(*frac - 1 - s);
	/* A fraction is at least one digit and nothing else. */
	len -= *int_len + 1;
	return len > 0 && count_digits(*frac, len) == len;
}

bool
number_parse(const char *s, double *out)
{
	char buf[2 * NUMBER_MAX], *p = buf, *end;
	const char *frac, *point = localeconv()->decimal_point;
	size_t len, int_len;
	double v;

	s += strspn(s, " \t");
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len > 0 && *s == '-') {
		*p++ = '-';
		s++;
		len--;
	}
	if (len == 0 || len > NUMBER_MAX || !split(s, len, &int_len, &frac))
		return false;
	if (int_len == 0 && frac == NULL)
		return false;
	if (!copy_integer(s, int_len, &p))
		return false;
	if (frac != NULL) {
		size_t n = len - int_len - 1;

		/* strtod reads the locale's decimal point, whatever the user
		 * typed. */
		p += snprintf(p, sizeof buf - (size_t)(p - buf), "%s", point);
		memcpy(p, frac, n);
		p += n;
	}
	*p = '\0';
	v = strtod(buf, &end);
	if (*end != '\0' || !isfinite(v))
		return false;
	*out = v;
	return true;
}

bool
number_parse_percent(const char *s, double *out)
{
	char buf[NUMBER_MAX + 1];
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || s[len - 1] != '%' || len > NUMBER_MAX)
		return false;
	snprintf(buf, sizeof buf, "%.*s", (int)(len - 1), s);
	return number_parse(buf, out);
}

bool
number_parse_yesno(const char *s, bool *yes)
{
	static const char *const yes_words[] = { "co", "x", "yes", "1" };
	static const char *const no_words[] = { "khong", "no", "0" };
	char *folded = text_fold(s);
	bool found = false;

	for (size_t i = 0; folded != NULL && i < sizeof yes_words / sizeof *yes_words; i++)
		if (strcmp(folded, yes_words[i]) == 0)
			found = *yes = true;
	for (size_t i = 0; folded != NULL && i < sizeof no_words / sizeof *no_words; i++)
		if (strcmp(folded, no_words[i]) == 0) {
			found = true;
			*yes = false;
		}
	free(folded);
	return found;
}

void
number_format(double v, char *buf, size_t size)
{
	char *dp;

	/* The C locale prints a dot whatever the interface language. */
	snprintf(buf, size, "%.6f", v);
	if ((dp = strchr(buf, '.')) != NULL) {
		char *last = buf + strlen(buf);

		while (last > dp + 1 && last[-1] == '0')
			*--last = '\0';
		if (last == dp + 1)
			*dp = '\0';
		/* TRANSLATORS: the decimal separator of numbers ("," in Vietnamese). */
		else if (strcmp(_("."), ",") == 0)
			*dp = ',';
	}
	/* -0.0000001 rounds to "-0". */
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0");
}

void
number_format_2(double v, char *buf, size_t size)
{
	number_format(round(v * 100) / 100, buf, size);
}

void
number_format_opt(bool has, double v, char *buf, size_t size)
{
	buf[0] = '\0';
	if (has)
		number_format_2(v, buf, size);
}

void
number_format_percent(double v, bool sign, char *buf, size_t size)
{
	char num[40];

	number_format_2(v, num, sizeof num);
	snprintf(buf, size, "%s%s%%", sign && num[0] != '-' && strcmp(num, "0") != 0 ? "+" : "",
	    num);
}

bool
number_parse_whole(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if ((*s < '0' || *s > '9') && *s != '-')
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno == ERANGE || v < min || v > max)
		return false;
	*out = v;
	return true;
}
