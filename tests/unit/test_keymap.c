/* Unit tests for the key tables (src/ui/actions.c, keymap.c): every key
 * of a screen means one action there, actions have unique names, and the
 * lookup a key goes through. */
#include <check.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui/screen.h"
#include "fixture.h"

static const struct screen_type *
screen_titled(const char *title)
{
	for (int i = 0; screen_types[i] != NULL; i++)
		if (strcmp(screen_types[i]->title, title) == 0)
			return screen_types[i];
	ck_abort_msg("no screen \"%s\"", title);
	return NULL;
}

START_TEST(test_no_key_twice)
{
	char msg[256] = "";
	int n = 0;

	while (screen_types[n] != NULL)
		n++;
	ck_assert_int_ge(n, 20);
	ck_assert_msg(screen_types_check(msg, sizeof msg) == 0, "%s", msg);
}
END_TEST

/* The check finds a clash: 'k' as both "plans" and "up", as the
 * dashboard had it. */
START_TEST(test_clash_found)
{
	static const struct binding clash[] = {
		{ ACT_PLANS, NULL, true },
		{ ACT_UP, NULL, true },
	};
	static const struct screen_type t = { "Clash", clash, 2, NULL, NULL, NULL, NULL, NULL };
	char msg[256] = "";

	ck_assert_int_eq(screen_type_check(&t, msg, sizeof msg), -1);
	ck_assert_msg(strstr(msg, "plans") && strstr(msg, "up") && strstr(msg, "107"), "%s", msg);
}
END_TEST

START_TEST(test_names)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const struct action_def *d = action_def(a);

		ck_assert_msg((int)d->action == a && d->name != NULL, "action %d", a);
		ck_assert_msg(d->keys[0] != 0 && d->key_label && d->label, "%s", d->name);
		for (int b = a + 1; b < ACT_COUNT; b++)
			ck_assert_msg(action_def(b)->name == NULL ||
			    strcmp(d->name, action_def(b)->name) != 0, "%s twice", d->name);
	}
}
END_TEST

START_TEST(test_lookup)
{
	const struct screen_type *dash = screen_titled("Dashboard");
	const struct screen_type *form = screen_titled("Form");

	ck_assert_int_eq(screen_binding(dash, 'k')->action, ACT_PLANS);
	ck_assert_int_eq(screen_binding(dash, KEYFN(KEY_UP))->action, ACT_ARROW_UP);
	ck_assert_int_eq(screen_binding(dash, 'j')->action, ACT_DOWN);
	ck_assert_ptr_null(screen_binding(dash, 'q'));
	ck_assert_int_eq(global_action('q'), ACT_QUIT);
	ck_assert_int_eq(global_action(KEYFN(KEY_F(1))), ACT_HELP);
	/* A form: F10 cancels (asking first), not quits; Enter goes on. */
	ck_assert_int_eq(screen_binding(form, KEYFN(KEY_F(10)))->action, ACT_CANCEL_FORM);
	ck_assert_int_eq(screen_binding(form, 27)->action, ACT_CANCEL_FORM);
	ck_assert_int_eq(screen_binding(form, KEYFN(KEY_F(2)))->action, ACT_SAVE);
	ck_assert_int_eq(screen_binding(form, KEYFN(KEY_F(4)))->action, ACT_INPUT_MODE);
	ck_assert_int_eq(screen_binding(form, '\t')->action, ACT_NEXT_FIELD);
	ck_assert_int_eq(screen_binding(form, KEYFN(KEY_BTAB))->action, ACT_PREV_FIELD);
	ck_assert_int_eq(screen_binding(form, '\r')->action, ACT_NEXT_OR_SAVE);
	ck_assert_ptr_null(screen_binding(form, 'k'));
	/* Nor does a form's key bar offer to quit: its q is typed. */
	ck_assert(!screen_offers_global(form, ACT_QUIT));
	ck_assert(screen_offers_global(form, ACT_HELP));
	ck_assert(screen_offers_global(dash, ACT_QUIT));
}
END_TEST

/* Whether key label a names key (its labels list keys as "Up/Down" or
 * "Home, Ctrl-A"). */
static bool
label_names(const char *a, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = a; (p = strstr(p, key)) != NULL; p += n)
		if ((p == a || p[-1] == '/' || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == '/' || p[n] == ','))
			return true;
	return false;
}

/* F1 lists each key once under a heading: no row names a key another row
 * has named, as "Down" after "Up/Down" did. */
START_TEST(test_help_once)
{
	for (int i = 0; screen_types[i] != NULL; i++) {
		const struct screen_type *t = screen_types[i];
		struct help_row rows[128];
		int n = help_rows(t, NULL);

		ck_assert_int_le(n, 128);
		help_rows(t, rows);
		for (int a = 0; a < n; a++) {
			const char *la = action_def(rows[a].action)->key_label;

			if (rows[a].action == ACT_NONE)
				continue;
			for (int b = a + 1; b < n && rows[b].action != ACT_NONE; b++) {
				char key[64];
				const char *lb = action_def(rows[b].action)->key_label;

				/* Each key of b's label, as la would name it. */
				for (const char *p = lb; *p != '\0';) {
					size_t k = strcspn(p, "/,");

					snprintf(key, sizeof key, "%.*s", (int)k, p);
					ck_assert_msg(k == 0 || !label_names(la, key), "screen \"%s\": %s is in %s and %s",
					    t->title, key, action_def(rows[a].action)->name,
					    action_def(rows[b].action)->name);
					p += k;
					p += strspn(p, "/, ");
				}
			}
		}
	}
}
END_TEST

static Suite *
keymap_suite(void)
{
	Suite *s = suite_create("keymap");
	TCase *tc = tcase_create("keymap");

	tcase_add_test(tc, test_no_key_twice);
	tcase_add_test(tc, test_clash_found);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_lookup);
	tcase_add_test(tc, test_help_once);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(keymap_suite());
}
