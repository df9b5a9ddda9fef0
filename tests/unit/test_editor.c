/* Unit tests for src/core/text/editor.c.  Expected states are written as the text
 * with '|' at the cursor.  Keys are control characters in a script (see
 * press()); everything else in a script is typed one code point at a time,
 * as wget_wch delivers it, so decomposed input stays decomposed.  An escape
 * is always closed by ending the string literal, because a hex escape would
 * swallow a following a-f or digit. */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "core/text/editor.h"
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

/* Keys in scripts. */
#define BS		"\b"
#define DEL		"\x7f"
#define LEFT		"\x02"
#define RIGHT		"\x06"
#define HOME		"\x01"
#define END		"\x05"
#define UP		"\x10"
#define DOWN		"\x0e"
#define KILL_START	"\x15"
#define KILL_END	"\x0b"
#define KILL_WORD	"\x17"
#define ENTER		"\r"
#define WORD_LEFT	"\x1c"
#define WORD_RIGHT	"\x1d"

#define SL	false
#define ML	true

static struct editor *
make(bool multiline, size_t max)
{
	struct editor	*ed = editor_new(multiline, max);

	ck_assert_ptr_nonnull(ed);
	return ed;
}

/* Runs a script; width is the field's, for UP and DOWN. */
static void
press(struct editor *ed, const char *keys, int width)
{
	const uint8_t	*p = (const uint8_t *)keys;
	ucs4_t		 uc;

	while ((p = u8_next(&uc, p)) != NULL) {
		switch (uc) {
		case '\b':
			ck_assert_int_eq(editor_backspace(ed), 0);
			break;
		case 0x7f:
			ck_assert_int_eq(editor_delete(ed), 0);
			break;
		case 0x02:
			editor_left(ed);
			break;
		case 0x06:
			editor_right(ed);
			break;
		case 0x01:
			editor_home(ed);
			break;
		case 0x05:
			editor_end(ed);
			break;
		case 0x10:
			editor_up(ed, width);
			break;
		case 0x0e:
			editor_down(ed, width);
			break;
		case 0x15:
			ck_assert_int_eq(editor_kill_start(ed), 0);
			break;
		case 0x0b:
			ck_assert_int_eq(editor_kill_end(ed), 0);
			break;
		case 0x17:
			ck_assert_int_eq(editor_kill_word(ed), 0);
			break;
		case 0x1c:
			editor_word_left(ed);
			break;
		case 0x1d:
			editor_word_right(ed);
			break;
		case '\r':
			editor_insert(ed, '\n');
			break;
		default:
			/* Refusals are checked where they are meant. */
			editor_insert(ed, uc);
			break;
		}
	}
}

/* The text with '|' at the cursor; caller frees. */
static char *
state(const struct editor *ed)
{
	const char	*t = editor_text(ed);
	size_t		 len = editor_length(ed), cur = editor_cursor(ed);
	char		*s;

	ck_assert_uint_eq(strlen(t), len);
	ck_assert_uint_le(cur, len);
	s = malloc(len + 2);
	ck_assert_ptr_nonnull(s);
	memcpy(s, t, cur);
	s[cur] = '|';
	memcpy(s + cur + 1, t + cur, len - cur + 1);
	return s;
}

/* The state is want (the literal normalised, whatever this file's encoding
 * does to it) and the text is in NFC. */
static void
check_state(const struct editor *ed, const char *want, const char *what)
{
	char	*got = state(ed), *nfc_want = text_nfc(want);
	char	*nfc_text = text_nfc(editor_text(ed));

	ck_assert_ptr_nonnull(nfc_want);
	ck_assert_ptr_nonnull(nfc_text);
	ck_assert_msg(strcmp(editor_text(ed), nfc_text) == 0,
	    "%s: text not in NFC", what);
	ck_assert_msg(strcmp(got, nfc_want) == 0,
	    "%s: got \"%s\", want \"%s\"", what, got, nfc_want);
	free(got);
	free(nfc_want);
	free(nfc_text);
}

static const struct {
	const char	*name;
	bool		 multiline;
	size_t		 max;
	int		 width;
	const char	*keys;
	const char	*want;
} edits[] = {
	/* Composition as marks arrive. */
	{ "hat and acute typed apart", SL, 0, 0, "a" HAT ACUTE, "ấ|" },
	{ "precomposed vowel + tone", SL, 0, 0, "â" ACUTE, "ấ|" },
	{ "marks out of order", SL, 0, 0, "a" DOT HAT, "ậ|" },
	{ "decomposed word", SL, 0, 0, "Vie" HAT DOT "t Nam", "Việt Nam|" },
	{ "two horns", SL, 0, 0, "ngu" HORN "o" HORN GRAVE "i", "người|" },
	{ "one Backspace per letter", SL, 0, 0, "a" HAT ACUTE BS, "|" },
	{ "mark composes left of cursor", SL, 0, 0, "ac" LEFT ACUTE, "á|c" },
	{ "lone mark at start", SL, 0, 0, ACUTE, ACUTE "|" },
	{ "letter before lone mark", SL, 0, 0, ACUTE HOME "a", "á|" },
	{ "mark that does not compose", SL, 0, 0, "q" ACUTE "x" LEFT BS,
	    "|x" },
	/* Backspace and retype, as input methods correct a word. */
	{ "tiếng, 3 BS", SL, 0, 0, "tiếng" BS BS BS, "ti|" },
	{ "decomposed tiếng, 3 BS", SL, 0, 0, "tie" HAT ACUTE "ng" BS BS BS,
	    "ti|" },
	{ "tiếng, 2 BS, ng", SL, 0, 0, "tiếng" BS BS "ng", "tiếng|" },
	{ "decomposed tiếng, 2 BS, ng", SL, 0, 0,
	    "tie" HAT ACUTE "ng" BS BS "ng", "tiếng|" },
	{ "tieng, 3 BS, ê + tone, ng", SL, 0, 0,
	    "tieng" BS BS BS "ê" ACUTE "ng", "tiếng|" },
	{ "tiếng, 5 BS", SL, 0, 0, "tiếng" BS BS BS BS BS, "|" },
	{ "decomposed tiếng, 5 BS", SL, 0, 0,
	    "tie" HAT ACUTE "ng" BS BS BS BS BS, "|" },
	{ "BS at start", SL, 0, 0, "ab" HOME BS, "|ab" },
	/* Insert and delete. */
	{ "insert in the middle", SL, 0, 0, "ac" LEFT "b", "ab|c" },
	{ "insert before decomposed", SL, 0, 0, "a" ACUTE HOME "b", "b|á" },
	{ "delete", SL, 0, 0, "abc" HOME DEL, "|bc" },
	{ "delete decomposed", SL, 0, 0, "a" HAT ACUTE "b" HOME DEL, "|b" },
	{ "delete at end", SL, 0, 0, "ab" DEL, "ab|" },
	{ "tab typed", SL, 0, 0, "a\tb", "a b|" },
	{ "control typed", SL, 0, 0, "a\x07" "b\x1b" "c", "abc|" },
	{ "Enter in single line", SL, 0, 0, "ab" ENTER "cd", "ab cd|" },
	/* Movement by grapheme. */
	{ "left over decomposed", SL, 0, 0, "a" ACUTE "b" LEFT LEFT, "|áb" },
	{ "right over decomposed", SL, 0, 0, "a" HAT ACUTE "b" HOME RIGHT,
	    "ấ|b" },
	{ "left over CJK", SL, 0, 0, "中文" LEFT, "中|文" },
	{ "right over CJK", SL, 0, 0, "中文" HOME RIGHT, "中|文" },
	{ "left over skin tone", SL, 0, 0, "a👍🏽b" LEFT LEFT, "a|👍🏽b" },
	{ "right over skin tone", SL, 0, 0, "a👍🏽b" HOME RIGHT RIGHT,
	    "a👍🏽|b" },
	{ "BS over skin tone", SL, 0, 0, "a👍🏽" BS, "a|" },
	/* libunistring 1.0 steps into flags and ZWJ sequences; at least
	 * left and right must agree. */
	{ "left and right over flag", SL, 0, 0, "a🇻🇳" LEFT LEFT RIGHT RIGHT,
	    "a🇻🇳|" },
	{ "left at start", SL, 0, 0, "ab" HOME LEFT, "|ab" },
	{ "right at end", SL, 0, 0, "ab" RIGHT, "ab|" },
	{ "home", SL, 0, 0, "abc" HOME, "|abc" },
	{ "end", SL, 0, 0, "abc" HOME END, "abc|" },
	/* Kills. */
	{ "Ctrl-U", SL, 0, 0, "xin chào" LEFT LEFT LEFT KILL_START, "|hào" },
	{ "Ctrl-U at start", SL, 0, 0, "ab" HOME KILL_START, "|ab" },
	{ "Ctrl-K", SL, 0, 0, "xin chào" LEFT LEFT LEFT KILL_END, "xin c|" },
	{ "Ctrl-K decomposed", SL, 0, 0, "cha" GRAVE "o" LEFT LEFT KILL_END,
	    "ch|" },
	{ "Ctrl-K at end", SL, 0, 0, "ab" KILL_END, "ab|" },
	{ "Ctrl-W", SL, 0, 0, "một hai" KILL_WORD, "một |" },
	{ "Ctrl-W after spaces", SL, 0, 0, "một hai  " KILL_WORD, "một |" },
	{ "Ctrl-W twice", SL, 0, 0, "một hai" KILL_WORD KILL_WORD, "|" },
	{ "Ctrl-W inside a word", SL, 0, 0, "abc def" LEFT LEFT KILL_WORD,
	    "abc |ef" },
	{ "Ctrl-W decomposed", SL, 0, 0, "Vie" HAT DOT "t Nam" KILL_WORD,
	    "Việt |" },
	{ "Ctrl-W decomposed twice", SL, 0, 0,
	    "Vie" HAT DOT "t Nam" KILL_WORD KILL_WORD, "|" },
	{ "Ctrl-W spaces only", SL, 0, 0, "   " KILL_WORD, "|" },
	{ "Ctrl-W punctuation", SL, 0, 0, "a, b.c" KILL_WORD, "a, |" },
	{ "Ctrl-W keeps the rest", SL, 0, 0, "ab cd" LEFT LEFT LEFT KILL_WORD,
	    "| cd" },
	/* Word by word, words as Ctrl-W deletes them. */
	{ "word left", SL, 0, 0, "một hai" WORD_LEFT, "một |hai" },
	{ "word left over spaces", SL, 0, 0, "một hai  " WORD_LEFT, "một |hai  " },
	{ "word left twice", SL, 0, 0, "một hai" WORD_LEFT WORD_LEFT, "|một hai" },
	{ "word left at start", SL, 0, 0, "ab" HOME WORD_LEFT, "|ab" },
	{ "word left inside a word", SL, 0, 0, "abc def" LEFT LEFT WORD_LEFT,
	    "abc |def" },
	{ "word left decomposed", SL, 0, 0, "Vie" HAT DOT "t Nam" WORD_LEFT WORD_LEFT,
	    "|Việt Nam" },
	{ "word right", SL, 0, 0, "một hai" HOME WORD_RIGHT, "một| hai" },
	{ "word right twice", SL, 0, 0, "một  hai ba" HOME WORD_RIGHT WORD_RIGHT,
	    "một  hai| ba" },
	{ "word right inside a word", SL, 0, 0, "abc def" HOME RIGHT WORD_RIGHT,
	    "abc| def" },
	{ "word right at end", SL, 0, 0, "ab" WORD_RIGHT, "ab|" },
	{ "word right decomposed", SL, 0, 0, "Vie" HAT DOT "t Nam" HOME WORD_RIGHT,
	    "Việt| Nam" },
	{ "word right types there", SL, 0, 0, "a c" HOME WORD_RIGHT " b", "a b| c" },
	/* Multi-line. */
	{ "Enter", ML, 0, 0, "ab" ENTER "cd", "ab\ncd|" },
	{ "home of a line", ML, 0, 0, "ab" ENTER "cd" HOME, "ab\n|cd" },
	{ "end of a line", ML, 0, 0, "ab" ENTER "cd" LEFT LEFT LEFT LEFT END,
	    "ab|\ncd" },
	{ "Ctrl-U on a line", ML, 0, 0, "ab" ENTER "cd" KILL_START, "ab\n|" },
	{ "Ctrl-U joins", ML, 0, 0, "ab" ENTER "cd" KILL_START KILL_START,
	    "ab|" },
	{ "Ctrl-K on a line", ML, 0, 0, "ab" ENTER "cd" HOME KILL_END,
	    "ab\n|" },
	{ "Ctrl-K joins", ML, 0, 0, "ab" ENTER "cd" HOME LEFT KILL_END,
	    "ab|cd" },
	{ "BS joins", ML, 0, 0, "ab" ENTER "cd" HOME BS, "ab|cd" },
	{ "join composes", ML, 0, 0, "a" ENTER ACUTE HOME BS, "á|" },
	{ "Ctrl-W over newline", ML, 0, 0, "ab" ENTER KILL_WORD, "|" },
	{ "word left over newline", ML, 0, 0, "ab" ENTER "cd" HOME WORD_LEFT, "|ab\ncd" },
	{ "word right to the newline", ML, 0, 0,
	    "ab" ENTER "cd" WORD_LEFT WORD_LEFT WORD_RIGHT, "ab|\ncd" },
	{ "word right over newline", ML, 0, 0,
	    "ab" ENTER "cd" WORD_LEFT WORD_LEFT WORD_RIGHT WORD_RIGHT, "ab\ncd|" },
	/* Up and down by visual row. */
	{ "up", ML, 0, 4, "aaa bbb ccc" UP, "aaa bbb| ccc" },
	{ "up twice", ML, 0, 4, "aaa bbb ccc" UP UP, "aaa| bbb ccc" },
	{ "up on first row", ML, 0, 4, "aaa bbb ccc" UP UP UP,
	    "aaa| bbb ccc" },
	{ "down", ML, 0, 4, "aaa bbb ccc" HOME DOWN, "aaa |bbb ccc" },
	{ "down on last row", ML, 0, 4, "aaa bbb ccc" HOME DOWN DOWN DOWN,
	    "aaa bbb |ccc" },
	{ "up in a cut word", ML, 0, 3, "abcdefgh" UP, "abcde|fgh" },
	{ "up stays on a cut row", ML, 0, 3, "xyz" ENTER "abcdef" UP,
	    "xyz\nab|cdef" },
	{ "down stays on a cut row", ML, 0, 3,
	    "xyz" ENTER "abcdef" HOME UP END DOWN, "xyz\nab|cdef" },
	{ "up to an empty line", ML, 0, 10, "ab" ENTER ENTER "cd" UP,
	    "ab\n|\ncd" },
	{ "up from trailing newline", ML, 0, 10, "ab" ENTER UP, "|ab\n" },
	{ "down to trailing newline", ML, 0, 10, "ab" ENTER UP DOWN,
	    "ab\n|" },
	{ "up in Vietnamese", ML, 0, 10, "Cải cách hành chính" UP,
	    "Cải cách| hành chính" },
	{ "down in Vietnamese", ML, 0, 10, "Cải cách hành chính" UP DOWN,
	    "Cải cách hành chí|nh" },
	{ "up in decomposed", ML, 0, 10,
	    "Ca" HOOK "i ca" ACUTE "ch ha" GRAVE "nh chi" ACUTE "nh" UP,
	    "Cải cách| hành chính" },
	{ "up over wide letters", ML, 0, 4, "中文字幕" LEFT UP, "中|文字幕" },
	/* Maximum length in letters. */
	{ "max refuses", SL, 3, 0, "abcd", "abc|" },
	{ "max lets a mark compose", SL, 3, 0, "abc" ACUTE, "abć|" },
	{ "max counts letters", SL, 2, 0, "a" HAT ACUTE "e" HAT "o",
	    "ấê|" },
	{ "max in the middle", SL, 3, 0, "abc" LEFT "x", "ab|c" },
	{ "max after BS", SL, 3, 0, "abc" BS "d", "abd|" },
	{ "max with emoji", SL, 2, 0, "👍🏽ab", "👍🏽a|" },
	{ "max counts newlines", ML, 3, 0, "ab" ENTER "c", "ab\n|" },
};

START_TEST(test_edit)
{
	struct editor	*ed = make(edits[_i].multiline, edits[_i].max);

	press(ed, edits[_i].keys, edits[_i].width);
	check_state(ed, edits[_i].want, edits[_i].name);
	editor_free(ed);
}
END_TEST

static const struct {
	const char	*name;
	bool		 multiline;
	size_t		 max;
	const char	*keys;		/* before the paste */
	const char	*paste;
	const char	*want;
	int		 rc;
} pastes[] = {
	{ "newlines and tabs, single line", SL, 0, "",
	    "a\nb\tc\r\nd\re", "a b c d e|", 0 },
	{ "newlines and tabs, multi-line", ML, 0, "",
	    "a\nb\tc\r\nd\re", "a\nb c\nd\ne|", 0 },
	{ "controls", SL, 0, "", "a\x01\x1b[b\x7f" "c\xc2\x85" "d",
	    "a[bcd|", 0 },
	{ "controls, multi-line", ML, 0, "", "a\x01\x1b[b\x7f" "c\n",
	    "a[bc\n|", 0 },
	{ "invalid UTF-8", SL, 0, "", "x\xffy\xc3", "xy|", 0 },
	{ "decomposed", SL, 0, "", "Nguye" HAT TILDE "n", "Nguyễn|", 0 },
	{ "mark composes with the text", SL, 0, "â", ACUTE "x", "ấx|", 0 },
	{ "in the middle", SL, 0, "ad" LEFT, "bc", "abc|d", 0 },
	{ "before a lone mark", SL, 0, ACUTE HOME, "xa", "xá|", 0 },
	{ "empty", SL, 0, "ab", "", "ab|", 0 },
	{ "only controls", SL, 0, "ab", "\x01\x02", "ab|", 0 },
	{ "max cuts", SL, 5, "ab", "cdefg", "abcde|", 0 },
	{ "max cuts decomposed", SL, 3, "", "a" HAT ACUTE "e" HAT "ou",
	    "ấêo|", 0 },
	{ "max cuts in the middle", SL, 4, "ad" LEFT, "bcxyz", "abc|d", 0 },
	{ "max full", SL, 2, "ab", "c", "ab|", -1 },
	{ "max full, mark", SL, 2, "ab", ACUTE, "ab" ACUTE "|", 0 },
};

START_TEST(test_paste)
{
	struct editor	*ed = make(pastes[_i].multiline, pastes[_i].max);
	int		 rc;

	press(ed, pastes[_i].keys, 0);
	errno = 0;
	rc = editor_insert_text(ed, pastes[_i].paste);
	ck_assert_int_eq(rc, pastes[_i].rc);
	if (rc == -1)
		ck_assert_int_eq(errno, ENOSPC);
	check_state(ed, pastes[_i].want, pastes[_i].name);
	editor_free(ed);
}
END_TEST

START_TEST(test_refusals)
{
	struct editor	*ed = make(SL, 2);

	press(ed, "ab", 0);
	errno = 0;
	ck_assert_int_eq(editor_insert(ed, 'c'), -1);
	ck_assert_int_eq(errno, ENOSPC);
	ck_assert_int_eq(editor_insert(ed, 0x0301), 0);
	errno = 0;
	ck_assert_int_eq(editor_insert(ed, 0xd800), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(editor_insert(ed, 0x110000), -1);
	errno = 0;
	ck_assert_int_eq(editor_replace(ed, 2, 1, "x"), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(editor_replace(ed, 0, 99, "x"), -1);
	check_state(ed, "ab" ACUTE "|", "after refusals");

	/* Text set longer than the maximum stays; it can shrink, not grow. */
	ck_assert_int_eq(editor_set_text(ed, "abcd"), 0);
	check_state(ed, "abcd|", "set beyond max");
	ck_assert_int_eq(editor_insert(ed, 'x'), -1);
	ck_assert_int_eq(editor_insert(ed, 0x0302), 0);
	press(ed, BS LEFT, 0);
	ck_assert_int_eq(editor_insert_text(ed, "x"), -1);
	ck_assert_int_eq(editor_replace(ed, 1, 2, "y"), 0);
	check_state(ed, "ay|c", "shrunk beyond max");
	editor_free(ed);
}
END_TEST

START_TEST(test_set_text_and_changed)
{
	struct editor	*ed = make(SL, 0);

	ck_assert(!editor_changed(ed));
	ck_assert_int_eq(editor_set_text(ed,
	    "Nguye" HAT TILDE "n\nVa" BREVE "n"), 0);
	/* Normalised and cleaned like input. */
	check_state(ed, "Nguyễn Văn|", "set");
	ck_assert(!editor_changed(ed));
	press(ed, "x", 0);
	ck_assert(editor_changed(ed));
	/* Changed means different, not touched. */
	press(ed, BS, 0);
	ck_assert(!editor_changed(ed));
	press(ed, BS, 0);
	ck_assert(editor_changed(ed));
	press(ed, "n", 0);
	ck_assert(!editor_changed(ed));
	press(ed, KILL_START, 0);
	ck_assert(editor_changed(ed));
	ck_assert_int_eq(editor_mark_saved(ed), 0);
	ck_assert(!editor_changed(ed));
	press(ed, "a" HAT, 0);
	ck_assert(editor_changed(ed));
	ck_assert_int_eq(editor_set_text(ed, ""), 0);
	check_state(ed, "|", "set empty");
	ck_assert(!editor_changed(ed));
	editor_free(ed);
}
END_TEST

static const struct {
	const char	*text;
	size_t		 at;		/* asked for */
	size_t		 cursor;	/* got */
	int		 col;
} cursors[] = {
	{ "a" ACUTE "b", 0, 0, 0 },
	{ "a" ACUTE "b", 1, 0, 0 },		/* inside á */
	{ "a" ACUTE "b", 2, 2, 1 },
	{ "a" ACUTE "b", 99, 3, 2 },
	{ "q" ACUTE "x", 1, 0, 0 },		/* inside q + mark */
	{ "q" ACUTE "x", 3, 3, 1 },
	{ "中文a", 3, 3, 2 },
	{ "中文a", 4, 3, 2 },
	{ "中文a", 7, 7, 5 },
	{ "Vie" HAT DOT "t", 99, 6, 4 },
	{ "👍🏽x", 4, 0, 0 },
};

START_TEST(test_cursor)
{
	struct editor	*ed = make(SL, 0);

	ck_assert_int_eq(editor_set_text(ed, cursors[_i].text), 0);
	editor_set_cursor(ed, cursors[_i].at);
	ck_assert_uint_eq(editor_cursor(ed), cursors[_i].cursor);
	ck_assert_int_eq(editor_cursor_col(ed), cursors[_i].col);
	editor_free(ed);
}
END_TEST

START_TEST(test_cursor_col_multiline)
{
	struct editor	*ed = make(ML, 0);

	press(ed, "abc" ENTER "đư", 0);
	ck_assert_int_eq(editor_cursor_col(ed), 2);
	press(ed, HOME, 0);
	ck_assert_int_eq(editor_cursor_col(ed), 0);
	editor_free(ed);
}
END_TEST

static const struct {
	const char	*text;	/* '|' marks the cursor */
	const char	*word;
} words[] = {
	{ "xin chàoo|", "chàoo" },
	{ "xin chào |", "" },
	{ "a1bc|", "bc" },
	{ "đường|", "đường" },
	{ "Việt-Nam|", "Nam" },
	{ "abc|def", "abc" },
	{ "|abc", "" },
	{ "q" ACUTE "|", "q" ACUTE },
	{ "|", "" },
};

/* Sets text with a '|' at the cursor. */
static void
set_state(struct editor *ed, const char *s)
{
	const char	*bar = strchr(s, '|');
	char		*t = malloc(strlen(s));

	ck_assert_ptr_nonnull(bar);
	ck_assert_ptr_nonnull(t);
	memcpy(t, s, bar - s);
	strcpy(t + (bar - s), bar + 1);
	ck_assert_int_eq(editor_set_text(ed, t), 0);
	editor_set_cursor(ed, bar - s);
	ck_assert_uint_eq(editor_cursor(ed), (size_t)(bar - s));
	free(t);
}

START_TEST(test_word_before)
{
	struct editor	*ed = make(SL, 0);
	size_t		 start, end;

	set_state(ed, words[_i].text);
	editor_word_before(ed, &start, &end);
	ck_assert_uint_eq(end, editor_cursor(ed));
	ck_assert_uint_le(start, end);
	ck_assert_uint_eq(end - start, strlen(words[_i].word));
	ck_assert(memcmp(editor_text(ed) + start, words[_i].word,
	    end - start) == 0);
	editor_free(ed);
}
END_TEST

START_TEST(test_replace)
{
	struct editor	*ed = make(SL, 0);
	size_t		 start, end;

	set_state(ed, "xin chaof|");
	editor_word_before(ed, &start, &end);
	ck_assert_int_eq(editor_replace(ed, start, end, "chào"), 0);
	check_state(ed, "xin chào|", "whole word");
	set_state(ed, "aa|bb");
	editor_word_before(ed, &start, &end);
	ck_assert_int_eq(editor_replace(ed, start, end, "a" HAT), 0);
	check_state(ed, "â|bb", "decomposed replacement");
	set_state(ed, "tôi|");
	ck_assert_int_eq(editor_replace(ed, 1, 3, "o" HAT ACUTE), 0);
	check_state(ed, "tố|i", "inside a word");
	editor_free(ed);

	ed = make(SL, 3);
	set_state(ed, "ab|");
	ck_assert_int_eq(editor_replace(ed, 0, 2, "xyzw"), 0);
	check_state(ed, "xyz|", "cut to max");
	editor_free(ed);
}
END_TEST

/* A paste of 100,000 letters, mixed NFC, decomposed, newlines and tabs,
 * arrives whole and in order.  No timing assert: a quadratic paste shows as
 * a test that times out. */
START_TEST(test_big_paste)
{
	static const char	*const pieces[] = {
		"Cải cách ", "ha" GRAVE "nh chi" ACUTE "nh\n", "中文\t",
		"x\x01", "👍🏽 ",
	};
	struct editor		*ed = make(SL, 0);
	size_t			 cap = 1 << 20, len = 0, chars = 0, i, n;
	char			*paste = malloc(cap), *clean, *want;
	const char		*got;

	ck_assert_ptr_nonnull(paste);
	for (i = 0; chars < 100000; i++) {
		strcpy(paste + len, pieces[i % NELEM(pieces)]);
		chars += u8_strlen((const uint8_t *)paste + len);
		len += strlen(paste + len);
	}
	press(ed, "<>" LEFT, 0);
	ck_assert_int_eq(editor_insert_text(ed, paste), 0);

	/* What it should be, cleaned by hand. */
	clean = malloc(len + 1);
	ck_assert_ptr_nonnull(clean);
	for (i = n = 0; i < len; i++) {
		if (paste[i] == '\n' || paste[i] == '\t')
			clean[n++] = ' ';
		else if (paste[i] != '\x01')
			clean[n++] = paste[i];
	}
	clean[n] = '\0';
	want = text_nfc(clean);
	ck_assert_ptr_nonnull(want);
	n = strlen(want);
	got = editor_text(ed);
	ck_assert_uint_eq(editor_length(ed), n + 2);
	ck_assert_int_eq(got[0], '<');
	ck_assert(memcmp(got + 1, want, n) == 0);
	ck_assert_str_eq(got + 1 + n, ">");
	ck_assert_uint_eq(editor_cursor(ed), n + 1);
	free(want);
	free(clean);
	free(paste);
	editor_free(ed);
}
END_TEST

static const char *const scroll_texts[] = {
	"Cải cách hành chính xã Tân Phú năm 2025",
	"中文字幕测试abc中文",
	"a👍🏽b🇻🇳c中",
	"q" ACUTE "x" ACUTE "y" ACUTE "z",
	"",
};

/* True when at is a grapheme boundary of s. */
static bool
on_boundary(const char *s, size_t at)
{
	size_t	p = 0;

	while (p < at)
		p = text_next_grapheme(s, p);
	return p == at;
}

static void
check_visible(const struct editor *ed, int width, size_t off)
{
	const char	*t = editor_text(ed);
	size_t		 cur = editor_cursor(ed);
	char		*shown = strndup(t + off, cur - off);
	char		*under;
	int		 col, w;

	ck_assert_uint_le(off, cur);
	ck_assert(on_boundary(t, off));
	ck_assert_ptr_nonnull(shown);
	col = text_width(shown);
	ck_assert_int_le(col, width - 1);
	/* The letter under the cursor shows whole when it can. */
	under = strndup(t + cur, text_next_grapheme(t, cur) - cur);
	ck_assert_ptr_nonnull(under);
	w = text_width(under);
	if (w <= width)
		ck_assert_int_le(col + w, width);
	/* Nothing hidden on the left while the field has room. */
	if (text_width(t) + 1 <= width)
		ck_assert_uint_eq(off, 0);
	free(under);
	free(shown);
}

START_TEST(test_scroll_visible)
{
	struct editor	*ed = make(SL, 0);
	size_t		 off = 0;
	int		 width;

	ck_assert_int_eq(editor_set_text(ed, scroll_texts[_i]), 0);
	for (width = 1; width <= 20; width++) {
		editor_home(ed);
		off = editor_scroll(ed, width, off);
		check_visible(ed, width, off);
		while (editor_right(ed)) {
			off = editor_scroll(ed, width, off);
			check_visible(ed, width, off);
		}
		while (editor_left(ed)) {
			off = editor_scroll(ed, width, off);
			check_visible(ed, width, off);
		}
		/* A stale offset after a kill, and one inside a letter. */
		editor_end(ed);
		off = editor_scroll(ed, width, off);
		ck_assert_int_eq(editor_kill_word(ed), 0);
		off = editor_scroll(ed, width, off);
		check_visible(ed, width, off);
		off = editor_scroll(ed, width, 1);
		check_visible(ed, width, off);
		ck_assert_int_eq(editor_set_text(ed, scroll_texts[_i]), 0);
	}
	editor_free(ed);
}
END_TEST

/* The offset moves only as far as the cursor needs. */
START_TEST(test_scroll_minimal)
{
	static const struct {
		const char	*keys;
		size_t		 off;
	} steps[] = {
		{ "", 6 },		/* "ghij" and the cursor */
		{ HOME, 0 },
		{ RIGHT RIGHT RIGHT RIGHT, 0 },
		{ RIGHT, 1 },
		{ RIGHT RIGHT, 3 },
		{ LEFT LEFT LEFT, 3 },
		{ LEFT, 3 },
		{ LEFT, 2 },
		{ END, 6 },
		{ BS BS BS BS BS BS, 0 },	/* "abcd" fits again */
	};
	struct editor	*ed = make(SL, 0);
	size_t		 off = 0, i;

	ck_assert_int_eq(editor_set_text(ed, "abcdefghij"), 0);
	for (i = 0; i < NELEM(steps); i++) {
		press(ed, steps[i].keys, 0);
		off = editor_scroll(ed, 5, off);
		ck_assert_msg(off == steps[i].off, "step %zu: offset %zu",
		    i, off);
	}
	/* A wide letter under the cursor shows whole. */
	ck_assert_int_eq(editor_set_text(ed, "abcd中"), 0);
	editor_left(ed);
	ck_assert_uint_eq(editor_scroll(ed, 5, 0), 1);
	editor_free(ed);
}
END_TEST

static const struct {
	const char	*text;	/* '|' marks the cursor */
	int		 width;
	int		 row;
	int		 col;
} locations[] = {
	{ "|", 10, 0, 0 },
	{ "aaa bbb ccc|", 4, 2, 3 },
	{ "aaa |bbb ccc", 4, 1, 0 },
	{ "aaa| bbb ccc", 4, 0, 3 },
	{ "abc|", 3, 0, 2 },			/* after a full row */
	{ "abc|def", 3, 1, 0 },
	{ "ab\n|", 10, 1, 0 },
	{ "ab\n\ncd|", 10, 2, 2 },
	{ "Cải cách hành|", 10, 1, 4 },
	{ "中文字|幕", 5, 1, 2 },
};

START_TEST(test_locate)
{
	struct editor	*ed = make(ML, 0);
	int		 row = -1, col = -1;

	set_state(ed, locations[_i].text);
	editor_locate(ed, locations[_i].width, &row, &col);
	ck_assert_int_eq(row, locations[_i].row);
	ck_assert_int_eq(col, locations[_i].col);
	editor_free(ed);
}
END_TEST

static Suite *
editor_suite(void)
{
	Suite	*s = suite_create("editor");
	TCase	*tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_edit, 0, NELEM(edits));
	tcase_add_loop_test(tc, test_paste, 0, NELEM(pastes));
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_set_text_and_changed);
	tcase_add_loop_test(tc, test_cursor, 0, NELEM(cursors));
	tcase_add_test(tc, test_cursor_col_multiline);
	tcase_add_loop_test(tc, test_word_before, 0, NELEM(words));
	tcase_add_test(tc, test_replace);
	tcase_add_test(tc, test_big_paste);
	tcase_add_loop_test(tc, test_scroll_visible, 0, NELEM(scroll_texts));
	tcase_add_test(tc, test_scroll_minimal);
	tcase_add_loop_test(tc, test_locate, 0, NELEM(locations));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(editor_suite());
}
