/* Unit tests for src/core/text/telex.c.  Most cases type a string of keys into
 * an empty line the way a line editor does (find the word before the
 * cursor, let the engine replace it or insert the key) and compare the
 * line that results. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/telex.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

struct typing {
	const char		*keys;
	enum telex_mode		 mode;
	enum tone_style		 style;
	const char		*want;
};

#define TO(k, w)	{ k, INPUT_TELEX, TONE_OLD, w }
#define TN(k, w)	{ k, INPUT_TELEX, TONE_NEW, w }
#define VO(k, w)	{ k, INPUT_VNI, TONE_OLD, w }
#define VN(k, w)	{ k, INPUT_VNI, TONE_NEW, w }

static const struct typing typing_cases[] = {
	/* Telex tones on each plain vowel. */
	TO("as", "á"), TO("af", "à"), TO("ar", "ả"),
	TO("ax", "ã"), TO("aj", "ạ"),
	TO("es", "é"), TO("ef", "è"), TO("er", "ẻ"),
	TO("ex", "ẽ"), TO("ej", "ẹ"),
	TO("is", "í"), TO("if", "ì"), TO("ir", "ỉ"),
	TO("ix", "ĩ"), TO("ij", "ị"),
	TO("os", "ó"), TO("of", "ò"), TO("or", "ỏ"),
	TO("ox", "õ"), TO("oj", "ọ"),
	TO("us", "ú"), TO("uf", "ù"), TO("ur", "ủ"),
	TO("ux", "ũ"), TO("uj", "ụ"),
	TO("ys", "ý"), TO("yf", "ỳ"), TO("yr", "ỷ"),
	TO("yx", "ỹ"), TO("yj", "ỵ"),
	/* Marks, alone and with a tone. */
	TO("aa", "â"), TO("aw", "ă"), TO("ee", "ê"), TO("oo", "ô"),
	TO("ow", "ơ"), TO("uw", "ư"), TO("dd", "đ"), TO("w", "ư"),
	TO("aas", "ấ"), TO("awf", "ằ"), TO("eer", "ể"), TO("oox", "ỗ"),
	TO("owj", "ợ"), TO("uws", "ứ"), TO("ws", "ứ"),
	TO("tw", "tư"), TO("nhw", "như"), TO("ngwf", "ngừ"),
	TO("aw" "a", "â"), TO("aa" "w", "ă"), TO("ow" "o", "ô"),
	/* Words. */
	TO("tieengs", "tiếng"), TO("tieesng", "tiếng"), TO("tiengse", "tiếng"),
	TO("vieetj", "việt"), TO("vietje", "việt"),
	TO("nguwowif", "người"), TO("nguoiwf", "người"),
	TO("nguowif", "người"), TO("nguowfi", "người"),
	TO("nguoifw", "người"),
	TO("khuyeens", "khuyến"), TO("khuyeesn", "khuyến"),
	TO("khuyeen", "khuyên"), TO("quyeenr", "quyển"),
	TO("nguyeenx", "nguyễn"), TO("Nguyeenx", "Nguyễn"),
	TO("dduwowngf", "đường"), TO("dduongwf", "đường"),
	TO("truwowngf", "trường"), TO("thuwowng", "thương"),
	TO("thuowng", "thương"), TO("nuwowcs", "nước"), TO("nuocws", "nước"),
	TO("ruwowuj", "rượu"), TO("ruouwj", "rượu"),
	TO("dduwowcj", "được"), TO("dduocwj", "được"),
	TO("muoons", "muốn"), TO("cuoocj", "cuộc"), TO("khoong", "không"),
	TO("tuaanf", "tuần"), TO("khuaays", "khuấy"), TO("xoawns", "xoắn"),
	TO("hieeuj", "hiệu"), TO("yeeu", "yêu"), TO("yeen", "yên"),
	TO("ddieeuf", "điều"), TO("dieeuf", "diều"), TO("ddaauf", "đầu"),
	TO("chaatj", "chật"), TO("nghieepj", "nghiệp"), TO("ngheef", "nghề"),
	TO("nhaats", "nhất"), TO("phair", "phải"), TO("traf", "trà"),
	TO("gawpj", "gặp"), TO("ddawngr", "đẳng"), TO("kees", "kế"),
	TO("cuwar", "cửa"), TO("muwa", "mưa"), TO("huwu", "hưu"),
	TO("cuwus", "cứu"), TO("gowix", "gỡi"), TO("toois", "tối"),
	TO("dungd", "đung"), TO("ddi", "đi"), TO("did", "đi"),
	/* Where the tone goes. */
	TO("hoaf", "hòa"), TN("hoaf", "hoà"),
	TO("khoer", "khỏe"), TN("khoer", "khoẻ"),
	TO("thuyr", "thủy"), TN("thuyr", "thuỷ"),
	TO("tuyf", "tùy"), TN("tuyf", "tuỳ"),
	TO("xoef", "xòe"), TN("xoef", "xoè"),
	TO("khoas", "khóa"), TN("khoas", "khoá"),
	TO("hoanf", "hoàn"), TN("hoanf", "hoàn"),
	TO("hoafn", "hoàn"), TN("hoafn", "hoàn"),
	TO("toans", "toán"), TO("toasn", "toán"), TN("toasn", "toán"),
	TO("huynhf", "huỳnh"), TN("huynhf", "huỳnh"),
	TO("mias", "mía"), TN("mias", "mía"),
	TO("cuar", "của"), TN("cuar", "của"),
	TO("quar", "quả"), TN("quar", "quả"),
	TO("quys", "quý"), TN("quys", "quý"), TO("quyf", "quỳ"),
	TO("quoocs", "quốc"), TO("quaf", "quà"),
	TO("giuwx", "giữ"), TO("giuwax", "giữa"), TO("gias", "giá"),
	TO("gieengs", "giếng"), TO("giowf", "giờ"), TO("giaf", "già"),
	TO("gif", "gì"), TO("gifn", "gìn"), TO("gifa", "già"),
	TO("ngoaif", "ngoài"), TO("ngoafi", "ngoài"), TN("ngoafi", "ngoài"),
	TO("hoafi", "hoài"), TO("hoaij", "hoại"),
	TO("thuowr", "thuở"), TO("thuow", "thuơ"), TO("huow", "huơ"),
	TO("phair", "phải"), TO("caaps", "cấp"),
	/* After c, ch, p, t only sắc and nặng. */
	TO("hocj", "học"), TO("hocs", "hóc"), TO("hocf", "hocf"),
	TO("hocr", "hocr"), TO("hocx", "hocx"), TO("hojc", "học"),
	TO("hofc", "hofc"), TO("sachs", "sách"), TO("sachf", "sachf"),
	TO("capj", "cạp"), TO("chapf", "chapf"), TO("tootj", "tột"),
	TO("matf", "matf"), TO("bacs", "bác"),
	/* Repeating a key takes it back. */
	TO("ass", "as"), TO("asss", "ass"), TO("ASS", "AS"),
	TO("ddd", "dd"), TO("dddd", "ddd"), TO("Ddd", "Dd"),
	TO("aaa", "aa"), TO("aaaa", "aaa"), TO("eee", "ee"), TO("ooo", "oo"),
	TO("aww", "aw"), TO("oww", "ow"), TO("ww", "w"), TO("www", "ww"),
	TO("uow", "uơ"), TO("uoww", "uow"), TO("nguoiww", "nguoiw"),
	TO("tieengss", "tiêngs"), TO("vieetjj", "viêtj"),
	TO("hoaff", "hoaf"),
	/* The word cannot tell ư typed uw from ư typed w; Unikey, which
	 * remembers keys, gives "tuw" here. */
	TO("tuww", "tw"),
	/* Removing the tone, changing it. */
	TO("asz", "a"), TO("hoafz", "hoa"), TO("vieetjz", "viêt"),
	TO("az", "az"), TO("asf", "à"), TO("hoasf", "hòa"), TO("ajs", "á"),
	TO("tieengsz", "tiêng"),
	/* Words that cannot be Vietnamese stay as typed. */
	TO("windows", "windows"), TO("email", "email"), TO("TTHC", "TTHC"),
	TO("class", "class"), TO("Zalo", "Zalo"), TO("text", "text"),
	TO("google", "google"), TO("Word", "Word"), TO("facebook", "facebook"),
	TO("hello", "hello"), TO("UBND", "UBND"), TO("xyz", "xyz"),
	TO("pizza", "pizza"), TO("java", "java"), TO("wifi", "wifi"),
	TO("web", "web"), TO("Excel", "Excel"), TO("SQL", "SQL"),
	TO("PDF", "PDF"), TO("ADD", "ADD"), TO("aaz", "aaz"),
	TO("USB", "USB"), TO("cafe", "cafe"), TO("Office", "Ofice"),
	/* Abbreviations with no vowel still take đ. */
	TO("HDDND", "HĐND"), TO("QDD", "QĐ"), TO("DDT", "ĐT"),
	TO("HDDD", "HDD"),
	/* Upper case. */
	TO("VIEETJ", "VIỆT"), TO("Vieetj", "Việt"), TO("NGUWOWIF", "NGƯỜI"),
	TO("DDUWOWNGF", "ĐƯỜNG"), TO("Hoaf", "Hòa"), TO("HOAF", "HÒA"),
	TO("DD", "Đ"), TO("Dd", "Đ"), TO("dD", "đ"), TO("W", "Ư"),
	TO("AA", "Â"), TO("Aa", "Â"), TO("aA", "â"), TO("UYR", "ỦY"),
	TN("UYR", "UỶ"), TO("THUOWR", "THUỞ"),
	/* Several words. */
	TO("Vieetj Nam", "Việt Nam"),
	TO("Cair cachs hanhf chinhs", "Cải cách hành chính"),
	TO("Uyr ban nhaan daan xax", "Ủy ban nhân dân xã"),
	TN("Uyr ban nhaan daan xax", "Uỷ ban nhân dân xã"),
	TO("HDDND phuwowngf, thij traans.", "HĐND phường, thị trấn."),
	TO("so61 2", "so61 2"),

	/* VNI. */
	VO("a1", "á"), VO("a2", "à"), VO("a3", "ả"),
	VO("a4", "ã"), VO("a5", "ạ"),
	VO("a6", "â"), VO("a8", "ă"), VO("e6", "ê"), VO("o6", "ô"),
	VO("o7", "ơ"), VO("u7", "ư"), VO("d9", "đ"), VO("D9", "Đ"),
	VO("tie61ng", "tiếng"), VO("tieng61", "tiếng"), VO("tie6ng1", "tiếng"),
	VO("vie65t", "việt"), VO("Vie65t Nam", "Việt Nam"),
	VO("VIE65T", "VIỆT"),
	VO("d9u7o72ng", "đường"), VO("d9uo72ng", "đường"),
	VO("d9uong72", "đường"),
	VO("nguoi72", "người"), VO("ngu7o7i2", "người"),
	VO("khuye6n1", "khuyến"), VO("khuye61n", "khuyến"),
	VO("hoa2", "hòa"), VN("hoa2", "hoà"), VO("hoa2n", "hoàn"),
	VO("thuy3", "thủy"), VN("thuy3", "thuỷ"),
	VO("khoe3", "khỏe"), VN("khoe3", "khoẻ"),
	VO("qua3", "quả"), VO("giu74", "giữ"), VO("gi2", "gì"),
	VO("gi2n", "gìn"), VO("toan1", "toán"), VO("mia1", "mía"),
	VO("cua3", "của"), VO("ngoai2", "ngoài"), VO("thuo73", "thuở"),
	VO("thuo7", "thuơ"), VO("u7o7", "ươ"), VO("ruou75", "rượu"),
	VO("nuoc71", "nước"), VO("xoa8n1", "xoắn"), VO("ga8p5", "gặp"),
	VO("hoc5", "học"), VO("hoc2", "hoc2"), VO("hoc1", "hóc"),
	VO("a11", "a1"), VO("d99", "d9"), VO("a66", "a6"), VO("a88", "a8"),
	VO("u77", "u7"), VO("uo77", "uo7"), VO("a661", "a61"),
	VO("a10", "a"), VO("vie65t0", "viêt"), VO("a0", "a0"),
	VO("HD9ND", "HĐND"), VO("windows", "windows"), VO("TTHC", "TTHC"),
	VO("Zalo", "Zalo"), VO("2025", "2025"), VO("so61 2", "số 2"),
	VO("Uy3 ban nha6n da6n xa4", "Ủy ban nhân dân xã"),
	VN("Uy3 ban nha6n da6n xa4", "Uỷ ban nhân dân xã"),
	VO("tieengs", "tieengs"), VO("w", "w"),

	/* Off. */
	{ "vieetj", INPUT_OFF, TONE_OLD, "vieetj" },
	{ "a1", INPUT_OFF, TONE_OLD, "a1" },
};

/* Types keys into an empty line, the way a line editor does. */
static void
type(const struct typing *t, char *line, size_t size)
{
	char		 out[TELEX_OUT_MAX];
	const char	*k;
	size_t		 len = 0, start;

	line[0] = '\0';
	for (k = t->keys; *k != '\0'; k++) {
		start = telex_word_start(t->mode, line, len);
		if (telex_apply(t->mode, t->style, line + start, *k, out,
		    sizeof(out))) {
			ck_assert_uint_lt(start + strlen(out), size);
			strcpy(line + start, out);
		} else {
			ck_assert_uint_lt(len + 1, size);
			line[len] = *k;
			line[len + 1] = '\0';
		}
		len = strlen(line);
	}
}

START_TEST(test_typing)
{
	const struct typing	*t = &typing_cases[_i];
	char			 line[256];

	type(t, line, sizeof(line));
	ck_assert_msg(strcmp(line, t->want) == 0,
	    "%s \"%s\" (%s): got \"%s\", want \"%s\"",
	    t->mode == INPUT_VNI ? "VNI" : "Telex", t->keys,
	    t->style == TONE_NEW ? "new" : "old", line, t->want);
}
END_TEST

static const struct {
	const char	*word;
	char		 key;
	const char	*out;		/* NULL: the key is inserted as is */
} apply_cases[] = {
	{ "hòa", 'n', "hoàn" },		/* the tone moves */
	{ "thuỷ", 'n', NULL },		/* already in place */
	{ "thủy", 'n', "thuỷn" },
	{ "á", 's', "as" },
	{ "đ", 'd', "dd" },
	{ "â", 'a', "aa" },
	{ "ươ", 'w', "uow" },
	{ "nguơ", 'i', "ngươi" },
	{ "ưi", 'n', "win" },		/* not Vietnamese: keys back */
	{ "tẽ", 't', "text" },
	{ "Ửo", 'd', "Word" },
	{ "VIỆT", 'N', "VIEETJN" },
	{ "", 'w', "ư" },
	{ "ho", 'a', NULL },		/* plain insert */
	{ "", 'a', NULL },
	{ "", 's', NULL },
	{ "hoc", 'f', NULL },
	{ "as", 's', NULL },
	{ "việt", ' ', NULL },		/* non-letters end the word */
	{ "việt", '1', NULL },
	{ "việt", '\n', NULL },
	{ "việt", (char)0xc3, NULL },
	{ "áà", 'a', NULL },		/* two tones: not a word */
	{ "niña", 's', NULL },		/* a letter the engine does not know */
	{ "e\xcc\x81", 's', NULL },	/* not NFC */
	{ "\xff", 's', NULL },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 's', NULL },
};

START_TEST(test_apply)
{
	char	 out[TELEX_OUT_MAX] = "untouched";
	bool	 used;

	used = telex_apply(INPUT_TELEX, TONE_OLD, apply_cases[_i].word,
	    apply_cases[_i].key, out, sizeof(out));
	if (apply_cases[_i].out == NULL) {
		ck_assert_msg(!used, "\"%s\" + '%c' gave \"%s\"",
		    apply_cases[_i].word, apply_cases[_i].key, out);
		ck_assert_str_eq(out, "untouched");
	} else {
		ck_assert_msg(used, "\"%s\" + '%c' not consumed",
		    apply_cases[_i].word, apply_cases[_i].key);
		ck_assert_str_eq(out, apply_cases[_i].out);
	}
}
END_TEST

START_TEST(test_apply_small_out)
{
	char	 out[8];

	/* "tiếng" is 8 bytes with its NUL, "nghiệp" 9. */
	ck_assert(telex_apply(INPUT_TELEX, TONE_OLD, "tiêng", 's', out,
	    sizeof(out)));
	ck_assert_str_eq(out, "tiếng");
	ck_assert(!telex_apply(INPUT_TELEX, TONE_OLD, "nghiêp", 'j', out,
	    sizeof(out)));
	ck_assert(!telex_apply(INPUT_TELEX, TONE_OLD, "a", 's', out, 0));
}
END_TEST

START_TEST(test_apply_off)
{
	char	 out[TELEX_OUT_MAX];

	ck_assert(!telex_apply(INPUT_OFF, TONE_OLD, "a", 's', out,
	    sizeof(out)));
	ck_assert(!telex_apply(INPUT_OFF, TONE_OLD, "a", '1', out,
	    sizeof(out)));
	/* Each mode only knows its own keys. */
	ck_assert(!telex_apply(INPUT_VNI, TONE_OLD, "a", 's', out,
	    sizeof(out)));
	ck_assert(!telex_apply(INPUT_TELEX, TONE_OLD, "a", '1', out,
	    sizeof(out)));
}
END_TEST

static const struct {
	enum telex_mode	 mode;
	const char	*line;
	size_t		 cursor;	/* (size_t)-1: the end */
	size_t		 start;
} start_cases[] = {
	{ INPUT_TELEX, "", (size_t)-1, 0 },
	{ INPUT_TELEX, "viet", (size_t)-1, 0 },
	{ INPUT_TELEX, "xin chào", (size_t)-1, 4 },
	{ INPUT_TELEX, "xin chào", 3, 0 },
	{ INPUT_TELEX, "xin chào", 4, 4 },
	{ INPUT_TELEX, "Người", (size_t)-1, 0 },
	{ INPUT_TELEX, "a,b", (size_t)-1, 2 },
	{ INPUT_TELEX, "(đường", (size_t)-1, 1 },
	{ INPUT_TELEX, "abc1de", (size_t)-1, 4 },
	{ INPUT_VNI, "abc1de", (size_t)-1, 0 },
	{ INPUT_VNI, "x 2a", (size_t)-1, 2 },
	{ INPUT_TELEX, "niña", (size_t)-1, 0 },	/* whole, so left alone */
	{ INPUT_TELEX, "e\xcc\x81", (size_t)-1, 0 },
	{ INPUT_TELEX, "a\xffz", (size_t)-1, 2 },
	{ INPUT_TELEX, "ngày\n", (size_t)-1, 6 },
};

START_TEST(test_word_start)
{
	const char	*line = start_cases[_i].line;
	size_t		 cursor = start_cases[_i].cursor;

	if (cursor == (size_t)-1)
		cursor = strlen(line);
	ck_assert_uint_eq(telex_word_start(start_cases[_i].mode, line, cursor),
	    start_cases[_i].start);
}
END_TEST

static Suite *
telex_suite(void)
{
	Suite	*s = suite_create("telex");
	TCase	*tc;

	tc = tcase_create("typing");
	tcase_add_loop_test(tc, test_typing, 0, NELEM(typing_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("apply");
	tcase_add_loop_test(tc, test_apply, 0, NELEM(apply_cases));
	tcase_add_test(tc, test_apply_small_out);
	tcase_add_test(tc, test_apply_off);
	tcase_add_loop_test(tc, test_word_start, 0, NELEM(start_cases));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(telex_suite());
}
