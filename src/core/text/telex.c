/* Telex and VNI.  A word is decoded into letters (base letter, mark, case)
 * and one tone for the whole word; the key edits that; the result is encoded
 * again with the tone placed by the spelling rules.  Whether a word is
 * Vietnamese is decided by its shape: initial consonant, vowel group, final
 * consonant, each from the short lists below.  A word still being typed may
 * lack marks its vowel group will get ("tie" before "tiê"), so a group
 * matches when every mark it has is the one the listed group has. */
#include "telex.h"

#include <stdint.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

/* Longer runs of letters are not Vietnamese words. */
#define WORD_MAX	32

enum mark { M_NONE, M_HAT, M_BREVE, M_HORN, M_STROKE };
#define BIT(m)		(1u << (m))
#define VOWEL_MARKS	(BIT(M_HAT) | BIT(M_BREVE) | BIT(M_HORN))

/* In the order of the Telex keys s f r x j and the VNI keys 1 2 3 4 5. */
enum tone { T_NONE, T_SAC, T_HUYEN, T_HOI, T_NGA, T_NANG };

struct letter {
	char		 base;	/* lower-case ASCII letter, or a digit */
	unsigned char	 mark;
	bool		 upper;
};

struct word {
	struct letter	 l[WORD_MAX];
	size_t		 n;
	int		 tone;	/* one per word; placed when encoding */
};

/* The parts of a syllable: initial l[0, v), vowels l[v, f), final l[f, n). */
struct parts {
	size_t		 v, f;
	bool		 ok;	/* a Vietnamese syllable or the start of one */
};

enum action { K_LETTER, K_TONE, K_UNTONE, K_MARK, K_STROKE };

struct key {
	enum action	 act;
	int		 tone;	/* K_TONE */
	char		 base;	/* K_MARK: the only vowel it marks, or 0 */
	unsigned	 marks;	/* K_MARK: BIT()s of the marks it gives */
	bool		 alone;	/* K_MARK: makes ư with no vowel (Telex w) */
};

enum result { R_NONE, R_APPLIED, R_UNDONE };

/* The 12 vowels with each tone, lower and upper case, all precomposed. */
static const struct vowel {
	char		 base;
	unsigned char	 mark;
	const char	*lower[6];
	const char	*upper[6];
} vowels[] = {
	{ 'a', M_NONE,  { "a", "á", "à", "ả", "ã", "ạ" },
	    { "A", "Á", "À", "Ả", "Ã", "Ạ" } },
	{ 'a', M_BREVE, { "ă", "ắ", "ằ", "ẳ", "ẵ", "ặ" },
	    { "Ă", "Ắ", "Ằ", "Ẳ", "Ẵ", "Ặ" } },
	{ 'a', M_HAT,   { "â", "ấ", "ầ", "ẩ", "ẫ", "ậ" },
	    { "Â", "Ấ", "Ầ", "Ẩ", "Ẫ", "Ậ" } },
	{ 'e', M_NONE,  { "e", "é", "è", "ẻ", "ẽ", "ẹ" },
	    { "E", "É", "È", "Ẻ", "Ẽ", "Ẹ" } },
	{ 'e', M_HAT,   { "ê", "ế", "ề", "ể", "ễ", "ệ" },
	    { "Ê", "Ế", "Ề", "Ể", "Ễ", "Ệ" } },
	{ 'i', M_NONE,  { "i", "í", "ì", "ỉ", "ĩ", "ị" },
	    { "I", "Í", "Ì", "Ỉ", "Ĩ", "Ị" } },
	{ 'o', M_NONE,  { "o", "ó", "ò", "ỏ", "õ", "ọ" },
	    { "O", "Ó", "Ò", "Ỏ", "Õ", "Ọ" } },
	{ 'o', M_HAT,   { "ô", "ố", "ồ", "ổ", "ỗ", "ộ" },
	    { "Ô", "Ố", "Ồ", "Ổ", "Ỗ", "Ộ" } },
	{ 'o', M_HORN,  { "ơ", "ớ", "ờ", "ở", "ỡ", "ợ" },
	    { "Ơ", "Ớ", "Ờ", "Ở", "Ỡ", "Ợ" } },
	{ 'u', M_NONE,  { "u", "ú", "ù", "ủ", "ũ", "ụ" },
	    { "U", "Ú", "Ù", "Ủ", "Ũ", "Ụ" } },
	{ 'u', M_HORN,  { "ư", "ứ", "ừ", "ử", "ữ", "ự" },
	    { "Ư", "Ứ", "Ừ", "Ử", "Ữ", "Ự" } },
	{ 'y', M_NONE,  { "y", "ý", "ỳ", "ỷ", "ỹ", "ỵ" },
	    { "Y", "Ý", "Ỳ", "Ỷ", "Ỹ", "Ỵ" } },
};

static const char *const initials[] = {
	"b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
	"ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
};

static const char *const finals[] = {
	"c", "ch", "m", "n", "ng", "nh", "p", "t",
};

/* Vowel groups, and whether a final consonant may follow. */
static const struct group {
	const char	*s;
	bool		 final;
} groups[] = {
	{ "a", true }, { "ă", true }, { "â", true }, { "e", true },
	{ "ê", true }, { "i", true }, { "o", true }, { "ô", true },
	{ "ơ", true }, { "u", true }, { "ư", true }, { "y", true },
	{ "ai", false }, { "ao", false }, { "au", false }, { "ay", false },
	{ "âu", false }, { "ây", false }, { "eo", false }, { "êu", false },
	{ "ia", false }, { "iê", true }, { "iu", false }, { "oa", true },
	{ "oă", true }, { "oe", true }, { "oi", false }, { "ôi", false },
	{ "ơi", false }, { "oo", true }, { "ua", false }, { "uâ", true },
	{ "uê", true }, { "ui", false }, { "uô", true }, { "uơ", false },
	{ "uy", true }, { "ưa", false }, { "ưi", false }, { "ươ", true },
	{ "ưu", false }, { "yê", true },
	{ "iêu", false }, { "oai", false }, { "oao", false }, { "oay", false },
	{ "oeo", false }, { "uây", false }, { "uôi", false }, { "uya", false },
	{ "uyê", true }, { "uyu", false }, { "ươi", false }, { "ươu", false },
	{ "yêu", false },
};

/* ASCII only: keys and plain letters must not depend on the locale. */
static bool
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static char
to_lower(int c)
{
	return is_upper(c) ? (char)(c - 'A' + 'a') : (char)c;
}

static char
to_upper(int c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : (char)c;
}

static bool
is_vowel(char c)
{
	return c != '\0' && strchr("aeiouy", c) != NULL;
}

/* strlen(prefix) when s starts with it, else 0. */
static size_t
starts(const char *s, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 ? n : 0;
}

/* Reads one letter at s; returns its length in bytes, 0 when s does not
 * start with a letter the engine knows. */
static size_t
decode_letter(const char *s, struct letter *c, int *tone)
{
	unsigned char	 ch = (unsigned char)*s;
	size_t		 i, t, len;
	int		 up;

	*tone = T_NONE;
	if (is_alpha(ch) || is_digit(ch)) {
		*c = (struct letter){ to_lower(ch), M_NONE, is_upper(ch) };
		return 1;
	}
	for (up = 0; up < 2; up++)
		if ((len = starts(s, up ? "Đ" : "đ")) != 0) {
			*c = (struct letter){ 'd', M_STROKE, up };
			return len;
		}
	for (i = 0; i < nitems(vowels); i++)
		for (t = 0; t < 6; t++)
			for (up = 0; up < 2; up++)
				if ((len = starts(s, up ? vowels[i].upper[t] :
				    vowels[i].lower[t])) != 0) {
					*c = (struct letter){ vowels[i].base,
					    vowels[i].mark, up };
					*tone = (int)t;
					return len;
				}
	return 0;
}

/* False for text that is not letters (and digits) alone, that has two
 * tones, or that is too long; one letter of room is left for the key. */
static bool
decode(const char *s, struct word *w)
{
	struct letter	 c;
	size_t		 len;
	int		 tone;

	w->n = 0;
	w->tone = T_NONE;
	while (*s != '\0') {
		if (w->n == WORD_MAX - 1 ||
		    (len = decode_letter(s, &c, &tone)) == 0)
			return false;
		if (tone != T_NONE) {
			if (w->tone != T_NONE)
				return false;
			w->tone = tone;
		}
		w->l[w->n++] = c;
		s += len;
	}
	return true;
}

/* True when l[0, n) spells s with no marks. */
static bool
spells(const struct letter *l, size_t n, const char *s)
{
	size_t	 i;

	if (strlen(s) != n)
		return false;
	for (i = 0; i < n; i++)
		if (l[i].base != s[i] || l[i].mark != M_NONE)
			return false;
	return true;
}

static bool
spells_one_of(const struct letter *l, size_t n, const char *const *list,
    size_t count)
{
	size_t	 i;

	for (i = 0; i < count; i++)
		if (spells(l, n, list[i]))
			return true;
	return false;
}

/* The initial: the letters before the first vowel, except that the u of qu
 * and the i of gi belong to it when another vowel follows (quả, giữ, but
 * gì). */
static size_t
initial_length(const struct word *w)
{
	const struct letter	*l = w->l;
	size_t			 i;

	if (w->n >= 3 && is_vowel(l[2].base) && l[1].mark == M_NONE &&
	    ((l[0].base == 'q' && l[1].base == 'u') ||
	    (l[0].base == 'g' && l[1].base == 'i')))
		return 2;
	for (i = 0; i < w->n && !is_vowel(l[i].base); i++)
		continue;
	return i;
}

static bool
initial_ok(const struct word *w, size_t v)
{
	const struct letter	*l = w->l;

	if (v == 0)
		return true;
	if (l[0].mark == M_STROKE)
		return v == 1;
	/* q only before u: a lone q is still being typed. */
	if (spells(l, v, "q"))
		return w->n == 1 || (l[1].base == 'u' && l[1].mark == M_NONE);
	return spells_one_of(l, v, initials, nitems(initials));
}

static bool
group_ok(const struct letter *g, size_t n, bool final)
{
	struct word	 e;
	size_t		 i, k;

	for (i = 0; i < nitems(groups); i++) {
		if ((final && !groups[i].final) || !decode(groups[i].s, &e) ||
		    e.n != n)
			continue;
		for (k = 0; k < n; k++)
			if (e.l[k].base != g[k].base ||
			    (g[k].mark != M_NONE && g[k].mark != e.l[k].mark))
				break;
		if (k == n)
			return true;
	}
	return false;
}

static struct parts
parse(const struct word *w)
{
	const struct letter	*l = w->l;
	struct parts		 p;
	size_t			 nf;

	p.v = initial_length(w);
	for (p.f = p.v; p.f < w->n && is_vowel(l[p.f].base); p.f++)
		continue;
	nf = w->n - p.f;
	if (!initial_ok(w, p.v))
		p.ok = false;
	else if (p.f == p.v)
		p.ok = nf == 0;
	else
		p.ok = group_ok(l + p.v, p.f - p.v, nf > 0) &&
		    (nf == 0 || spells_one_of(l + p.f, nf, finals,
		    nitems(finals))) &&
		    /* After c, ch, p, t only sắc and nặng. */
		    (nf == 0 || strchr("cpt", l[p.f].base) == NULL ||
		    w->tone == T_NONE || w->tone == T_SAC ||
		    w->tone == T_NANG);
	return p;
}

static bool
is_pair(const struct letter *l, char a, char b)
{
	return l[0].base == a && l[1].base == b;
}

/* Which letter carries the tone. */
static size_t
tone_position(const struct word *w, const struct parts *p,
    enum tone_style style)
{
	const struct letter	*g = w->l + p->v;
	size_t			 nv = p->f - p->v, i;

	if (nv <= 1)
		return p->v;
	for (i = nv; i-- > 0;)
		if (BIT(g[i].mark) & VOWEL_MARKS)
			return p->v + i;
	if (nv >= 3 || p->f < w->n)
		return p->v + 1;
	if (style == TONE_NEW && (is_pair(g, 'o', 'a') ||
	    is_pair(g, 'o', 'e') || is_pair(g, 'u', 'y')))
		return p->v + 1;
	return p->v;
}

/* uơ and ưo become ươ once a letter follows (thuở but người). */
static void
normalise(struct word *w)
{
	struct parts	 p = parse(w);
	struct letter	*u, *o;
	size_t		 i;

	for (i = p.v; i + 1 < p.f && i + 2 < w->n; i++) {
		u = &w->l[i];
		o = &w->l[i + 1];
		if (is_pair(u, 'u', 'o') &&
		    ((u->mark == M_NONE && o->mark == M_HORN) ||
		    (u->mark == M_HORN && o->mark == M_NONE)))
			u->mark = o->mark = M_HORN;
	}
}

/* Normalises w and tells whether it is (the start of) a syllable. */
static bool
settle(struct word *w)
{
	normalise(w);
	return parse(w).ok;
}

/* decode() leaves room for the one letter a key adds. */
static void
append(struct word *w, char key)
{
	w->l[w->n++] = (struct letter){ to_lower(key), M_NONE, is_upper(key) };
}

/* The mark key k gives to a vowel with this base, M_NONE if none. */
static unsigned char
mark_for(char base, const struct key *k)
{
	if (k->base != '\0' && k->base != base)
		return M_NONE;
	switch (base) {
	case 'a':
		if (k->marks & BIT(M_HAT))
			return M_HAT;
		return k->marks & BIT(M_BREVE) ? M_BREVE : M_NONE;
	case 'e':
		return k->marks & BIT(M_HAT) ? M_HAT : M_NONE;
	case 'o':
		if (k->marks & BIT(M_HAT))
			return M_HAT;
		return k->marks & BIT(M_HORN) ? M_HORN : M_NONE;
	case 'u':
		return k->marks & BIT(M_HORN) ? M_HORN : M_NONE;
	default:
		return M_NONE;
	}
}

/* Takes back the marks key k gave: "â" + a -> "aa", "ươ" + w -> "uow".  An
 * ư at the end of a word, alone, came from a lone w: "ư" + w -> "w". */
static enum result
unmark(struct word *w, const struct parts *p, const struct key *k, char key)
{
	struct letter	*g = w->l + p->v;
	size_t		 nv = p->f - p->v, i;
	bool		 found = false, lone;

	lone = k->alone && nv == 1 && p->f == w->n && g[0].base == 'u' &&
	    g[0].mark == M_HORN && w->tone == T_NONE;
	for (i = 0; i < nv; i++)
		if ((BIT(g[i].mark) & k->marks) &&
		    (k->base == '\0' || g[i].base == k->base)) {
			g[i].mark = M_NONE;
			found = true;
		}
	if (!found)
		return R_NONE;
	if (lone)
		w->n--;
	append(w, key);
	return R_UNDONE;
}

/* Mark keys: Telex aa ee oo aw ow uw w, VNI 6 7 8.  The vowel marked is the
 * last one the mark fits that leaves a possible syllable. */
static enum result
mark(struct word *w, const struct parts *p, const struct key *k, char key)
{
	struct word	 t;
	size_t		 i;

	/* uo takes both horns (uơ at the end of a word: thuở); ưo the one
	 * missing. */
	if (k->marks & BIT(M_HORN))
		for (i = p->v; i + 1 < p->f; i++) {
			if (!is_pair(&w->l[i], 'u', 'o') ||
			    w->l[i + 1].mark == M_HORN)
				continue;
			t = *w;
			t.l[i + 1].mark = M_HORN;
			if (i + 2 < t.n)
				t.l[i].mark = M_HORN;
			if (settle(&t)) {
				*w = t;
				return R_APPLIED;
			}
		}
	if (unmark(w, p, k, key) == R_UNDONE)
		return R_UNDONE;
	for (i = p->f; i-- > p->v;) {
		t = *w;
		if ((t.l[i].mark = mark_for(t.l[i].base, k)) != M_NONE &&
		    settle(&t)) {
			*w = t;
			return R_APPLIED;
		}
	}
	if (k->alone && p->f == p->v) {
		t = *w;
		t.l[t.n++] = (struct letter){ 'u', M_HORN, is_upper(key) };
		if (settle(&t)) {
			*w = t;
			return R_APPLIED;
		}
	}
	return R_NONE;
}

/* Tone keys; the same tone again takes it back: "á" + s -> "as". */
static enum result
set_tone(struct word *w, const struct parts *p, int tone, char key)
{
	struct word	 t;

	if (p->f == p->v)
		return R_NONE;
	if (w->tone == tone) {
		w->tone = T_NONE;
		append(w, key);
		return R_UNDONE;
	}
	t = *w;
	t.tone = tone;
	if (!parse(&t).ok)
		return R_NONE;
	*w = t;
	return R_APPLIED;
}

/* dd, d9: the initial d, or in a word with no vowel (an abbreviation such as
 * HĐND) the d just typed, unless it follows another d. */
static enum result
stroke(struct word *w, const struct parts *p, char key)
{
	struct letter	*d;

	if (p->f > p->v) {
		if (!p->ok)
			return R_NONE;
		d = &w->l[0];
	} else {
		if (w->n == 0 || (w->n >= 2 && w->l[w->n - 2].base == 'd'))
			return R_NONE;
		d = &w->l[w->n - 1];
	}
	if (d->base != 'd')
		return R_NONE;
	if (d->mark == M_STROKE) {
		d->mark = M_NONE;
		append(w, key);
		return R_UNDONE;
	}
	d->mark = M_STROKE;
	return R_APPLIED;
}

static enum result
edit(struct word *w, const struct parts *p, const struct key *k, char key)
{
	if (k->act == K_STROKE)
		return stroke(w, p, key);
	if (!p->ok)
		return R_NONE;
	switch (k->act) {
	case K_TONE:
		return set_tone(w, p, k->tone, key);
	case K_UNTONE:
		if (w->tone == T_NONE)
			return R_NONE;
		w->tone = T_NONE;
		return R_APPLIED;
	case K_MARK:
		return mark(w, p, k, key);
	default:
		return R_NONE;
	}
}

/* False for keys the engine never looks at. */
static bool
classify(enum telex_mode mode, char key, struct key *k)
{
	static const char	 tones[] = "sfrxj";
	const char		*t;
	char			 c = to_lower((unsigned char)key);

	*k = (struct key){ K_LETTER, T_NONE, '\0', 0, false };
	if (mode == INPUT_TELEX && is_alpha(c)) {
		if ((t = strchr(tones, c)) != NULL)
			*k = (struct key){ K_TONE, (int)(t - tones) + 1,
			    '\0', 0, false };
		else if (c == 'z')
			k->act = K_UNTONE;
		else if (c == 'a' || c == 'e' || c == 'o')
			*k = (struct key){ K_MARK, T_NONE, c, BIT(M_HAT),
			    false };
		else if (c == 'w')
			*k = (struct key){ K_MARK, T_NONE, '\0',
			    BIT(M_HORN) | BIT(M_BREVE), true };
		else if (c == 'd')
			k->act = K_STROKE;
		return true;
	}
	if (mode != INPUT_VNI)
		return false;
	if (is_alpha(c))
		return true;
	switch (c) {
	case '0':
		k->act = K_UNTONE;
		return true;
	case '1': case '2': case '3': case '4': case '5':
		k->act = K_TONE;
		k->tone = c - '0';
		return true;
	case '6':
		*k = (struct key){ K_MARK, T_NONE, '\0', BIT(M_HAT), false };
		return true;
	case '7':
		*k = (struct key){ K_MARK, T_NONE, '\0', BIT(M_HORN), false };
		return true;
	case '8':
		*k = (struct key){ K_MARK, T_NONE, '\0', BIT(M_BREVE), false };
		return true;
	case '9':
		k->act = K_STROKE;
		return true;
	default:
		return false;
	}
}

/* Output into a fixed buffer; len keeps counting past its end so that an
 * overflow shows. */
struct out {
	char	*p;
	size_t	 len, cap;
};

static void
put(struct out *o, const char *s)
{
	size_t	 n = strlen(s);

	if (o->len + n < o->cap)
		memcpy(o->p + o->len, s, n);
	o->len += n;
}

static void
put_char(struct out *o, char c)
{
	char	 s[2] = { c, '\0' };

	put(o, s);
}

static void
encode_letter(struct out *o, struct letter c, int tone)
{
	size_t	 i;

	if (c.mark == M_STROKE) {
		put(o, c.upper ? "Đ" : "đ");
		return;
	}
	for (i = 0; i < nitems(vowels); i++)
		if (vowels[i].base == c.base && vowels[i].mark == c.mark) {
			put(o, c.upper ? vowels[i].upper[tone] :
			    vowels[i].lower[tone]);
			return;
		}
	put_char(o, c.upper ? to_upper(c.base) : c.base);
}

static void
encode(struct out *o, const struct word *w, enum tone_style style)
{
	struct parts	 p = parse(w);
	size_t		 at = tone_position(w, &p, style), i;

	for (i = 0; i < w->n; i++)
		encode_letter(o, w->l[i], i == at ? w->tone : T_NONE);
}

static bool
has_marks(const struct word *w)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		if (BIT(w->l[i].mark) & VOWEL_MARKS)
			return true;
	return w->tone != T_NONE;
}

/* The keys that type w, marks after their letter and the tone last, then
 * the key: "đường" + k -> "dduowngfk" / "d9uo7ng2k".  A lone ư gives w back,
 * the way it is typed in words that are not Vietnamese ("windows").  Keys
 * that are not the letter itself are capitals only when all is in capitals
 * ("Ẽ" + c -> "Exc", "Ú" + B -> "USB"). */
static void
restore(struct out *o, const struct word *w, enum telex_mode mode, char key)
{
	static const char	 telex_tones[] = "sfrxj";
	const struct letter	*c;
	size_t			 i;
	bool			 telex = mode == INPUT_TELEX;
	bool			 caps = w->n > 1 || is_upper(key);
	char			 base, mk = '\0';

	for (i = 0; i < w->n; i++)
		caps = caps && w->l[i].upper;

	for (i = 0; i < w->n; i++) {
		c = &w->l[i];
		base = c->upper ? to_upper(c->base) : c->base;
		switch (c->mark) {
		case M_HAT:
			mk = telex ? base : '6';
			break;
		case M_BREVE:
			mk = telex ? 'w' : '8';
			break;
		case M_HORN:
			/* The horns of ươ come from one key, after the o. */
			if (c->base == 'u' && i + 1 < w->n &&
			    w->l[i + 1].base == 'o' &&
			    w->l[i + 1].mark == M_HORN)
				mk = '\0';
			else if (telex && c->base == 'u')
				base = '\0', mk = c->upper ? 'W' : 'w';
			else
				mk = telex ? 'w' : '7';
			break;
		case M_STROKE:
			mk = telex ? base : '9';
			break;
		default:
			mk = '\0';
		}
		if (base != '\0')
			put_char(o, base);
		if (mk != '\0')
			put_char(o, caps ? to_upper(mk) : mk);
	}
	if (w->tone != T_NONE)
		put_char(o, !telex ? (char)('0' + w->tone) :
		    caps ? to_upper(telex_tones[w->tone - 1]) :
		    telex_tones[w->tone - 1]);
	put_char(o, key);
}

bool
telex_apply(enum telex_mode mode, enum tone_style style, const char *word,
    char key, char *out, size_t outsz)
{
	char		 buf[TELEX_OUT_MAX];
	struct out	 o = { buf, 0, sizeof(buf) };
	struct key	 k;
	struct word	 w, r;
	struct parts	 p;
	size_t		 wl;

	if (mode == INPUT_OFF || !classify(mode, key, &k) ||
	    !decode(word, &w))
		return false;
	p = parse(&w);
	r = w;
	if (edit(&r, &p, &k, key) != R_NONE)
		encode(&o, &r, style);
	else if (!p.ok || !is_alpha(key))
		return false;
	else {
		append(&r, key);
		if (settle(&r))
			encode(&o, &r, style);
		else if (has_marks(&w)) {
			/* No longer Vietnamese: give the keys back. */
			restore(&o, &w, mode, key);
		} else
			return false;
	}
	if (o.len >= o.cap || o.len >= outsz)
		return false;
	buf[o.len] = '\0';
	wl = strlen(word);
	if (o.len == wl + 1 && memcmp(buf, word, wl) == 0 && buf[wl] == key)
		return false;
	memcpy(out, buf, o.len + 1);
	return true;
}

static bool
word_char(enum telex_mode mode, ucs4_t uc)
{
	if (mode == INPUT_VNI && uc >= '0' && uc <= '9')
		return true;
	return uc_is_alpha(uc) || uc_is_general_category(uc, UC_CATEGORY_M);
}

size_t
telex_word_start(enum telex_mode mode, const char *line, size_t cursor)
{
	const uint8_t	*start = (const uint8_t *)line;
	const uint8_t	*s = start + cursor, *prev;
	ucs4_t		 uc;

	while ((prev = u8_prev(&uc, s, start)) != NULL && word_char(mode, uc))
		s = prev;
	return (size_t)(s - start);
}
