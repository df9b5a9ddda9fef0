/* Schema migrations, ordered, applied by PRAGMA user_version. */
#ifndef CCHC_SCHEMA_H
#define CCHC_SCHEMA_H

struct db;

/* Brings the database from its user_version up to DB_SCHEMA_VERSION, each
 * step in its own transaction.  Refuses a database newer than this program. */
int schema_migrate(struct db *db);
/* Refuses (-1, db_error set) a database newer than this program. */
int schema_check(struct db *db);

#endif
