#include "core/io/export.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io/csv.h"
#include "core/io/file_out.h"
#include "core/plan/section.h"
#include "core/plan/task.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/store/schema.h"
#include "core/text/array.h"
#include "core/text/i18n.h"

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* ---- the database as CSV ------------------------------------------------ */

/* What the tables of the model hold, for README.txt.  column NULL
 * describes the table.  Tables other parts of the program add are
 * documented from the schema alone. */
static const struct {
	const char *table, *column, *text;
} docs[] = {
	{ "setting", NULL, N_("Settings of the program, as key and value.") },
	{ "office", NULL, N_("The office whose work the file holds (one row).") },
	{ "office", "kind", N_("xa (commune), phuong (ward) or so (provincial department)") },
	{ "section", NULL, N_("The seven sections of administrative reform.") },
	{ "section", "code", N_("stable key of the section, used by the data files") },
	{ "section", "ord", N_("display order, 1 to 7") },
	{ "section", "folded", N_("the title in lower case without marks, for matching") },
	{ "section_alias", NULL, N_("Other titles plans give a section, folded.") },
	{ "unit", NULL, N_("Units of the office (phòng, trung tâm...).") },
	{ "unit", "folded", N_("the name in lower case without marks, for searching") },
	{ "unit", "sort_key", N_("a key that sorts the names in Vietnamese order") },
	{ "unit_alias", NULL, N_("Every spelling of a unit (names, short names, aliases).") },
	{ "plan", NULL, N_("Plans (kế hoạch CCHC), yearly or for several years.") },
	{ "plan", "number", N_("the number as printed, e.g. 149/KH-UBND") },
	{ "plan", "issue_date", N_("date of issue, YYYY-MM-DD") },
	{ "phase", NULL, N_("Phases (giai đoạn) of a plan for several years.") },
	{ "target", NULL, N_("Targets (chỉ tiêu) of a plan.") },
	{ "target", "kind", N_("rate, count, reduction, rank or yesno") },
	{ "target", "comparator", N_("how a result compares with value: > >= < <= =") },
	{ "target", "value", N_("the planned value (a percentage for rates and reductions)") },
	{ "target", "baseline", N_("reductions: the figure the reduction is measured from") },
	{ "target", "horizon", N_("when it is judged: period, year or phase; empty: by its kind") },
	{ "target", "value_h1", N_("the planned value at six months (value_q1, value_m9 alike)") },
	{ "target_phase", NULL, N_("A target's value in a later phase of its plan.") },
	{ "task", NULL, N_("Tasks (nhiệm vụ) of a plan's appendix.") },
	{ "task", "tt", N_("the number (TT) as printed in the appendix") },
	{ "task", "ord", N_("order within the plan's section") },
	{ "task", "lead_unit_id", N_("the unit that leads (chủ trì), unit.id") },
	{ "task", "monitor_unit_id", N_("the unit that monitors (theo dõi), unit.id") },
	{ "task", "progress", N_("not_started, in_progress or done") },
	{ "task", "completion_date", N_("when the task was done, YYYY-MM-DD") },
	{ "task", "evidence_number", N_("the number of the document that proves the progress, "
	    "e.g. 120/BC-UBND") },
	{ "task", "evidence_date", N_("the date of that document, YYYY-MM-DD") },
	{ "task", "evidence", N_("that document's summary") },
	{ "task_cooperator", NULL, N_("The units that cooperate (phối hợp) on a task.") },
	{ "product", NULL, N_("The products (sản phẩm) of a task and their deadlines.") },
	{ "product", "deadline_text", N_("the deadline as written in the plan") },
	{ "product", "deadline_kind", N_("date, continuous, recurring, milestones, conditional or "
	    "unknown, read from the text") },
	{ "product", "due_date", N_("the due date, YYYY-MM-DD, from the text or set by hand") },
	{ "product", "due_manual", N_("1 when due_date was set by hand") },
	{ "period", NULL, N_("Reporting periods, cumulative from 1 January.") },
	{ "period", "kind", N_("q1, h1 (six months), m9 (nine months) or year") },
	{ "result", NULL, N_("What a target achieved in a period.") },
	{ "result", "numerator", N_("rates: the count that met the target (e.g. files on time)") },
	{ "result", "denominator", N_("rates: the total (e.g. all files)") },
	{ "result", "value", N_("the figure when it is not a rate from the two above") },
};

static const char *
doc(const char *table, const char *column)
{
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
		if (strcmp(docs[i].table, table) == 0 &&
		    (column == NULL ? docs[i].column == NULL :
		    docs[i].column != NULL && strcmp(docs[i].column, column) == 0))
			return _(docs[i].text);
	return NULL;
}


/* One value of a row: NULL empty, text quoted when needed ("" when
 * empty), numbers as SQLite writes them, blobs in hex. */
static void
put_value(FILE *fp, sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		break;
	case SQLITE_BLOB: {
		const unsigned char *b = sqlite3_column_blob(st, i);
		int n = sqlite3_column_bytes(st, i);

		fputs("x'", fp);
		for (int k = 0; k < n; k++)
			fprintf(fp, "%02x", b[k]);
		putc('\'', fp);
		break;
	}
	case SQLITE_TEXT:
		if (sqlite3_column_bytes(st, i) == 0) {
			fputs("\"\"", fp);
			break;
		}
		/* fall through */
	default:
		csv_put(fp, (const char *)sqlite3_column_text(st, i), ',');
		break;
	}
}

static int
write_rows(struct db *db, sqlite3_stmt *st, FILE *fp, int *nrows)
{
	int n = sqlite3_column_count(st), rc;

	fputs(utf8_bom, fp);
	for (int i = 0; i < n; i++) {
		if (i > 0)
			putc(',', fp);
		csv_put(fp, sqlite3_column_name(st, i), ',');
	}
	fputs("\r\n", fp);
	*nrows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			if (i > 0)
				putc(',', fp);
			put_value(fp, st, i);
		}
		fputs("\r\n", fp);
		(*nrows)++;
	}
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "export");
}

/* Opens folder/name for writing (file_out.h), private: 0, or -1 with
 * db_error. */
static int
open_out(struct db *db, struct out_file *out, const char *folder, const char *name)
{
	char path[4096];

	if (paths_join(path, sizeof path, folder, name) != 0)
		return db_fail(db, _("the folder's path is too long: %s"), folder);
	if (out_open(out, path, OUT_PRIVATE) == NULL)
		return db_fail(db, "%s", out->err.msg);
	return 0;
}

/* table is one of schema_tables: a name of ours, safe in SQL and as a
 * file name. */
static int
write_table(struct db *db, const char *folder, const char *table, struct out_file *out,
    int *nrows)
{
	char file[300], sql[300];
	sqlite3_stmt *st;
	int rc;

	snprintf(file, sizeof file, "%s.csv", table);
	snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", table);
	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	rc = open_out(db, out, folder, file);
	if (rc == 0 && (rc = write_rows(db, st, out->fp, nrows)) == 0 && ferror(out->fp))
		rc = db_fail(db, _("cannot write %s: %s"), out->path, out_strerror(errno));
	sqlite3_finalize(st);
	return rc;
}

/* The columns of table for README.txt, from the schema itself. */
static int
describe_columns(struct db *db, FILE *fp, const char *table)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT c.name, c.type, c.\"notnull\", c.pk,"
	    " (SELECT f.\"table\" || '.' || ifnull(f.\"to\", 'id') FROM pragma_foreign_key_list(?1) f"
	    "   WHERE f.\"from\" = c.name) FROM pragma_table_info(?1) c ORDER BY c.cid");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *text = doc(table, col);

		fprintf(fp, "  %-20s %s", col, (const char *)sqlite3_column_text(st, 1));
		if (sqlite3_column_int(st, 3) > 0)
			fprintf(fp, ", %s", _("key"));
		if (sqlite3_column_int(st, 2))
			fprintf(fp, ", %s", _("never empty (NULL)"));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL)
			fprintf(fp, ", %s %s", _("refers to"), (const char *)sqlite3_column_text(st, 4));
		if (text != NULL)
			fprintf(fp, "\n  %-20s %s", "", text);
		putc('\n', fp);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "export");
}

static void
readme_head(FILE *fp)
{
	fprintf(fp, "%s\n\n%s\n\n", _("cchc: the whole database as CSV files"),
	    _("Each table of the database is in TABLE.csv: UTF-8 with a byte order mark (so that "
	    "Excel shows Vietnamese letters), values separated by commas, lines ended by CR LF, "
	    "and values holding a comma, a quote or a line break enclosed in double quotes, with "
	    "quotes doubled (RFC 4180).  The first line names the columns.  An empty cell is "
	    "NULL (no value); \"\" is an empty text.  Dates are written YYYY-MM-DD, numbers with "
	    "a decimal point.  Rows refer to each other by id: task.lead_unit_id is the id of a "
	    "row of unit.csv.  Text is in Unicode NFC."));
	fprintf(fp, "%s\n", _("The tables, their columns (name, type, constraints) and how the "
	    "database defines them:"));
}

static int
write_readme(struct db *db, const char *folder, struct out_file *out, const int *rows)
{
	const char *const *tables = schema_tables;
	int n = schema_ntables, rc;
	FILE *fp;

	if ((rc = open_out(db, out, folder, "README.txt")) != 0)
		return rc;
	fp = out->fp;
	readme_head(fp);
	for (int i = 0; i < n && rc == 0; i++) {
		const char *text = doc(tables[i], NULL);
		sqlite3_stmt *st;

		fprintf(fp, "\n%s.csv (", tables[i]);
		fprintf(fp, ngettext("%d row", "%d rows", rows[i]), rows[i]);
		fprintf(fp, ")\n");
		if (text != NULL)
			fprintf(fp, "  %s\n", text);
		rc = describe_columns(db, fp, tables[i]);
		st = db_prepare(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
		if (st == NULL)
			rc = -1;
		else {
			sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				fprintf(fp, "  %s\n", (const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
	}
	if (rc == 0 && ferror(fp))
		rc = db_fail(db, _("cannot write %s: %s"), out->path, out_strerror(errno));
	return rc;
}

/* A new folder is the owner's alone (0700), like the database; one that
 * exists keeps the mode its owner gave it. */
static int
make_folder(struct db *db, const char *folder, bool *made)
{
	struct stat sb;

	if ((*made = mkdir(folder, 0700) == 0) || (errno == EEXIST && stat(folder, &sb) == 0 &&
	    S_ISDIR(sb.st_mode)))
		return 0;
	if (errno == EEXIST)
		errno = ENOTDIR;
	return db_fail(db, _("cannot make the folder %s: %s"), folder, strerror(errno));
}

/* The tables of cchc's schema (a fixed list: other tables a file may
 * hold are not exported) and README.txt, inside the read transaction,
 * each into its temporary file; renamed into place only when all are
 * written, so that a failure (a full disk) changes nothing. */
static int
export_tables(struct db *db, const char *folder)
{
	int n = schema_ntables, done = 0, rc = -1;
	struct out_file *out = calloc((size_t)n + 1, sizeof *out);
	int *rows = calloc((size_t)n, sizeof *rows);

	if (out == NULL || rows == NULL) {
		db_fail(db, "%s", strerror(ENOMEM));
		goto fail;
	}
	for (; done < n; done++)
		if (write_table(db, folder, schema_tables[done], &out[done], &rows[done]) != 0)
			goto fail;
	if (write_readme(db, folder, &out[n], rows) != 0)
		goto fail;
	for (int i = 0; i <= n; i++) {
		if (out_commit(&out[i]) != 0) {
			db_fail(db, "%s", out[i].err.msg);
			/* Those renamed are whole; the rest are removed. */
			for (int k = i + 1; k <= n; k++)
				out_abort(&out[k]);
			goto out;
		}
	}
	rc = n;
	goto out;
fail:
	for (int i = 0; out != NULL && i <= n; i++)
		out_abort(&out[i]);
out:
	free(out);
	free(rows);
	return rc;
}

int
export_database(struct db *db, const char *folder)
{
	bool made;
	int n;

	if (make_folder(db, folder, &made) != 0)
		return -1;
	/* A deferred transaction only reads: it sees one state of the file
	 * while the app (another connection) may write. */
	if (sqlite3_exec(db_sqlite(db), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		n = db_fail_sql(db, _("cannot start a transaction"));
	else {
		n = export_tables(db, folder);
		sqlite3_exec(db_sqlite(db), "COMMIT", NULL, NULL, NULL);
	}
	/* Nothing changed: not even the folder stays. */
	if (n < 0 && made)
		rmdir(folder);
	return n;
}

/* ---- a plan's appendix ------------------------------------------------ */

/* The appendix's header, as plans print it (the importer reads these
 * titles; they are data, not messages). */
static const char *const appendix_header[] = {
	"TT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện",
	"Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc",
};
#define APPENDIX_CELLS 7

static void
put_row(FILE *fp, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			putc('\t', fp);
		csv_put(fp, cells[i], '\t');
	}
	putc('\n', fp);
}

static void
put_task(FILE *fp, const struct task *t)
{
	const struct product *p = t->nproducts > 0 ? &t->products[0] : NULL;
	const char *row[APPENDIX_CELLS] = {
		t->tt, t->description, p ? p->name : "", p ? p->deadline_text : "",
		t->lead_unit, t->cooperators, t->monitor_unit,
	};

	put_row(fp, row, APPENDIX_CELLS);
	for (int i = 1; i < t->nproducts; i++) {
		const char *more[APPENDIX_CELLS] = {
			"", "", t->products[i].name, t->products[i].deadline_text, "", "", "",
		};

		put_row(fp, more, APPENDIX_CELLS);
	}
}

int
export_appendix(struct db *db, int64_t plan, FILE *fp)
{
	struct section *sections;
	struct task *tasks;
	int nsections, ntasks, numeral = 0, t = 0;

	if (section_list(db, &sections, &nsections) != 0)
		return -1;
	if (task_list(db, plan, 0, &tasks, &ntasks) != 0) {
		sections_free(sections, nsections);
		return -1;
	}
	put_row(fp, appendix_header, APPENDIX_CELLS);
	/* task_list gives the tasks in the sections' order. */
	for (int s = 0; s < nsections; s++) {
		if (t == ntasks || tasks[t].section_id != sections[s].id)
			continue;
		put_row(fp, (const char *const[]){ section_numeral(++numeral), sections[s].title }, 2);
		for (; t < ntasks && tasks[t].section_id == sections[s].id; t++)
			put_task(fp, &tasks[t]);
	}
	tasks_free(tasks, ntasks);
	sections_free(sections, nsections);
	if (ferror(fp))
		return db_fail(db, _("cannot write the appendix: %s"), strerror(errno));
	return 0;
}
