/* The plan file: a whole plan as tab-separated records (office, unit, plan,
 * phase, target, task, product), the format of data/sample-plan.tsv, whose
 * header documents it.  Also the units list of data/units.tsv. */
#ifndef CCHC_PLAN_FILE_H
#define CCHC_PLAN_FILE_H

#include <stdbool.h>
#include <stdint.h>

struct db;

/* Loads the file in one transaction: all of it or nothing.  On error the
 * message names the file, the line and the field.  The new plan's id (0 if
 * the file had no plan record), or -1. */
int64_t plan_file_load(struct db *db, const char *path);

/* Loads a units list (name, short name, aliases) in one transaction. */
int units_file_load(struct db *db, const char *path);

/* First-run content: the sections, then (when sample is true) the typical
 * units and the sample plan, all from datadir.  One transaction. */
int reference_load(struct db *db, const char *datadir, bool sample);

#endif
