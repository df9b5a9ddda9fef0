/* Schema migration 9 -> 10: the written periodic report (issue 17 item 4).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction.  Self-contained
 * so that it can take another number when migrations are merged.
 *
 * One row per part of the outline of a plan's report for one period:
 * part is the outline's part, section_id the area of part 'area' (0 for
 * the other parts, so that the key has no NULL and one UPSERT finds it). */
#ifndef CCHC_MIGRATION_WRITTEN_H
#define CCHC_MIGRATION_WRITTEN_H

#define MIGRATION_WRITTEN \
	"CREATE TABLE written_part (" \
	"  id INTEGER PRIMARY KEY," \
	"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE," \
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200)," \
	"  kind TEXT NOT NULL CHECK (kind IN ('q1', 'h1', 'm9', 'year'))," \
	"  part TEXT NOT NULL CHECK (part IN ('direction', 'area', 'strengths'," \
	"    'weaknesses', 'causes', 'next', 'proposals'))," \
	"  section_id INTEGER NOT NULL DEFAULT 0," \
	"  body TEXT NOT NULL DEFAULT ''," \
	"  UNIQUE (plan_id, year, kind, part, section_id));"

#endif
