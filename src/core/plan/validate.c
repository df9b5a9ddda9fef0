/* Field validation and the messages of refused saves. */
#include "core/plan/validate.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/db.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

int
field_commit(struct db *db, int rc, struct err *e)
{
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) != 0)
		return err_db(e, db);
	return 0;
}

int
field_begin(struct db *db, struct err *e)
{
	err_clear(e);
	return db_begin(db) != 0 ? err_db(e, db) : 0;
}

int
field_commit_id(struct db *db, int rc, const int64_t *saved, int64_t *id, struct err *e)
{
	if (field_commit(db, rc, e) != 0)
		return -1;
	if (id != NULL)
		*id = *saved;
	return 0;
}

int64_t
field_inserted(struct db *db, int rc, const int64_t *id, const struct err *e)
{
	return rc != 0 ? db_fail(db, "%s", e->msg) : *id;
}

/* Control characters (C0 but newline and tab, DEL, C1) have no place in a
 * record: they come from stray escape sequences and would garble every
 * screen and report that shows the text. */
static bool
has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return true;
		/* U+0080..U+009F are C2 80..C2 9F in UTF-8. */
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return true;
	}
	return false;
}

char *
field_text(const char *s, struct err *e, int field, const char *label)
{
	char *nfc = text_nfc(s ? s : "");

	if (nfc == NULL) {
		err_set(e, field, _("%s: not valid UTF-8 text"), label);
		return NULL;
	}
	if (has_control(nfc)) {
		err_set(e, field, _("%s: control characters are not allowed"), label);
		free(nfc);
		return NULL;
	}
	if (strlen(nfc) > FIELD_TEXT_MAX) {
		err_set(e, field, _("%s: the text is too long (at most %d bytes)"), label,
		    FIELD_TEXT_MAX);
		free(nfc);
		return NULL;
	}
	return text_trim(nfc);
}

int
validate_ref(struct db *db, const char *table, int64_t id, struct err *e,
    int field, const char *message)
{
	char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE id = ?", table);
	sqlite3_stmt *st = sql ? db_prepare(db, sql) : NULL;
	int rc;

	sqlite3_free(sql);
	if (st == NULL)
		return err_db(e, db);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return err_set(e, field, "%s", message);
	db_fail_sql(db, table);
	return err_db(e, db);
}

/* Copies text without the blanks around it into buf; false when it does
 * not fit (no date or number is that long). */
static bool
trimmed(const char *text, char *buf, size_t size)
{
	size_t len;

	text += strspn(text, " \t");
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len >= size)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return true;
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
validate_date(const char *text, char *iso_out, struct err *e, int field,
    const char *label)
{
	char buf[64];
	struct date d;

	iso_out[0] = '\0';
	if (trimmed(text, buf, sizeof buf)) {
		if (buf[0] == '\0')
			return 0;
		if (date_parse_vn(buf, &d)) {
			date_format_iso(d, iso_out);
			return 0;
		}
		if (date_shaped(buf))
			return err_set(e, field, _("%s: the date %s does not exist"),
			    label, buf);
	}
	return err_set(e, field, _("%s: write the date as dd/mm/yyyy"), label);
}

/* "m/yyyy", "m-yyyy" or "m nam yyyy" after an optional "thang ", in
 * folded text: the month and the year. */
static bool
month_only(const char *folded, int *month, int *year)
{
	int used = 0;

	if (strncmp(folded, "thang ", 6) == 0)
		folded += 6;
	if (sscanf(folded, "%2d/%4d%n", month, year, &used) == 2 ||
	    sscanf(folded, "%2d-%4d%n", month, year, &used) == 2 ||
	    sscanf(folded, "%2d nam %4d%n", month, year, &used) == 2)
		return folded[used] == '\0' && *year >= 1000 && date_valid(*year, *month, 1);
	return false;
}

int
validate_date_or_month(const char *text, char *iso_out, struct err *e, int field,
    const char *label)
{
	char *folded;
	int month, year;
	bool ok;

	if (validate_date(text, iso_out, NULL, field, label) == 0)
		return 0;
	if ((folded = text_fold(text)) == NULL)
		return err_set(e, field, _("%s: write the date as dd/mm/yyyy"), label);
	ok = month_only(folded, &month, &year);
	free(folded);
	if (!ok)
		return validate_date(text, iso_out, e, field, label);
	date_format_iso((struct date){ .year = year, .month = month, .day = 1 }, iso_out);
	return 0;
}

int
validate_deadline(const char *text, struct err *e, int field, const char *label)
{
	char buf[64];
	struct date d;

	/* Longer text is no date. */
	if (!trimmed(text, buf, sizeof buf) || !date_shaped(buf) || date_parse_vn(buf, &d))
		return 0;
	return err_set(e, field, _("%s: the date %s does not exist"), label, buf);
}

int
validate_range(double v, double min, double max, struct err *e, int field,
    const char *label)
{
	char lo[32], hi[32];

	if (v >= min && v <= max)
		return 0;
	number_format(min, lo, sizeof lo);
	number_format(max, hi, sizeof hi);
	if (isinf(max))
		return err_set(e, field, _("%s must be at least %s"), label, lo);
	if (isinf(min))
		return err_set(e, field, _("%s must be at most %s"), label, hi);
	return err_set(e, field, _("%s must be between %s and %s"), label, lo, hi);
}

int
validate_number(const char *text, bool required, double min, double max,
    double *out, bool *has, struct err *e, int field, const char *label)
{
	double v;

	*has = false;
	if (text[strspn(text, " \t")] == '\0') {
		if (required)
			return err_set(e, field, _("%s is required"), label);
		return 0;
	}
	if (!number_parse(text, &v))
		return err_set(e, field, _("%s is not a number"), label);
	if (validate_range(v, min, max, e, field, label) != 0)
		return -1;
	*out = v;
	*has = true;
	return 0;
}
