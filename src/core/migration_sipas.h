/* Schema migration 3 -> 4: SIPAS questionnaires, rounds and forms (issue 8).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction. */
#ifndef CCHC_MIGRATION_SIPAS_H
#define CCHC_MIGRATION_SIPAS_H

#define MIGRATION_SIPAS ""

#endif
