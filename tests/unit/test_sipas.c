/* Unit tests for SIPAS: the questionnaire file, rounds and forms, and the
 * index arithmetic on data worked out by hand below.
 *
 * Every test starts from a new database in a temporary folder holding the
 * reference data and the sample plan, and a small questionnaire "T" written
 * by the test itself (so the figures do not move when the shipped one is
 * edited):
 *   scale 0 no answer, 1..5, satisfied: 4 and 5
 *   element A: questions a1, a2      element B: question b1
 *   field g: 1 Nam, 2 Nữ
 *
 * The three forms of round 1 (FORMS below):
 *   form  g  a1 a2 b1
 *   1     1  5  4  3
 *   2     1  4  0  5
 *   3     2  2  3  0
 * Worked by hand:
 *   a1: answered 3 (5 4 2), satisfied 2       -> 66.666…% printed 66.67
 *   a2: answered 2 (4 3), satisfied 1, 1 none -> 50%
 *   b1: answered 2 (3 5), satisfied 1, 1 none -> 50%
 *   A (pooled a1 a2): 3 of 5                  -> 60%
 *   B: 1 of 2                                 -> 50%
 *   index, mean of A and B: (60 + 50) / 2     -> 55%
 *   pooled: 4 of 7                            -> 57.142857… printed 57.14
 *   weighted A 3, B 1: (3·60 + 50) / 4        -> 57.5%
 * Breakdown by g:
 *   Nam (forms 1, 2): A 5 4 4 0 -> 3 of 3 = 100%, B 3 5 -> 50%, index 75%
 *   Nữ (form 3): A 2 3 -> 0 of 2 = 0%, B nobody -> left out, index 0%
 *   not given: no form.
 * Corrected (test_form_replace): form 3 becomes form 7 with g 2, 4 3 5,
 * then form 2 keeps its number with g not given, 4 5 5:
 *   a1 5 4 4, a2 4 5 3, b1 3 5 5
 *   A: 5 of 6 -> 83.333…%, B: 2 of 3 -> 66.666…%, index 75%
 *   not given (form 2): A 2 of 2, B 1 of 1, index 100%. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/target.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])


static struct db *db;
static struct sipas_questionnaire q;
static int64_t round1;

static const char questionnaire_t[] =
	"# the test's questionnaire\n"
	"questionnaire\tT\tmean\ttest\n"
	"scale\t0\tKhông trả lời\n"
	"scale\t1\tRất không hài lòng\n"
	"scale\t2\tKhông hài lòng\n"
	"scale\t3\tBình thường\n"
	"scale\t4\tHài lòng\tsatisfied\n"
	"scale\t5\tRất hài lòng\tsatisfied\n"
	"element\tA\tTiếp cận\t3\n"
	"question\ta1\tChỗ ngồi\n"
	"question\ta2\tThiết bị\n"
	"element\tB\tKết quả\n"
	"question\tb1\tĐúng hẹn\n"
	"field\tg\tGiới tính\n"
	"option\t1\tNam\n"
	"option\t2\tNữ\n";

static const struct sipas_form forms[] = {
	{ 1, { 1 }, { 5, 4, 3 } },
	{ 2, { 1 }, { 4, 0, 5 } },
	{ 3, { 2 }, { 2, 3, 0 } },
};


/* Writes text to a file of the test folder; returns its path (static). */
static const char *
write_file(const char *name, const char *text)
{
	const char *path = fixture_path(name);
	FILE *fp;

	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
	return path;
}

static int64_t
new_round(const char *name, const char *from, const char *to)
{
	struct sipas_round_input r = { .questionnaire_id = q.id, .name = name,
	    .service = "Hộ tịch" };
	struct err e;

	snprintf(r.date_from, sizeof r.date_from, "%s", from);
	snprintf(r.date_to, sizeof r.date_to, "%s", to);
	ck_assert_msg(sipas_round_save(db, &r, &r.id, &e) == 0, "round: %s", e.msg);
	return r.id;
}

static void
enter(int64_t round, const struct sipas_form *f, int n)
{
	struct err e;

	for (int i = 0; i < n; i++)
		ck_assert_msg(sipas_form_save(db, &q, round, &f[i], &e) == 0, "form %d: %s",
		    f[i].number, e.msg);
}

static void
setup(void)
{
	int64_t id;

	date_set_today((struct date){ 2025, 10, 15 });
	db = fixture_open("sipas", true, true);
	id = sipas_import(db, write_file("t.tsv", questionnaire_t));
	ck_assert_msg(id > 0, "import: %s", db_error(db));
	ck_assert_int_eq(sipas_questionnaire_load(db, id, &q), 0);
	round1 = new_round("Đợt 1", "2025-10-01", "2025-10-31");
}

static void
teardown(void)
{
	sipas_questionnaire_free(&q);
	fixture_close(db);
}

/* The results screen's text as a string (caller frees). */
static char *
report(int64_t round, int64_t compare)
{
	char *out = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&out, &size);

	ck_assert_ptr_nonnull(fp);
	ck_assert_msg(sipas_report(db, round, compare, 80, fp) == 0, "%s", db_error(db));
	fclose(fp);
	return out;
}

/* The round's report (report.h) as CSV without a BOM (caller frees). */
static char *
report_csv(int64_t round, int64_t compare)
{
	struct report *r;
	char *out = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&out, &size);

	ck_assert_ptr_nonnull(fp);
	ck_assert_msg(report_build_sipas(db, 0, round, compare, &r) == 0, "%s", db_error(db));
	ck_assert_msg(report_write_csv(db, r, REPORT_UTF8, fp) == 0, "%s", db_error(db));
	report_free(r);
	fclose(fp);
	return out;
}

#define ck_assert_contains(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "\"%s\" not in:\n%s", (needle), (hay))

/* ---- the questionnaire ---------------------------------------------- */

START_TEST(test_questionnaire_loaded)
{
	ck_assert_str_eq(q.name, "T");
	ck_assert_int_eq(q.formula, SIPAS_MEAN);
	ck_assert_int_eq(q.nscale, 6);
	ck_assert_int_eq(q.max_value, 5);
	ck_assert(q.scale[4].satisfied && q.scale[5].satisfied && !q.scale[3].satisfied);
	ck_assert_int_eq(q.nelements, 2);
	ck_assert_int_eq(q.nquestions, 3);
	ck_assert_int_eq(q.elements[0].first, 0);
	ck_assert_int_eq(q.elements[0].nquestions, 2);
	ck_assert_int_eq(q.elements[1].first, 2);
	ck_assert_int_eq(q.elements[1].nquestions, 1);
	ck_assert(q.elements[0].weight == 3 && q.elements[1].weight == 1);
	ck_assert_int_eq(q.nfields, 1);
	ck_assert_int_eq(q.fields[0].noptions, 2);
	ck_assert_str_eq(q.fields[0].options[1].label, "Nữ");
}
END_TEST

/* The shipped questionnaire: five elements, twenty questions, three
 * respondent fields; it exports to a file that imports to the same. */
START_TEST(test_shipped_questionnaire)
{
	struct sipas_questionnaire s;
	char path[4096], *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	FILE *fp;
	int64_t id;

	snprintf(path, sizeof path, "%s/sipas-questionnaire.tsv", fixture_datadir());
	ck_assert_msg((id = sipas_import(db, path)) > 0, "%s", db_error(db));
	ck_assert_int_eq(sipas_questionnaire_load(db, id, &s), 0);
	ck_assert_int_eq(s.nelements, 5);
	ck_assert_int_eq(s.nquestions, 20);
	ck_assert_int_eq(s.nfields, 3);
	ck_assert_int_eq(s.max_value, 5);
	ck_assert_str_eq(s.scale[0].label, "Không trả lời");
	sipas_questionnaire_free(&s);

	fp = open_memstream(&a, &na);
	ck_assert_int_eq(sipas_export(db, id, fp), 0);
	fclose(fp);
	ck_assert_int_eq(sipas_import(db, write_file("again.tsv", a)), id);
	fp = open_memstream(&b, &nb);
	ck_assert_int_eq(sipas_export(db, id, fp), 0);
	fclose(fp);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

static const struct {
	const char *text;
	const char *message;	/* part of the error */
} broken[] = {
	{ "scale\t1\tx\n", "line 1: the file starts with a questionnaire record" },
	{ "questionnaire\tX\tmedian\n", "line 1, field \"formula\"" },
	{ "questionnaire\tX\n" "scale\t4\tok\tsatisfied\n" "question\tq\tx\n",
	    "line 3: a question comes after its element" },
	{ "questionnaire\tX\n" "scale\t10\tx\n", "line 2, field \"value\": not a digit 0-9" },
	{ "questionnaire\tX\n" "scale\t0\tx\tsatisfied\n", "0 is \"no answer\"" },
	{ "questionnaire\tX\n" "scale\t4\tok\tsatisfied\n" "scale\t4\tagain\n",
	    "line 3, field \"value\": this value is already on the scale" },
	{ "questionnaire\tX\n" "scale\t4\tok\n" "element\tA\tx\n" "question\tq\tx\n",
	    "no value of the scale is marked satisfied" },
	{ "questionnaire\tX\n" "scale\t4\tok\tsatisfied\n" "element\tA\tx\n" "element\tB\ty\n"
	    "question\tq\tx\n", "element 1 has no questions" },
	{ "questionnaire\tX\n" "scale\t4\tok\tsatisfied\n" "element\tA\tx\n" "question\tq\tx\n"
	    "field\tg\tG\n" "option\t0\tnone\n", "line 6, field \"value\": not a digit 1-9" },
	{ "questionnaire\tX\n" "scale\t4\tok\tsatisfied\n" "element\tA\tx\t-1\n",
	    "line 3, field \"weight\"" },
	{ "questionnaire\tX\n" "oops\n", "line 2: unknown record" },
};

/* A broken file is refused with its line, and nothing of it is kept. */
START_TEST(test_broken_file)
{
	struct sipas_name *names;
	int n;

	ck_assert_int_eq(sipas_import(db, write_file("broken.tsv", broken[_i].text)), -1);
	ck_assert_contains(db_error(db), broken[_i].message);
	ck_assert_int_eq(sipas_questionnaire_list(db, &names, &n), 0);
	ck_assert_int_eq(n, 1);
	sipas_names_free(names, n);
}
END_TEST

/* A questionnaire a round uses is not replaced; "no answer" is added when
 * the file does not give 0. */
START_TEST(test_replace)
{
	const char *path = write_file("t2.tsv", "questionnaire\tt\tpooled\n"
	    "scale\t1\tcó\tsatisfied\n" "element\tA\tx\n" "question\tq\tx\n");
	struct sipas_questionnaire t2;
	int64_t id;

	ck_assert_int_eq(sipas_import(db, path), -1);
	ck_assert_contains(db_error(db), "used by 1 survey rounds");
	ck_assert_int_eq(sipas_round_delete(db, round1), 0);
	ck_assert_int_gt(id = sipas_import(db, path), 0);
	ck_assert_int_eq(sipas_questionnaire_load(db, id, &t2), 0);
	ck_assert_int_eq(t2.formula, SIPAS_POOLED);
	ck_assert_int_eq(t2.nscale, 2);
	ck_assert_int_eq(t2.scale[0].value, 0);
	ck_assert_str_eq(t2.scale[0].label, "No answer");
	sipas_questionnaire_free(&t2);
}
END_TEST

/* ---- rounds and forms ----------------------------------------------- */

START_TEST(test_round_checks)
{
	struct sipas_round_input r = { .questionnaire_id = q.id, .name = "  " , .service = "" };
	struct err e;

	ck_assert_int_eq(sipas_round_save(db, &r, &r.id, &e), -1);
	ck_assert_int_eq(e.field, SRF_NAME);
	r.name = "Đợt 2";
	strcpy(r.date_from, "2025-11-30");
	strcpy(r.date_to, "2025-11-01");
	ck_assert_int_eq(sipas_round_save(db, &r, &r.id, &e), -1);
	ck_assert_int_eq(e.field, SRF_TO);
	r.date_to[0] = '\0';
	r.questionnaire_id = 999;
	ck_assert_int_eq(sipas_round_save(db, &r, &r.id, &e), -1);
	ck_assert_int_eq(e.field, SRF_QUESTIONNAIRE);
	ck_assert_int_eq(r.id, 0);
}
END_TEST

/* Once a round has forms its questionnaire stays. */
START_TEST(test_round_questionnaire_fixed)
{
	struct sipas_round r;
	struct sipas_round_input in;
	struct err e;
	int64_t other = sipas_import(db, write_file("o.tsv", "questionnaire\tO\n"
	    "scale\t1\tcó\tsatisfied\n" "element\tA\tx\n" "question\tq\tx\n"));

	ck_assert_int_gt(other, 0);
	enter(round1, forms, 1);
	ck_assert_int_eq(sipas_round_get(db, round1, &r), 1);
	ck_assert_int_eq(r.forms, 1);
	ck_assert_str_eq(r.questionnaire, "T");
	in = sipas_round_input_of(&r);
	in.questionnaire_id = other;
	ck_assert_int_eq(sipas_round_save(db, &in, NULL, &e), -1);
	ck_assert_int_eq(e.field, SRF_QUESTIONNAIRE);
	sipas_round_free(&r);
}
END_TEST

/* A duplicate number, an answer off the scale and an option that does not
 * exist are refused, naming what is wrong, and nothing is stored. */
START_TEST(test_form_checks)
{
	struct sipas_form f = forms[0];
	struct err e;

	enter(round1, forms, 1);
	ck_assert_int_eq(sipas_form_save(db, &q, round1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_NUMBER);
	ck_assert_str_eq(e.msg, "Form 1 is already entered in this round");
	f.number = 7;
	f.answers[2] = 6;
	ck_assert_int_eq(sipas_form_save(db, &q, round1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_ANSWERS + 2);
	f.answers[2] = 5;
	f.fields[0] = 3;
	ck_assert_int_eq(sipas_form_save(db, &q, round1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_FIELDS);
	f.number = 0;
	f.fields[0] = 0;
	ck_assert_int_eq(sipas_form_save(db, &q, round1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_NUMBER);
	ck_assert_int_eq(sipas_form_count(db, round1), 1);
	ck_assert_int_eq(sipas_form_next_number(db, round1), 2);
	ck_assert_int_eq(sipas_form_exists(db, round1, 1), 1);
	ck_assert_int_eq(sipas_form_exists(db, round1, 2), 0);
	ck_assert_int_eq(sipas_form_delete(db, round1, 1, NULL), 0);
	ck_assert_int_eq(sipas_form_count(db, round1), 0);
	ck_assert_int_eq(sipas_form_next_number(db, round1), 1);
}
END_TEST

/* The forms of a round in number order, whatever the order they were
 * typed in, with their fields and answers; none in a new round. */
START_TEST(test_form_list)
{
	const struct sipas_form typed[] = { forms[2], forms[0], forms[1] };
	struct sipas_form *v;
	int n;

	ck_assert_int_eq(sipas_form_list(db, &q, round1, &v, &n), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_ptr_null(v);
	enter(round1, typed, NELEM(typed));
	ck_assert_int_eq(sipas_form_list(db, &q, round1, &v, &n), 0);
	ck_assert_int_eq(n, (int)NELEM(forms));
	for (int i = 0; i < n; i++)
		ck_assert_msg(memcmp(&v[i], &forms[i], sizeof v[i]) == 0, "form %d read back as %d: "
		    "g %d, %d %d %d", forms[i].number, v[i].number, v[i].fields[0], v[i].answers[0],
		    v[i].answers[1], v[i].answers[2]);
	free(v);
}
END_TEST

/* The forms of round1 read back are exactly want. */
static void
expect_forms(const struct sipas_form *want, int nwant)
{
	struct sipas_form *v;
	int n;

	ck_assert_int_eq(sipas_form_list(db, &q, round1, &v, &n), 0);
	ck_assert_int_eq(n, nwant);
	for (int i = 0; i < n; i++)
		ck_assert_msg(memcmp(&v[i], &want[i], sizeof v[i]) == 0, "form %d differs",
		    want[i].number);
	free(v);
}

/* The corrections of the header: the count stays, the indexes move. */
START_TEST(test_form_replace)
{
	static const struct sipas_form seven = { 7, { 2 }, { 4, 3, 5 } },
	    two = { 2, { 0 }, { 4, 5, 5 } };
	const struct sipas_form after[] = { forms[0], two, seven };
	struct sipas_results r;
	struct err e;
	double v;
	bool has;

	enter(round1, forms, NELEM(forms));
	ck_assert_msg(sipas_form_replace(db, &q, round1, 3, &seven, &e) == 0, "%s", e.msg);
	ck_assert_msg(sipas_form_replace(db, &q, round1, 2, &two, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(sipas_form_count(db, round1), 3);
	ck_assert_int_eq(sipas_form_exists(db, round1, 3), 0);
	ck_assert_int_eq(sipas_form_next_number(db, round1), 8);
	expect_forms(after, NELEM(after));
	ck_assert_int_eq(sipas_results(db, &q, round1, -1, 0, &r), 0);
	ck_assert_int_eq(r.forms, 3);
	ck_assert_int_eq(r.questions[1].answered, 3);
	ck_assert_int_eq(r.questions[1].no_answer, 0);
	ck_assert(sipas_share(&r.elements[0], &v) && fabs(v - 250.0 / 3) < 1e-9);
	ck_assert(sipas_share(&r.elements[1], &v) && fabs(v - 200.0 / 3) < 1e-9);
	ck_assert_int_eq(sipas_round_index(db, round1, &has, &v), 0);
	ck_assert(has && v == 75);
	ck_assert_int_eq(sipas_results(db, &q, round1, 0, 0, &r), 0);	/* not given */
	ck_assert_int_eq(r.forms, 1);
	ck_assert(r.has_index && r.index == 100);
	ck_assert_int_eq(sipas_results(db, &q, round1, 0, 1, &r), 0);	/* Nam */
	ck_assert_int_eq(r.forms, 1);
}
END_TEST

/* A correction onto another form's number, with an answer off the scale or
 * of a form not in the round is refused, naming the field, and the forms
 * stay as they were. */
START_TEST(test_form_replace_refused)
{
	struct sipas_form f = forms[0];
	struct err e;

	enter(round1, forms, NELEM(forms));
	f.number = 2;
	ck_assert_int_eq(sipas_form_replace(db, &q, round1, 1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_NUMBER);
	ck_assert_str_eq(e.msg, "Form 2 is already entered in this round");
	expect_forms(forms, NELEM(forms));
	f.number = 1;
	f.answers[1] = 6;
	ck_assert_int_eq(sipas_form_replace(db, &q, round1, 1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_ANSWERS + 1);
	expect_forms(forms, NELEM(forms));
	f.answers[1] = 4;
	f.number = 0;
	ck_assert_int_eq(sipas_form_replace(db, &q, round1, 1, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_NUMBER);
	f.number = 9;
	ck_assert_int_eq(sipas_form_replace(db, &q, round1, 9, &f, &e), -1);
	ck_assert_int_eq(e.field, SFF_NUMBER);
	ck_assert_str_eq(e.msg, "Form 9 is not in this round");
	expect_forms(forms, NELEM(forms));
}
END_TEST

/* Deleting a form that is not there is no error and changes nothing;
 * deleting one leaves the others. */
START_TEST(test_form_delete)
{
	enter(round1, forms, NELEM(forms));
	ck_assert_int_eq(sipas_form_delete(db, round1, 9, NULL), 0);
	expect_forms(forms, NELEM(forms));
	ck_assert_int_eq(sipas_form_delete(db, round1, 2, NULL), 0);
	ck_assert_int_eq(sipas_form_delete(db, round1, 2, NULL), 0);
	expect_forms((const struct sipas_form[]){ forms[0], forms[2] }, 2);
}
END_TEST

/* A deleted form comes back whole from its trash: number, fields and
 * answers; deleting a missing one leaves no trash. */
START_TEST(test_form_delete_undo)
{
	struct trash *undo;

	enter(round1, forms, NELEM(forms));
	ck_assert_int_eq(sipas_form_delete(db, round1, 9, &undo), 0);
	ck_assert_ptr_null(undo);
	ck_assert_int_eq(sipas_form_delete(db, round1, 2, &undo), 0);
	ck_assert_ptr_nonnull(undo);
	expect_forms((const struct sipas_form[]){ forms[0], forms[2] }, 2);
	ck_assert_int_eq(trash_restore(db, undo), 0);
	trash_free(undo);
	expect_forms(forms, NELEM(forms));
}
END_TEST

/* ---- arithmetic ----------------------------------------------------- */

/* No forms: nothing answered, no shares, no index. */
START_TEST(test_no_answers)
{
	struct sipas_results r;
	double v;
	char *txt;

	ck_assert_int_eq(sipas_results(db, &q, round1, -1, 0, &r), 0);
	ck_assert_int_eq(r.forms, 0);
	ck_assert(!sipas_share(&r.questions[0], &v));
	ck_assert(!sipas_share(&r.elements[0], &v));
	ck_assert(!r.has_index);
	txt = report(round1, 0);
	ck_assert_contains(txt, "Forms entered: 0");
	ck_assert_contains(txt, "Overall index: —");
	free(txt);
}
END_TEST

/* Two forms answered 0 throughout: every answer is "no answer", still no
 * share and no index, whatever the formula. */
START_TEST(test_all_no_answer)
{
	static const struct sipas_form blank[] = { { 1, { 0 }, { 0, 0, 0 } }, { 2, { 0 }, { 0, 0, 0 } } };
	struct sipas_results r;

	enter(round1, blank, 2);
	ck_assert_int_eq(sipas_results(db, &q, round1, -1, 0, &r), 0);
	ck_assert_int_eq(r.forms, 2);
	ck_assert_int_eq(r.questions[0].no_answer, 2);
	ck_assert_int_eq(r.questions[0].answered, 0);
	ck_assert_int_eq(r.elements[0].no_answer, 4);
	ck_assert(!r.has_index);
	q.formula = SIPAS_POOLED;
	ck_assert(!sipas_index(&q, r.elements, &r.index));
	q.formula = SIPAS_WEIGHTED;
	ck_assert(!sipas_index(&q, r.elements, &r.index));
}
END_TEST

/* The three forms of the header. */
START_TEST(test_hand_worked)
{
	struct sipas_results r;
	double v;
	bool has;

	enter(round1, forms, NELEM(forms));
	ck_assert_int_eq(sipas_results(db, &q, round1, -1, 0, &r), 0);
	ck_assert_int_eq(r.forms, 3);
	ck_assert_int_eq(r.questions[0].answered, 3);
	ck_assert_int_eq(r.questions[0].satisfied, 2);
	ck_assert(sipas_share(&r.questions[0], &v) && fabs(v - 200.0 / 3) < 1e-9);
	ck_assert_int_eq(r.questions[1].answered, 2);
	ck_assert_int_eq(r.questions[1].no_answer, 1);
	ck_assert(sipas_share(&r.questions[1], &v) && v == 50);
	ck_assert(sipas_share(&r.questions[2], &v) && v == 50);
	ck_assert_int_eq(r.elements[0].satisfied, 3);
	ck_assert_int_eq(r.elements[0].answered, 5);
	ck_assert(sipas_share(&r.elements[0], &v) && v == 60);
	ck_assert(sipas_share(&r.elements[1], &v) && v == 50);
	ck_assert(r.has_index && r.index == 55);
	ck_assert_int_eq(sipas_round_index(db, round1, &has, &v), 0);
	ck_assert(has && v == 55);

	q.formula = SIPAS_POOLED;
	ck_assert(sipas_index(&q, r.elements, &v));
	ck_assert(sipas_round2(v) == 57.14);
	q.formula = SIPAS_WEIGHTED;
	ck_assert(sipas_index(&q, r.elements, &v) && v == 57.5);
}
END_TEST

static const struct {
	double in, out;
} roundings[] = {
	{ 200.0 / 3, 66.67 },
	{ 100.0 / 3, 33.33 },
	{ 87.345, 87.35 },	/* 87.344999… in binary */
	{ 12.344999, 12.34 },
	{ 0.005, 0.01 },
	{ 100, 100 },
	{ 0, 0 },
	{ -2.345, -2.35 },	/* a change between rounds */
};

START_TEST(test_rounding)
{
	ck_assert_msg(sipas_round2(roundings[_i].in) == roundings[_i].out, "%.10f -> %.10f",
	    roundings[_i].in, sipas_round2(roundings[_i].in));
}
END_TEST

/* The index is the mean of the unrounded element shares, rounded once:
 * A 2 of 3 (66.666…), B 1 of 1 (100) -> 83.333… -> 83.33, where the
 * rounded shares would give (66.67 + 100) / 2 = 83.335 -> 83.34. */
START_TEST(test_index_rounded_once)
{
	struct sipas_tally el[2] = { { 2, 3, 0 }, { 1, 1, 0 } };
	double v;

	ck_assert(sipas_index(&q, el, &v));
	ck_assert(sipas_round2(v) == 83.33);
}
END_TEST

START_TEST(test_breakdown)
{
	struct sipas_results r;
	double v;

	enter(round1, forms, NELEM(forms));
	ck_assert_int_eq(sipas_results(db, &q, round1, 0, 1, &r), 0);	/* Nam */
	ck_assert_int_eq(r.forms, 2);
	ck_assert(sipas_share(&r.elements[0], &v) && v == 100);
	ck_assert(sipas_share(&r.elements[1], &v) && v == 50);
	ck_assert(r.has_index && r.index == 75);
	ck_assert_int_eq(sipas_results(db, &q, round1, 0, 2, &r), 0);	/* Nữ */
	ck_assert_int_eq(r.forms, 1);
	ck_assert(sipas_share(&r.elements[0], &v) && v == 0);
	ck_assert(!sipas_share(&r.elements[1], &v));
	ck_assert(r.has_index && r.index == 0);
	ck_assert_int_eq(sipas_results(db, &q, round1, 0, 0, &r), 0);	/* not given */
	ck_assert_int_eq(r.forms, 0);
	ck_assert(!r.has_index);
}
END_TEST

/* The results screen: shares, counts, the index and its formula, the
 * breakdown; the report's CSV has the same figures as its other formats. */
START_TEST(test_report)
{
	char *txt, *csv;

	enter(round1, forms, NELEM(forms));
	txt = report(round1, 0);
	ck_assert_contains(txt, "SIPAS results: Đợt 1\n");
	ck_assert_contains(txt, "Days: 01/10/2025 – 31/10/2025\n");
	ck_assert_contains(txt, "Covers: Hộ tịch\n");
	ck_assert_contains(txt, "Forms entered: 3\n");
	ck_assert_contains(txt, "the answers 4 Hài lòng, 5 Rất hài lòng");
	ck_assert_contains(txt, "   a1 Chỗ ngồi");
	ck_assert_contains(txt, "66.67%          3\n");
	ck_assert_contains(txt, "A. Tiếp cận");
	ck_assert_contains(txt, "60%          5\n");
	ck_assert_contains(txt, "Overall index: 55%\n");
	ck_assert_contains(txt, "Formula: the mean of the element shares");
	ck_assert_contains(txt, "Breakdown by Giới tính\n");
	ck_assert_contains(txt, "Nam");
	ck_assert_contains(txt, "        2     100%      50%      75%\n");
	ck_assert_contains(txt, "        1       0%        —       0%\n");
	ck_assert_msg(strstr(txt, "Not given") == NULL, "no form without g: %s", txt);
	csv = report_csv(round1, 0);
	/* The report's CSV: its tables, rates as the other formats show them. */
	ck_assert_contains(csv, "\r\nCode,Element / question,Satisfied,Answers,\r\n");
	ck_assert_contains(csv, "\r\na1,\u00a0\u00a0Chỗ ngồi,66.67%,3,\r\n");
	ck_assert_contains(csv, "\r\nA,Tiếp cận,60%,5,\r\n");
	ck_assert_contains(csv, "\"Overall index: 55%\nFormula: the mean");
	ck_assert_contains(csv, "\r\nBreakdown by Giới tính,,,,\r\nOption,Forms,El. A,El. B,Index\r\n");
	ck_assert_contains(csv, "\r\nNữ,1,0%,—,0%\r\n");
	ck_assert_contains(csv, "\r\nNam,2,100%,50%,75%\r\n");
	free(txt);
	free(csv);
}
END_TEST

/* Round 2, one form all 5: A 100, B 100, index 100; round 1 beside it
 * gives the changes 60 - 100 = -40 and 50 - 100 = -50, index -45. */
START_TEST(test_compare)
{
	static const struct sipas_form top[] = { { 1, { 2 }, { 5, 5, 5 } } };
	int64_t round2 = new_round("Đợt 2", "2025-11-01", "");
	char *txt, *csv;

	enter(round1, forms, NELEM(forms));
	enter(round2, top, 1);
	txt = report(round1, round2);
	ck_assert_contains(txt, "Compared with: Đợt 2 (1 forms)\n");
	ck_assert_contains(txt, "A. Tiếp cận");
	ck_assert_contains(txt, " 60%       100%       -40%\n");
	ck_assert_contains(txt, " 50%       100%       -50%\n");
	ck_assert_contains(txt, " 55%       100%       -45%\n");
	csv = report_csv(round1, round2);
	ck_assert_contains(csv, "\r\nCompared with Đợt 2 (1 forms),,,,\r\n"
	    "Code,Element,This round,Compared,Change\r\n");
	ck_assert_contains(csv, "\r\nA,Tiếp cận,60%,100%,-40%\r\n");
	ck_assert_contains(csv, "\r\n,Overall index,55%,100%,-45%\r\n");
	free(txt);
	free(csv);
}
END_TEST

/* The round's index becomes a rate target's result; other kinds refuse. */
START_TEST(test_feed_target)
{
	struct target *t;
	struct plan plan;
	struct err e;
	int n, rate = -1, count = -1;

	enter(round1, forms, NELEM(forms));
	ck_assert_int_eq(plan_current(db, &plan), 1);
	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &t, &n), 0);
	for (int i = 0; i < n; i++) {
		if (t[i].rule.kind == TARGET_RATE && rate < 0 && !t[i].has_result)
			rate = i;
		if (t[i].rule.kind == TARGET_COUNT && count < 0)
			count = i;
	}
	ck_assert(rate >= 0 && count >= 0);
	ck_assert_msg(sipas_feed_target(db, round1, t[rate].id, 2025, PERIOD_YEAR, &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(sipas_feed_target(db, round1, t[count].id, 2025, PERIOD_YEAR, &e), -1);
	ck_assert_contains(e.msg, "not a rate");
	ck_assert_int_eq(sipas_feed_target(db, round1, 999999, 2025, PERIOD_YEAR, &e), -1);
	{
		int64_t id = t[rate].id;
		int i;

		targets_free(t, n);
		ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &t, &n), 0);
		for (i = 0; i < n && t[i].id != id; i++)
			continue;
		ck_assert(i < n && t[i].has_result);
		ck_assert(t[i].result.measure.has_value && t[i].result.measure.value == 55);
		ck_assert_str_eq(t[i].result.evidence, "SIPAS: Đợt 1 (3 forms)");
	}
	targets_free(t, n);
	plan_free(&plan);
}
END_TEST

/* A round with no answers has no index to give. */
START_TEST(test_feed_nothing)
{
	struct err e;

	ck_assert_int_eq(sipas_feed_target(db, round1, 1, 2025, PERIOD_YEAR, &e), -1);
	ck_assert_contains(e.msg, "no answers yet");
}
END_TEST

static Suite *
sipas_suite(void)
{
	Suite *s = suite_create("sipas");
	TCase *file = tcase_create("questionnaire"), *forms_tc = tcase_create("forms"),
	    *arith = tcase_create("arithmetic");

	tcase_add_checked_fixture(file, setup, teardown);
	tcase_add_test(file, test_questionnaire_loaded);
	tcase_add_test(file, test_shipped_questionnaire);
	tcase_add_loop_test(file, test_broken_file, 0, NELEM(broken));
	tcase_add_test(file, test_replace);
	suite_add_tcase(s, file);

	tcase_add_checked_fixture(forms_tc, setup, teardown);
	tcase_add_test(forms_tc, test_round_checks);
	tcase_add_test(forms_tc, test_round_questionnaire_fixed);
	tcase_add_test(forms_tc, test_form_checks);
	tcase_add_test(forms_tc, test_form_list);
	tcase_add_test(forms_tc, test_form_replace);
	tcase_add_test(forms_tc, test_form_replace_refused);
	tcase_add_test(forms_tc, test_form_delete);
	tcase_add_test(forms_tc, test_form_delete_undo);
	suite_add_tcase(s, forms_tc);

	tcase_add_checked_fixture(arith, setup, teardown);
	tcase_add_test(arith, test_no_answers);
	tcase_add_test(arith, test_all_no_answer);
	tcase_add_test(arith, test_hand_worked);
	tcase_add_loop_test(arith, test_rounding, 0, NELEM(roundings));
	tcase_add_test(arith, test_index_rounded_once);
	tcase_add_test(arith, test_breakdown);
	tcase_add_test(arith, test_report);
	tcase_add_test(arith, test_compare);
	tcase_add_test(arith, test_feed_target);
	tcase_add_test(arith, test_feed_nothing);
	suite_add_tcase(s, arith);
	return s;
}

int
main(void)
{
	return fixture_run(sipas_suite());
}
