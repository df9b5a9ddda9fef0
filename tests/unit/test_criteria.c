/* Unit tests for criteria sets (criteria.c): the shipped commune template
 * (its tree, its 100 points, its template notice), import -> export ->
 * import giving the same set, refused files naming line and field, and the
 * editor's operations (add, edit, move, delete) with the warnings where
 * maxima do not add up. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/par/criteria.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])


static struct db *db;


static void
setup(void)
{
	db = fixture_open("criteria", false, false);
	setenv("CCHC_DATADIR", fixture_datadir(), 1);
}

static void
teardown(void)
{
	fixture_close(db);
}

static int64_t
import_template(struct criteria_set *s)
{
	int64_t id = criteria_import_template(db, 2025);

	ck_assert_msg(id > 0, "import: %s", db_error(db));
	ck_assert_int_eq(criteria_load(db, id, s), 0);
	return id;
}

static int
find(const struct criteria_set *s, const char *code)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->nodes[i].code, code) == 0)
			return i;
	ck_abort_msg("no criterion %s", code);
	return -1;
}

/* The template: 8 top-level parts (the seven sections and the survey), 40
 * leaves, 100 points of which 32 are the survey's; it says it is a
 * template; nothing fails to add up. */
START_TEST(test_template)
{
	struct criteria_set s;
	struct criteria_warning *w;
	int top = 0, leaves = 0, nw;
	double total = 0, survey = 0;

	import_template(&s);
	ck_assert_int_eq(s.year, 2025);
	ck_assert_str_eq(s.level, "xa");
	ck_assert_ptr_nonnull(strstr(s.name, "MẪU"));
	ck_assert_ptr_nonnull(strstr(s.nodes[0].hint, "MẪU"));
	for (int i = 0; i < s.n; i++) {
		const struct par_node *c = &s.nodes[i];

		if (c->parent < 0) {
			top++;
			total += c->max;
		}
		if (c->leaf) {
			leaves++;
			if (c->kind == RULE_SURVEY)
				survey += c->max;
		}
		/* every parent comes before its children */
		ck_assert_int_lt(c->parent, i);
	}
	ck_assert_int_eq(top, 8);
	ck_assert_int_eq(leaves, 40);
	ck_assert_double_eq_tol(total, 100, 1e-9);
	ck_assert_double_eq_tol(survey, 32, 1e-9);
	ck_assert_int_eq(criteria_check(&s, &w, &nw), 0);
	ck_assert_int_eq(nw, 0);
	/* 3.2 is the on-time rate, by bands, from the target's result */
	ck_assert_int_eq(s.nodes[find(&s, "3.2")].kind, RULE_BANDS);
	ck_assert_int_eq(s.nodes[find(&s, "3.2")].rule.nbands, 4);
	ck_assert_str_eq(s.nodes[find(&s, "3.2")].source, "target:giải quyết đúng hạn");
	ck_assert_int_eq(s.nodes[find(&s, "3.2")].parent, find(&s, "3"));
	/* bands: A from 90 */
	ck_assert_int_eq(s.nbands, 4);
	ck_assert_str_eq(criteria_band(&s, 90), "A");
	ck_assert_str_eq(criteria_band(&s, 89.99), "B");
	ck_assert_str_eq(criteria_band(&s, 70), "C");
	ck_assert_str_eq(criteria_band(&s, 12), "D");
	criteria_free(&s);
}
END_TEST

static void
assert_same(const struct criteria_set *a, const struct criteria_set *b)
{
	ck_assert_int_eq(a->year, b->year);
	ck_assert_str_eq(a->level, b->level);
	ck_assert_str_eq(a->name, b->name);
	ck_assert_str_eq(a->note, b->note);
	ck_assert_double_eq(a->total, b->total);
	ck_assert_int_eq(a->nbands, b->nbands);
	for (int i = 0; i < a->nbands; i++) {
		ck_assert_str_eq(a->bands[i].label, b->bands[i].label);
		ck_assert_double_eq(a->bands[i].min, b->bands[i].min);
	}
	ck_assert_int_eq(a->n, b->n);
	for (int i = 0; i < a->n; i++) {
		const struct par_node *x = &a->nodes[i], *y = &b->nodes[i];

		ck_assert_str_eq(x->code, y->code);
		ck_assert_str_eq(x->title, y->title);
		ck_assert_double_eq(x->max, y->max);
		ck_assert_int_eq(x->kind, y->kind);
		ck_assert_str_eq(x->params, y->params);
		ck_assert_str_eq(x->source, y->source);
		ck_assert_str_eq(x->hint, y->hint);
		ck_assert_int_eq(x->parent, y->parent);
		ck_assert_int_eq(x->depth, y->depth);
		ck_assert_int_eq(x->leaf, y->leaf);
	}
}

static int64_t
round_trip(const struct criteria_set *s, struct criteria_set *out)
{
	char path[sizeof fixture_dir + 16];
	FILE *fp;
	int64_t id;

	snprintf(path, sizeof path, "%s/set.tsv", fixture_dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	ck_assert_int_eq(criteria_export(s, fp), 0);
	fclose(fp);
	id = criteria_import(db, path);
	ck_assert_msg(id > 0, "re-import: %s", db_error(db));
	ck_assert_int_eq(criteria_load(db, id, out), 0);
	return id;
}

/* import -> export -> import gives the same set, twice over, and also
 * after the editor changed it (a child added, siblings swapped). */
START_TEST(test_round_trip)
{
	struct criteria_set a, b, c;
	struct criterion_input n = { 0 };
	struct err e;
	int64_t id = import_template(&a);

	round_trip(&a, &b);
	assert_same(&a, &b);
	criteria_free(&b);
	n.parent_id = a.nodes[find(&a, "7.4")].id;
	n.code = "7.4.1";
	n.title = "Thành phần, 1,5 điểm";
	n.max = 1.5;
	n.kind = RULE_RATIO;
	n.params = "empty=zero";
	n.source = "target:DVCTT";
	n.hint = "";
	ck_assert_msg(criterion_save(db, id, &n, &n.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(criterion_move(db, a.nodes[find(&a, "2.3")].id, -1), 0);
	criteria_free(&a);
	ck_assert_int_eq(criteria_load(db, id, &a), 0);
	round_trip(&a, &b);
	assert_same(&a, &b);
	round_trip(&b, &c);
	assert_same(&b, &c);
	criteria_free(&a);
	criteria_free(&b);
	criteria_free(&c);
}
END_TEST

/* Broken files: nothing imported, and the message names line and field. */
static const struct {
	const char *text, *mentions;
} broken[] = {
	{ "criterion\t1\tA\t10\n", "a set record must come first" },
	{ "set\t1800\txa\tX\n", "year" },
	{ "set\t2025\ttinh\tX\n", "level" },
	{ "set\t2025\txa\t\n", "name" },
	{ "set\t2025\txa\tX\nset\t2025\txa\tY\n", "line 2" },
	{ "set\t2025\txa\tX\ncriterion\t1\tA\tmuoi\n", "max" },
	{ "set\t2025\txa\tX\ncriterion\t1\tA\t10\tratios\n", "rule" },
	{ "set\t2025\txa\tX\ncriterion\t1\tA\t10\tcount\t\n", "required" },
	{ "set\t2025\txa\tX\ncriterion\t1.1\tA\t10\n", "line 2, field \"code\"" },
	{ "set\t2025\txa\tX\ncriterion\t1\tA\t10\ncriterion\t1\tB\t1\n", "line 3" },
	{ "set\t2025\txa\tX\ncriterion\t1\tA\t10\tratio\t\ttasks\n", "source" },
	{ "set\t2025\txa\tX\ncriterion\t1\t\t10\n", "title" },
	{ "set\t2025\txa\tX\nband\tA\tchin muoi\n", "from index" },
	{ "set\t2025\txa\tX\nrow\t1\n", "unknown record kind" },
	{ "# nothing\n", "no set record" },
};

START_TEST(test_broken)
{
	char path[sizeof fixture_dir + 16];
	struct criteria_set *sets;
	FILE *fp;
	int n;

	snprintf(path, sizeof path, "%s/bad.tsv", fixture_dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(broken[_i].text, fp);
	fclose(fp);
	ck_assert_int_eq(criteria_import(db, path), -1);
	ck_assert_msg(strstr(db_error(db), broken[_i].mentions) != NULL, "\"%s\" lacks \"%s\"",
	    db_error(db), broken[_i].mentions);
	ck_assert_int_eq(criteria_set_list(db, &sets, &n), 0);
	ck_assert_int_eq(n, 0);
	criteria_sets_free(sets, n);
}
END_TEST

/* The editor: codes must follow the tree; a change of max shows up as a
 * warning on the parent and on the set; delete takes the children. */
START_TEST(test_editor)
{
	struct criteria_set s;
	struct criteria_warning *w;
	struct criterion_input n, one;
	struct err e;
	int64_t id = import_template(&s), c1 = s.nodes[find(&s, "1")].id;
	int nw, i;

	memset(&n, 0, sizeof n);
	n.parent_id = c1;
	n.code = "2.9";		/* not under 1 */
	n.title = "X";
	n.max = 1;
	ck_assert_int_eq(criterion_save(db, id, &n, &n.id, &e), -1);
	ck_assert_int_eq(e.field, CF_CODE);
	n.code = "1.2";		/* taken */
	ck_assert_int_eq(criterion_save(db, id, &n, &n.id, &e), -1);
	ck_assert_int_eq(e.field, CF_CODE);
	n.code = "1.9";
	n.kind = RULE_COUNT;	/* without required= */
	ck_assert_int_eq(criterion_save(db, id, &n, &n.id, &e), -1);
	ck_assert_int_eq(e.field, CF_PARAMS);
	n.kind = RULE_YESNO;
	n.max = -1;
	ck_assert_int_eq(criterion_save(db, id, &n, &n.id, &e), -1);
	ck_assert_int_eq(e.field, CF_MAX);
	n.max = 1;
	ck_assert_msg(criterion_save(db, id, &n, &n.id, &e) == 0, "%s", e.msg);
	ck_assert_int_gt(n.id, 0);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	/* 1.9 is the last child of 1; section 1's children now sum to 13. */
	i = find(&s, "1.9");
	ck_assert_int_eq(s.nodes[i].parent, find(&s, "1"));
	ck_assert_int_eq(s.nodes[i - 1].parent, find(&s, "1"));
	ck_assert_int_eq(criteria_check(&s, &w, &nw), 0);
	ck_assert_int_eq(nw, 1);
	ck_assert_int_eq(w[0].node, find(&s, "1"));
	ck_assert_double_eq_tol(w[0].sum, 13, 1e-9);
	ck_assert_double_eq_tol(w[0].expected, 12, 1e-9);
	free(w);
	/* raising section 1 to 13 moves the warning to the set: 101, not 100 */
	one = criterion_input_of(&s.nodes[find(&s, "1")]);
	one.max = 13;
	ck_assert_msg(criterion_save(db, id, &one, NULL, &e) == 0, "%s", e.msg);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	ck_assert_int_eq(criteria_check(&s, &w, &nw), 0);
	ck_assert_int_eq(nw, 1);
	ck_assert_int_eq(w[0].node, -1);
	ck_assert_double_eq_tol(w[0].sum, 101, 1e-9);
	ck_assert_double_eq_tol(w[0].expected, 100, 1e-9);
	free(w);
	/* move 1.9 up: it comes before 1.8 */
	ck_assert_int_eq(criterion_move(db, n.id, -1), 0);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	ck_assert_int_eq(find(&s, "1.9") + 1, find(&s, "1.8"));
	/* the first child cannot go further up: no error, no change */
	ck_assert_int_eq(criterion_move(db, s.nodes[find(&s, "1.1")].id, -1), 0);
	/* delete 1 takes its ten children */
	i = s.n;
	ck_assert_int_eq(criterion_delete(db, c1), 0);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	ck_assert_int_eq(s.n, i - 10);
	criteria_free(&s);
}
END_TEST

/* A new code moves a criterion: 1.2 becomes 3.9, the last child of 3;
 * section 2 becomes 1.9 and its sub-criteria 1.9.1-1.9.3 follow; a
 * criterion cannot go under its own sub-criterion. */
START_TEST(test_reparent)
{
	struct criteria_set s;
	struct criterion_input n;
	struct err e;
	int64_t id = import_template(&s), two = s.nodes[find(&s, "2")].id;
	int total = s.n, i;

	n = criterion_input_of(&s.nodes[find(&s, "1.2")]);
	n.parent_id = s.nodes[find(&s, "3")].id;
	n.code = "3.9";
	ck_assert_msg(criterion_save(db, id, &n, &n.id, &e) == 0, "%s", e.msg);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	i = find(&s, "3.9");
	ck_assert_int_eq(s.nodes[i].parent, find(&s, "3"));
	ck_assert_int_eq(s.nodes[i + 1].parent, -1);	/* the last of 3: 4 follows */
	ck_assert_str_eq(s.nodes[i + 1].code, "4");
	ck_assert_int_eq(s.n, total);

	n = criterion_input_of(&s.nodes[find(&s, "2")]);
	n.parent_id = s.nodes[find(&s, "1")].id;
	n.code = "1.9";
	ck_assert_msg(criterion_save(db, id, &n, &n.id, &e) == 0, "%s", e.msg);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	i = find(&s, "1.9");
	ck_assert_int_eq(s.nodes[i].id, two);
	ck_assert_int_eq(s.nodes[i].parent, find(&s, "1"));
	for (int k = 1; k <= 3; k++) {
		char code[16];

		snprintf(code, sizeof code, "1.9.%d", k);
		ck_assert_int_eq(s.nodes[find(&s, code)].parent, i);
	}
	ck_assert_int_eq(s.n, total);

	n = criterion_input_of(&s.nodes[find(&s, "1")]);
	n.parent_id = s.nodes[find(&s, "1.9")].id;
	n.code = "1.9.5";
	ck_assert_int_eq(criterion_save(db, id, &n, &n.id, &e), -1);
	ck_assert_int_eq(e.field, CF_CODE);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	ck_assert_int_eq(s.nodes[find(&s, "1")].parent, -1);
	criteria_free(&s);
}
END_TEST

/* The set's header and bands: saved and read back; each bad value
 * refused on its field with the set unchanged. */
START_TEST(test_set_header)
{
	static const struct {
		const char *bands;
		int field;
		double total;
		int year;
		const char *name;
	} refused[] = {
		{ "A 80; B 90; C 0", SETF_BANDS, 100, 2025, "Bộ" },	/* not descending */
		{ "A 90; B 10", SETF_BANDS, 100, 2025, "Bộ" },		/* no band from 0 */
		{ "A", SETF_BANDS, 100, 2025, "Bộ" },
		{ "A 120; B 0", SETF_BANDS, 100, 2025, "Bộ" },
		{ "", SETF_BANDS, 100, 2025, "Bộ" },
		{ "A 0", SETF_NAME, 100, 2025, "  " },
		{ "A 0", SETF_YEAR, 100, 1800, "Bộ" },
		{ "A 0", SETF_TOTAL, 0, 2025, "Bộ" },
	};
	struct criteria_set s;
	struct criteria_set_input in;
	struct err e;
	int64_t id = import_template(&s);
	char *text = criteria_bands_text(&s);

	ck_assert_str_eq(text, "A 90; B 80; C 70; D 0");
	free(text);
	in = criteria_set_input_of(&s);
	in.name = "Bộ tiêu chí của tỉnh năm 2026";
	in.year = 2026;
	in.total = 100;
	ck_assert_msg(criteria_set_save(db, &in,
	    " Xuất sắc 90 ; Tốt 80;Khá 70,5; Trung bình 0;", &e) == 0, "%s", e.msg);
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	ck_assert_str_eq(s.name, "Bộ tiêu chí của tỉnh năm 2026");
	ck_assert_int_eq(s.year, 2026);
	ck_assert_int_eq(s.nbands, 4);
	ck_assert_str_eq(s.bands[0].label, "Xuất sắc");
	ck_assert_double_eq_tol(s.bands[2].min, 70.5, 1e-9);
	ck_assert_str_eq(criteria_band(&s, 85), "Tốt");
	ck_assert_str_eq(criteria_band(&s, 70.4), "Trung bình");

	for (size_t i = 0; i < NELEM(refused); i++) {
		struct criteria_set_input bad = criteria_set_input_of(&s);

		bad.name = refused[i].name;
		bad.year = refused[i].year;
		bad.total = refused[i].total;
		ck_assert_int_eq(criteria_set_save(db, &bad, refused[i].bands, &e), -1);
		ck_assert_msg(e.field == refused[i].field, "case %zu: field %d: %s", i, e.field,
		    e.msg);
	}
	criteria_free(&s);
	ck_assert_int_eq(criteria_load(db, id, &s), 0);
	ck_assert_str_eq(s.name, "Bộ tiêu chí của tỉnh năm 2026");
	ck_assert_int_eq(s.nbands, 4);
	criteria_free(&s);
}
END_TEST

/* criteria_find: the year's set, else the latest earlier one. */
START_TEST(test_find)
{
	struct criteria_set s;
	int64_t id = import_template(&s);

	criteria_free(&s);
	ck_assert_int_eq(criteria_find(db, 2025), id);
	ck_assert_int_eq(criteria_find(db, 2026), id);
	ck_assert_int_eq(criteria_find(db, 2024), 0);
	ck_assert_int_eq(criteria_set_delete(db, id), 0);
	ck_assert_int_eq(criteria_find(db, 2025), 0);
}
END_TEST

static Suite *
criteria_suite(void)
{
	Suite *s = suite_create("criteria");
	TCase *tc = tcase_create("criteria");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_template);
	tcase_add_test(tc, test_round_trip);
	tcase_add_loop_test(tc, test_broken, 0, NELEM(broken));
	tcase_add_test(tc, test_editor);
	tcase_add_test(tc, test_reparent);
	tcase_add_test(tc, test_set_header);
	tcase_add_test(tc, test_find);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(criteria_suite());
}
