/* Free-text deadlines -> due date, recurrence, milestones.
 *
 * The text is folded first (text_fold: lower case, no diacritics, đ -> d),
 * so "Quý III", "QUÝ III" and "quy iii" read alike and "hằng"/"hàng" both
 * become "hang".  It is then cut into words, number groups ("15/8/2026")
 * and punctuation, and scanned left to right: each pattern found records
 * time points or raises a flag, and the kind is decided from them at the
 * end.  Recurrence and "thường xuyên" are the strongest signals, then the
 * dates written, then conditions ("theo kế hoạch của UBND tỉnh"), then a
 * bare year ("Năm 2026").
 *
 * What looks like a date but cannot be one (quý V, tháng 13, 31/02, year
 * 0, a two-digit year, a word mangled into "Qu?") is not guessed around:
 * the whole text is left unread, with the reason (enum deadline_doubt),
 * for the user to enter the date.
 *
 * "Trước ngày X" is taken as due on X itself, like "chậm nhất ngày X": the
 * plans use both for the same kind of task, and offices count work handed
 * in on X as on time.  Taking X - 1 would turn those into late tasks. */
#include "core/plan/deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/i18n.h"
#include "core/text/text.h"

/* Points past this are ignored: a cell with more is prose, not a deadline. */
#define MAX_POINTS	32

enum token_type { TOK_WORD, TOK_NUM, TOK_PUNCT };

struct token {
	enum token_type	 type;
	const char	*s;		/* word: not NUL-terminated */
	size_t		 len;
	int		 nparts;	/* number: 1..3 parts joined by / - . */
	int		 part[3];
	int		 digits[3];
	bool		 docnum;	/* "184/KH-UBND": a document's number */
};

enum point_kind {
	PT_DAY,			/* a day: "15/8/2026" */
	PT_MONTH_END,		/* a month's last day: "tháng 9", "quý III" */
	PT_YEAR			/* a year alone: "năm 2026" */
};

struct point {
	enum point_kind	kind;
	int		year;	/* 0 until filled: not written */
	int		month;
	int		day;
	bool		start;	/* "từ X", "X đến": where a span begins */
};

struct scan {
	const struct token *tok;
	int		 n;
	struct point	 pt[MAX_POINTS];
	int		 npt;
	bool		 recurring;
	enum recurrence	 recur;
	bool		 continuous;	/* "thường xuyên" */
	bool		 conditional;	/* waits on an event */
	bool		 whole_year;	/* "trong năm", a year alone */
	enum deadline_doubt doubt;	/* the first thing not read */
};

/* ---- tokens ---------------------------------------------------------- */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Folded text has lower-case ASCII letters; other bytes of a word are
 * letters text_fold leaves alone (other scripts, symbols like "–"). */
static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

/* If p (just after a number) continues a number group, returns where the
 * next number starts and sets *sep.  Spaces are allowed around '/' only:
 * "10 - 12" and "1. 2" are not dates.  The separators of a group must be
 * the same character. */
static const char *
next_part(const char *p, char *sep)
{
	const char	*q = p;
	char		 c;

	while (*q == ' ')
		q++;
	c = *q;
	if ((c != '/' && c != '-' && c != '.') || (q != p && c != '/') ||
	    (*sep != '\0' && c != *sep))
		return NULL;
	q++;
	while (c == '/' && *q == ' ')
		q++;
	if (!is_digit(*q))
		return NULL;
	*sep = c;
	return q;
}

/* Reads a number group at p into t; returns the end of it. */
static const char *
read_number(const char *p, struct token *t)
{
	const char	*next, *first_end = p;
	char		 sep = '\0';
	int		 k;

	t->type = TOK_NUM;
	for (k = 0;; k++) {
		t->part[k] = 0;
		t->digits[k] = 0;
		for (; is_digit(*p); p++, t->digits[k]++) {
			/* Saturate: no date part has more than 4 digits. */
			if (t->part[k] < 100000)
				t->part[k] = t->part[k] * 10 + (*p - '0');
		}
		t->nparts = k + 1;
		if (k == 0)
			first_end = p;
		if (k == 2 || (next = next_part(p, &sep)) == NULL)
			break;
		p = next;
	}
	/* "10-12/2026" is months 10 to 12 of 2026, as "10 - 12/2026" is, not
	 * 10 December: a dash group that runs into a slash ends at its first
	 * number, and the dash is read as a span's. */
	if (t->nparts == 2 && sep == '-' && *p == '/') {
		t->nparts = 1;
		return first_end;
	}
	/* "184/KH-UBND": the code after the number is part of it. */
	t->docnum = (*p == '/' || *p == '-') && is_letter(p[1]);
	while (t->docnum && *p != '\0' && *p != ' ' &&
	    strchr(",;:()[]", *p) == NULL)
		p++;
	return p;
}

/* Cuts folded text s into toks (room for strlen(s) tokens); returns how
 * many.  Commas and the like are kept so that "6 tháng, 9 tháng" is not
 * read as "6 tháng 9" (6 September); other symbols are dropped. */
static int
tokenize(const char *s, struct token *toks)
{
	struct token	*t = toks;

	while (*s != '\0') {
		memset(t, 0, sizeof *t);
		t->s = s;
		if (is_digit(*s))
			s = read_number(s, t);
		else if (is_letter(*s)) {
			t->type = TOK_WORD;
			while (is_letter(*s))
				s++;
		} else if (strchr(",;:()[].!?", *s) != NULL ||
		    (*s == '-' && t > toks && t[-1].type == TOK_NUM)) {
			t->type = TOK_PUNCT;
			s++;
		} else {
			s++;
			continue;
		}
		t->len = (size_t)(s - t->s);
		t++;
	}
	return (int)(t - toks);
}

/* ---- matching helpers ------------------------------------------------ */

static const struct token *
tok_at(const struct scan *sc, int i)
{
	return i >= 0 && i < sc->n ? &sc->tok[i] : NULL;
}

/* The number of tokens of phrase (words joined by single spaces) found at
 * i, or 0. */
static int
phrase_at(const struct scan *sc, int i, const char *phrase)
{
	const struct token	*t;
	const char		*w = phrase;
	size_t			 len;
	int			 n;

	for (n = 0; *w != '\0'; n++) {
		len = strcspn(w, " ");
		t = tok_at(sc, i + n);
		if (t == NULL || t->type != TOK_WORD || t->len != len ||
		    memcmp(t->s, w, len) != 0)
			return 0;
		w += len;
		if (*w == ' ')
			w++;
	}
	return n;
}

/* The value of a lone number (no separators) at i of at most maxdigits
 * digits, or -1. */
static int
number_at(const struct scan *sc, int i, int maxdigits)
{
	const struct token *t = tok_at(sc, i);

	if (t == NULL || t->type != TOK_NUM || t->nparts != 1 ||
	    t->docnum || t->digits[0] > maxdigits)
		return -1;
	return t->part[0];
}

static bool
plausible_year(int y)
{
	return y >= 1900 && y < 2200;
}

static void
add_doubt(struct scan *sc, enum deadline_doubt d)
{
	if (sc->doubt == DOUBT_NONE)
		sc->doubt = d;
}

/* A plausible year: "2026" but not a number like "1234". */
static int
year_number_at(const struct scan *sc, int i)
{
	int	y = number_at(sc, i, 4);

	return plausible_year(y) ? y : -1;
}

/* A year written after a month or quarter: "năm 2026", "/2026" (the slash
 * is dropped by now) or nothing.  Returns the tokens read; *y is 0 when
 * there is no year. */
static int
year_after(const struct scan *sc, int i, int *y)
{
	int	k = phrase_at(sc, i, "nam");

	*y = year_number_at(sc, i + k);
	if (*y > 0)
		return k + 1;
	*y = 0;
	return 0;
}

static void
add_point(struct scan *sc, enum point_kind kind, int year, int month,
    int day)
{
	if (sc->npt < MAX_POINTS)
		sc->pt[sc->npt++] = (struct point){ kind, year, month, day,
		    false };
}

static void
add_recur(struct scan *sc, enum recurrence r)
{
	sc->recurring = true;
	/* The enum runs from the most frequent period to the least. */
	if (r != RECUR_NONE && (sc->recur == RECUR_NONE || r < sc->recur))
		sc->recur = r;
}

/* ---- patterns --------------------------------------------------------
 * Each takes the scan and a token index, and returns the number of tokens
 * it read (0: no match). */

/* "9/2026", "III/2026" once the Roman numeral is read: a month or a
 * quarter with its year in one group. */
static bool
is_pair_with_year(const struct token *t)
{
	return t != NULL && t->type == TOK_NUM && !t->docnum &&
	    t->nparts == 2 && t->digits[0] <= 2 && t->digits[1] == 4 &&
	    plausible_year(t->part[1]);
}

/* "15/8/2026", "15/8", "9/2026", "2026-08-15".  Any other group is read
 * and ignored so that its numbers are not taken one by one. */
static int
match_group(struct scan *sc, int i)
{
	const struct token *t = tok_at(sc, i);

	if (t == NULL || t->type != TOK_NUM || t->nparts < 2 || t->docnum)
		return 0;
	if (t->nparts == 3 && t->digits[0] == 4)
		add_point(sc, PT_DAY, t->part[0], t->part[1], t->part[2]);
	else if (t->nparts == 3 && t->digits[2] == 4 && t->digits[1] <= 2)
		add_point(sc, PT_DAY, t->part[2], t->part[1], t->part[0]);
	else if (is_pair_with_year(t))
		add_point(sc, PT_MONTH_END, t->part[1], t->part[0], 0);
	else if (t->nparts == 2 && t->digits[0] <= 2 && t->digits[1] <= 2)
		add_point(sc, PT_DAY, 0, t->part[1], t->part[0]);
	/* "30/7/26", "01/01/0000", "9/0000": a date whose year cannot be
	 * one (a year 0 would otherwise become the plan's). */
	if ((t->nparts == 3 && t->digits[0] <= 2 && t->digits[1] <= 2 &&
	    (t->digits[2] != 4 || !plausible_year(t->part[2]))) ||
	    (t->nparts == 3 && t->digits[0] == 4 && !plausible_year(t->part[0])) ||
	    (t->nparts == 2 && t->digits[0] <= 2 && t->digits[1] == 4 &&
	    !plausible_year(t->part[1])))
		add_doubt(sc, DOUBT_YEAR);
	return 1;
}

/* A month number with the year that may follow it: "9", "9/2026",
 * "9 năm 2026".  Sets *m and *y (0: no year); returns the tokens read. */
static int
month_at(const struct scan *sc, int i, int *m, int *y)
{
	const struct token	*t = tok_at(sc, i);
	int			 used = 1;

	*y = 0;
	if (is_pair_with_year(t)) {
		*m = t->part[0];
		*y = t->part[1];
	} else if ((*m = number_at(sc, i, 2)) >= 0)
		used += year_after(sc, i + 1, y);
	return *m >= 1 && *m <= 12 ? used : 0;
}

/* A quarter, Roman, Arabic or in words, with its year: "III/2026",
 * "3/2026", "3 năm 2026", "IV", "tư".  Sets *m to the quarter's last
 * month. */
static int
quarter_at(const struct scan *sc, int i, int *m, int *y)
{
	static const char *const names[] = {
		"i", "ii", "iii", "iv", "mot", "hai", "ba", "tu"
	};
	const struct token	*t = tok_at(sc, i);
	int			 q = -1, used = 1;
	size_t			 k;

	*y = 0;
	for (k = 0; k < sizeof names / sizeof names[0] && q < 0; k++)
		if (phrase_at(sc, i, names[k]) == 1)
			q = (int)k % 4 + 1;
	if (is_pair_with_year(t)) {
		q = t->part[0];
		*y = t->part[1];
	} else {
		if (q < 0)
			q = number_at(sc, i, 1);
		used += year_after(sc, i + 1, y);
	}
	*m = q * 3;
	return q >= 1 && q <= 4 ? used : 0;
}

/* A number followed by a unit of time is an amount, not a date. */
static bool
is_unit(const struct scan *sc, int i)
{
	static const char *const units[] = {
		"ngay", "tuan", "thang", "quy", "nam", "lan"
	};
	size_t	k;

	for (k = 0; k < sizeof units / sizeof units[0]; k++)
		if (phrase_at(sc, i, units[k]) == 1)
			return true;
	return false;
}

/* One keyword, then one value or several: "tháng 9/2026",
 * "tháng 10, 11 năm 2026", "quý III và IV", "tháng 7 đến 9". */
static int
match_series(struct scan *sc, int i, const char *keyword,
    int (*value_at)(const struct scan *, int, int *, int *))
{
	const struct token	*t;
	int			 e, c, used, m, y;
	bool			 dash;

	if (phrase_at(sc, i, keyword) != 1 ||
	    (used = value_at(sc, i + 1, &m, &y)) == 0)
		return 0;
	add_point(sc, PT_MONTH_END, y, m, 0);
	for (e = i + 1 + used;; e += c + used) {
		t = tok_at(sc, e);
		dash = t != NULL && t->type == TOK_PUNCT && *t->s == '-';
		c = t != NULL && t->type == TOK_PUNCT && (*t->s == ',' || dash);
		if (phrase_at(sc, e + c, "va") || phrase_at(sc, e + c, "den"))
			c++;
		used = value_at(sc, e + c, &m, &y);
		if (used == 0 || is_unit(sc, e + c + used))
			break;
		if (dash || phrase_at(sc, e + c - 1, "den"))
			sc->pt[sc->npt - 1].start = true;
		add_point(sc, PT_MONTH_END, y, m, 0);
	}
	return e - i;
}

static int
match_month(struct scan *sc, int i)
{
	return match_series(sc, i, "thang", month_at);
}

static int
match_quarter(struct scan *sc, int i)
{
	return match_series(sc, i, "quy", quarter_at);
}

/* "ngày 15 tháng 8 năm 2026", "15 tháng 8", "ngày 15/8/2026". */
static int
match_day(struct scan *sc, int i)
{
	int	k = phrase_at(sc, i, "ngay"), d, m, y, used;

	if (k == 1 && (used = match_group(sc, i + 1)) > 0)
		return 1 + used;
	if ((d = number_at(sc, i + k, 2)) < 1 ||
	    phrase_at(sc, i + k + 1, "thang") != 1 ||
	    (used = month_at(sc, i + k + 2, &m, &y)) == 0)
		return 0;
	add_point(sc, PT_DAY, y, m, d);
	return k + 2 + used;
}

/* "Kế hoạch số 184/KH-UBND ngày 07/7/2025": the date of a document the
 * deadline refers to, not a due date.  Read it and throw it away. */
static int
match_reference(struct scan *sc, int i)
{
	const struct token	*t = tok_at(sc, i);
	int			 comma, used, before = sc->npt;

	if (t == NULL || t->type != TOK_NUM || !t->docnum)
		return 0;
	t = tok_at(sc, i + 1);
	comma = t != NULL && t->type == TOK_PUNCT && *t->s == ',';
	if (phrase_at(sc, i + 1 + comma, "ngay") == 0 ||
	    (used = match_day(sc, i + 1 + comma)) == 0)
		return 1;
	sc->npt = before;
	return 1 + comma + used;
}

/* "6 tháng đầu năm", "9 tháng đầu năm 2026", "6 tháng cuối năm",
 * "nửa đầu năm", "cuối năm". */
static int
match_part_of_year(struct scan *sc, int i)
{
	int	n = number_at(sc, i, 2), k = 0, m = 0, y;

	if (n >= 1 && n <= 12 && phrase_at(sc, i + 1, "thang") == 1) {
		if ((k = phrase_at(sc, i + 2, "dau nam")) > 0)
			m = n;
		else if ((k = phrase_at(sc, i + 2, "cuoi nam")) > 0)
			m = 12;
		k += 2;
	} else if ((k = phrase_at(sc, i, "nua dau nam")) > 0)
		m = 6;
	else if ((k = phrase_at(sc, i, "nua cuoi nam")) > 0 ||
	    (k = phrase_at(sc, i, "cuoi nam")) > 0)
		m = 12;
	if (m == 0)
		return 0;
	k += year_after(sc, i + k, &y);
	add_point(sc, PT_MONTH_END, y, m, 0);
	return k;
}

/* "Sau 03 tháng kể từ...", "trong 15 ngày": counted from an event, so no
 * date until it happens.  Otherwise "3 tháng", "6 tháng" name a reporting
 * period ("báo cáo 6 tháng, năm"). */
static int
match_amount(struct scan *sc, int i)
{
	static const char *const before[] = {
		"sau", "trong", "vong", "nhat", "da"
	};
	static const char *const after[] = {
		"ke tu", "sau", "lam viec", "tinh tu"
	};
	static const enum recurrence months[13] = {
		[1] = RECUR_MONTHLY, [3] = RECUR_QUARTERLY,
		[6] = RECUR_HALF_YEARLY, [12] = RECUR_YEARLY
	};
	int	n = number_at(sc, i, 3);
	bool	relative = false;
	size_t	k;

	if (n < 0 || !is_unit(sc, i + 1))
		return 0;
	for (k = 0; k < sizeof before / sizeof before[0]; k++)
		relative |= phrase_at(sc, i - 1, before[k]) == 1;
	for (k = 0; k < sizeof after / sizeof after[0]; k++)
		relative |= phrase_at(sc, i + 2, after[k]) > 0;
	if (relative)
		sc->conditional = true;
	else if (phrase_at(sc, i + 1, "thang") && n <= 12 &&
	    months[n] != RECUR_NONE)
		add_recur(sc, months[n]);
	return 2;
}

enum signal { SIG_RECUR, SIG_CONTINUOUS, SIG_WHOLE_YEAR, SIG_CONDITIONAL };

static const struct phrase {
	const char	*words;
	enum signal	 signal;
	enum recurrence	 recur;
} phrases[] = {
	{ "dinh ky",		SIG_RECUR,	RECUR_NONE },
	{ "hang thang",		SIG_RECUR,	RECUR_MONTHLY },
	{ "moi thang",		SIG_RECUR,	RECUR_MONTHLY },
	{ "hang quy",		SIG_RECUR,	RECUR_QUARTERLY },
	{ "moi quy",		SIG_RECUR,	RECUR_QUARTERLY },
	{ "nua nam",		SIG_RECUR,	RECUR_HALF_YEARLY },
	{ "hang nam",		SIG_RECUR,	RECUR_YEARLY },
	{ "moi nam",		SIG_RECUR,	RECUR_YEARLY },
	/* Daily and weekly work is, at the scale of a plan, continuous. */
	{ "thuong xuyen",	SIG_CONTINUOUS,	RECUR_NONE },
	{ "lien tuc",		SIG_CONTINUOUS,	RECUR_NONE },
	{ "hang ngay",		SIG_CONTINUOUS,	RECUR_NONE },
	{ "moi ngay",		SIG_CONTINUOUS,	RECUR_NONE },
	{ "hang tuan",		SIG_CONTINUOUS,	RECUR_NONE },
	{ "moi tuan",		SIG_CONTINUOUS,	RECUR_NONE },
	{ "trong nam",		SIG_WHOLE_YEAR,	RECUR_NONE },
	{ "ca nam",		SIG_WHOLE_YEAR,	RECUR_NONE },
	{ "suot nam",		SIG_WHOLE_YEAR,	RECUR_NONE },
	/* "theo dõi" (keep an eye on) is work, not a condition. */
	{ "theo doi",		SIG_CONTINUOUS,	RECUR_NONE },
	/* "Theo kế hoạch/chỉ đạo/yêu cầu...", "khi có hướng dẫn", "sau khi",
	 * "tùy tình hình". */
	{ "theo",		SIG_CONDITIONAL, RECUR_NONE },
	{ "khi",		SIG_CONDITIONAL, RECUR_NONE },
	{ "tuy",		SIG_CONDITIONAL, RECUR_NONE },
	{ "ke tu",		SIG_CONDITIONAL, RECUR_NONE },
	{ "dot xuat",		SIG_CONDITIONAL, RECUR_NONE },
};

static int
match_phrase(struct scan *sc, int i)
{
	const struct phrase	*p;
	int			 k;

	for (p = phrases; p < phrases + sizeof phrases / sizeof phrases[0];
	    p++) {
		if ((k = phrase_at(sc, i, p->words)) == 0)
			continue;
		switch (p->signal) {
		case SIG_RECUR:
			add_recur(sc, p->recur);
			break;
		case SIG_CONTINUOUS:
			sc->continuous = true;
			break;
		case SIG_WHOLE_YEAR:
			sc->whole_year = true;
			break;
		case SIG_CONDITIONAL:
			sc->conditional = true;
			break;
		}
		return k;
	}
	return 0;
}

/* "năm 2026", or a year alone. */
static int
match_year(struct scan *sc, int i)
{
	int	k = phrase_at(sc, i, "nam"), y = year_number_at(sc, i + k);

	if (y < 1)
		return 0;
	add_point(sc, PT_YEAR, y, 0, 0);
	sc->whole_year = true;
	return k + 1;
}

/* A lone number, or a month or quarter with its year ("13/2026"), as
 * written after "tháng" or "quý"; -1 when t is neither. */
static int
written_value(const struct scan *sc, int i)
{
	const struct token *t = tok_at(sc, i);

	if (t == NULL || t->type != TOK_NUM || t->docnum || t->digits[0] > 2 ||
	    (t->nparts == 2 && t->digits[1] != 4) || t->nparts > 2)
		return -1;
	return t->part[0];
}

/* A word of Roman numerals ("v", "iii"), as a quarter is written. */
static bool
roman_word(const struct token *t)
{
	return t != NULL && t->type == TOK_WORD && t->len <= 4 &&
	    strspn(t->s, "ivx") >= t->len;
}

/* Token i, which no pattern read: what it says that cannot be read.
 * "quý" or "tháng" followed by a number no pattern took is a quarter or
 * a month out of range; a quarter's numeral standing alone lost its
 * "quý" on the way ("Qu? III"). */
static void
check_unread(struct scan *sc, int i)
{
	static const char *const numerals[] = { "i", "ii", "iii", "iv" };
	const struct token *next = tok_at(sc, i + 1);
	int v;

	if (phrase_at(sc, i, "quy") == 1 && (roman_word(next) ||
	    ((v = written_value(sc, i + 1)) >= 0 && !is_unit(sc, i + 2))))
		add_doubt(sc, DOUBT_QUARTER);
	else if (phrase_at(sc, i, "thang") == 1 && (v = written_value(sc, i + 1)) >= 0 &&
	    (v < 1 || v > 12) && !is_unit(sc, i + 2))
		add_doubt(sc, DOUBT_MONTH);
	for (size_t k = 0; k < sizeof numerals / sizeof numerals[0]; k++)
		if (phrase_at(sc, i, numerals[k]) == 1)
			add_doubt(sc, DOUBT_WORD);
}

static void
scan_tokens(struct scan *sc)
{
	static int (*const match[])(struct scan *, int) = {
		match_reference, match_day, match_group, match_month,
		match_quarter, match_part_of_year, match_amount, match_phrase,
		match_year
	};
	size_t	k;
	int	i, used, before;

	for (i = 0; i < sc->n; i += used > 0 ? used : 1) {
		before = sc->npt;
		used = 0;
		for (k = 0; k < sizeof match / sizeof match[0] && used == 0;
		    k++)
			used = match[k](sc, i);
		if (used == 0)
			check_unread(sc, i);
		if (sc->npt == before || (phrase_at(sc, i - 1, "tu") == 0 &&
		    phrase_at(sc, i + used, "den") == 0))
			continue;
		/* Only a start: "từ tháng 7" alone reads as "the rest of the
		 * year". */
		for (; before < sc->npt; before++)
			sc->pt[before].start = true;
		sc->whole_year = true;
	}
}

/* ---- deciding -------------------------------------------------------- */

/* A point without a year takes the last year written before it, else the
 * first written after it ("tháng 10, 11/2026"), else the plan's. */
static void
fill_years(struct scan *sc, int plan_year)
{
	int	i, j, last = 0;

	for (i = 0; i < sc->npt; i++) {
		if (sc->pt[i].year != 0) {
			last = sc->pt[i].year;
			continue;
		}
		for (j = i + 1; last == 0 && j < sc->npt; j++)
			last = sc->pt[j].year;
		sc->pt[i].year = last != 0 ? last : plan_year;
	}
}

static int
cmp_dates(const void *a, const void *b)
{
	return date_cmp(*(const struct date *)a, *(const struct date *)b);
}

/* The due dates written, sorted, without repeats or impossible days
 * (31/02).  Returns how many. */
static int
due_dates(struct scan *sc, struct date *out)
{
	const struct point	*p;
	struct date		 d;
	int			 i, n = 0;

	for (i = 0; i < sc->npt; i++) {
		p = &sc->pt[i];
		if (p->start || p->kind == PT_YEAR)
			continue;
		d.year = p->year;
		d.month = p->month;
		d.day = p->kind == PT_MONTH_END ?
		    date_days_in_month(p->year, p->month) : p->day;
		if (date_valid(d.year, d.month, d.day))
			out[n++] = d;
		else
			add_doubt(sc, d.month < 1 || d.month > 12 ? DOUBT_MONTH : DOUBT_DAY);
	}
	qsort(out, (size_t)n, sizeof *out, cmp_dates);
	for (i = 1; i < n; i++) {
		if (date_cmp(out[i - 1], out[i]) == 0) {
			memmove(&out[i], &out[i + 1],
			    (size_t)(n - i - 1) * sizeof *out);
			n--;
			i--;
		}
	}
	return n;
}

/* 31/12 of the latest year written, else of the plan's year.  Called
 * before fill_years(). */
static struct date
year_end(const struct scan *sc, int plan_year)
{
	struct date	d = { 0, 12, 31 };
	int		i;

	for (i = 0; i < sc->npt; i++)
		if (sc->pt[i].year > d.year)
			d.year = sc->pt[i].year;
	if (d.year == 0)
		d.year = plan_year;
	return d;
}

static enum deadline_kind
decide_kind(const struct scan *sc, int ndates)
{
	if (sc->recurring)
		return DEADLINE_RECURRING;
	if (sc->continuous)
		return DEADLINE_CONTINUOUS;
	if (ndates > 1)
		return DEADLINE_MILESTONES;
	if (ndates == 1)
		return DEADLINE_DATE;
	if (sc->conditional)
		return DEADLINE_CONDITIONAL;
	if (sc->whole_year)
		return DEADLINE_CONTINUOUS;
	return DEADLINE_UNKNOWN;
}

static void
decide(struct scan *sc, int plan_year, struct deadline *out)
{
	struct date	dates[MAX_POINTS], end = year_end(sc, plan_year);
	int		n;

	fill_years(sc, plan_year);
	n = due_dates(sc, dates);
	if (sc->doubt != DOUBT_NONE) {
		out->doubt = sc->doubt;
		return;
	}
	out->kind = decide_kind(sc, n);
	out->recur = sc->recur;
	if (n > 1) {
		out->n_milestones = n < DEADLINE_MAX_MILESTONES ? n :
		    DEADLINE_MAX_MILESTONES;
		memcpy(out->milestones, dates,
		    (size_t)out->n_milestones * sizeof *dates);
	}
	if (n > 0)
		out->due = dates[n - 1];
	else if ((out->kind == DEADLINE_RECURRING ||
	    out->kind == DEADLINE_CONTINUOUS) &&
	    date_valid(end.year, end.month, end.day))
		out->due = end;
}

bool
deadline_parse(const char *text, int plan_year, struct deadline *out)
{
	struct scan	 sc;
	struct token	*toks;
	char		*folded, *q;

	memset(out, 0, sizeof *out);
	out->kind = DEADLINE_UNKNOWN;
	if (text == NULL || (folded = text_fold(text)) == NULL)
		return false;
	toks = malloc((strlen(folded) + 1) * sizeof *toks);
	if (toks == NULL) {
		free(folded);
		return false;
	}
	memset(&sc, 0, sizeof sc);
	/* A '?' inside the text, or U+FFFD, stands for a letter lost to a
	 * wrong encoding; a deadline asks no question. */
	if (strstr(folded, "\xef\xbf\xbd") != NULL ||
	    ((q = strchr(folded, '?')) != NULL && q[strspn(q, "?.!) ")] != '\0'))
		add_doubt(&sc, DOUBT_WORD);
	sc.tok = toks;
	sc.n = tokenize(folded, toks);
	scan_tokens(&sc);
	decide(&sc, plan_year, out);
	free(toks);
	free(folded);
	return true;
}

const char *
deadline_doubt_text(const struct deadline *d)
{
	switch (d->doubt) {
	case DOUBT_QUARTER:
		return _("a quarter outside I-IV");
	case DOUBT_MONTH:
		return _("a month outside 1-12");
	case DOUBT_DAY:
		return _("a day that does not exist");
	case DOUBT_YEAR:
		return _("no usable year");
	case DOUBT_WORD:
		return _("a word that cannot be read");
	default:
		return "";
	}
}

bool
deadline_outside_warning(const char *text, int year_from, int year_to, char *buf, size_t n)
{
	struct deadline d;
	char years[32];

	if (year_to < year_from || !deadline_parse(text, year_from, &d) ||
	    !deadline_outside(&d, year_from, year_to))
		return false;
	if (year_from == year_to)
		snprintf(years, sizeof years, "%d", year_from);
	else
		snprintf(years, sizeof years, "%d–%d", year_from, year_to);
	snprintf(buf, n, _("the deadline \"%s\" falls outside the plan's years (%s)"), text, years);
	return true;
}

bool
deadline_outside(const struct deadline *d, int year_from, int year_to)
{
	if (d->due.year != 0 && (d->due.year < year_from || d->due.year > year_to))
		return true;
	for (int i = 0; i < d->n_milestones; i++)
		if (d->milestones[i].year < year_from || d->milestones[i].year > year_to)
			return true;
	return false;
}

static const char *
recurrence_label(enum recurrence r)
{
	switch (r) {
	case RECUR_MONTHLY:
		return _("monthly");
	case RECUR_QUARTERLY:
		return _("quarterly");
	case RECUR_HALF_YEARLY:
		return _("half-yearly");
	case RECUR_YEARLY:
		return _("yearly");
	default:
		return _("periodic");
	}
}

void
deadline_describe(const struct deadline *d, char *buf, size_t n)
{
	char due[11];

	date_format_vn(d->due, due);
	switch (d->kind) {
	case DEADLINE_DATE:
		snprintf(buf, n, "→ %s", due);
		break;
	case DEADLINE_CONTINUOUS:
		snprintf(buf, n, _("→ all year (%s)"), due);
		break;
	case DEADLINE_RECURRING:
		snprintf(buf, n, "→ %s (%s)", recurrence_label(d->recur), due);
		break;
	case DEADLINE_MILESTONES: {
		size_t len;

		snprintf(buf, n, _("→ %d milestones:"), d->n_milestones);
		for (int i = 0; i < d->n_milestones && (len = strlen(buf)) + 12 < n; i++) {
			date_format_vn(d->milestones[i], due);
			snprintf(buf + len, n - len, " %s", due);
		}
		break;
	}
	case DEADLINE_CONDITIONAL:
		snprintf(buf, n, "%s", _("→ not fixed yet: enter the date by hand"));
		break;
	default:
		if (d->doubt != DOUBT_NONE)
			snprintf(buf, n, _("→ not read (%s): enter the date"), deadline_doubt_text(d));
		else
			snprintf(buf, n, "%s", _("→ not understood: enter the date by hand"));
		break;
	}
}
