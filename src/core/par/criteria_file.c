/* The criteria file (cchc-criteria(5)): importing a set from a TSV file
 * or the template shipped for a year, and exporting a set to one, so that
 * a set goes out and back in unchanged. */
#include "core/par/criteria_store.h"

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/tsv.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

/* Import. */

#define MAX_DEPTH 8

struct importer {
	struct db *db;
	const char *path;
	struct tsv tsv;
	int64_t set;
	int year;		/* 0: the file's */
	int nbands;
	/* The last criterion at each depth, for finding parents by code. */
	int64_t open_id[MAX_DEPTH];
	char *open_code[MAX_DEPTH];
	int depth;
};

static int
ifail(struct importer *im, const char *field, const char *reason)
{
	if (field != NULL)
		return db_fail(im->db, _("%s line %d, field \"%s\": %s"), im->path,
		    im->tsv.lineno, field, reason);
	return db_fail(im->db, _("%s line %d: %s"), im->path, im->tsv.lineno, reason);
}

static int
inumber(struct importer *im, const char *field, const char *s, double *out)
{
	if (!number_parse(s, out))
		return ifail(im, field, _("not a number"));
	return 0;
}

/* name with the first "from" written as a year (four digits on their own)
 * made "to": "… năm 2025" imported for 2024 reads "… năm 2024".  NULL when
 * out of memory. */
static char *
name_for_year(const char *name, int from, int to)
{
	char y[16], *out;
	const char *p = name;
	size_t len;

	snprintf(y, sizeof y, "%d", from);
	len = strlen(y);
	while ((p = strstr(p, y)) != NULL && ((p > name && isdigit((unsigned char)p[-1])) ||
	    isdigit((unsigned char)p[len])))
		p += len;
	if (p == NULL || (out = malloc(strlen(name) + 16)) == NULL)
		return p == NULL ? strdup(name) : NULL;
	snprintf(out, strlen(name) + 16, "%.*s%d%s", (int)(p - name), name, to, p + len);
	return out;
}

static int
read_set(struct importer *im)
{
	const char *total = tsv_field(&im->tsv, 4);
	char *name, *folded, *note, *end;
	long year = strtol(tsv_field(&im->tsv, 1), &end, 10);
	double t = 100;
	sqlite3_stmt *st;
	int rc;

	if (im->set != 0)
		return ifail(im, NULL, _("a file holds one set"));
	if (*tsv_field(&im->tsv, 1) == '\0' || *end != '\0' || year < 1990 || year > 2200)
		return ifail(im, _("year"), _("not a year between 1990 and 2200"));
	if (!criteria_level_valid(tsv_field(&im->tsv, 2)))
		return ifail(im, _("level"), _("must be xa, phuong or so"));
	if (*total != '\0' && (inumber(im, _("total"), total, &t) != 0 || t <= 0))
		return t <= 0 ? ifail(im, _("total"), _("must be above 0")) : -1;
	name = text_nfc(tsv_field(&im->tsv, 3));
	note = text_nfc(tsv_field(&im->tsv, 5));
	if (im->year != 0 && im->year != year && name != NULL) {
		char *moved = name_for_year(name, (int)year, im->year);

		free(name);
		name = moved;
		year = im->year;
	}
	folded = name ? text_fold(name) : NULL;
	rc = -1;
	if (name == NULL || note == NULL || folded == NULL)
		ifail(im, NULL, _("out of memory"));
	else if (*name == '\0')
		ifail(im, _("name"), _("is required"));
	else if ((st = db_prepare(im->db, "INSERT INTO par_set (year, level, name, folded, "
	    "total, note) VALUES (?, ?, ?, ?, ?, ?)")) != NULL) {
		sqlite3_bind_int(st, 1, (int)year);
		db_bind_text(st, 2, tsv_field(&im->tsv, 2));
		db_bind_text(st, 3, name);
		db_bind_text(st, 4, folded);
		sqlite3_bind_double(st, 5, t);
		db_bind_text(st, 6, note);
		if (sqlite3_step(st) == SQLITE_DONE) {
			im->set = sqlite3_last_insert_rowid(db_sqlite(im->db));
			rc = 0;
		} else {
			db_fail_sql(im->db, "par_set");
		}
		sqlite3_finalize(st);
	}
	free(name);
	free(note);
	free(folded);
	return rc;
}

static int
need_set(struct importer *im)
{
	if (im->set == 0)
		return ifail(im, NULL, _("a set record must come first"));
	return 0;
}

static int
read_band(struct importer *im)
{
	char *label;
	double min;
	int rc = -1;

	if (need_set(im) != 0 || inumber(im, _("from index"), tsv_field(&im->tsv, 2), &min) != 0)
		return -1;
	if ((label = text_nfc(tsv_field(&im->tsv, 1))) == NULL)
		return ifail(im, NULL, _("out of memory"));
	if (*label == '\0')
		ifail(im, _("label"), _("is required"));
	else
		rc = criteria_insert_band(im->db, im->set, ++im->nbands, label, min);
	free(label);
	return rc;
}

/* The depth of code in the open path: the deepest open criterion whose code
 * and a dot begin it. */
static int
parent_depth(struct importer *im, const char *code)
{
	for (int d = im->depth - 1; d >= 0; d--) {
		size_t len = strlen(im->open_code[d]);

		if (strncmp(code, im->open_code[d], len) == 0 && code[len] == '.')
			return d;
	}
	return -1;
}

static const char *const criterion_fields[] = {
	[CF_CODE] = N_("code"),
	[CF_TITLE] = N_("title"),
	[CF_MAX] = N_("max"),
	[CF_RULE] = N_("rule"),
	[CF_PARAMS] = N_("parameters"),
	[CF_SOURCE] = N_("source"),
	[CF_HINT] = N_("evidence expected"),
};

static int
read_criterion(struct importer *im)
{
	struct criterion_input c = { 0 };
	struct err e;
	const char *code = tsv_field(&im->tsv, 1);
	int64_t id;
	int d;

	if (need_set(im) != 0)
		return -1;
	if (inumber(im, _("max"), tsv_field(&im->tsv, 3), &c.max) != 0)
		return -1;
	if (*tsv_field(&im->tsv, 4) != '\0' && !rule_kind_parse(tsv_field(&im->tsv, 4), &c.kind))
		return ifail(im, _("rule"), _("unknown rule (manual, survey, yesno, ratio, bands, "
		    "count, deduct, bonus or penalty)"));
	d = parent_depth(im, code);
	if (d < 0 && strchr(code, '.') != NULL)
		return ifail(im, _("code"), _("no criterion above whose code begins this one"));
	if (d + 1 >= MAX_DEPTH)
		return ifail(im, _("code"), _("criteria nest too deep"));
	c.parent_id = d < 0 ? 0 : im->open_id[d];
	c.code = code;
	c.title = tsv_field(&im->tsv, 2);
	c.params = tsv_field(&im->tsv, 5);
	c.source = tsv_field(&im->tsv, 6);
	c.hint = tsv_field(&im->tsv, 7);
	if (criterion_store(im->db, im->set, &c, &id, &e) != 0)
		return ifail(im, e.field >= 0 ? _(criterion_fields[e.field]) : NULL, e.msg);
	for (int i = d + 1; i < im->depth; i++)
		free(im->open_code[i]);
	im->depth = d + 2;
	im->open_id[d + 1] = id;
	if ((im->open_code[d + 1] = strdup(code)) == NULL) {
		im->depth--;
		return ifail(im, NULL, _("out of memory"));
	}
	return 0;
}

static int
import_records(struct importer *im)
{
	int rc;

	while ((rc = tsv_next(&im->tsv)) == 1) {
		const char *kind = tsv_field(&im->tsv, 0);

		if (strcmp(kind, "set") == 0)
			rc = read_set(im);
		else if (strcmp(kind, "band") == 0)
			rc = read_band(im);
		else if (strcmp(kind, "criterion") == 0)
			rc = read_criterion(im);
		else
			rc = ifail(im, NULL, _("unknown record kind (set, band or criterion)"));
		if (rc != 0)
			return -1;
	}
	if (rc < 0)
		return ifail(im, NULL, errno == EILSEQ ? _("not valid UTF-8") : strerror(errno));
	if (im->set == 0)
		return db_fail(im->db, _("%s: no set record"), im->path);
	return 0;
}

static int64_t
import_file(struct db *db, const char *path, int year)
{
	struct importer im = { .db = db, .path = path, .year = year };
	const char *why;
	int rc;

	if (tsv_open(&im.tsv, path, &why) != 0)
		return db_fail(db, "%s: %s", path, why);
	if (db_begin(db) != 0) {
		tsv_close(&im.tsv);
		return -1;
	}
	rc = import_records(&im);
	for (int i = 0; i < im.depth; i++)
		free(im.open_code[i]);
	tsv_close(&im.tsv);
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == 0 ? im.set : -1;
}

int64_t
criteria_import(struct db *db, const char *path)
{
	return import_file(db, path, 0);
}

int64_t
criteria_import_template(struct db *db, int year)
{
	char path[4096];

	if (paths_join(path, sizeof path, paths_datadir(), CRITERIA_TEMPLATE_FILE) != 0)
		return db_fail(db, "%s", _("the data folder's name is too long"));
	return import_file(db, path, year);
}

/* Export. */

/* Numbers in the file always take a decimal point, whatever the locale. */
static void
put_number(FILE *fp, double v)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%.6f", v);
	for (char *p = buf + strlen(buf) - 1; p > buf && *p == '0'; p--)
		*p = '\0';
	if (buf[strlen(buf) - 1] == '.')
		buf[strlen(buf) - 1] = '\0';
	fputs(buf, fp);
}

int
criteria_export(const struct criteria_set *s, FILE *fp)
{
	fputs("# cchc criteria set: see cchc-criteria(5).\n"
	    "# set\tyear\tlevel\tname\ttotal\tnote\n"
	    "# band\tlabel\tfrom index\n"
	    "# criterion\tcode\ttitle\tmax\trule\tparameters\tsource\tevidence expected\n", fp);
	fprintf(fp, "set\t%d\t%s\t%s\t", s->year, s->level, s->name);
	put_number(fp, s->total);
	fprintf(fp, "\t%s\n", s->note);
	for (int i = 0; i < s->nbands; i++) {
		fprintf(fp, "band\t%s\t", s->bands[i].label);
		put_number(fp, s->bands[i].min);
		fputc('\n', fp);
	}
	for (int i = 0; i < s->n; i++) {
		const struct par_node *c = &s->nodes[i];

		fprintf(fp, "criterion\t%s\t%s\t", c->code, c->title);
		put_number(fp, c->max);
		fprintf(fp, "\t%s\t%s\t%s\t%s\n", rule_kind_name(c->kind), c->params, c->source,
		    c->hint);
	}
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}
