/* Schema migration 6 -> 7: each appraisal round of a PAR entry has its
 * note beside its points (issue 19: a "Lý do" typed for the appraisal
 * without an override was dropped).  Included once, by schema.c, as one
 * entry of its migrations[]: SQL statements separated by ';', applied in
 * one transaction. */
#ifndef CCHC_MIGRATION_APPRAISAL_NOTE_H
#define CCHC_MIGRATION_APPRAISAL_NOTE_H

#define MIGRATION_APPRAISAL_NOTE \
	"ALTER TABLE par_entry ADD COLUMN note1 TEXT NOT NULL DEFAULT '';" \
	"ALTER TABLE par_entry ADD COLUMN note2 TEXT NOT NULL DEFAULT '';"

#endif
