/* The state of a text field: a buffer, a cursor and the edits on them. */
#include "core/text/editor.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "core/text/text.h"

struct editor {
	char	*buf;		/* NFC, NUL-terminated */
	size_t	 len;
	size_t	 cap;
	size_t	 cur;		/* on a grapheme boundary */
	char	*saved;		/* the text last set or marked saved */
	size_t	 saved_len;
	size_t	 max;		/* in graphemes; 0 for no limit */
	bool	 multiline;
};

/* A span of the text as text_wrap() lays it out: [start, end) is what the
 * row shows, without the spaces it broke at. */
struct span {
	size_t	start;
	size_t	end;
};

/* The rows around the cursor's, gathered from text_wrap() callbacks. */
struct rows {
	const char	*base;
	size_t		 cur;
	int		 n;
	int		 row;	/* the cursor's */
	struct span	 prev, here, next, after;
};

struct editor *
editor_new(bool multiline, size_t max_chars)
{
	struct editor	*ed;

	if ((ed = calloc(1, sizeof *ed)) == NULL)
		return NULL;
	ed->cap = 64;
	if ((ed->buf = malloc(ed->cap)) == NULL) {
		free(ed);
		return NULL;
	}
	ed->buf[0] = '\0';
	ed->max = max_chars;
	ed->multiline = multiline;
	return ed;
}

void
editor_free(struct editor *ed)
{
	if (ed == NULL)
		return;
	free(ed->buf);
	free(ed->saved);
	free(ed);
}

static int
reserve(struct editor *ed, size_t len)
{
	size_t	 cap = ed->cap;
	char	*p;

	if (len < cap)
		return 0;
	while (cap <= len)
		cap *= 2;
	if ((p = realloc(ed->buf, cap)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	ed->buf = p;
	ed->cap = cap;
	return 0;
}

/* Copies n bytes of s to out as the field accepts them: invalid UTF-8 and
 * control characters dropped, tabs as spaces, CR LF and CR as one newline
 * (a space in a single-line field).  Returns the bytes written, never more
 * than n. */
static size_t
clean(char *out, const char *s, size_t n, bool multiline)
{
	const uint8_t	*u = (const uint8_t *)s;
	char		*o = out;
	size_t		 i = 0;
	ucs4_t		 uc;
	int		 k;

	while (i < n) {
		if ((k = u8_mbtoucr(&uc, u + i, n - i)) < 0) {
			i++;
			continue;
		}
		i += k;
		if (uc == '\r' && i < n && s[i] == '\n')
			continue;
		if (uc == '\n' || uc == '\r')
			*o++ = multiline ? '\n' : ' ';
		else if (uc == '\t')
			*o++ = ' ';
		else if (uc >= 0x20 && (uc < 0x7f || uc >= 0xa0)) {
			memcpy(o, s + i - k, k);
			o += k;
		}
	}
	return o - out;
}

/* Graphemes in [from, to) of s, counted up to limit at most. */
static size_t
count_graphemes(const char *s, size_t from, size_t to, size_t limit)
{
	size_t	n;

	for (n = 0; from < to && n < limit; n++)
		from = text_next_grapheme(s, from);
	return n;
}

/* Cuts the inserted part of j = P C T (C is [lp, lp + lc), T the lt bytes
 * after it) to the graphemes that keep j within allowed graphemes.  Returns
 * the new length of C, 0 when nothing of it fits. */
static size_t
cut_to_fit(char *j, size_t lp, size_t lc, size_t lt, size_t allowed)
{
	size_t	tail = lt > 0, keep = allowed > tail ? allowed - tail : 0;
	size_t	pos = 0, next, n;

	for (n = 0; n < keep; n++) {
		next = text_next_grapheme(j, pos);
		if (next == pos || next > lp + lc)
			break;
		pos = next;
	}
	if (pos <= lp)
		return 0;
	memmove(j + pos, j + lp + lc, lt + 1);
	return pos - lp;
}

/* Replaces [start, end) of the text by n bytes of s and puts the cursor
 * after them.  The grapheme before and the one after the change are
 * normalised with it, so a combining mark composes with the letter it
 * follows and a deletion cannot leave the text out of NFC.  With limit, an
 * insertion is cut to the maximum length unless it shrinks the text. */
static int
splice(struct editor *ed, size_t start, size_t end, const char *s, size_t n,
    bool limit)
{
	size_t	 rs = text_prev_grapheme(ed->buf, start);
	size_t	 te = text_next_grapheme(ed->buf, end);
	size_t	 lp = start - rs, lt = te - end, lc, nlen, newlen;
	size_t	 outside, allowed, around;
	char	*j, *nfc;
	bool	 tail_apart;

	if ((j = malloc(lp + n + lt + 1)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(j, ed->buf + rs, lp);
	lc = clean(j + lp, s, n, ed->multiline);
	memcpy(j + lp + lc, ed->buf + end, lt);
	j[lp + lc + lt] = '\0';

	if (limit && ed->max > 0 && lc > 0) {
		outside = count_graphemes(ed->buf, 0, rs, ed->max + 1) +
		    count_graphemes(ed->buf, te, ed->len, ed->max + 1);
		allowed = outside < ed->max ? ed->max - outside : 0;
		around = count_graphemes(ed->buf, rs, te, SIZE_MAX);
		if (allowed < around)
			allowed = around;
		if (count_graphemes(j, 0, lp + lc + lt, allowed + 1) > allowed &&
		    ((lc = cut_to_fit(j, lp, lc, lt, allowed)) == 0 ||
		    count_graphemes(j, 0, lp + lc + lt, allowed + 1) >
		    allowed)) {
			free(j);
			errno = ENOSPC;
			return -1;
		}
	}

	nfc = text_nfc(j);
	free(j);
	if (nfc == NULL) {
		errno = ENOMEM;
		return -1;
	}
	nlen = strlen(nfc);
	newlen = rs + nlen + (ed->len - te);
	if (reserve(ed, newlen) == -1) {
		free(nfc);
		return -1;
	}
	/* The cursor goes before the letter after the change, unless what was
	 * inserted merged with it into one grapheme. */
	tail_apart = lt > 0 && nlen >= lt &&
	    memcmp(nfc + nlen - lt, ed->buf + end, lt) == 0 &&
	    text_prev_grapheme(nfc, nlen) == nlen - lt;
	memmove(ed->buf + rs + nlen, ed->buf + te, ed->len - te + 1);
	memcpy(ed->buf + rs, nfc, nlen);
	free(nfc);
	ed->len = newlen;
	ed->cur = rs + nlen - (tail_apart ? lt : 0);
	return 0;
}

int
editor_set_text(struct editor *ed, const char *s)
{
	if (splice(ed, 0, ed->len, s, strlen(s), false) == -1)
		return -1;
	ed->cur = ed->len;
	return editor_mark_saved(ed);
}

const char *
editor_text(const struct editor *ed)
{
	return ed->buf;
}

size_t
editor_length(const struct editor *ed)
{
	return ed->len;
}

bool
editor_changed(const struct editor *ed)
{
	return ed->len != ed->saved_len ||
	    (ed->len > 0 && memcmp(ed->buf, ed->saved, ed->len) != 0);
}

int
editor_mark_saved(struct editor *ed)
{
	char	*copy;

	if ((copy = malloc(ed->len + 1)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(copy, ed->buf, ed->len + 1);
	free(ed->saved);
	ed->saved = copy;
	ed->saved_len = ed->len;
	return 0;
}

/* text.h measures NUL-terminated strings: measure a span of s by ending it
 * for the call.  s is the editor's own buffer, so this works even for a
 * const editor and leaves the text as it was. */
static int
span_width(char *s, size_t from, size_t to)
{
	char	c = s[to];
	int	w;

	s[to] = '\0';
	w = text_width(s + from);
	s[to] = c;
	return w;
}

/* Bytes of [from, to) of s that fit in cols columns. */
static size_t
span_fit(char *s, size_t from, size_t to, int cols)
{
	char	c = s[to];
	size_t	n;

	s[to] = '\0';
	n = text_fit(s + from, cols);
	s[to] = c;
	return n;
}

static size_t
line_start(const struct editor *ed, size_t at)
{
	while (at > 0 && ed->buf[at - 1] != '\n')
		at--;
	return at;
}

static size_t
line_end(const struct editor *ed, size_t at)
{
	const char	*nl = strchr(ed->buf + at, '\n');

	return nl != NULL ? (size_t)(nl - ed->buf) : ed->len;
}

size_t
editor_cursor(const struct editor *ed)
{
	return ed->cur;
}

int
editor_cursor_col(const struct editor *ed)
{
	return span_width(ed->buf, line_start(ed, ed->cur), ed->cur);
}

/* The start of the grapheme that byte offset at falls in. */
static size_t
snap(const struct editor *ed, size_t at)
{
	size_t	start;

	if (at >= ed->len)
		return ed->len;
	while (at > 0 && ((unsigned char)ed->buf[at] & 0xc0) == 0x80)
		at--;
	start = text_prev_grapheme(ed->buf, at);
	return text_next_grapheme(ed->buf, start) == at ? at : start;
}

void
editor_set_cursor(struct editor *ed, size_t at)
{
	ed->cur = snap(ed, at);
}

int
editor_insert(struct editor *ed, uint32_t cp)
{
	uint8_t	u[6];
	int	n;

	if ((n = u8_uctomb(u, cp, sizeof u)) < 0) {
		errno = EINVAL;
		return -1;
	}
	return splice(ed, ed->cur, ed->cur, (const char *)u, n, true);
}

int
editor_insert_text(struct editor *ed, const char *s)
{
	return splice(ed, ed->cur, ed->cur, s, strlen(s), true);
}

/* Deletes [start, end) and leaves the cursor there. */
static int
erase(struct editor *ed, size_t start, size_t end)
{
	if (start == end)
		return 0;
	return splice(ed, start, end, "", 0, false);
}

int
editor_backspace(struct editor *ed)
{
	return erase(ed, text_prev_grapheme(ed->buf, ed->cur), ed->cur);
}

int
editor_delete(struct editor *ed)
{
	return erase(ed, ed->cur, text_next_grapheme(ed->buf, ed->cur));
}

bool
editor_left(struct editor *ed)
{
	if (ed->cur == 0)
		return false;
	ed->cur = text_prev_grapheme(ed->buf, ed->cur);
	return true;
}

bool
editor_right(struct editor *ed)
{
	if (ed->cur == ed->len)
		return false;
	ed->cur = text_next_grapheme(ed->buf, ed->cur);
	return true;
}

void
editor_home(struct editor *ed)
{
	ed->cur = line_start(ed, ed->cur);
}

void
editor_end(struct editor *ed)
{
	ed->cur = line_end(ed, ed->cur);
}

int
editor_kill_start(struct editor *ed)
{
	size_t	start = line_start(ed, ed->cur);

	if (start == ed->cur && start > 0)
		start--;
	return erase(ed, start, ed->cur);
}

int
editor_kill_end(struct editor *ed)
{
	size_t	end = line_end(ed, ed->cur);

	if (end == ed->cur && end < ed->len)
		end++;
	return erase(ed, ed->cur, end);
}

/* A space or newline is always a grapheme of its own. */
static bool
space_before(const struct editor *ed, size_t at)
{
	return at > 0 && (ed->buf[at - 1] == ' ' || ed->buf[at - 1] == '\n');
}

/* The start of the word before at, over the spaces between. */
static size_t
word_start(const struct editor *ed, size_t at)
{
	while (space_before(ed, at))
		at--;
	while (at > 0 && !space_before(ed, at))
		at = text_prev_grapheme(ed->buf, at);
	return at;
}

static bool
space_at(const struct editor *ed, size_t at)
{
	return ed->buf[at] == ' ' || ed->buf[at] == '\n';
}

int
editor_kill_word(struct editor *ed)
{
	return erase(ed, word_start(ed, ed->cur), ed->cur);
}

bool
editor_word_left(struct editor *ed)
{
	if (ed->cur == 0)
		return false;
	ed->cur = word_start(ed, ed->cur);
	return true;
}

bool
editor_word_right(struct editor *ed)
{
	size_t	at = ed->cur;

	if (at == ed->len)
		return false;
	while (at < ed->len && space_at(ed, at))
		at++;
	while (at < ed->len && !space_at(ed, at))
		at = text_next_grapheme(ed->buf, at);
	ed->cur = at;
	return true;
}

static void
add_row(const char *start, size_t len, void *ctx)
{
	struct rows	*r = ctx;
	struct span	 s;

	s.start = start - r->base;
	s.end = s.start + len;
	if (s.start <= r->cur) {
		r->prev = r->here;
		r->here = s;
		r->row = r->n;
	} else if (r->n == r->row + 1)
		r->next = s;
	else if (r->n == r->row + 2)
		r->after = s;
	r->n++;
}

/* Lays the text out in width columns; returns the cursor's column in its
 * row (spaces the row broke at count as if drawn). */
static int
find_rows(const struct editor *ed, int width, struct rows *r)
{
	memset(r, 0, sizeof *r);
	r->base = ed->buf;
	r->cur = ed->cur;
	text_wrap(ed->buf, width < 1 ? 1 : width, add_row, r);
	return span_width(ed->buf, r->here.start, ed->cur);
}

void
editor_locate(const struct editor *ed, int width, int *row, int *col)
{
	struct rows	r;

	if (width < 1)
		width = 1;
	*col = find_rows(ed, width, &r);
	*row = r.row;
	if (*col >= width)
		*col = width - 1;
}

/* Moves the cursor to column col of row to, or to the last letter of the
 * row that starts at or before col.  A row cut inside a word ends where the
 * next starts: stop a letter short so the cursor stays on this row. */
static void
move_to_row(struct editor *ed, const struct span *to, const struct span *next,
    bool has_next, int col)
{
	size_t	at = to->start + span_fit(ed->buf, to->start, to->end, col);

	if (has_next && at == next->start && at > to->start)
		at = text_prev_grapheme(ed->buf, at);
	ed->cur = at;
}

bool
editor_up(struct editor *ed, int width)
{
	struct rows	r;
	int		col = find_rows(ed, width, &r);

	if (r.row == 0)
		return false;
	move_to_row(ed, &r.prev, &r.here, true, col);
	return true;
}

bool
editor_down(struct editor *ed, int width)
{
	struct rows	r;
	int		col = find_rows(ed, width, &r);

	if (r.n <= r.row + 1)
		return false;
	move_to_row(ed, &r.next, &r.after, r.n > r.row + 2, col);
	return true;
}

size_t
editor_scroll(const struct editor *ed, int width, size_t prev)
{
	size_t	off, lo, p, q;
	int	need, used, w;

	if (width < 1)
		width = 1;
	/* Room for the letter under the cursor, or one cell at the end. */
	need = 1;
	if (ed->cur < ed->len) {
		w = span_width(ed->buf, ed->cur,
		    text_next_grapheme(ed->buf, ed->cur));
		need = w < 1 ? 1 : w > width ? width : w;
	}
	/* lo: the leftmost start that still shows the cursor.  Walk back from
	 * the cursor, so a long text costs only the width. */
	for (lo = ed->cur, used = need; lo > 0; lo = q) {
		q = text_prev_grapheme(ed->buf, lo);
		if (used + (w = span_width(ed->buf, q, lo)) > width)
			break;
		used += w;
	}
	off = snap(ed, prev);
	if (off > ed->cur)
		off = ed->cur;
	if (off < lo)
		off = lo;
	/* Fill the field: no empty columns on the right while text is hidden
	 * on the left. */
	used = span_width(ed->buf, off, ed->len) + (ed->cur == ed->len);
	for (p = off; p > 0; p = q) {
		q = text_prev_grapheme(ed->buf, p);
		if (used + (w = span_width(ed->buf, q, p)) > width)
			break;
		used += w;
		off = q;
	}
	return off;
}

/* Letters and the marks on them: what the Telex/VNI engine rewrites. */
static bool
is_word_char(ucs4_t uc)
{
	return uc_is_alpha(uc) || uc_is_general_category(uc, UC_CATEGORY_M);
}

void
editor_word_before(const struct editor *ed, size_t *start, size_t *end)
{
	const uint8_t	*base = (const uint8_t *)ed->buf;
	const uint8_t	*p = base + ed->cur, *q;
	ucs4_t		 uc;

	while ((q = u8_prev(&uc, p, base)) != NULL && is_word_char(uc))
		p = q;
	*start = p - base;
	*end = ed->cur;
}

int
editor_replace(struct editor *ed, size_t start, size_t end, const char *s)
{
	if (start > end || end > ed->len) {
		errno = EINVAL;
		return -1;
	}
	return splice(ed, start, end, s, strlen(s), true);
}
