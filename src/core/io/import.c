#include "core/io/import.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "core/io/csv.h"
#include "core/plan/section.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

/* ---- messages -------------------------------------------------------- */

void
import_note(struct import_log *log, int line, bool error, const char *fmt, ...)
{
	va_list ap;
	char *text;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (text = malloc((size_t)len + 1)) == NULL ||
	    array_reserve(&log->msg, log->n, &log->cap, sizeof *log->msg) != 0) {
		if (len >= 0)
			free(text);
		log->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)len + 1, fmt, ap);
	va_end(ap);
	log->msg[log->n].line = line;
	log->msg[log->n].error = error;
	log->msg[log->n].text = text;
	log->n++;
	log->nerrors += error;
}

/* By line, then as noted: qsort is not stable, so each message carries
 * its position as the tie-break. */
struct ordered {
	struct import_msg msg;
	int seq;
};

static int
by_line(const void *a, const void *b)
{
	const struct ordered *x = a, *y = b;

	if (x->msg.line != y->msg.line)
		return x->msg.line < y->msg.line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
import_log_sort(struct import_log *log)
{
	struct ordered *o;

	if (log->n < 2 || (o = malloc((size_t)log->n * sizeof *o)) == NULL)
		return;
	for (int i = 0; i < log->n; i++) {
		o[i].msg = log->msg[i];
		o[i].seq = i;
	}
	qsort(o, (size_t)log->n, sizeof *o, by_line);
	for (int i = 0; i < log->n; i++)
		log->msg[i] = o[i].msg;
	free(o);
}

void
import_log_free(struct import_log *log)
{
	for (int i = 0; i < log->n; i++)
		free(log->msg[i].text);
	free(log->msg);
	memset(log, 0, sizeof *log);
}

/* ---- tables ---------------------------------------------------------- */

static bool
blank(const struct csv *r)
{
	for (int i = 0; i < r->ncells; i++)
		if (*r->cell[i] != '\0')
			return false;
	return true;
}

static int
keep_row(struct import_table *t, int *cap, const struct csv *r)
{
	struct import_row *row;

	if (array_reserve(&t->row, t->nrows, cap, sizeof *t->row) != 0)
		return -1;
	row = &t->row[t->nrows];
	memset(row, 0, sizeof *row);
	row->line = r->record_line;
	row->unbalanced = r->unbalanced;
	if ((row->cell = calloc((size_t)r->ncells, sizeof *row->cell)) == NULL)
		return -1;
	t->nrows++;
	for (int i = 0; i < r->ncells; i++) {
		if ((row->cell[i] = strdup(r->cell[i])) == NULL)
			return -1;
		row->ncells++;
	}
	return 0;
}

static int
read_text(struct db *db, const char *text, struct import_table *t)
{
	struct csv r;
	int cap = 0, rc;

	t->delim = csv_delimiter(text);
	csv_init(&r, text, t->delim);
	while ((rc = csv_next(&r)) == 1)
		if (!blank(&r) && keep_row(t, &cap, &r) != 0) {
			rc = -1;
			break;
		}
	csv_free(&r);
	if (rc != 0) {
		import_table_free(t);
		return db_fail(db, "%s", strerror(ENOMEM));
	}
	return 0;
}

int
import_table_read(struct db *db, const char *data, size_t len, struct import_table *t)
{
	struct err e;
	char *text;
	int rc;

	memset(t, 0, sizeof *t);
	if ((text = encoding_decode(data, len, &t->encoding, &e)) == NULL)
		return db_fail(db, "%s", e.msg);
	rc = read_text(db, text, t);
	free(text);
	return rc;
}

int
import_table_read_file(struct db *db, const char *path, struct import_table *t)
{
	struct err e;
	char *text;
	int rc;

	memset(t, 0, sizeof *t);
	if ((text = encoding_read_file(path, &t->encoding, &e)) == NULL)
		return db_fail(db, "%s", e.msg);
	rc = read_text(db, text, t);
	free(text);
	return rc;
}

void
import_table_free(struct import_table *t)
{
	for (int i = 0; i < t->nrows; i++) {
		for (int j = 0; j < t->row[i].ncells; j++)
			free(t->row[i].cell[j]);
		free(t->row[i].cell);
	}
	free(t->row);
	memset(t, 0, sizeof *t);
}

const char *
import_cell(const struct import_row *r, int i)
{
	return i >= 0 && i < r->ncells ? r->cell[i] : "";
}

/* ---- sections -------------------------------------------------------- */

/* Length of a heading's numbering at s ("II. ", "2) ", "IV - "), 0 if
 * none: Roman or Arabic digits followed by '.', ')', '-' or a space. */
static size_t
numbering(const char *s)
{
	size_t n = strspn(s, "IVXLC");

	if (n == 0)
		n = strspn(s, "0123456789");
	if (n == 0 || strchr(".)- ", s[n]) == NULL || s[n] == '\0')
		return 0;
	return n + strspn(s + n, ".)- ");
}

/* The heading as plans' titles read: numbering, "(TTHC)", ':' and '.'
 * off, ';' as ','.  Newly allocated. */
static char *
clean_heading(const char *heading)
{
	char *s = strdup(heading + numbering(heading)), *p;
	size_t n;

	if (s == NULL)
		return NULL;
	text_trim(s);
	while ((n = strlen(s)) > 0 && strchr(":. ", s[n - 1]) != NULL)
		s[n - 1] = '\0';
	if ((n = strlen(s)) > 0 && s[n - 1] == ')' && (p = strrchr(s, '(')) != NULL && p > s)
		*p = '\0';
	text_trim(s);
	for (p = s; (p = strchr(p, ';')) != NULL; p++)
		*p = ',';
	return s;
}

/* The words of s, folded, as " w1 w2 ... " (padded, so that strstr finds
 * whole words).  Newly allocated; NULL when memory ran out. */
static char *
word_line(const char *s)
{
	char *folded = text_fold(s), *out, *p;
	const uint8_t *u, *next;
	bool gap = true;
	ucs4_t uc;

	if (folded == NULL || (out = malloc(strlen(folded) + 3)) == NULL) {
		free(folded);
		return NULL;
	}
	p = out;
	*p++ = ' ';
	for (u = (const uint8_t *)folded; (next = u8_next(&uc, u)) != NULL; u = next) {
		if (!uc_is_alnum(uc)) {
			if (!gap)
				*p++ = ' ';
			gap = true;
			continue;
		}
		memcpy(p, u, (size_t)(next - u));
		p += next - u;
		gap = false;
	}
	if (!gap)
		*p++ = ' ';
	*p = '\0';
	free(folded);
	return out;
}

/* How well key (a title or alias as a word line) fits the heading's word
 * line: its length when they are the same (*same set) or one contains
 * the other, else 0.  A one-word heading contains nothing useful. */
static size_t
fit(const char *heading, const char *key, bool *same)
{
	*same = strcmp(heading, key) == 0;
	if (*same || strstr(heading, key) != NULL)
		return strlen(key);
	if (strchr(heading + 1, ' ') != strrchr(heading, ' ') && strstr(key, heading) != NULL)
		return strlen(heading);
	return 0;
}

/* Steps two and three of import_section(). */
static int64_t
by_words(struct db *db, const char *heading, bool *guessed)
{
	sqlite3_stmt *st;
	char *mine = word_line(heading);
	int64_t best = 0;
	size_t best_len = 0;
	bool tie = false;
	int rc;

	if (mine == NULL)
		return db_fail(db, "%s", strerror(ENOMEM));
	st = db_prepare(db, "SELECT id, title FROM section UNION ALL SELECT id, short_title "
	    "FROM section UNION ALL SELECT section_id, folded FROM section_alias");
	if (st == NULL) {
		free(mine);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		char *key = word_line((const char *)sqlite3_column_text(st, 1));
		bool same;
		size_t len;

		if (key == NULL)
			break;
		len = fit(mine, key, &same);
		free(key);
		if (same) {
			best = id;
			*guessed = false;
			tie = false;
			break;
		}
		if (len > best_len) {
			best = id;
			best_len = len;
			tie = false;
			*guessed = true;
		} else if (len == best_len && len > 0 && id != best) {
			tie = true;
		}
	}
	sqlite3_finalize(st);
	free(mine);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail_sql(db, "sections");
	return tie ? 0 : best;
}

int64_t
import_section(struct db *db, const char *heading, bool *guessed)
{
	char *clean = clean_heading(heading);
	int64_t id;

	*guessed = false;
	if (clean == NULL)
		return db_fail(db, "%s", strerror(ENOMEM));
	if (*clean == '\0')
		id = 0;
	else if ((id = section_find(db, clean)) == 0)
		id = by_words(db, clean, guessed);
	free(clean);
	return id;
}
