/* Schema migration 10 -> 11: update sheets sent to the units (issue 18).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction.
 *
 * One row per workbook made for a unit and a period of a plan; the token is
 * written into the workbook's hidden identity so that an answer coming back
 * finds its row, and returned_at tells the units screen who has answered. */
#ifndef CCHC_MIGRATION_SHEET_H
#define CCHC_MIGRATION_SHEET_H

#define MIGRATION_SHEET \
	"CREATE TABLE sheet (" \
	"  id INTEGER PRIMARY KEY," \
	"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE," \
	"  period_id INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE," \
	"  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE," \
	"  made_at TEXT NOT NULL," \
	"  token TEXT NOT NULL UNIQUE CHECK (token <> '')," \
	"  returned_at TEXT);" \
	"CREATE INDEX sheet_period ON sheet(plan_id, period_id, unit_id);"

#endif
