/* Unit tests for a form's state (src/ui/form_state.c) without a terminal:
 * keys and actions in, outcomes out -- typing through Telex, moving
 * between fields, saving from the last, the question before discarding,
 * unit completion through its callback, choices, a bracketed paste; and
 * the search typed on a list (src/ui/search.c). */
#include <check.h>
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/text.h"
#include "ui/form.h"
#include "ui/search.h"
#include "fixture.h"

#define WIDTH 40

static struct form *f;
static int completions;		/* calls of the completion callback */

static const char *const units[] = { "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Văn phòng HĐND và UBND" };

static int
complete(void *ctx, const char *typed, char **out, int max)
{
	char *needle = text_fold(typed);
	int n = 0;

	completions++;
	for (size_t i = 0; i < sizeof units / sizeof units[0] && n < max; i++)
		if (text_contains_folded(units[i], needle))
			out[n++] = strdup(units[i]);
	free(needle);
	return n;
}

static void
setup(void)
{
	static const char *const kinds[] = { "one", "two", "three" };

	form_set_input(INPUT_TELEX, TONE_OLD);
	completions = 0;
	ck_assert_ptr_nonnull(f = form_create("Test"));
	ck_assert_int_eq(form_add_text(f, "Name", 1, "", false), 0);
	ck_assert_int_eq(form_add_unit(f, "Unit", 2, NULL, false), 1);
	ck_assert_int_eq(form_add_choice(f, "Kind", 3, kinds, 3, 0), 2);
	ck_assert_int_eq(form_add_text(f, "Note", 4, NULL, true), 3);
	f->complete = complete;
}

static void
teardown(void)
{
	form_destroy(f);
}

static enum form_outcome
type(const char *keys)
{
	enum form_outcome o = FORM_IGNORED;

	for (const char *k = keys; *k; k++)
		o = form_take_key(f, (unsigned char)*k, WIDTH);
	return o;
}

/* A page of a document (the written report's parts): Enter breaks the
 * line and Telex goes on in the new one; in a note Enter is no text. */
START_TEST(test_page)
{
	f->focus = 3;
	ck_assert_int_eq(form_take_key(f, '\r', WIDTH), FORM_IGNORED);
	form_set_page(f, 0);
	ck_assert(!f->fields[0].page);
	form_set_page(f, 3);
	ck_assert_int_eq(type("Hoanf thanhf"), FORM_EDITED);
	ck_assert_int_eq(form_take_key(f, '\r', WIDTH), FORM_EDITED);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_ENTER), WIDTH), FORM_EDITED);
	type("ddaatj");
	ck_assert_str_eq(form_text(f, 3), "Hoàn thành\n\nđật");
	/* Up goes back a line, to where Telex reads the word again. */
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_UP), WIDTH), FORM_EDITED);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_UP), WIDTH), FORM_EDITED);
	form_take_key(f, KEYFN(KEY_END), WIDTH);
	type("s");
	ck_assert_str_eq(form_text(f, 3), "Hoàn thánh\n\nđật");
}
END_TEST

START_TEST(test_telex)
{
	ck_assert(!form_changed(f));
	ck_assert_int_eq(type("Vieetj Nam"), FORM_EDITED);
	ck_assert_str_eq(form_text(f, 0), "Việt Nam");
	ck_assert(form_changed(f));
	form_set_input(INPUT_OFF, TONE_OLD);
	type("aa");
	ck_assert_str_eq(form_text(f, 0), "Việt Namaa");
}
END_TEST

START_TEST(test_focus)
{
	ck_assert_int_eq(form_do(f, ACT_NEXT_FIELD), FORM_MOVED);
	ck_assert_int_eq(f->focus, 1);
	ck_assert_int_eq(form_do(f, ACT_PREV_FIELD), FORM_MOVED);
	ck_assert_int_eq(form_do(f, ACT_PREV_FIELD), FORM_MOVED);
	ck_assert_int_eq(f->focus, 3);		/* wraps to the last */
	ck_assert_int_eq(form_do(f, ACT_NEXT_OR_SAVE), FORM_SAVE);
	ck_assert_int_eq(form_do(f, ACT_FIELD_DOWN), FORM_MOVED);
	ck_assert_int_eq(f->focus, 0);
	ck_assert_int_eq(form_do(f, ACT_NEXT_OR_SAVE), FORM_MOVED);
	ck_assert_int_eq(f->focus, 1);
	ck_assert_int_eq(form_do(f, ACT_SAVE), FORM_SAVE);
	/* Not a form's action. */
	ck_assert_int_eq(form_do(f, ACT_PLANS), FORM_IGNORED);
}
END_TEST

/* Issue 16.3: a taken name is not re-read through Telex, and Tab takes
 * it and goes on. */
START_TEST(test_completion_ends_word)
{
	form_do(f, ACT_NEXT_FIELD);
	type("Phongf Vawn");
	ck_assert_int_eq(f->nmatches, 1);
	ck_assert_int_eq(form_do(f, ACT_NEXT_OR_SAVE), FORM_MOVED);
	ck_assert_int_eq(f->focus, 1);
	type("s");
	ck_assert_str_eq(form_text(f, 1), "Phòng Văn hóa - Xã hộis");
	form_take_key(f, 'u' & 0x1f, WIDTH);	/* Ctrl-U */
	type("Phongf Vawn");
	ck_assert_int_eq(f->nmatches, 1);
	ck_assert_int_eq(form_do(f, ACT_NEXT_FIELD), FORM_MOVED);
	ck_assert_int_eq(f->focus, 2);
}
END_TEST

/* Issue 16 item 3: a name taken in a field of several units leaves no
 * separator behind when Tab goes on; "; " comes with the next name typed. */
START_TEST(test_several_units)
{
	int several = form_add_unit(f, "Units", 5, NULL, true);

	f->focus = several;
	type("Kinh");
	ck_assert_int_eq(f->nmatches, 1);
	ck_assert_int_eq(form_do(f, ACT_NEXT_OR_SAVE), FORM_MOVED);
	ck_assert_str_eq(form_text(f, several), "Phòng Kinh tế");
	type("Phongf Vawn");
	ck_assert_str_eq(form_text(f, several), "Phòng Kinh tế; Phòng Văn");
	ck_assert_int_eq(form_do(f, ACT_NEXT_FIELD), FORM_MOVED);
	ck_assert_str_eq(form_text(f, several), "Phòng Kinh tế; Phòng Văn hóa - Xã hội");
	ck_assert_int_eq(f->focus, 0);
	/* Back in the field, typing goes on where the text ends. */
	f->focus = several;
	type(";");
	ck_assert_str_eq(form_text(f, several), "Phòng Kinh tế; Phòng Văn hóa - Xã hội;");
}
END_TEST

START_TEST(test_cancel)
{
	ck_assert_int_eq(form_do(f, ACT_CANCEL_FORM), FORM_CLOSE);
	type("x");
	ck_assert_int_eq(form_do(f, ACT_CANCEL_FORM), FORM_ASK_DISCARD);
	/* Any key but y answers "keep editing", and is not typed. */
	ck_assert_int_eq(form_take_key(f, 'n', WIDTH), FORM_KEEP);
	ck_assert_str_eq(form_text(f, 0), "x");
	ck_assert_int_eq(form_do(f, ACT_CANCEL_FORM), FORM_ASK_DISCARD);
	ck_assert_int_eq(form_take_key(f, 'y', WIDTH), FORM_DISCARD);
}
END_TEST

START_TEST(test_completion)
{
	form_set_input(INPUT_OFF, TONE_OLD);
	form_do(f, ACT_NEXT_FIELD);
	ck_assert_int_eq(type("phong"), FORM_EDITED);
	ck_assert_int_eq(completions, 5);
	ck_assert_int_eq(f->nmatches, 3);	/* "Văn phòng" too */
	/* The arrows choose among the names; Enter takes one. */
	ck_assert_int_eq(form_do(f, ACT_FIELD_DOWN), FORM_MOVED);
	ck_assert_int_eq(f->match, 1);
	ck_assert_int_eq(f->focus, 1);
	ck_assert_int_eq(form_do(f, ACT_NEXT_OR_SAVE), FORM_MOVED);
	ck_assert_str_eq(form_text(f, 1), "Phòng Kinh tế");
	ck_assert_int_eq(f->nmatches, 0);
	ck_assert_int_eq(f->focus, 1);
	/* Esc closes the list first, and only then the form. */
	form_take_key(f, KEYFN(KEY_BACKSPACE), WIDTH);
	ck_assert_int_gt(f->nmatches, 0);
	ck_assert_int_eq(form_do(f, ACT_CANCEL_FORM), FORM_TAKEN);
	ck_assert_int_eq(f->nmatches, 0);
	ck_assert_int_eq(form_do(f, ACT_CANCEL_FORM), FORM_ASK_DISCARD);
}
END_TEST

START_TEST(test_choice)
{
	f->focus = 2;
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_RIGHT), WIDTH), FORM_EDITED);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_RIGHT), WIDTH), FORM_EDITED);
	ck_assert_int_eq(form_choice(f, 2), 2);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_LEFT), WIDTH), FORM_EDITED);
	ck_assert_int_eq(form_choice(f, 2), 1);
	/* Text typed there by a Tab too few changes nothing, spaces
	 * included, and is pointed out (walk-through); a letter is never a
	 * command in a form; F1 and F2 go on to the bindings. */
	ck_assert_int_eq(form_take_key(f, ' ', WIDTH), FORM_NOT_TEXT);
	ck_assert_int_eq(form_take_key(f, 'q', WIDTH), FORM_NOT_TEXT);
	ck_assert_int_eq(form_choice(f, 2), 1);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_F(1)), WIDTH), FORM_IGNORED);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_F(2)), WIDTH), FORM_IGNORED);
	ck_assert_int_eq(form_choice(f, 2), 1);
}
END_TEST

START_TEST(test_paste)
{
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_PASTE_START), WIDTH), FORM_TAKEN);
	ck_assert_int_eq(type("aas"), FORM_TAKEN);
	ck_assert_str_eq(form_text(f, 0), "");
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_PASTE_END), WIDTH), FORM_PASTED);
	/* As it is: not through Telex. */
	ck_assert_str_eq(form_text(f, 0), "aas");
}
END_TEST

START_TEST(test_long_text)
{
	form_set_input(INPUT_OFF, TONE_OLD);
	f->focus = 3;
	/* 12 words of 5 columns: two lines of 40. */
	for (int i = 0; i < 12; i++)
		type("word ");
	/* Up moves inside the text while it can, then it is an action. */
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_UP), WIDTH), FORM_EDITED);
	ck_assert_int_eq(form_take_key(f, KEYFN(KEY_UP), WIDTH), FORM_IGNORED);
	ck_assert_int_eq(form_do(f, ACT_FIELD_UP), FORM_MOVED);
	ck_assert_int_eq(f->focus, 2);
}
END_TEST

START_TEST(test_search)
{
	struct search q = { 0 };

	ck_assert_int_eq(search_start(&q), 0);
	ck_assert(q.typing);
	ck_assert_int_eq(search_key(&q, 'v'), SEARCH_CHANGED);
	ck_assert_int_eq(search_key(&q, 0x1ec7), SEARCH_CHANGED);	/* ệ */
	ck_assert_str_eq(q.query, "vệ");
	ck_assert_int_eq(search_key(&q, KEYFN(KEY_BACKSPACE)), SEARCH_CHANGED);
	ck_assert_str_eq(q.query, "v");
	ck_assert_int_eq(search_key(&q, KEYFN(KEY_F(5))), SEARCH_IGNORED);
	ck_assert_int_eq(search_key(&q, '\r'), SEARCH_KEPT);
	ck_assert(!q.typing);
	ck_assert_str_eq(q.query, "v");
	ck_assert_int_eq(search_start(&q), 0);
	search_key(&q, 'x');
	ck_assert_int_eq(search_key(&q, 27), SEARCH_DROPPED);
	ck_assert_str_eq(q.query, "");
	search_free(&q);
}
END_TEST

/* The query is typed as a form's field is: Telex, and the editing keys. */
START_TEST(test_search_telex)
{
	struct search q = { 0 };
	const char *keys = "thur tucj";

	form_set_input(INPUT_TELEX, TONE_OLD);
	ck_assert_int_eq(search_start(&q), 0);
	for (const char *k = keys; *k; k++)
		ck_assert_int_eq(search_key(&q, *k), SEARCH_CHANGED);
	ck_assert_str_eq(q.query, "thủ tục");
	ck_assert_uint_eq(search_cursor(&q), strlen("thủ tục"));
	ck_assert_int_eq(search_key(&q, 0x17), SEARCH_CHANGED);	/* Ctrl-W */
	ck_assert_str_eq(q.query, "thủ ");
	ck_assert_int_eq(search_key(&q, 0x15), SEARCH_CHANGED);	/* Ctrl-U */
	ck_assert_str_eq(q.query, "");
	form_set_input(INPUT_OFF, TONE_OLD);
	search_key(&q, 'a');
	search_key(&q, 's');
	ck_assert_str_eq(q.query, "as");
	/* A new search starts empty. */
	ck_assert_int_eq(search_start(&q), 0);
	ck_assert_str_eq(q.query, "");
	search_key(&q, 'b');
	ck_assert_str_eq(q.query, "b");
	search_free(&q);
}
END_TEST

static Suite *
form_suite(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("state");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_telex);
	tcase_add_test(tc, test_page);
	tcase_add_test(tc, test_focus);
	tcase_add_test(tc, test_cancel);
	tcase_add_test(tc, test_completion);
	tcase_add_test(tc, test_completion_ends_word);
	tcase_add_test(tc, test_several_units);
	tcase_add_test(tc, test_choice);
	tcase_add_test(tc, test_paste);
	tcase_add_test(tc, test_long_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("search");
	tcase_add_test(tc, test_search);
	tcase_add_test(tc, test_search_telex);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	/* The search turns keys into UTF-8 with wctomb. */
	setlocale(LC_ALL, "C.UTF-8");
	return fixture_run(form_suite());
}
