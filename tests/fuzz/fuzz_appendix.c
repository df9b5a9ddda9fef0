/* libFuzzer target for the importers: any bytes, read as a task appendix
 * (encoding detection, delimited text, sections, tasks, products, units,
 * deadlines) and as a list of targets, must give a parse or a refusal,
 * never a crash, a leak or undefined behaviour.
 *
 * The database is made once, in a temporary folder, with the sections, the
 * typical units and the sample plan (CCHC_DATADIR, else SRCDATADIR), so
 * that section and unit matching run against real names.  Parsing writes
 * nothing, so every input sees the same database.  Built and run by
 * tests/fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/plan/appendix.h"
#include "core/plan/plan_file.h"
#include "core/plan/target_import.h"
#include "core/store/db.h"
#include "core/store/err.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct db *db;
static char dir[] = "/tmp/cchc-fuzz-XXXXXX";

/* Removes the database when libFuzzer exits. */
static void
cleanup(void)
{
	static const char *const files[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm" };
	char path[sizeof dir + 16];

	db_close(db);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		remove(path);
	}
	remove(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *data = getenv("CCHC_DATADIR");
	char path[sizeof dir + 16];
	struct err e;

	(void)argc;
	(void)argv;
	if (data == NULL || *data == '\0')
		data = SRCDATADIR;
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	if ((db = db_open(path, &e)) == NULL ||
	    reference_load(db, data, true) != 0) {
		fprintf(stderr, "fuzz_appendix: %s\n", db ? db_error(db) : e.msg);
		exit(1);
	}
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct appendix a;
	struct target_import ti;

	appendix_parse(db, (const char *)data, size, 2026, 2026, &a);
	appendix_free(&a);
	target_import_parse(db, (const char *)data, size, &ti);
	target_import_free(&ti);
	return 0;
}
