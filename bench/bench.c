/* Times the core calls the screens make, on a database from gen.c, as
 * medians over RUNS calls (the first call of each, with a cold SQLite
 * cache, included):
 *
 *   bench RUNS FILE [PLAN.tsv]
 *
 * Prints "name milliseconds" lines: the dashboard's summary, each list
 * screen's load for the current plan (targets and tasks: the largest
 * section and all sections), units, plans, a search over the tasks as '/'
 * does it (a needle that matches nothing, so every row is looked at), the
 * period report built (report_build) and laid out as 80-column text, and,
 * with PLAN.tsv, loading that plan file into a copy of FILE (the import). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/section.h"
#include "core/plan/summary.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/date.h"
#include "core/text/text.h"

struct ctx {
	struct db *db;
	struct plan plan;
	struct section *sections;
	int nsections;
	int64_t section;	/* the one with the most tasks */
	int year;
	enum period_kind period;
	const char *db_path, *plan_file;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
check(int rc, struct ctx *c, const char *what)
{
	if (rc != 0) {
		fprintf(stderr, "bench: %s: %s\n", what, db_error(c->db));
		exit(1);
	}
}

static void
dashboard(struct ctx *c)
{
	struct section_summary sum[16], total;

	check(summary_by_section(c->db, c->plan.id, c->year, c->period, date_today(), 14, c->sections,
	    c->nsections, sum, &total), c, "summary");
}

static void
targets(struct ctx *c, int64_t section)
{
	struct target *t;
	int n;

	check(target_list(c->db, c->plan.id, section, c->year, c->period, &t, &n), c, "targets");
	targets_free(t, n);
}

static void
targets_section(struct ctx *c)
{
	targets(c, c->section);
}

static void
targets_all(struct ctx *c)
{
	targets(c, 0);
}

static void
tasks(struct ctx *c, int64_t section)
{
	struct task *t;
	int n;

	check(task_list(c->db, c->plan.id, section, &t, &n), c, "tasks");
	tasks_free(t, n);
}

static void
tasks_section(struct ctx *c)
{
	tasks(c, c->section);
}

static void
tasks_all(struct ctx *c)
{
	tasks(c, 0);
}

static void
units(struct ctx *c)
{
	struct unit *u;
	int n;

	check(unit_list(c->db, &u, &n), c, "units");
	units_free(u, n);
}

static void
plans(struct ctx *c)
{
	struct plan *p;
	int n;

	check(plan_list(c->db, &p, &n), c, "plans");
	plans_free(p, n);
}

/* As app_search_next: fold the query once, then each row's text. */
static void
search(struct ctx *c)
{
	char *needle = text_fold("Không có ở đâu");
	struct task *t;
	int n, found = 0;

	check(task_list(c->db, c->plan.id, 0, &t, &n), c, "tasks");
	for (int i = 0; i < n; i++)
		found += text_contains_folded(t[i].description, needle);
	tasks_free(t, n);
	free(needle);
	if (found != 0)
		fprintf(stderr, "bench: the search needle matched\n");
}

/* The period report as the preview and `cchc report period` make it. */
static void
report_period(struct ctx *c)
{
	struct report *r;
	FILE *null = fopen("/dev/null", "w");

	if (null == NULL) {
		perror("/dev/null");
		exit(1);
	}
	check(report_build(c->db, REPORT_PERIOD, c->plan.id, c->year, c->period, 0, &r), c,
	    "report");
	check(report_write_text(r, REPORT_WIDTH_NARROW, null), c, "report text");
	report_free(r);
	fclose(null);
}

static void
copy_file(const char *from, const char *to)
{
	char buf[1 << 16];
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	size_t n;

	if (in == NULL || out == NULL) {
		perror("copy");
		exit(1);
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	if (fclose(out) != 0) {
		perror("copy");
		exit(1);
	}
}

/* Only the load is timed, not the copy or the open. */
static double
import(struct ctx *c)
{
	char path[4096];
	struct err e;
	struct db *db;
	double t0, ms;

	snprintf(path, sizeof path, "%s.import.db", c->db_path);
	copy_file(c->db_path, path);
	if ((db = db_open(path, &e)) == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	t0 = now_ms();
	if (plan_file_load(db, c->plan_file) < 0) {
		fprintf(stderr, "bench: import: %s\n", db_error(db));
		exit(1);
	}
	ms = now_ms() - t0;
	db_close(db);
	unlink(path);
	return ms;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return v[n / 2];
}

static void
largest_section(struct ctx *c)
{
	int best = -1;

	for (int i = 0; i < c->nsections; i++) {
		struct task *t;
		int n;

		check(task_list(c->db, c->plan.id, c->sections[i].id, &t, &n), c, "tasks");
		tasks_free(t, n);
		if (n > best) {
			best = n;
			c->section = c->sections[i].id;
		}
	}
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(struct ctx *);
	} cases[] = {
		{ "dashboard", dashboard },
		{ "targets_section", targets_section },
		{ "targets_all", targets_all },
		{ "tasks_section", tasks_section },
		{ "tasks_all", tasks_all },
		{ "units", units },
		{ "plans", plans },
		{ "search", search },
		{ "report_period", report_period },
	};
	struct ctx c = { 0 };
	struct err e;
	int runs;
	double *t;

	if (argc < 3 || (runs = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: bench RUNS FILE [PLAN.tsv]\n");
		return 2;
	}
	c.db_path = argv[2];
	c.plan_file = argc > 3 ? argv[3] : NULL;
	t = calloc((size_t)runs, sizeof *t);
	date_set_today((struct date){ 2025, 10, 15 });
	if ((c.db = db_open(c.db_path, &e)) == NULL) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 1;
	}
	check(section_list(c.db, &c.sections, &c.nsections), &c, "sections");
	if (plan_current(c.db, &c.plan) != 1)
		check(-1, &c, "no current plan");
	period_for_day(date_today(), c.plan.year_from, c.plan.year_to, &c.year, &c.period);
	largest_section(&c);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		for (int i = 0; i < runs; i++) {
			double t0 = now_ms();

			cases[k].fn(&c);
			t[i] = now_ms() - t0;
		}
		printf("%s %.3f\n", cases[k].name, median(t, runs));
	}
	printf("plan_id %lld\nsection_id %lld\nyear %d\nperiod %s\n", (long long)c.plan.id,
	    (long long)c.section, c.year, period_kind_code(c.period));
	if (c.plan_file != NULL) {
		for (int i = 0; i < runs; i++)
			t[i] = import(&c);
		printf("import %.3f\n", median(t, runs));
	}
	plan_free(&c.plan);
	sections_free(c.sections, c.nsections);
	db_close(c.db);
	free(t);
	return 0;
}
