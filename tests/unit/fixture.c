#include "fixture.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/plan/plan_file.h"
#include "core/store/db.h"
#include "core/store/err.h"

char fixture_dir[64];

const char *
fixture_datadir(void)
{
	const char *d = getenv("CCHC_DATADIR");

	return d != NULL && *d != '\0' ? d : SRCDATADIR;
}

const char *
fixture_path(const char *name)
{
	static char buf[4][sizeof fixture_dir + 256];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", fixture_dir, name);
	return buf[i];
}

void
fixture_mkdir(const char *what)
{
	snprintf(fixture_dir, sizeof fixture_dir, "/tmp/cchc-test-%s-XXXXXX", what);
	ck_assert_ptr_nonnull(mkdtemp(fixture_dir));
}

struct db *
fixture_open(const char *what, bool reference, bool sample)
{
	struct err e;
	struct db *db;

	fixture_mkdir(what);
	db = db_open(fixture_path("cchc.db"), &e);
	ck_assert_msg(db != NULL, "db_open: %s", e.msg);
	if (reference)
		ck_assert_msg(reference_load(db, fixture_datadir(), sample) == 0,
		    "reference_load(%s): %s", fixture_datadir(), db_error(db));
	return db;
}

/* Tests make folders in theirs (backups, exports): remove them too. */
static void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char p[4096];
		struct stat sb;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			/* A test may have taken the write right away. */
			chmod(p, 0700);
			remove_tree(p);
		} else {
			unlink(p);
		}
	}
	closedir(d);
	rmdir(path);
}

void
fixture_close(struct db *db)
{
	if (db != NULL)
		db_close(db);
	if (fixture_dir[0] != '\0')
		remove_tree(fixture_dir);
	fixture_dir[0] = '\0';
}

int
fixture_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
