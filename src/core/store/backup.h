/* Backups of the database, and restoring one.
 *
 * A backup is a copy made through SQLite's online backup API: a consistent
 * snapshot of the last commit, taken while the program (or another one)
 * goes on using and writing the database.  It is one self-contained file
 * (no -wal beside it), written under a temporary name and renamed when
 * complete, so a backup that exists is whole.
 *
 * Automatic backups go to the folder "backups" beside the database, one at
 * the first start of each day, named cchc-YYYYMMDD-HHMMSS.db (the day is
 * date_today(), which --today moves; the time is the clock's, local);
 * only the newest few are kept.  Restoring checks the file first and keeps
 * what it replaces in the same folder as before-restore-YYYYMMDD-HHMMSS.db,
 * which is never pruned. */
#ifndef CCHC_BACKUP_H
#define CCHC_BACKUP_H

#include <stddef.h>

struct db;

/* How many daily backups are kept when the setting "backup_keep" is not a
 * number from 1. */
#define BACKUP_KEEP_DEFAULT 14

/* The setting "backup_keep", or BACKUP_KEEP_DEFAULT. */
int backup_keep(struct db *db);

/* The folder of automatic backups: "backups" beside db_path.  0, or -1
 * when it does not fit in buf. */
int backup_dir(const char *db_path, char *buf, size_t n);

/* Copies the database into file, which must not exist yet; file NULL (or
 * "") names it cchc-YYYYMMDD-HHMMSS.db beside the database.  The name
 * written goes into out (when not NULL; outsz bytes).  Refused while db
 * is inside a transaction.  0, or -1 with db_error() saying why; nothing
 * is left behind on failure. */
int backup_to_file(struct db *db, const char *file, char *out, size_t outsz);

/* The automatic backup, called at start-up: when the backups folder beside
 * db_path (created, mode 0700) has no backup of today, makes one and
 * removes all but the newest keep (keep < 1: backup_keep(db)).  1 when a
 * backup was made, 0 when today's was already there, -1 with db_error(). */
int backup_daily(struct db *db, const char *db_path, int keep);

/* Checks, without changing anything, that file is a cchc database this
 * program can restore: an SQLite file that passes PRAGMA integrity_check,
 * with cchc's application id and tables, of a schema version from 1 to
 * DB_SCHEMA_VERSION.  0, or -1 with db_error() saying what is wrong. */
int backup_check(struct db *db, const char *file);

/* Replaces the whole content of the open database by file's: checks it
 * (backup_check), backs up the current content into the backups folder
 * (its name into saved, when not NULL), copies file in through the backup
 * API in one transaction, then upgrades an older schema.  Other
 * connections see the restored data at their next read.  No statement of
 * db may be running.  0, or -1 with db_error(); the current data is then
 * as it was unless the message says the upgrade failed (saved holds it). */
int backup_restore(struct db *db, const char *file, char *saved, size_t savedsz);

#endif
