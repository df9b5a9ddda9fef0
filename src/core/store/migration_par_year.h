/* Schema migration 5 -> 6: the criteria set a year is scored with (issue
 * 19).  Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction.
 *
 * A year has one current set.  Before, the latest set of the year (or of
 * an earlier one) was taken, so importing a set -- even for another year --
 * silently moved a year's screen off the set its assessment was made on.
 * Now the first assessment of a year fixes its set, and only an explicit,
 * confirmed choice changes it (criteria.h).  A year already assessed gets
 * the set its assessment holds most entries on (the older set on a tie):
 * the one the office scored it with before another set hid it. */
#ifndef CCHC_MIGRATION_PAR_YEAR_H
#define CCHC_MIGRATION_PAR_YEAR_H

#define MIGRATION_PAR_YEAR \
	"CREATE TABLE par_year (" \
	"  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200)," \
	"  set_id INTEGER NOT NULL REFERENCES par_set(id) ON DELETE CASCADE);" \
	"CREATE INDEX par_year_set ON par_year(set_id);" \
	"INSERT INTO par_year (year, set_id) SELECT year, set_id FROM (" \
	"  SELECT a.year, a.set_id, row_number() OVER (PARTITION BY a.year ORDER BY" \
	"    (SELECT count(*) FROM par_entry e WHERE e.assessment_id = a.id) DESC," \
	"    a.set_id) AS r FROM par_assessment a) WHERE r = 1;"

#endif
