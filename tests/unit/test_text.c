/* Unit tests for src/core/text/text.c.  Decomposed text is written with escapes;
 * an escape is always closed by ending the string literal, because a hex
 * escape would swallow a following a-f or digit. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/text.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Combining marks, UTF-8. */
#define GRAVE	"\xcc\x80"	/* huyền */
#define ACUTE	"\xcc\x81"	/* sắc */
#define HAT	"\xcc\x82"
#define TILDE	"\xcc\x83"	/* ngã */
#define BREVE	"\xcc\x86"
#define HOOK	"\xcc\x89"	/* hỏi */
#define HORN	"\xcc\x9b"
#define DOT	"\xcc\xa3"	/* nặng */

static const char *const invalid[] = {
	"\xc3\x28",		/* bad continuation */
	"\xc0\xaf",		/* overlong '/' */
	"\xed\xa0\x80",		/* surrogate */
	"\xe1\xba",		/* truncated */
	"\xf4\x90\x80\x80",	/* above U+10FFFF */
	"ok\xff",
};

static const struct {
	const char	*in;
	const char	*nfc;
} nfc_cases[] = {
	{ "a" HAT ACUTE, "ấ" },
	{ "â" ACUTE, "ấ" },		/* precomposed vowel + tone */
	{ "a" DOT HAT, "ậ" },
	{ "a" HAT DOT, "ậ" },		/* marks out of canonical order */
	{ "Nguye" HAT TILDE "n", "Nguyễn" },
	{ "Ngu" HORN "o" HORN GRAVE "i", "Người" },
	{ "\xc4\x90" "a" BREVE DOT "ng", "Đặng" },
	{ "U" HOOK "y ban", "Ủy ban" },
	{ "Người", "Người" },
	{ "plain ASCII", "plain ASCII" },
	{ "", "" },
};

START_TEST(test_nfc)
{
	char	*out = text_nfc(nfc_cases[_i].in);

	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, nfc_cases[_i].nfc);
	ck_assert(text_valid_utf8(out));
	free(out);
}
END_TEST

START_TEST(test_invalid)
{
	const char	*s = invalid[_i];

	ck_assert(!text_valid_utf8(s));
	ck_assert_ptr_null(text_nfc(s));
	ck_assert_ptr_null(text_fold(s));
	ck_assert_ptr_null(text_sort_key(s));
	ck_assert(!text_contains_folded(s, ""));
}
END_TEST

static const struct {
	const char	*in;
	const char	*folded;
} fold_cases[] = {
	{ "Đặng Văn Cải", "dang van cai" },
	{ "CẢI CÁCH", "cai cach" },
	{ "Phòng Văn hoá – Xã hội", "phong van hoa – xa hoi" },
	{ "ĐƯỜNG Hồ Chí Minh", "duong ho chi minh" },
	{ "\xc4\x90" "a" BREVE DOT "ng", "dang" },
	{ "Nguye" HAT TILDE "n", "nguyen" },
	{ "  Trạm \t y\n tế  ", "tram y te" },
	{ "a\xc2\xa0" "b", "a b" },		/* no-break space */
	{ "Văn phòng HĐND và UBND", "van phong hdnd va ubnd" },
	{ "ASCII  Only ", "ascii only" },
	{ "", "" },
};

START_TEST(test_fold)
{
	char	*out = text_fold(fold_cases[_i].in);

	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, fold_cases[_i].folded);
	free(out);
}
END_TEST

static const struct {
	const char	*in;
	const char	*slug;
} slug_cases[] = {
	{ "Báo cáo 9 tháng/2025", "bao-cao-9-thang-2025" },
	{ "  Phòng Văn hóa - Xã hội ", "phong-van-hoa-xa-hoi" },
	{ "Đ" "a" DOT "ng", "dang" },
	{ "--//--", "" },
	{ "UBND_xã (2026)", "ubnd-xa-2026" },
};

START_TEST(test_slug)
{
	char	*out = text_slug(slug_cases[_i].in);

	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, slug_cases[_i].slug);
	free(out);
}
END_TEST

static const struct {
	const char	*hay;
	const char	*needle;
	bool		 found;
} contains_cases[] = {
	{ "Cải cách hành chính", "cai cach", true },
	{ "Cải cách hành chính", "hanh chinh", true },
	{ "Đặng", "dang", true },
	{ "Ông ĐẶNG Văn Cải", "dang van", true },
	{ "Văn phòng HĐND và UBND", "hdnd", true },
	{ "C" "a" HOOK "i   cách", "cai cach", true },
	{ "Cải cách", "cach hanh", false },
	{ "Cải cách", "cải", false },		/* needle must be folded */
	{ "Đặng", "dangg", false },
	{ "abc", "", true },
};

START_TEST(test_contains)
{
	ck_assert_int_eq(text_contains_folded(contains_cases[_i].hay,
	    contains_cases[_i].needle), contains_cases[_i].found);
}
END_TEST

/* printf into memory, long past any buffer a caller would guess. */
START_TEST(test_printf)
{
	char *s = text_printf("%s %d", "Cải cách", 2026), *long_one;

	ck_assert_str_eq(s, "Cải cách 2026");
	free(s);
	long_one = text_printf("%5000d|", 7);
	ck_assert_uint_eq(strlen(long_one), 5001);
	ck_assert_str_eq(long_one + 4999, "7|");
	free(long_one);
}
END_TEST

static const struct {
	const char	*s;
	int		 cols;
} width_cases[] = {
	{ "Nguyễn Văn A", 12 },
	{ "Nguye" HAT TILDE "n", 6 },
	{ "Ngu" HORN "o" HORN GRAVE "i", 5 },
	{ "Ủy ban", 6 },
	{ "中文", 4 },
	{ "ab中", 4 },
	{ "a\tb", 2 },
	{ "", 0 },
	/* Plain letters next to what is not plain: a combining mark after
	 * a precomposed letter, a wide letter, a soft hyphen, Greek; the
	 * figures are libunistring's (u8_strwidth). */
	{ "Ờ" GRAVE "x", 2 },
	{ "ệ中ệ", 4 },
	{ "Đ\xc2\xad" "đ", 2 },	/* a soft hyphen takes no column */
	{ "αβγ ă", 5 },
	{ "ɏḀỹ", 3 },
};

START_TEST(test_width)
{
	ck_assert_int_eq(text_width(width_cases[_i].s), width_cases[_i].cols);
}
END_TEST

static const struct {
	const char	*s;
	int		 cols;
	size_t		 len;
} fit_cases[] = {
	{ "Cải cách", 3, sizeof "Cải" - 1 },
	{ "Cải cách", 8, sizeof "Cải cách" - 1 },
	{ "Cải cách", 100, sizeof "Cải cách" - 1 },
	{ "a" HAT ACUTE "b", 0, 0 },
	{ "a" HAT ACUTE "b", 1, 5 },		/* the marks stay with a */
	{ "a" HAT ACUTE "b", 2, 6 },
	{ "Ngu" HORN "o" HORN GRAVE "i", 4, 10 },
	{ "中文", 1, 0 },			/* half a character is none */
	{ "中文", 3, 3 },
	{ "中文", 4, 6 },
	{ "abc", -1, 0 },
	{ "", 5, 0 },
};

START_TEST(test_fit)
{
	ck_assert_uint_eq(text_fit(fit_cases[_i].s, fit_cases[_i].cols),
	    fit_cases[_i].len);
}
END_TEST

/* The lines of a wrap, joined by '|'. */
struct lines {
	char	buf[256];
	int	n;
};

static void
add_line(const char *start, size_t len, void *ctx)
{
	struct lines	*l = ctx;
	size_t		 used = strlen(l->buf);

	ck_assert_uint_lt(used + len + 2, sizeof l->buf);
	if (l->n++ > 0)
		l->buf[used++] = '|';
	memcpy(l->buf + used, start, len);
	l->buf[used + len] = '\0';
}

static const struct {
	const char	*s;
	int		 cols;
	const char	*lines;
	int		 n;
} wrap_cases[] = {
	{ "Cải cách hành chính", 20, "Cải cách hành chính", 1 },
	{ "Cải cách hành chính", 10, "Cải cách|hành chính", 2 },
	{ "Cải cách hành chính", 8, "Cải cách|hành|chính", 3 },
	{ "a Thủtướngchínhphủ b", 5, "a|Thủtư|ớngch|ínhph|ủ b", 5 },
	{ "a" HAT ACUTE "a" HAT ACUTE "a" HAT ACUTE, 2,
	    "a" HAT ACUTE "a" HAT ACUTE "|a" HAT ACUTE, 2 },
	{ "ab   cd", 3, "ab|cd", 2 },
	{ "ab   cd", 2, "ab|cd", 2 },
	{ "  ab cd", 4, "  ab|cd", 2 },
	{ "Dòng một\n\nDòng ba", 20, "Dòng một||Dòng ba", 3 },
	{ "Dòng một dài\nhai", 8, "Dòng một|dài|hai", 3 },
	{ "x\n", 5, "x|", 2 },
	{ "中文", 1, "中|文", 2 },		/* too wide: one per line */
	{ "ab", 0, "a|b", 2 },
	{ "", 10, "", 0 },
};

START_TEST(test_wrap)
{
	struct lines	l = { "", 0 };
	int		n;

	n = text_wrap(wrap_cases[_i].s, wrap_cases[_i].cols, add_line, &l);
	ck_assert_str_eq(l.buf, wrap_cases[_i].lines);
	ck_assert_int_eq(n, wrap_cases[_i].n);
	ck_assert_int_eq(l.n, n);
	ck_assert_int_eq(text_wrap(wrap_cases[_i].s, wrap_cases[_i].cols,
	    NULL, NULL), n);
}
END_TEST

static const struct {
	const char	*s;
	size_t		 stops[8];	/* every boundary, 0 first */
	size_t		 nstops;
} grapheme_cases[] = {
	{ "Nguye" HAT TILDE "n", { 0, 1, 2, 3, 4, 9, 10 }, 7 },
	{ "Nguyễn", { 0, 1, 2, 3, 4, 7, 8 }, 7 },
	{ "\xc4\x90" "a" BREVE DOT "n", { 0, 2, 7, 8 }, 4 },
	{ "中a", { 0, 3, 4 }, 3 },
	{ "", { 0 }, 1 },
};

START_TEST(test_grapheme)
{
	const char	*s = grapheme_cases[_i].s;
	const size_t	*stops = grapheme_cases[_i].stops;
	size_t		 last = grapheme_cases[_i].nstops - 1, k;

	for (k = 0; k < last; k++) {
		ck_assert_uint_eq(text_next_grapheme(s, stops[k]),
		    stops[k + 1]);
		ck_assert_uint_eq(text_prev_grapheme(s, stops[k + 1]),
		    stops[k]);
	}
	ck_assert_uint_eq(text_next_grapheme(s, stops[last]), stops[last]);
	ck_assert_uint_eq(text_prev_grapheme(s, 0), 0);
}
END_TEST

/* In Vietnamese order. */
static const char *const sorted[] = {
	"- ghi chú",
	"45",
	"123",
	"an",
	"an toàn",
	"anh",
	"ăn",
	"ân",
	"ba",
	"Ba",
	"bà",
	"bác",
	"Bắc",
	"Cải cách",
	"Cải cách hành chính",
	"Chỉ đạo",
	"Cường",
	"dang",
	"Dương",
	"Đào",
	"Đặng",		/* ặ is ă: after a */
	"Đinh",
	"Êđê",
	"Fanpage",
	"Giang",
	"Hà",
	"Hải",
	"Hạnh",
	"ma",
	"mà",
	"mả",
	"mã",
	"má",
	"mạ",
	"mai",
	"Ngô",
	"Nguyễn",
	"on",
	"ôn",
	"ơn",
	"Phạm",
	"Phòng Kinh tế",
	"Phòng Tư pháp",
	"Phòng Văn hóa - Xã hội",
	"Thôn 2",
	"Thôn 02",
	"Thôn 10",
	"Thôn Bắc",
	"Trạm y tế",
	"Trung tâm Phục vụ hành chính công",
	"Ủy ban MTTQ",
	"Ủy ban nhân dân",
	"Ưng",
	"Ước",
	"Văn phòng HĐND và UBND",
	"Vũ",
	"Wifi",
	"Xã hội",
	"Yên",
	"Zalo",
	"Москва",
};

START_TEST(test_sort_pairs)
{
	char	*a = text_sort_key(sorted[_i]);
	char	*b = text_sort_key(sorted[_i + 1]);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_msg(strcmp(a, b) < 0, "\"%s\" (%s) should sort before "
	    "\"%s\" (%s)", sorted[_i], a, sorted[_i + 1], b);
	free(a);
	free(b);
}
END_TEST

struct keyed {
	char		*key;
	const char	*s;
};

static int
cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key,
	    ((const struct keyed *)b)->key);
}

START_TEST(test_sort_qsort)
{
	struct keyed	 k[NELEM(sorted)];
	size_t		 n = NELEM(sorted), i;
	const char	*p;

	/* 17 is prime to n, so this visits every entry, well mixed. */
	ck_assert_uint_ne(n % 17, 0);
	for (i = 0; i < n; i++) {
		k[i].s = sorted[(i * 17) % n];
		k[i].key = text_sort_key(k[i].s);
		ck_assert_ptr_nonnull(k[i].key);
		for (p = k[i].key; *p != '\0'; p++)
			ck_assert_msg(*p > ' ' && *p < 0x7f,
			    "key of \"%s\" is not printable", k[i].s);
	}
	qsort(k, n, sizeof k[0], cmp_keyed);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(k[i].s, sorted[i]);
		free(k[i].key);
	}
}
END_TEST

/* Strings whose keys are equal. */
static const struct {
	const char	*a;
	const char	*b;
} same_key_cases[] = {
	{ "Đặng", "\xc4\x90" "a" BREVE DOT "ng" },
	{ "Đặng", "\xc4\x90" "a" DOT BREVE "ng" },
	{ "Nguyễn", "Nguye" HAT TILDE "n" },
	{ "Người", "Ngu" HORN "o" HORN GRAVE "i" },
	{ "Ba", "  Ba\t" },
	{ "Cải cách", "Cải   cách" },
};

START_TEST(test_sort_same)
{
	char	*a = text_sort_key(same_key_cases[_i].a);
	char	*b = text_sort_key(same_key_cases[_i].b);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

static const struct {
	const char	*in;
	const char	*out;
} trim_cases[] = {
	{ "  a b  ", "a b" },
	{ "\xc2\xa0x\t\n", "x" },
	{ "Đặng", "Đặng" },
	{ " \xe3\x80\x80中 ", "中" },	/* ideographic space */
	{ "   ", "" },
	{ "", "" },
};

START_TEST(test_trim)
{
	char	*s = strdup(trim_cases[_i].in);

	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_eq(text_trim(s), s);
	ck_assert_str_eq(s, trim_cases[_i].out);
	free(s);
}
END_TEST

static Suite *
text_suite(void)
{
	Suite	*s = suite_create("text");
	TCase	*tc;

	tc = tcase_create("normalise");
	tcase_add_loop_test(tc, test_nfc, 0, NELEM(nfc_cases));
	tcase_add_loop_test(tc, test_invalid, 0, NELEM(invalid));
	tcase_add_loop_test(tc, test_trim, 0, NELEM(trim_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("fold");
	tcase_add_loop_test(tc, test_fold, 0, NELEM(fold_cases));
	tcase_add_loop_test(tc, test_contains, 0, NELEM(contains_cases));
	tcase_add_test(tc, test_printf);
	tcase_add_loop_test(tc, test_slug, 0, NELEM(slug_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("columns");
	tcase_add_loop_test(tc, test_width, 0, NELEM(width_cases));
	tcase_add_loop_test(tc, test_fit, 0, NELEM(fit_cases));
	tcase_add_loop_test(tc, test_wrap, 0, NELEM(wrap_cases));
	tcase_add_loop_test(tc, test_grapheme, 0, NELEM(grapheme_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("sort");
	tcase_add_loop_test(tc, test_sort_pairs, 0, NELEM(sorted) - 1);
	tcase_add_test(tc, test_sort_qsort);
	tcase_add_loop_test(tc, test_sort_same, 0, NELEM(same_key_cases));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(text_suite());
}
