/* The torture tests' C side: the same core save functions the forms call,
 * driven hard, with what was saved written down so that it can be checked
 * after a SIGKILL.
 *
 *   harness init DB          a new database with the sample plan
 *   harness edit DB LOG SEED edits forever (crash.sh kills it)
 *   harness check DB LOG     integrity, and every edit reported saved is there
 *   harness fill DB          saves tasks until the disk is full: a clear
 *                            message, nothing half-written
 *   harness two DB           two connections (two instances) on one file
 *   harness bad DB           the bad-input table through the core
 *   harness print DB         prints a line as the preview's p does: the
 *                            message, status 1 when printing failed
 *
 * The log of edit has, per save, "try KIND ..." before it and "ok ..."
 * after the commit returned: a save reported done must survive any kill,
 * and one cut short may or may not be there, but nothing else. */
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <math.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/result.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/report/print.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/date.h"

#define YEAR 2025

static int failures;

static void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("FAIL: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	failures++;
}

static struct db *
open_db(const char *path)
{
	struct err e;
	struct db *db = db_open(path, &e);

	if (db == NULL) {
		fprintf(stderr, "harness: %s\n", e.msg);
		exit(1);
	}
	date_set_today((struct date){ YEAR, 10, 15 });
	return db;
}

static int64_t
current_plan(struct db *db)
{
	struct plan p;
	int64_t id;

	if (plan_current(db, &p) != 1) {
		fprintf(stderr, "harness: no plan: %s\n", db_error(db));
		exit(1);
	}
	id = p.id;
	plan_free(&p);
	return id;
}

/* Ids of one query's first column. */
static int
ids(struct db *db, const char *sql, int64_t *out, int max)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int n = 0;

	while (st != NULL && sqlite3_step(st) == SQLITE_ROW && n < max)
		out[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* --- edit --------------------------------------------------------- */

static int logfd;

static void
logf_(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	/* One write(2) a line: what is written survives SIGKILL whole. */
	if (write(logfd, line, (size_t)n) != n)
		exit(1);
}

static int
new_task(struct db *db, int64_t plan, int64_t section, unsigned n, struct err *e)
{
	char desc[64];
	struct product_input p = { .name = "Báo cáo",
	    .deadline_text = "Trước ngày 15/12/2025" };
	struct task_input t = { .plan_id = plan, .section_id = section, .tt = "",
	    .description = desc, .evidence = "", .note = "", .nproducts = 1, .products = &p };

	snprintf(desc, sizeof desc, "crash %u", n);
	logf_("try task %u\n", n);
	if (task_save(db, &t, NULL, 0, YEAR, &t.id, e) != 0)
		return -1;
	logf_("ok task %u %lld\n", n, (long long)t.id);
	return 0;
}

static int
note_task(struct db *db, int64_t id, unsigned n, struct err *e)
{
	struct task *all;
	struct product_input *products;
	struct task_input in;
	int count, rc = -1;
	char note[32];

	if (task_list(db, current_plan(db), 0, &all, &count) != 0)
		return err_db(e, db);
	for (int i = 0; i < count; i++) {
		if (all[i].id != id)
			continue;
		if ((products = calloc((size_t)all[i].nproducts + 1, sizeof *products)) == NULL) {
			rc = err_set(e, -1, "out of memory");
			break;
		}
		snprintf(note, sizeof note, "n%u", n);
		/* As the form does: the whole record as loaded, one field changed. */
		in = task_input_of(&all[i], products);
		in.note = note;
		logf_("try note %lld %u\n", (long long)id, n);
		if ((rc = task_save(db, &in, NULL, 0, YEAR, NULL, e)) == 0)
			logf_("ok note %lld %u\n", (long long)id, n);
		free(products);
		break;
	}
	tasks_free(all, count);
	return rc;
}

static int
put_result(struct db *db, int64_t plan, unsigned n, struct err *e)
{
	struct target *t;
	int count, rc = -1;

	if (target_list(db, plan, 0, YEAR, PERIOD_YEAR, &t, &count) != 0 || count == 0)
		return err_db(e, db);
	for (int i = 0; i < count; i++) {
		struct measure m = { 0 };

		if (t[i].rule.kind != TARGET_COUNT)
			continue;
		m.has_value = true;
		m.value = n % 1000;
		logf_("try result %lld %u\n", (long long)t[i].id, n % 1000);
		if ((rc = result_save(db, &t[i], YEAR, PERIOD_YEAR, &m, "", "", e)) == 0)
			logf_("ok result %lld %u\n", (long long)t[i].id, n % 1000);
		break;
	}
	targets_free(t, count);
	return rc;
}

static int
edit(const char *path, const char *log, unsigned seed)
{
	struct db *db = open_db(path);
	int64_t plan = current_plan(db), section = section_find(db, "tthc");

	srand(seed);
	if ((logfd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600)) < 0)
		return 1;
	logf_("start %u\n", seed);
	for (unsigned n = seed * 100000;; n++) {
		struct err e;
		int64_t live[512];
		int nlive = ids(db, "SELECT id FROM task WHERE description LIKE 'crash %' "
		    "ORDER BY id DESC LIMIT 512", live, 512), r = rand() % 10, rc;

		if (r < 4 || nlive == 0) {
			rc = new_task(db, plan, section, n, &e);
		} else if (r < 7) {
			rc = note_task(db, live[rand() % nlive], n, &e);
		} else if (r < 9) {
			rc = put_result(db, plan, n, &e);
		} else {
			int64_t id = live[rand() % nlive];

			logf_("try del %lld\n", (long long)id);
			rc = task_delete(db, id, NULL);
			if (rc == 0)
				logf_("ok del %lld\n", (long long)id);
			else
				err_db(&e, db);
		}
		if (rc != 0) {
			fprintf(stderr, "harness: save failed: %s\n", e.msg);
			return 1;
		}
	}
}

/* --- check -------------------------------------------------------- */

/* What the log says a key may hold: the value acknowledged last, and
 * the values of saves cut short after it (each may have committed). */
struct key {
	long long id;
	long long ok;		/* -1: none acknowledged */
	long long maybe[64];
	int nmaybe;
	long long n;		/* K_TASK: its description is "crash n" */
};

static struct key *keys;
static int nkeys;

static struct key *
key(long long id, int kind)
{
	long long k = id * 4 + kind;

	for (int i = 0; i < nkeys; i++)
		if (keys[i].id == k)
			return &keys[i];
	keys = realloc(keys, (size_t)(nkeys + 1) * sizeof *keys);
	keys[nkeys] = (struct key){ .id = k, .ok = -1 };
	return &keys[nkeys++];
}

enum { K_TASK, K_NOTE, K_RESULT };	/* K_TASK: 1 present, 0 deleted */

static void
maybe(struct key *k, long long v)
{
	if (k->nmaybe < 64)
		k->maybe[k->nmaybe++] = v;
}

static bool
allowed(const struct key *k, long long v)
{
	if (v == k->ok)
		return true;
	for (int i = 0; i < k->nmaybe; i++)
		if (k->maybe[i] == v)
			return true;
	return false;
}

/* The first column of q for ?1 = id (and ?2 = n), or none. */
static long long
query_ll(sqlite3 *sql, const char *q, long long id, long long none, long long n)
{
	sqlite3_stmt *st;
	long long v = none;

	if (sqlite3_prepare_v2(sql, q, -1, &st, NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, n);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_type(st, 0) == SQLITE_NULL ? none : sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
check(const char *path, const char *log)
{
	FILE *f = fopen(log, "r");
	char line[256], kind[16], pending[256] = "";
	sqlite3 *sql;
	sqlite3_stmt *st;
	int saved = 0;

	/* The plain library, as the sqlite3 shell would: recovery of the
	 * WAL happens here. */
	if (sqlite3_open_v2(path, &sql, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fail("open: %s", sqlite3_errmsg(sql));
		return 1;
	}
	sqlite3_prepare_v2(sql, "PRAGMA integrity_check", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
			fail("integrity_check: %s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_prepare_v2(sql, "PRAGMA foreign_key_check", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		fail("foreign_key_check: %s row %lld", sqlite3_column_text(st, 0),
		    (long long)sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);

	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		long long a = 0, b = 0;

		if (sscanf(line, "%15s %*s %lld %lld", kind, &a, &b) < 1)
			continue;
		if (strcmp(kind, "try") == 0) {
			/* Unanswered until its ok: maybe committed. */
			snprintf(pending, sizeof pending, "%s", line);
			char what[16];

			sscanf(line, "try %15s %lld %lld", what, &a, &b);
			if (strcmp(what, "note") == 0)
				maybe(key(a, K_NOTE), b);
			else if (strcmp(what, "result") == 0)
				maybe(key(a, K_RESULT), b);
			else if (strcmp(what, "del") == 0)
				maybe(key(a, K_TASK), 0);
		} else if (strcmp(kind, "ok") == 0) {
			char what[16];
			struct key *k;

			sscanf(line, "ok %15s %lld %lld", what, &a, &b);
			saved++;
			if (strcmp(what, "task") == 0) {
				/* A new task may take a deleted one's id:
				 * the old task's note is not its note. */
				k = key(b, K_NOTE);
				k->ok = -1;
				k->nmaybe = 0;
				k = key(b, K_TASK);
				k->ok = 1;
				k->n = a;
			} else {
				k = key(a, strcmp(what, "note") == 0 ? K_NOTE :
				    strcmp(what, "result") == 0 ? K_RESULT : K_TASK);
				k->ok = strcmp(what, "del") == 0 ? 0 : b;
			}
			k->nmaybe = 0;
		}
	}
	if (f != NULL)
		fclose(f);
	for (int i = 0; i < nkeys; i++) {
		struct key *k = &keys[i];
		long long id = k->id / 4, v;

		if (k->ok < 0)
			continue;
		/* SQLite gives a deleted task's id to the next new task:
		 * compare descriptions, not only ids. */
		struct key *task = key(id, K_TASK);
		static const char same_task[] = "SELECT 1 FROM task WHERE id = ?1 AND"
		    " (?2 < 0 OR description = 'crash ' || ?2)";

		k = &keys[i];	/* key() may have moved the array */
		switch (k->id % 4) {
		case K_TASK:
			v = query_ll(sql, same_task, id, 0, k->n);
			break;
		case K_NOTE:
			if (query_ll(sql, same_task, id, 0, task->ok >= 0 ? task->n : -1) == 0)
				continue;	/* deleted since */
			v = query_ll(sql, "SELECT substr(note, 2) FROM task WHERE id = ?", id, -1, 0);
			break;
		default:
			v = query_ll(sql, "SELECT r.value FROM result r JOIN period p ON p.id = r.period_id"
			    " WHERE r.target_id = ? AND p.kind = 'year' AND p.year = 2025", id, -1, 0);
			break;
		}
		if (!allowed(k, v))
			fail("%s %lld: saved %lld, the database has %lld",
			    (const char *[]){ "task", "note", "result" }[k->id % 4], id, k->ok, v);
	}
	sqlite3_close(sql);
	printf("%d saves checked\n", saved);
	return failures != 0;
}

/* --- fill --------------------------------------------------------- */

static int
fill(const char *path)
{
	struct db *db = open_db(path);
	int64_t plan = current_plan(db), section = section_find(db, "tthc"), saved[100000];
	char desc[4096];
	struct err e;
	int n = 0, rc;

	memset(desc, 'x', sizeof desc - 1);
	desc[sizeof desc - 1] = '\0';
	for (;;) {
		struct product_input p = { .name = "Báo cáo", .deadline_text = "Tháng 12/2025" };
		struct task_input t = { .plan_id = plan, .section_id = section, .tt = "",
		    .description = desc, .evidence = "", .note = "", .nproducts = 1,
		    .products = &p };

		snprintf(desc, 16, "fill %06d ", n);
		desc[12] = 'x';
		if (task_save(db, &t, NULL, 0, YEAR, &t.id, &e) != 0)
			break;
		if (n == 100000)
			break;
		saved[n++] = t.id;
	}
	printf("after %d saves: %s\n", n, e.msg);
	if (e.msg[0] == '\0')
		fail("a failed save without a message");
	/* The same connection reads everything saved. */
	for (int i = 0; i < n; i++) {
		int64_t one;

		char q[64];
		snprintf(q, sizeof q, "SELECT id FROM task WHERE id = %lld", (long long)saved[i]);
		if (ids(db, q, &one, 1) != 1)
			fail("task %lld saved before the disk filled is gone", (long long)saved[i]);
	}
	rc = failures != 0;
	db_close(db);
	return rc;
}

/* --- two ---------------------------------------------------------- */

/* Two instances: both show task T; the first saves a note, the second,
 * still showing the old record, saves its description.  Then one holds
 * the write lock while the other saves. */
static int
two(const char *path)
{
	struct db *a = open_db(path), *b = open_db(path);
	int64_t plan = current_plan(a);
	struct task *ta, *tb;
	struct product_input *pa, *pb;
	struct task_input ia, ib;
	int na, nb, rc = 0;
	struct err e;
	char *note;

	if (task_list(a, plan, 0, &ta, &na) != 0 || task_list(b, plan, 0, &tb, &nb) != 0 || na == 0) {
		fprintf(stderr, "harness: no tasks\n");
		return 1;
	}
	pa = calloc((size_t)ta[0].nproducts + 1, sizeof *pa);
	pb = calloc((size_t)tb[0].nproducts + 1, sizeof *pb);
	if (pa == NULL || pb == NULL) {
		fprintf(stderr, "harness: out of memory\n");
		return 1;
	}
	ia = task_input_of(&ta[0], pa);
	ia.note = "written by instance A";
	if (task_save(a, &ia, NULL, 0, YEAR, NULL, &e) != 0)
		fail("A: %s", e.msg);
	ib = task_input_of(&tb[0], pb);
	ib.description = "Changed by instance B";
	rc = task_save(b, &ib, NULL, 0, YEAR, NULL, &e);
	note = NULL;
	{
		sqlite3_stmt *st = db_prepare(a, "SELECT note FROM task WHERE id = ?");

		sqlite3_bind_int64(st, 1, ta[0].id);
		if (sqlite3_step(st) == SQLITE_ROW)
			note = db_column_strdup(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == 0 && note != NULL && strcmp(note, "written by instance A") != 0)
		printf("stale save: B's save of the record it showed was accepted and A's note "
		    "is gone (silent overwrite)\n");
	else if (rc != 0)
		printf("stale save refused: %s\n", e.msg);
	else
		printf("stale save merged: A's note kept\n");
	/* The write lock: A inside a transaction, B saves. */
	if (db_begin(a) != 0)
		fail("A cannot begin: %s", db_error(a));
	if (task_save(b, &ib, NULL, 0, YEAR, NULL, &e) == 0)
		fail("B saved while A held the write lock");
	else
		printf("while the other instance writes: %s\n", e.msg);
	db_rollback(a);
	if (e.msg[0] == '\0')
		fail("a refused save without a message");
	int overwrote = rc == 0 && note != NULL && strcmp(note, "written by instance A") != 0;
	free(note);
	free(pa);
	free(pb);
	tasks_free(ta, na);
	tasks_free(tb, nb);
	db_close(a);
	db_close(b);
	return failures ? 1 : overwrote ? 3 : 0;
}

/* --- bad ---------------------------------------------------------- */

/* Every row of every table, hashed: "unchanged" means unchanged. */
static uint64_t
db_hash(struct db *db)
{
	sqlite3_stmt *tables = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
	uint64_t h = 14695981039346656037ULL;

	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *q = sqlite3_mprintf("SELECT * FROM \"%w\"", sqlite3_column_text(tables, 0));
		sqlite3_stmt *st = db_prepare(db, q);

		while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *s = sqlite3_column_text(st, c);

				for (; s && *s; s++)
					h = (h ^ *s) * 1099511628211ULL;
				h = (h ^ 0xff) * 1099511628211ULL;
			}
		}
		sqlite3_finalize(st);
		sqlite3_free(q);
	}
	sqlite3_finalize(tables);
	return h;
}

static char *big_text;	/* 100,000 letters */

struct bad_task { const char *name, *field, *value; };
static const struct bad_task bad_tasks[] = {
	{ "task: invalid UTF-8", "description", "Kiểm tra \xff\xfe" },
	{ "task: overlong UTF-8 '/'", "description", "a\xc0\xaf" },
	{ "task: UTF-16 surrogate", "description", "a\xed\xa0\x80" },
	{ "task: cut UTF-8 sequence", "description", "Kiểm tra \xe1\xba" },
	{ "task: empty description", "description", "" },
	{ "task: blank description", "description", " \t  " },
	{ "task: control characters only", "description", "\x01\x02\x03" },
	{ "task: terminal escape in text", "description", "Kiểm tra \x1b[2J\x1b[31mđỏ" },
	{ "task: C1 control (CSI) in text", "description", "Kiểm tra \xc2\x9b" "31m" },
	{ "task: 100,000-character text", "description", NULL },
	{ "task: invalid UTF-8 in No.", "tt", "\xff" },
	{ "task: invalid UTF-8 in note", "note", "\xfe" },
	{ "task: invalid UTF-8 in evidence", "evidence", "\x80" },
	{ "task: invalid UTF-8 in product", "pname", "\xc3" },
	{ "task: invalid UTF-8 in deadline", "pdeadline", "Tháng \xff" },
	{ "task: completion 31/02", "completion", "2025-02-31" },
	{ "task: completion 00/13", "completion", "2025-13-00" },
	{ "task: completion in the future", "completion", "2025-12-01" },
	{ "task: completion not a date", "completion", "hôm qua" },
	{ "task: completion but not done", "completion_only", "2025-10-01" },
	{ "task: done without completion", "done_nodate", "" },
	{ "task: lead unit that does not exist", "lead", "999999" },
	{ "task: negative unit id", "monitor", "-5" },
	{ "task: section that does not exist", "section", "999999" },
	{ "task: plan that does not exist", "plan", "999999" },
	{ "task: lead also cooperating", "coop_lead", "" },
	{ "task: cooperator that does not exist", "coop", "999999" },
	{ "task: manual due date 31/02", "due", "2025-02-31" },
};

struct bad_target { const char *name, *kind; double value; const char *text; double baseline; int64_t lead; };
static const struct bad_target bad_targets[] = {
	{ "target: rate 150%", "rate", 150, "Tỷ lệ", -1, 0 },
	{ "target: rate -1%", "rate", -1, "Tỷ lệ", -1, 0 },
	{ "target: negative count", "count", -3, "Số", -1, 0 },
	{ "target: rank 0", "rank", 0, "Hạng", -1, 0 },
	{ "target: rank 2.5", "rank", 2.5, "Hạng", -1, 0 },
	{ "target: yes/no 2", "yesno", 2, "Có", -1, 0 },
	{ "target: reduction 101%", "reduction", 101, "Giảm", -1, 0 },
	{ "target: NaN", "count", NAN, "Số", -1, 0 },
	{ "target: infinity", "count", INFINITY, "Số", -1, 0 },
	{ "target: invalid UTF-8 text", "count", 1, "S\xff", -1, 0 },
	{ "target: empty text", "count", 1, "", -1, 0 },
	{ "target: negative baseline", "reduction", 10, "Giảm", -5, 0 },
	{ "target: lead unit that does not exist", "count", 1, "Số", -1, 999999 },
};

struct bad_result { const char *name, *kind; int hn; double n; int hd; double d; int hv; double v; const char *evidence; };
static const struct bad_result bad_results[] = {
	{ "result: 150 of 100 (150%)", "rate", 1, 150, 1, 100, 0, 0, "" },
	{ "result: negative numerator", "rate", 1, -1, 1, 100, 0, 0, "" },
	{ "result: negative denominator", "rate", 1, 1, 1, -100, 0, 0, "" },
	{ "result: 5 of 0", "rate", 1, 5, 1, 0, 0, 0, "" },
	{ "result: numerator alone", "rate", 1, 5, 0, 0, 0, 0, "" },
	{ "result: rate typed 150%", "rate", 0, 0, 0, 0, 1, 150, "" },
	{ "result: negative count", "count", 0, 0, 0, 0, 1, -5, "" },
	{ "result: rank 0", "rank", 0, 0, 0, 0, 1, 0, "" },
	{ "result: yes/no 3", "yesno", 0, 0, 0, 0, 1, 3, "" },
	{ "result: NaN", "count", 0, 0, 0, 0, 1, NAN, "" },
	{ "result: invalid UTF-8 evidence", "count", 0, 0, 0, 0, 1, 1, "QĐ \xff" },
};

struct bad_plan { const char *name, *title; int from, to; const char *issue; };
static const struct bad_plan bad_plans[] = {
	{ "plan: year 1800", "Kế hoạch", 1800, 1800, "" },
	{ "plan: last year before first", "Kế hoạch", 2026, 2025, "" },
	{ "plan: year 99999", "Kế hoạch", 2025, 99999, "" },
	{ "plan: empty title", "", 2025, 2025, "" },
	{ "plan: issued 31/02", "Kế hoạch", 2025, 2025, "2025-02-31" },
	{ "plan: invalid UTF-8 title", "K\xff", 2025, 2025, "" },
};

struct bad_unit { const char *name, *uname, *aliases; };
static const struct bad_unit bad_units[] = {
	{ "unit: empty name", "", "" },
	{ "unit: invalid UTF-8 name", "Ph\xffng", "" },
	{ "unit: name of another unit", "Phòng Kinh tế", "" },
	{ "unit: alias of another unit", "Phòng mới", "VHXH" },
	{ "unit: invalid UTF-8 alias", "Phòng mới", "a;\xff" },
};

static int64_t first_id(struct db *db, const char *sql)
{
	int64_t id = 0;

	ids(db, sql, &id, 1);
	return id;
}

static int
try_task(struct db *db, const struct bad_task *c, struct err *e)
{
	struct product_input p = { .name = "Báo cáo", .deadline_text = "Tháng 12/2025" };
	struct task_input t = { .plan_id = current_plan(db), .section_id = section_find(db, "tthc"),
	    .tt = "1", .description = "Kiểm tra", .evidence = "", .note = "", .nproducts = 1,
	    .products = &p };
	int64_t unit = first_id(db, "SELECT id FROM unit ORDER BY id"), coop[1] = { unit };
	int ncoop = 0;
	const char *f = c->field;
	const char *v = c->value ? c->value : big_text;

	if (!strcmp(f, "description")) t.description = v;
	else if (!strcmp(f, "tt")) t.tt = v;
	else if (!strcmp(f, "note")) t.note = v;
	else if (!strcmp(f, "evidence")) t.evidence = v;
	else if (!strcmp(f, "pname")) p.name = v;
	else if (!strcmp(f, "pdeadline")) p.deadline_text = v;
	else if (!strcmp(f, "completion") || !strcmp(f, "done_nodate")) {
		t.progress = PROGRESS_DONE;
		snprintf(t.completion_date, sizeof t.completion_date, "%s", v);
	} else if (!strcmp(f, "completion_only"))
		snprintf(t.completion_date, sizeof t.completion_date, "%s", v);
	else if (!strcmp(f, "lead")) t.lead_unit_id = atoll(v);
	else if (!strcmp(f, "monitor")) t.monitor_unit_id = atoll(v);
	else if (!strcmp(f, "section")) t.section_id = atoll(v);
	else if (!strcmp(f, "plan")) t.plan_id = atoll(v);
	else if (!strcmp(f, "coop_lead")) { t.lead_unit_id = unit; ncoop = 1; }
	else if (!strcmp(f, "coop")) { coop[0] = atoll(v); ncoop = 1; }
	else if (!strcmp(f, "due")) {
		p.due_manual = true;
		snprintf(p.due_date, sizeof p.due_date, "%s", v);
	}
	return task_save(db, &t, coop, ncoop, YEAR, &t.id, e);
}

static int
try_target(struct db *db, const struct bad_target *c, struct err *e)
{
	struct target_input t = { .plan_id = current_plan(db),
	    .section_id = section_find(db, "tthc"), .text = c->text, .numerator_label = "",
	    .denominator_label = "",
	    .lead_unit_id = c->lead };

	target_kind_parse(c->kind, &t.rule.kind);
	t.rule.cmp = CMP_GE;
	t.rule.value = c->value;
	t.rule.has_baseline = c->baseline != -1;
	t.rule.baseline = c->baseline;
	return target_save(db, &t, &t.id, e);
}

static int
try_result(struct db *db, const struct bad_result *c, struct err *e)
{
	struct target *t;
	struct measure m = { c->hn, c->hd, c->hv, c->n, c->d, c->v };
	int n, rc = err_set(e, -1, "no %s target in the sample plan", c->kind);
	enum target_kind k;

	target_kind_parse(c->kind, &k);
	if (target_list(db, current_plan(db), 0, YEAR, PERIOD_YEAR, &t, &n) != 0)
		return err_db(e, db);
	for (int i = 0; i < n; i++) {
		if (t[i].rule.kind == k) {
			err_clear(e);
			rc = result_save(db, &t[i], YEAR, PERIOD_YEAR, &m, c->evidence, "", e);
			break;
		}
	}
	targets_free(t, n);
	return rc;
}

static int
try_plan(struct db *db, const struct bad_plan *c, struct err *e)
{
	struct plan_input p = { .number = "", .title = c->title, .issuer = "", .signer = "",
	    .year_from = c->from, .year_to = c->to };

	snprintf(p.issue_date, sizeof p.issue_date, "%s", c->issue);
	return plan_save(db, &p, &p.id, e);
}

static int
try_unit(struct db *db, const struct bad_unit *c, struct err *e)
{
	struct unit_input u = { .name = c->uname, .short_name = "" };

	return unit_save(db, &u, c->aliases, &u.id, e);
}

static void
expect_refused(struct db *db, const char *name, int rc, const struct err *e, uint64_t before,
    int *n)
{
	uint64_t after = db_hash(db);

	(*n)++;
	if (rc == 0)
		fail("%-40s accepted (should be refused)", name);
	else if (e->msg[0] == '\0')
		fail("%-40s refused without a message", name);
	else if (after != before)
		fail("%-40s refused but the database changed", name);
	else
		printf("ok   %-40s %s\n", name, e->msg);
}

/* Quotes and printf directives are text like any other: stored as typed. */
static void
expect_verbatim(struct db *db, const char *text, int *n)
{
	struct product_input p = { .name = text, .deadline_text = "" };
	struct task_input t = { .plan_id = current_plan(db), .section_id = section_find(db, "tthc"),
	    .tt = "", .description = text, .evidence = text, .note = text, .nproducts = 1,
	    .products = &p };
	struct err e;
	sqlite3_stmt *st;
	int same = 0;

	(*n)++;
	if (task_save(db, &t, NULL, 0, YEAR, &t.id, &e) != 0) {
		fail("%-40s refused: %s", text, e.msg);
		return;
	}
	st = db_prepare(db, "SELECT t.description = ?2 AND t.note = ?2 AND p.name = ?2"
	    " FROM task t JOIN product p ON p.task_id = t.id WHERE t.id = ?1");
	sqlite3_bind_int64(st, 1, t.id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!same || first_id(db, "SELECT count(*) FROM task") == 0)
		fail("%-40s not stored verbatim", text);
	else
		printf("ok   %-40s stored verbatim\n", text);
	task_delete(db, t.id, NULL);
}

static int
bad(const char *path)
{
	static const char *const verbatim[] = {
		"'); DROP TABLE task; --", "\" OR 1=1 --", "%n%n%n%s%s%s", "%99999999d",
		"Robert'); DELETE FROM plan;--",
	};
	struct db *db = open_db(path);
	struct err e;
	int n = 0;

	big_text = malloc(100001);
	memset(big_text, 'a', 100000);
	big_text[100000] = '\0';
#define RUN(table, fn) \
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) { \
		uint64_t before = db_hash(db); \
		err_clear(&e); \
		expect_refused(db, table[i].name, fn(db, &table[i], &e), &e, before, &n); \
	}
	RUN(bad_tasks, try_task)
	RUN(bad_targets, try_target)
	RUN(bad_results, try_result)
	RUN(bad_plans, try_plan)
	RUN(bad_units, try_unit)
	{
		int64_t unit = first_id(db, "SELECT lead_unit_id FROM task WHERE lead_unit_id IS NOT NULL");
		uint64_t before = db_hash(db);
		struct trash *undo = NULL;

		err_clear(&e);
		expect_refused(db, "unit: delete while tasks use it", unit_delete(db, unit, &undo, &e),
		    &e, before, &n);
	}
	for (size_t i = 0; i < sizeof verbatim / sizeof verbatim[0]; i++)
		expect_verbatim(db, verbatim[i], &n);
	printf("%d bad inputs, %d failures\n", n, failures);
	free(big_text);
	db_close(db);
	return failures != 0;
}

static int
init(const char *path)
{
	struct db *db = open_db(path);
	const char *data = getenv("CCHC_DATADIR");
	int rc = reference_load(db, data ? data : "data", true);

	if (rc != 0)
		fprintf(stderr, "harness: %s\n", db_error(db));
	db_close(db);
	return rc != 0;
}

/* Prints a file holding "harness print" as cchc prints a report's PDF. */
static int
print(const char *path)
{
	char file[] = "/tmp/cchc-harness-print-XXXXXX";
	struct db *db = open_db(path);
	int fd = mkstemp(file), rc = -1;

	if (fd >= 0 && write(fd, "harness print\n", 14) == 14 && close(fd) == 0)
		rc = print_pdf(db, file, NULL);
	else
		db_fail(db, "%s: %s", file, strerror(errno));
	if (rc != 0)
		fprintf(stderr, "harness: %s\n", db_error(db));
	if (fd >= 0)
		unlink(file);
	db_close(db);
	return rc != 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "init") == 0)
		return init(argv[2]);
	if (argc >= 5 && strcmp(argv[1], "edit") == 0)
		return edit(argv[2], argv[3], (unsigned)atoi(argv[4]));
	if (argc >= 4 && strcmp(argv[1], "check") == 0)
		return check(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "fill") == 0)
		return fill(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "two") == 0)
		return two(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "bad") == 0)
		return bad(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "print") == 0)
		return print(argv[2]);
	fprintf(stderr, "usage: harness init|edit|check|fill|two|bad|print DB [LOG [SEED]]\n");
	return 2;
}
