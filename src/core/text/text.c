/* Vietnamese text: normalisation, display width, folding and sort keys. */
#include "text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

char *
text_vprintf(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	/* Measured first on a copy: ap can be read once only. */
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
text_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = text_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

#define ENCODING "UTF-8"

/* Sort key bytes.  LEVEL_SEP ends the primary and secondary levels and is
 * below every byte a level can hold, so a shorter key sorts first. */
#define LEVEL_SEP	'!'
#define KEY_SPACE	'#'
#define KEY_SYMBOL	'$'
#define KEY_OTHER	'{'	/* letters of other scripts, after Latin */
#define MAX_DIGITS	40	/* '0' + MAX_DIGITS is still printable */
#define KEY_BYTES	7	/* most key bytes one byte of NFD text can give */

static bool
is_space(ucs4_t uc)
{
	return uc_is_property_white_space(uc);
}

static bool
is_mark(ucs4_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_Mn);
}

static bool
is_digit(ucs4_t uc)
{
	return uc >= '0' && uc <= '9';
}

/* Đ and đ have no decomposition: they are letters of their own. */
static bool
is_d_stroke(ucs4_t uc)
{
	return uc == 0x0110 || uc == 0x0111;
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return false;
	}
	return true;
}

/* s in normal form nf as a C string, or NULL when s is not valid UTF-8. */
static uint8_t *
normalize(uninorm_t nf, const char *s)
{
	size_t	n = strlen(s), len;

	if (u8_check((const uint8_t *)s, n) != NULL)
		return NULL;
	/* The NUL is a starter that never composes: normalising it with the
	 * text keeps the result terminated. */
	return u8_normalize(nf, (const uint8_t *)s, n + 1, NULL, &len);
}

bool
text_valid_utf8(const char *s)
{
	return u8_check((const uint8_t *)s, strlen(s)) == NULL;
}

char *
text_nfc(const char *s)
{
	return (char *)normalize(UNINORM_NFC, s);
}

/* Folds NFD text s into out, which has room for twice strlen(s) + 1. */
static void
fold_into(const uint8_t *s, uint8_t *out)
{
	const uint8_t	*next;
	uint8_t		*p = out;
	ucs4_t		 uc;
	bool		 gap = false;

	for (; (next = u8_next(&uc, s)) != NULL; s = next) {
		if (is_mark(uc))
			continue;
		if (is_space(uc)) {
			gap = p > out;
			continue;
		}
		if (gap) {
			*p++ = ' ';
			gap = false;
		}
		if (is_d_stroke(uc))
			uc = 'd';
		p += u8_uctomb(p, uc_tolower(uc), 4);
	}
	*p = '\0';
}

char *
text_fold(const char *s)
{
	const uint8_t	*in = (const uint8_t *)s;
	uint8_t		*nfd = NULL, *out;

	/* ASCII is already NFD: skip the costly part for most keystrokes. */
	if (!is_ascii(s)) {
		if ((nfd = normalize(UNINORM_NFD, s)) == NULL)
			return NULL;
		in = nfd;
	}
	/* Lower case can take more bytes than upper (2 to 3 at most). */
	out = malloc(2 * u8_strlen(in) + 1);
	if (out != NULL)
		fold_into(in, out);
	free(nfd);
	return (char *)out;
}

char *
text_slug(const char *s)
{
	char	*folded = text_fold(s), *in, *out;
	bool	 dash = false;

	if (folded == NULL)
		return NULL;
	/* In place: the slug is never longer than the folded text. */
	for (in = out = folded; *in != '\0'; in++) {
		if ((*in >= 'a' && *in <= 'z') || (*in >= '0' && *in <= '9')) {
			if (dash && out != folded)
				*out++ = '-';
			*out++ = *in;
			dash = false;
		} else
			dash = true;
	}
	*out = '\0';
	return folded;
}

bool
text_contains_folded(const char *hay, const char *needle_folded)
{
	char	*folded = text_fold(hay);
	bool	 found;

	if (folded == NULL)
		return false;
	found = strstr(folded, needle_folded) != NULL;
	free(folded);
	return found;
}

/* One unit of a sort key: a letter with its marks, a number, a run of white
 * space or any other character. */
struct elem {
	enum { E_SPACE, E_SYMBOL, E_NUMBER, E_LETTER, E_OTHER } kind;
	ucs4_t		 uc;		/* lower-case base letter, or symbol */
	int		 variant;	/* 1 or 2 for ă â, ê, ô ơ, ư, đ */
	int		 tone;		/* none huyền hỏi ngã sắc nặng: 0-5 */
	bool		 upper;
	const uint8_t	*digits;	/* without leading zeros */
	size_t		 ndigits;
	size_t		 zeros;
};

/* Combining marks that make a letter of the alphabet; the tone marks in
 * tone order.  Which mark comes first in NFD varies (ậ is a, dot, hat). */
static const struct {
	ucs4_t	base;
	ucs4_t	mark;
	int	variant;
} variants[] = {
	{ 'a', 0x0306, 1 },	/* ă */
	{ 'a', 0x0302, 2 },	/* â */
	{ 'e', 0x0302, 1 },	/* ê */
	{ 'o', 0x0302, 1 },	/* ô */
	{ 'o', 0x031B, 2 },	/* ơ */
	{ 'u', 0x031B, 1 },	/* ư */
};
static const ucs4_t tones[] = { 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };

/* Marks outside Vietnamese (ü, ç, ñ) are ignored. */
static void
apply_mark(struct elem *e, ucs4_t mark)
{
	size_t	i;

	for (i = 0; i < sizeof tones / sizeof tones[0]; i++) {
		if (mark == tones[i]) {
			e->tone = (int)i + 1;
			return;
		}
	}
	for (i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		if (mark == variants[i].mark && e->uc == variants[i].base)
			e->variant = variants[i].variant;
	}
}

/* Digits go by value, so "Thôn 2" sorts before "Thôn 10"; leading zeros
 * only break ties.  Longer runs are cut in chunks to keep keys printable. */
static const uint8_t *
parse_number(const uint8_t *s, struct elem *e)
{
	e->kind = E_NUMBER;
	for (; s[0] == '0' && is_digit(s[1]); s++)
		e->zeros++;
	e->digits = s;
	for (; is_digit(*s) && e->ndigits < MAX_DIGITS; s++)
		e->ndigits++;
	return s;
}

static void
classify(ucs4_t uc, struct elem *e)
{
	ucs4_t	lower = uc_tolower(uc);

	if (uc < 0x80 && lower >= 'a' && lower <= 'z') {
		e->kind = E_LETTER;
		e->uc = lower;
	} else if (is_d_stroke(uc)) {
		e->kind = E_LETTER;
		e->uc = 'd';
		e->variant = 1;
	} else if (uc_is_alpha(uc)) {
		e->kind = E_OTHER;
		e->uc = lower;
	} else {
		e->kind = E_SYMBOL;
		e->uc = uc;
	}
	e->upper = lower != uc;
}

/* Reads the element at s of trimmed NFD text; returns the text after it, or
 * NULL at the end. */
static const uint8_t *
next_elem(const uint8_t *s, struct elem *e)
{
	const uint8_t	*next, *after;
	ucs4_t		 uc;

	if ((next = u8_next(&uc, s)) == NULL)
		return NULL;
	memset(e, 0, sizeof *e);
	if (is_digit(uc))
		return parse_number(s, e);
	if (is_space(uc)) {
		e->kind = E_SPACE;
		while ((after = u8_next(&uc, next)) != NULL && is_space(uc))
			next = after;
		return next;
	}
	classify(uc, e);
	while ((after = u8_next(&uc, next)) != NULL && is_mark(uc)) {
		if (e->kind == E_LETTER)
			apply_mark(e, uc);
		next = after;
	}
	return next;
}

static char *
put_primary(char *p, const struct elem *e)
{
	switch (e->kind) {
	case E_SPACE:
		*p++ = KEY_SPACE;
		break;
	case E_SYMBOL:
		p += sprintf(p, "%c%06X", KEY_SYMBOL, (unsigned)e->uc);
		break;
	case E_NUMBER:
		/* The length first: a longer number is a bigger one. */
		*p++ = (char)('0' + e->ndigits);
		memcpy(p, e->digits, e->ndigits);
		p += e->ndigits;
		*p++ = (char)('0' + (e->zeros < MAX_DIGITS ?
		    e->zeros : MAX_DIGITS));
		break;
	case E_LETTER:
		*p++ = (char)e->uc;
		*p++ = (char)('0' + e->variant);
		break;
	case E_OTHER:
		p += sprintf(p, "%c%06X", KEY_OTHER, (unsigned)e->uc);
		break;
	}
	return p;
}

/* Levels 1 (tone) and 2 (case) have a byte per letter: when the primary
 * levels are equal, so are the letters, and the bytes line up. */
static char *
put_elem(char *p, const struct elem *e, int level)
{
	if (level == 0)
		return put_primary(p, e);
	if (e->kind == E_LETTER || e->kind == E_OTHER)
		*p++ = (char)('0' + (level == 1 ? e->tone : e->upper));
	return p;
}

char *
text_sort_key(const char *s)
{
	struct elem	 e;
	const uint8_t	*q;
	uint8_t		*nfd;
	char		*key, *p;
	int		 level;

	if ((nfd = normalize(UNINORM_NFD, s)) == NULL)
		return NULL;
	text_trim((char *)nfd);
	key = malloc(KEY_BYTES * u8_strlen(nfd) + 3);
	if (key != NULL) {
		p = key;
		for (level = 0; level < 3; level++) {
			if (level > 0)
				*p++ = LEVEL_SEP;
			for (q = nfd; (q = next_elem(q, &e)) != NULL;)
				p = put_elem(p, &e, level);
		}
		*p = '\0';
	}
	free(nfd);
	return key;
}

static bool
is_ascii_print(uint8_t c)
{
	return c >= 0x20 && c < 0x7f;
}

/* Letters of one column that combine with nothing: printable ASCII, and
 * the Latin letters of Vietnamese and its neighbours (U+00C0-U+024F,
 * U+1E00-U+1EFF).  Between two of them a grapheme always breaks. */
static bool
is_plain_letter(ucs4_t c)
{
	return (c >= 0x20 && c < 0x7f) || (c >= 0xc0 && c <= 0x24f) ||
	    (c >= 0x1e00 && c <= 0x1eff);
}

/* The plain letter at p (its bytes in *len), or 0 when there is none. */
static ucs4_t
plain_letter_at(const uint8_t *p, const uint8_t *end, int *len)
{
	ucs4_t c;

	if (p >= end)
		return 0;
	if (*p < 0x80) {
		*len = 1;
		return is_ascii_print(*p) ? *p : 0;
	}
	*len = u8_mbtouc(&c, p, end - p);
	return is_plain_letter(c) ? c : 0;
}

int
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

int
text_width_n(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n;
	int		 w = 0, len;

	/* Reports and screens measure every cell: plain letters, nearly all
	 * of Vietnamese text, are one column each without asking
	 * libunistring; widths add up character by character, so anything
	 * else is measured on its own. */
	while (p < end) {
		if (plain_letter_at(p, end, &len) != 0) {
			w++;
		} else {
			len = u8_mblen(p, end - p);
			if (len < 1)
				len = 1;
			w += u8_width(p, len, ENCODING);
		}
		p += len;
	}
	return w;
}

/* Bytes of [s, end) that fit in cols columns, in whole graphemes. */
static size_t
fit(const uint8_t *s, const uint8_t *end, int cols)
{
	const uint8_t	*p = s, *next;
	int		 used = 0, len, after;

	while (p < end) {
		int w;

		/* A plain letter followed by another, or by nothing, is a
		 * grapheme of one column; a combining mark (never plain)
		 * after it sends it the long way. */
		if (plain_letter_at(p, end, &len) != 0 &&
		    (p + len == end || plain_letter_at(p + len, end, &after) != 0)) {
			next = p + len;
			w = 1;
		} else if ((next = u8_grapheme_next(p, end)) != NULL) {
			w = u8_width(p, next - p, ENCODING);
		} else {
			break;
		}
		if ((used += w) > cols)
			break;
		p = next;
	}
	return p - s;
}

size_t
text_fit(const char *s, int cols)
{
	const uint8_t	*u = (const uint8_t *)s;

	return fit(u, u + strlen(s), cols);
}

size_t
text_next_grapheme(const char *s, size_t at)
{
	const uint8_t	*u = (const uint8_t *)s;
	const uint8_t	*next;

	next = u8_grapheme_next(u + at, u + at + strlen(s + at));
	return next != NULL ? (size_t)(next - u) : at;
}

size_t
text_prev_grapheme(const char *s, size_t at)
{
	const uint8_t	*u = (const uint8_t *)s;
	const uint8_t	*prev;

	prev = u8_grapheme_prev(u + at, u);
	return prev != NULL ? (size_t)(prev - u) : at;
}

/* The end of the line that starts at s and holds len bytes of the paragraph
 * [s, end); *next gets the start of the next line. */
static const char *
line_end(const char *s, size_t len, const char *end, const char **next)
{
	const char	*word, *sp;

	*next = s + len;
	if (*next == end)
		return end;
	/* Break at the last space that fits or at the one right after it;
	 * spaces that indent the paragraph are not a break. */
	for (word = s; *word == ' '; word++)
		continue;
	for (sp = *next; sp > word && *sp != ' '; sp--)
		continue;
	if (sp > word) {
		for (*next = sp; **next == ' '; (*next)++)
			continue;
		while (sp[-1] == ' ')
			sp--;
		return sp;
	}
	/* A word wider than the line: cut it, but show at least a letter. */
	if (len == 0)
		*next = (const char *)u8_grapheme_next((const uint8_t *)s,
		    (const uint8_t *)end);
	return *next;
}

/* Wraps the paragraph [s, end), which holds no '\n'. */
static int
wrap_paragraph(const char *s, const char *end, int cols,
    void (*line)(const char *, size_t, void *), void *ctx)
{
	const char	*cut, *next;
	int		 n = 0;

	do {
		cut = line_end(s, fit((const uint8_t *)s,
		    (const uint8_t *)end, cols), end, &next);
		if (line != NULL)
			line(s, cut - s, ctx);
		n++;
		s = next;
	} while (s < end);
	return n;
}

int
text_wrap(const char *s, int cols,
    void (*line)(const char *start, size_t len, void *ctx), void *ctx)
{
	const char	*end;
	int		 n = 0;

	if (*s == '\0')
		return 0;
	for (;;) {
		if ((end = strchr(s, '\n')) == NULL)
			end = s + strlen(s);
		n += wrap_paragraph(s, end, cols, line, ctx);
		if (*end == '\0')
			return n;
		s = end + 1;
	}
}

char *
text_trim(char *s)
{
	const uint8_t	*start = (const uint8_t *)s, *end, *next;
	ucs4_t		 uc;

	while ((next = u8_next(&uc, start)) != NULL && is_space(uc))
		start = next;
	end = start + u8_strlen(start);
	while ((next = u8_prev(&uc, end, start)) != NULL && is_space(uc))
		end = next;
	memmove(s, start, end - start);
	s[end - start] = '\0';
	return s;
}
