#include "core/plan/plan_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/tsv.h"
#include "core/plan/plan.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/store/office.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

#define MAX_PRODUCTS 16
#define MAX_COOPERATORS 32

/* The task being read: products follow their task line, so a task is
 * written when the next task (or the end) comes. */
struct pending_task {
	bool open;
	struct task_input task;
	struct product_input products[MAX_PRODUCTS];
	char *strings[2 * MAX_PRODUCTS];	/* owned copies for products */
	int64_t cooperators[MAX_COOPERATORS];
	int ncooperators;
	char *owned[2];			/* tt and description */
};

struct loader {
	struct db *db;
	const char *path;
	struct tsv tsv;
	int64_t plan;
	int plan_year;
	struct pending_task pending;
};

static int
fail(struct loader *l, const char *field, const char *reason)
{
	if (field != NULL)
		return db_fail(l->db, _("%s line %d, field \"%s\": %s"), l->path,
		    l->tsv.lineno, field, reason);
	return db_fail(l->db, _("%s line %d: %s"), l->path, l->tsv.lineno, reason);
}

static int
expect_fields(struct loader *l, int n)
{
	if (l->tsv.nfields < n)
		return fail(l, NULL, _("too few fields for this record"));
	return 0;
}

/* A unit named in a record: empty is none, an unknown name is an error
 * (the file must declare its units first). */
static int
resolve_unit(struct loader *l, const char *field, const char *name, int64_t *id)
{
	*id = 0;
	if (*name == '\0')
		return 0;
	*id = unit_find(l->db, name);
	if (*id < 0)
		return -1;
	if (*id == 0) {
		char reason[300];

		snprintf(reason, sizeof reason, _("unknown unit \"%s\""), name);
		return fail(l, field, reason);
	}
	return 0;
}

static int
parse_number(struct loader *l, const char *field, const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno != 0)
		return fail(l, field, _("not a number"));
	return 0;
}

static int
parse_year(struct loader *l, const char *field, const char *s, int *out)
{
	char *end;
	long y = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || y < 1990 || y > 2200)
		return fail(l, field, _("not a year between 1990 and 2200"));
	*out = (int)y;
	return 0;
}

static int
section_of(struct loader *l, const char *code, int64_t *id)
{
	if ((*id = section_find(l->db, code)) < 0)
		return -1;
	if (*id == 0)
		return fail(l, _("section"), _("no such section"));
	return 0;
}

static void
pending_clear(struct pending_task *p)
{
	for (int i = 0; i < 2 * p->task.nproducts; i++)
		free(p->strings[i]);
	for (int i = 0; i < 2; i++)
		free(p->owned[i]);
	memset(p, 0, sizeof *p);
}

static int
flush_task(struct loader *l)
{
	struct pending_task *p = &l->pending;
	int rc = 0;

	if (!p->open)
		return 0;
	p->task.products = p->products;
	if (task_insert(l->db, &p->task, p->cooperators, p->ncooperators, l->plan_year) < 0)
		rc = -1;
	pending_clear(p);
	return rc;
}

static int
read_office(struct loader *l)
{
	if (expect_fields(l, 4) != 0)
		return -1;
	return office_put(l->db, tsv_field(&l->tsv, 1), tsv_field(&l->tsv, 2), tsv_field(&l->tsv, 3));
}

static int
read_unit(struct loader *l)
{
	if (expect_fields(l, 2) != 0)
		return -1;
	return unit_add(l->db, tsv_field(&l->tsv, 1), tsv_field(&l->tsv, 2),
	    tsv_field(&l->tsv, 3)) < 0 ? -1 : 0;
}

static int
read_plan(struct loader *l)
{
	struct plan_input p = { 0 };
	const char *date = tsv_field(&l->tsv, 4);
	struct date d;

	if (expect_fields(l, 7) != 0)
		return -1;
	p.number = tsv_field(&l->tsv, 1);
	p.title = tsv_field(&l->tsv, 2);
	p.issuer = tsv_field(&l->tsv, 3);
	p.signer = tsv_field(&l->tsv, 7);
	if (*date != '\0') {
		if (!date_parse_vn(date, &d))
			return fail(l, _("issue date"), _("not a date (dd/mm/yyyy)"));
		date_format_iso(d, p.issue_date);
	}
	if (parse_year(l, _("from year"), tsv_field(&l->tsv, 5), &p.year_from) != 0 ||
	    parse_year(l, _("to year"), tsv_field(&l->tsv, 6), &p.year_to) != 0)
		return -1;
	if ((l->plan = plan_insert(l->db, &p)) < 0)
		return -1;
	l->plan_year = p.year_from;
	return 0;
}

static int
need_plan(struct loader *l)
{
	if (l->plan == 0)
		return fail(l, NULL, _("a plan record must come first"));
	return 0;
}

static int
read_phase(struct loader *l)
{
	int from, to;

	if (expect_fields(l, 4) != 0 || need_plan(l) != 0 ||
	    parse_year(l, _("from year"), tsv_field(&l->tsv, 2), &from) != 0 ||
	    parse_year(l, _("to year"), tsv_field(&l->tsv, 3), &to) != 0)
		return -1;
	return plan_add_phase(l->db, l->plan, tsv_field(&l->tsv, 1), from, to) < 0 ? -1 : 0;
}

static int
read_target(struct loader *l)
{
	struct target_input t = { 0 };
	const char *baseline = tsv_field(&l->tsv, 5);

	if (expect_fields(l, 10) != 0 || need_plan(l) != 0)
		return -1;
	t.plan_id = l->plan;
	if (section_of(l, tsv_field(&l->tsv, 1), &t.section_id) != 0)
		return -1;
	if (!target_kind_parse(tsv_field(&l->tsv, 2), &t.rule.kind))
		return fail(l, _("kind"), _("must be rate, count, reduction, rank or yesno"));
	if (!comparator_parse(tsv_field(&l->tsv, 3), &t.rule.cmp))
		return fail(l, _("comparator"), _("must be one of > >= < <= ="));
	if (parse_number(l, _("value"), tsv_field(&l->tsv, 4), &t.rule.value) != 0)
		return -1;
	if (*baseline != '\0') {
		t.rule.has_baseline = true;
		if (parse_number(l, _("baseline"), baseline, &t.rule.baseline) != 0)
			return -1;
	}
	t.numerator_label = tsv_field(&l->tsv, 6);
	t.denominator_label = tsv_field(&l->tsv, 7);
	if (resolve_unit(l, _("lead unit"), tsv_field(&l->tsv, 8), &t.lead_unit_id) != 0)
		return -1;
	t.text = tsv_field(&l->tsv, 9);
	return target_insert(l->db, &t) < 0 ? -1 : 0;
}

static int
read_cooperators(struct loader *l, const char *list)
{
	struct pending_task *p = &l->pending;
	char *copy = strdup(list), *save = NULL;
	int rc = 0;

	if (copy == NULL)
		return db_fail(l->db, "%s", strerror(ENOMEM));
	for (char *u = strtok_r(copy, ";", &save); u && rc == 0; u = strtok_r(NULL, ";", &save)) {
		int64_t id;

		if (*text_trim(u) == '\0')
			continue;
		if (p->ncooperators == MAX_COOPERATORS)
			rc = fail(l, _("cooperating units"), _("too many units"));
		else if ((rc = resolve_unit(l, _("cooperating units"), u, &id)) == 0)
			p->cooperators[p->ncooperators++] = id;
	}
	free(copy);
	return rc;
}

static int
read_task(struct loader *l)
{
	struct pending_task *p = &l->pending;

	if (expect_fields(l, 5) != 0 || need_plan(l) != 0 || flush_task(l) != 0)
		return -1;
	p->open = true;
	p->task.plan_id = l->plan;
	if (section_of(l, tsv_field(&l->tsv, 1), &p->task.section_id) != 0)
		return -1;
	p->task.tt = p->owned[0] = strdup(tsv_field(&l->tsv, 2));
	p->task.description = p->owned[1] = strdup(tsv_field(&l->tsv, 3));
	if (p->task.tt == NULL || p->task.description == NULL)
		return db_fail(l->db, "%s", strerror(ENOMEM));
	if (resolve_unit(l, _("lead unit"), tsv_field(&l->tsv, 4), &p->task.lead_unit_id) != 0 ||
	    resolve_unit(l, _("monitoring unit"), tsv_field(&l->tsv, 6), &p->task.monitor_unit_id) != 0)
		return -1;
	return read_cooperators(l, tsv_field(&l->tsv, 5));
}

static int
read_product(struct loader *l)
{
	struct pending_task *p = &l->pending;
	struct product_input *pr;

	if (expect_fields(l, 2) != 0)
		return -1;
	if (!p->open)
		return fail(l, NULL, _("a product must follow its task"));
	if (p->task.nproducts == MAX_PRODUCTS)
		return fail(l, NULL, _("too many products for one task"));
	pr = &p->products[p->task.nproducts];
	pr->name = p->strings[2 * p->task.nproducts] = strdup(tsv_field(&l->tsv, 1));
	pr->deadline_text = p->strings[2 * p->task.nproducts + 1] = strdup(tsv_field(&l->tsv, 2));
	p->task.nproducts++;
	if (pr->name == NULL || pr->deadline_text == NULL)
		return db_fail(l->db, "%s", strerror(ENOMEM));
	return 0;
}

static const struct {
	const char *kind;
	int (*read)(struct loader *);
} records[] = {
	{ "office", read_office },
	{ "unit", read_unit },
	{ "plan", read_plan },
	{ "phase", read_phase },
	{ "target", read_target },
	{ "task", read_task },
	{ "product", read_product },
};

static int
read_record(struct loader *l)
{
	const char *kind = tsv_field(&l->tsv, 0);

	for (size_t i = 0; i < sizeof records / sizeof records[0]; i++)
		if (strcmp(kind, records[i].kind) == 0)
			return records[i].read(l);
	return fail(l, NULL, _("unknown record kind"));
}

/* Puts the file and line in front of an error that came from the record's
 * own checks (office_put, plan_insert...), which know neither; -1. */
static int
locate(struct loader *l)
{
	char msg[DB_ERROR_MAX];

	if (strncmp(db_error(l->db), l->path, strlen(l->path)) == 0)
		return -1;
	snprintf(msg, sizeof msg, "%s", db_error(l->db));
	return fail(l, NULL, msg);
}

/* Reads every record of an open loader; 0 or -1. */
static int
read_all(struct loader *l, int (*each)(struct loader *))
{
	int r;

	while ((r = tsv_next(&l->tsv)) == 1)
		if (each(l) != 0)
			return locate(l);
	if (r < 0)
		return fail(l, NULL, _("not valid UTF-8 text"));
	return 0;
}

static int
open_loader(struct loader *l, struct db *db, const char *path)
{
	const char *why;

	memset(l, 0, sizeof *l);
	l->db = db;
	l->path = path;
	if (tsv_open(&l->tsv, path, &why) != 0)
		return db_fail(db, _("cannot read %s: %s"), path, why);
	return 0;
}

static int64_t
load_plan_records(struct db *db, const char *path)
{
	struct loader l;
	int rc;

	if (open_loader(&l, db, path) != 0)
		return -1;
	rc = read_all(&l, read_record);
	if (rc == 0)
		rc = flush_task(&l);
	pending_clear(&l.pending);
	tsv_close(&l.tsv);
	return rc == 0 ? l.plan : -1;
}

static int
read_units_line(struct loader *l)
{
	return unit_add(l->db, tsv_field(&l->tsv, 0), tsv_field(&l->tsv, 1),
	    tsv_field(&l->tsv, 2)) < 0 ? -1 : 0;
}

static int
load_units_records(struct db *db, const char *path)
{
	struct loader l;
	int rc;

	if (open_loader(&l, db, path) != 0)
		return -1;
	rc = read_all(&l, read_units_line);
	tsv_close(&l.tsv);
	return rc;
}

int64_t
plan_file_load(struct db *db, const char *path)
{
	int64_t plan;

	if (db_begin(db) != 0)
		return -1;
	if ((plan = load_plan_records(db, path)) < 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return plan;
}

int
units_file_load(struct db *db, const char *path)
{
	if (db_begin(db) != 0)
		return -1;
	if (load_units_records(db, path) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int
reference_load(struct db *db, const char *datadir, bool sample)
{
	char sections[4096], units[4096], plan[4096];

	if (paths_join(sections, sizeof sections, datadir, "sections.tsv") != 0 ||
	    paths_join(units, sizeof units, datadir, "units.tsv") != 0 ||
	    paths_join(plan, sizeof plan, datadir, "sample-plan.tsv") != 0)
		return db_fail(db, _("the data folder path is too long"));
	if (db_begin(db) != 0)
		return -1;
	if (section_load(db, sections) != 0 ||
	    (sample && (load_units_records(db, units) != 0 ||
	    load_plan_records(db, plan) < 0)) ||
	    db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}
