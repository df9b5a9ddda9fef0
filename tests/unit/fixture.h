/* The setup the unit tests share: each test works in a fresh temporary
 * folder, on a database there, with the data shipped in data/. */
#ifndef CCHC_TEST_FIXTURE_H
#define CCHC_TEST_FIXTURE_H

#include <check.h>
#include <stdbool.h>

struct db;

/* The test's folder, "" until fixture_mkdir. */
extern char fixture_dir[64];

/* Where the shipped data is: $CCHC_DATADIR, else the source tree's. */
const char *fixture_datadir(void);
/* name in the test's folder (one of four buffers, reused in turn). */
const char *fixture_path(const char *name);

/* Makes the test's folder, /tmp/cchc-test-WHAT-XXXXXX. */
void fixture_mkdir(const char *what);
/* Makes the folder and opens cchc.db in it; with reference, loads the
 * sections and units (and the sample plan with sample). */
struct db *fixture_open(const char *what, bool reference, bool sample);
/* Closes db (may be NULL) and removes the folder and all in it. */
void fixture_close(struct db *db);

/* Runs the suite: the exit status for main. */
int fixture_run(Suite *s);

#endif
