/* Schema migration 1 -> 2: history of changes (issue 6).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction. */
#ifndef CCHC_MIGRATION_HISTORY_H
#define CCHC_MIGRATION_HISTORY_H

#define MIGRATION_HISTORY ""

#endif
