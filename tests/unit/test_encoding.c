/* Unit tests for reading text as offices save it (encoding.c): the same
 * appendix in UTF-8, UTF-8 with a BOM, decomposed UTF-8, UTF-16LE with
 * and without a BOM and CP1258 (tests/fixtures/appendix/enc-*, made with
 * iconv by mk-encodings.sh) all decode to the NFC UTF-8 of domain.tsv;
 * and bytes that are not text are refused naming their line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/encoding.h"
#include "core/store/err.h"
#include "core/text/text.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

#ifdef SRCDATADIR
#define DEFAULT_DATADIR SRCDATADIR
#else
#define DEFAULT_DATADIR "data"
#endif

/* The fixtures live beside the shipped data in the source tree. */
static void
fixture(const char *name, char *path, size_t size)
{
	const char *d = getenv("CCHC_FIXTURES");

	if (d != NULL && *d != '\0') {
		snprintf(path, size, "%s/%s", d, name);
		return;
	}
	d = getenv("CCHC_DATADIR");
	snprintf(path, size, "%s/../tests/fixtures/appendix/%s",
	    d != NULL && *d != '\0' ? d : DEFAULT_DATADIR, name);
}

static char *
read_fixture(const char *name)
{
	char path[4096], *s;
	struct err e;

	fixture(name, path, sizeof path);
	s = encoding_read_file(path, NULL, &e);
	ck_assert_msg(s != NULL, "%s: %s", name, e.msg);
	return s;
}

static const struct {
	const char *file;
	enum encoding enc;
} same_text[] = {
	{ "domain.tsv", ENCODING_UTF8 },
	{ "enc-utf8-bom.tsv", ENCODING_UTF8_BOM },
	{ "enc-utf8-nfd.tsv", ENCODING_UTF8 },
	{ "enc-utf16le.txt", ENCODING_UTF16LE_BOM },
	{ "enc-utf16le-nobom.txt", ENCODING_UTF16LE },
	{ "enc-cp1258.txt", ENCODING_CP1258 },
};

/* CR LF from Excel's "Unicode text" aside, every file reads as the same
 * NFC text. */
static char *
without_cr(char *s)
{
	char *w = s;

	for (const char *r = s; *r != '\0'; r++)
		if (*r != '\r')
			*w++ = *r;
	*w = '\0';
	return s;
}

START_TEST(test_same_text)
{
	char path[4096], *want = read_fixture("domain.tsv"), *got;
	enum encoding enc;
	struct err e;

	fixture(same_text[_i].file, path, sizeof path);
	got = encoding_read_file(path, &enc, &e);
	ck_assert_msg(got != NULL, "%s: %s", same_text[_i].file, e.msg);
	ck_assert_msg(enc == same_text[_i].enc, "%s: detected %s", same_text[_i].file,
	    encoding_name(enc));
	ck_assert_str_eq(without_cr(got), want);
	free(got);
	free(want);
}
END_TEST

/* The decoded text is NFC whatever came in. */
START_TEST(test_nfc_out)
{
	char *nfd = read_fixture("enc-utf8-nfd.tsv"), *nfc = text_nfc(nfd);

	ck_assert_ptr_nonnull(nfc);
	ck_assert_str_eq(nfd, nfc);
	ck_assert_ptr_nonnull(strstr(nfd, "Nhiệm vụ"));
	free(nfd);
	free(nfc);
}
END_TEST

static const struct {
	const char *bytes;
	size_t len;
	enum encoding enc;
	const char *want;	/* NULL: refused */
	const char *message;	/* part of the refusal */
} cases[] = {
	{ "", 0, ENCODING_UTF8, "", NULL },
	{ "TT\tNhi\xE1\xBB\x87m v\xE1\xBB\xA5\n", 16, ENCODING_UTF8, "TT\tNhiệm vụ\n", NULL },
	{ "\xEF\xBB\xBFI\n", 5, ENCODING_UTF8_BOM, "I\n", NULL },
	{ "\xFF\xFE" "A\0\n\0", 6, ENCODING_UTF16LE_BOM, "A\n", NULL },
	/* "Hoàn" in CP1258: à is a letter of its own there. */
	{ "Ho\xE0n", 4, ENCODING_CP1258, "Hoàn", NULL },
	/* "Việt" in CP1258: ê then the combining dot below (0xF2). */
	{ "Vi\xEA\xF2t", 5, ENCODING_CP1258, "Việt", NULL },
	/* UTF-8 with one bad byte on line 3 is damaged UTF-8, not CP1258. */
	{ "Nhi\xE1\xBB\x87m\nv\xE1\xBB\xA5\nHo\xE0n\n", 18, ENCODING_UTF8, NULL, "line 3" },
	{ "a\nb\0c\n", 6, ENCODING_UTF8, NULL, "line 2" },
	/* 0x81 is no character of CP1258. */
	{ "abc\nd\x81\n", 7, ENCODING_CP1258, NULL, "line 2" },
	{ "\xFF\xFE" "A\0\n\0B", 7, ENCODING_UTF16LE_BOM, NULL, "line 2" },
	{ "\xFF\xFE" "A\0\n\0\0\0", 8, ENCODING_UTF16LE_BOM, NULL, "NUL" },
	/* A lone low surrogate. */
	{ "\xFF\xFE" "A\0\n\0\x00\xDC", 8, ENCODING_UTF16LE_BOM, NULL, "line 2" },
};

START_TEST(test_cases)
{
	struct err e = { -1, "" };
	enum encoding enc;
	char *got = encoding_decode(cases[_i].bytes, cases[_i].len, &enc, &e);

	ck_assert_msg(enc == cases[_i].enc, "case %d: detected %s", _i, encoding_name(enc));
	if (cases[_i].want == NULL) {
		ck_assert_msg(got == NULL, "case %d: accepted as \"%s\"", _i, got);
		ck_assert_msg(strstr(e.msg, cases[_i].message) != NULL, "case %d: \"%s\" lacks \"%s\"",
		    _i, e.msg, cases[_i].message);
	} else {
		ck_assert_msg(got != NULL, "case %d: %s", _i, e.msg);
		ck_assert_str_eq(got, cases[_i].want);
	}
	free(got);
}
END_TEST

START_TEST(test_missing_file)
{
	struct err e;

	ck_assert_ptr_null(encoding_read_file("/nonexistent/x.tsv", NULL, &e));
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/x.tsv"));
}
END_TEST

static Suite *
encoding_suite(void)
{
	Suite *s = suite_create("encoding");
	TCase *tc = tcase_create("decode");

	tcase_add_loop_test(tc, test_same_text, 0, NELEM(same_text));
	tcase_add_test(tc, test_nfc_out);
	tcase_add_loop_test(tc, test_cases, 0, NELEM(cases));
	tcase_add_test(tc, test_missing_file);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(encoding_suite());
}
