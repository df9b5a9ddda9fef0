/* Field validation and the messages of refused saves. */
#include "core/validate.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"

void
field_error_clear(struct field_error *e)
{
	if (e == NULL)
		return;
	e->field = -1;
	e->message[0] = '\0';
}

int
field_fail(struct field_error *e, int field, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->field = field;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return -1;
}

int
field_fail_db(struct field_error *e, const struct db *db)
{
	return field_fail(e, -1, "%s", db_error(db));
}

/* A copy of text without the blanks around it, cut to size. */
static void
trimmed(const char *text, char *buf, size_t size)
{
	size_t len;

	text += strspn(text, " \t");
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	snprintf(buf, size, "%.*s", (int)len, text);
}

/* True when s has the shape date_parse_vn reads (d/m/yyyy with one
 * separator), so that its refusal means the day does not exist. */
static bool
date_shaped(const char *s)
{
	size_t n = strspn(s, "0123456789");
	char sep = s[n];

	if (n < 1 || n > 2 || sep == '\0' || strchr("/-.", sep) == NULL)
		return false;
	s += n + 1;
	n = strspn(s, "0123456789");
	if (n < 1 || n > 2 || s[n] != sep)
		return false;
	s += n + 1;
	return strspn(s, "0123456789") == 4 && s[4] == '\0';
}

int
validate_date(const char *text, char *iso_out, struct field_error *e, int field,
    const char *label)
{
	char buf[64];
	struct date d;

	trimmed(text, buf, sizeof buf);
	iso_out[0] = '\0';
	if (buf[0] == '\0')
		return 0;
	if (date_parse_vn(buf, &d)) {
		date_format_iso(d, iso_out);
		return 0;
	}
	if (date_shaped(buf))
		return field_fail(e, field, _("%s: the date %s does not exist"), label, buf);
	return field_fail(e, field, _("%s: write the date as dd/mm/yyyy"), label);
}

int
validate_number(const char *text, bool required, double min, double max,
    double *out, bool *has, struct field_error *e, int field, const char *label)
{
	char buf[64], lo[32], hi[32];
	double v;

	trimmed(text, buf, sizeof buf);
	*has = false;
	if (buf[0] == '\0') {
		if (required)
			return field_fail(e, field, _("%s is required"), label);
		return 0;
	}
	if (!number_parse(buf, &v))
		return field_fail(e, field, _("%s is not a number"), label);
	if (v < min || v > max) {
		number_format(min, lo, sizeof lo);
		number_format(max, hi, sizeof hi);
		if (isinf(max))
			return field_fail(e, field, _("%s must be at least %s"), label, lo);
		if (isinf(min))
			return field_fail(e, field, _("%s must be at most %s"), label, hi);
		return field_fail(e, field, _("%s must be between %s and %s"), label, lo, hi);
	}
	*out = v;
	*has = true;
	return 0;
}
