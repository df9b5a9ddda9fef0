#include "core/plan/unit_match.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

/* Names longer than this are prose, not units: no initials are tried
 * (which also bounds the table the matcher fills). */
#define MAX_WORDS 32
/* A unit name holds at most this many commas plus one pieces. */
#define MAX_PIECES 6

/* A name cut into folded words, punctuation dropped. */
struct words {
	char *buf;		/* the words, each NUL-terminated */
	char *w[MAX_WORDS];
	int n;			/* words kept (at most MAX_WORDS) */
	bool more;		/* there were more */
};

struct unit_spelling {
	int64_t unit;
	char *folded;
	struct words words;
};

/* Cuts folded text into words of letters and digits.  -1 when memory
 * ran out. */
static int
words_of(const char *folded, struct words *out)
{
	const uint8_t *s = (const uint8_t *)folded, *next;
	char *p;
	bool in_word = false;
	ucs4_t uc;

	memset(out, 0, sizeof *out);
	if ((out->buf = malloc(strlen(folded) + 1)) == NULL)
		return -1;
	p = out->buf;
	for (; (next = u8_next(&uc, s)) != NULL; s = next) {
		if (!uc_is_alnum(uc)) {
			if (in_word)
				*p++ = '\0';
			in_word = false;
			continue;
		}
		if (!in_word) {
			if (out->n == MAX_WORDS) {
				out->more = true;
				break;
			}
			out->w[out->n++] = p;
			in_word = true;
		}
		memcpy(p, s, (size_t)(next - s));
		p += next - s;
	}
	*p = '\0';
	return 0;
}

static void
words_free(struct words *w)
{
	free(w->buf);
}

/* The words that count: a trailing "xã" or "phường" names the office,
 * not the unit ("Phòng Kinh tế xã"). */
static int
core_words(const struct words *w)
{
	if (w->n > 1 && (strcmp(w->w[w->n - 1], "xa") == 0 || strcmp(w->w[w->n - 1], "phuong") == 0))
		return w->n - 1;
	return w->n;
}

/* True when abbr's characters are the first characters of the k words
 * w[0..k-1], k being the number of characters of abbr.  A lone letter
 * stands only for a word of three letters or more ("P." for "Phòng"):
 * Vietnamese has many two-letter words, and "K" for "KT" would make
 * anything match. */
static bool
initials(const char *abbr, char *const *w, int nw, int *k)
{
	const uint8_t *s = (const uint8_t *)abbr;
	int i = 0;

	while (*s != '\0') {
		int len = u8_mblen(s, strlen((const char *)s));

		if (len <= 0 || i == nw || strncmp((const char *)s, w[i], (size_t)len) != 0)
			return false;
		s += len;
		i++;
	}
	*k = i;
	return i > 1 || (i == 1 && u8_strlen((const uint8_t *)w[0]) >= 3);
}

/* Whether the words a[0..na) and b[0..nb) say the same thing, a word of
 * either side standing for the initials of several (or one) of the
 * other's.  Dynamic programming over (i, j): "a[i..] matches b[j..]". */
static bool
same_by_initials(char *const *a, int na, char *const *b, int nb)
{
	bool ok[MAX_WORDS + 1][MAX_WORDS + 1];

	for (int i = na; i >= 0; i--) {
		for (int j = nb; j >= 0; j--) {
			int k;

			if (i == na || j == nb) {
				ok[i][j] = i == na && j == nb;
				continue;
			}
			ok[i][j] = (strcmp(a[i], b[j]) == 0 && ok[i + 1][j + 1]) ||
			    (initials(a[i], b + j, nb - j, &k) && ok[i + 1][j + k]) ||
			    (initials(b[j], a + i, na - i, &k) && ok[i + k][j + 1]);
		}
	}
	return ok[0][0];
}

static bool
same_words(const struct words *a, int na, const struct words *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (strcmp(a->w[i], b->w[i]) != 0)
			return false;
	return true;
}

int
unit_matcher_load(struct db *db, struct unit_matcher *m)
{
	sqlite3_stmt *st;
	int cap = 0, rc;

	memset(m, 0, sizeof *m);
	st = db_prepare(db, "SELECT unit_id, folded FROM unit_alias ORDER BY rowid");
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct unit_spelling *s;

		if (array_reserve(&m->spelling, m->n, &cap, sizeof *m->spelling) != 0)
			break;
		s = &m->spelling[m->n];
		s->unit = sqlite3_column_int64(st, 0);
		if ((s->folded = db_column_strdup(st, 1)) == NULL)
			break;
		if (words_of(s->folded, &s->words) != 0) {
			free(s->folded);
			break;
		}
		m->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		unit_matcher_free(m);
		return db_fail(db, "unit names: %s", sqlite3_errmsg(db_sqlite(db)));
	}
	return 0;
}

void
unit_matcher_free(struct unit_matcher *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->spelling[i].folded);
		words_free(&m->spelling[i].words);
	}
	free(m->spelling);
	memset(m, 0, sizeof *m);
}

/* Steps 1 and 2; the unit or 0. */
static int64_t
match_exact(const struct unit_matcher *m, const char *folded, const struct words *w)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->spelling[i].folded, folded) == 0)
			return m->spelling[i].unit;
	for (int i = 0; i < m->n; i++) {
		const struct words *sw = &m->spelling[i].words;

		if (!w->more && !sw->more && same_words(w, core_words(w), sw, core_words(sw)))
			return m->spelling[i].unit;
	}
	return 0;
}

/* Step 3. */
static void
match_initials(const struct unit_matcher *m, const struct words *w, struct unit_ref *out)
{
	if (w->more || w->n == 0)
		return;
	for (int i = 0; i < m->n; i++) {
		const struct words *sw = &m->spelling[i].words;

		if (sw->more || !same_by_initials(w->w, core_words(w), sw->w, core_words(sw)))
			continue;
		if (out->how == UNIT_MATCH_NONE) {
			out->how = UNIT_MATCH_INITIALS;
			out->id = m->spelling[i].unit;
		} else if (m->spelling[i].unit != out->id) {
			out->how = UNIT_MATCH_AMBIGUOUS;
			out->other = m->spelling[i].unit;
			return;
		}
	}
}

int
unit_match(const struct unit_matcher *m, const char *name, struct unit_ref *out)
{
	char *folded = text_fold(name);
	struct words w;

	out->how = UNIT_MATCH_NONE;
	out->id = out->other = 0;
	if (folded == NULL || words_of(folded, &w) != 0) {
		free(folded);
		return -1;
	}
	if (*folded != '\0') {
		if ((out->id = match_exact(m, folded, &w)) != 0)
			out->how = UNIT_MATCH_EXACT;
		else
			match_initials(m, &w, out);
	}
	words_free(&w);
	free(folded);
	return 0;
}

/* ---- cells ----------------------------------------------------------- */

struct refs {
	struct unit_ref *v;
	int n, cap;
};

static bool
matched(const struct unit_ref *r)
{
	return r->how == UNIT_MATCH_EXACT || r->how == UNIT_MATCH_INITIALS;
}

/* Matches text and keeps the result when keep_unknown or it matched;
 * *hit tells whether it matched.  -1 when memory ran out. */
static int
try_name(const struct unit_matcher *m, const char *text, bool keep_unknown, struct refs *out,
    bool *hit)
{
	struct unit_ref r = { 0 };

	if (unit_match(m, text, &r) != 0)
		return -1;
	*hit = matched(&r);
	if (!*hit && !keep_unknown)
		return 0;
	if (array_reserve(&out->v, out->n, &out->cap, sizeof *out->v) != 0 ||
	    (r.text = strdup(text)) == NULL)
		return -1;
	out->v[out->n++] = r;
	return 0;
}

/* The pieces [i..j] of a part cut at commas, joined back with ", ". */
static char *
join(char **piece, int i, int j)
{
	size_t len = 1;
	char *s;

	for (int k = i; k <= j; k++)
		len += strlen(piece[k]) + 2;
	if ((s = malloc(len)) == NULL)
		return NULL;
	*s = '\0';
	for (int k = i; k <= j; k++) {
		if (k > i)
			strcat(s, ", ");
		strcat(s, piece[k]);
	}
	return s;
}

/* Cuts s in place at sep into trimmed, non-blank pieces. */
static int
cut(char *s, char sep, char ***piece, int *n)
{
	int cap = 0;

	*piece = NULL;
	*n = 0;
	for (char *p = s; p != NULL;) {
		char *end = strchr(p, sep);

		if (end != NULL)
			*end++ = '\0';
		if (*text_trim(p) != '\0') {
			if (array_reserve(piece, *n, &cap, sizeof **piece) != 0)
				return -1;
			(*piece)[(*n)++] = p;
		}
		p = end;
	}
	return 0;
}

/* The longest run of pieces from i that names a unit, added to out;
 * *next is after it.  Nothing is added when no run from i matches. */
static int
longest_from(const struct unit_matcher *m, char **piece, int n, int i, struct refs *out,
    int *next)
{
	bool hit = false;

	*next = i + 1;
	for (int j = (n - i > MAX_PIECES ? i + MAX_PIECES : n) - 1; j >= i; j--) {
		char *s = join(piece, i, j);
		int rc = s == NULL ? -1 : try_name(m, s, false, out, &hit);

		free(s);
		if (rc != 0)
			return -1;
		if (hit) {
			*next = j + 1;
			break;
		}
	}
	return 0;
}

/* A part between ';': one unit, or several between ','.  When no piece
 * names a known unit, the part is kept whole as one unknown name (a
 * collective name with a comma is likelier than several unknown ones). */
static int
match_part(const struct unit_matcher *m, char *part, struct refs *out)
{
	char **piece;
	int n, before = out->n, rc = 0, known = 0;
	bool hit;

	if (try_name(m, part, false, out, &hit) != 0)
		return -1;
	if (hit)
		return 0;
	if ((rc = cut(part, ',', &piece, &n)) != 0) {
		free(piece);
		return -1;
	}
	for (int i = 0; i < n && rc == 0;) {
		int had = out->n, next;

		rc = longest_from(m, piece, n, i, out, &next);
		if (rc == 0 && out->n == had)
			rc = try_name(m, piece[i], true, out, &hit);
		else
			known++;
		i = next;
	}
	if (rc == 0 && known == 0 && n > 0) {
		char *whole = join(piece, 0, n - 1);

		while (out->n > before)
			free(out->v[--out->n].text);
		rc = whole == NULL ? -1 : try_name(m, whole, true, out, &hit);
		free(whole);
	}
	free(piece);
	return rc;
}

int
unit_match_cell(const struct unit_matcher *m, const char *cell, struct unit_ref **out, int *n)
{
	struct refs r = { 0 };
	char *copy = strdup(cell), **part = NULL;
	int nparts = 0, rc = -1;
	bool hit;

	*out = NULL;
	*n = 0;
	if (copy == NULL)
		return -1;
	if (*text_trim(copy) == '\0') {
		free(copy);
		return 0;
	}
	if (try_name(m, copy, false, &r, &hit) != 0)
		goto out;
	if (!hit) {
		if (cut(copy, ';', &part, &nparts) != 0)
			goto out;
		for (int i = 0; i < nparts; i++)
			if (match_part(m, part[i], &r) != 0)
				goto out;
	}
	rc = 0;
out:
	free(part);
	free(copy);
	if (rc != 0) {
		unit_refs_free(r.v, r.n);
		return -1;
	}
	*out = r.v;
	*n = r.n;
	return 0;
}

void
unit_refs_free(struct unit_ref *r, int n)
{
	for (int i = 0; i < n; i++)
		free(r[i].text);
	free(r);
}

int64_t
unit_resolve(struct db *db, const char *name, const char *label, struct err *e)
{
	struct unit_matcher m;
	struct unit_ref r;
	char *a = NULL, *b = NULL, *shown = text_nfc(name);
	int64_t id = -1;

	if (unit_matcher_load(db, &m) != 0) {
		free(shown);
		return err_db(e, db);
	}
	if (shown != NULL && unit_match(&m, name, &r) == 0) {
		text_trim(shown);
		id = r.how == UNIT_MATCH_EXACT || r.how == UNIT_MATCH_INITIALS ? r.id : 0;
		if (r.how == UNIT_MATCH_AMBIGUOUS && (a = unit_name(db, r.id)) != NULL &&
		    (b = unit_name(db, r.other)) != NULL)
			err_set(e, -1, _("%s: \"%s\" could be \"%s\" or \"%s\": write the whole "
			    "name"), label, shown, a, b);
		else if (id == 0)
			err_set(e, -1, _("%s: no unit is called \"%s\""), label, shown);
	}
	if (id < 0) {
		db_fail(db, "%s", _("out of memory"));
		err_db(e, db);
	}
	free(a);
	free(b);
	free(shown);
	unit_matcher_free(&m);
	return id;
}
