/* Schema migrations, ordered, applied by PRAGMA user_version. */
#ifndef CCHC_SCHEMA_H
#define CCHC_SCHEMA_H

struct db;
struct sqlite3;

/* Brings the database from its user_version up to DB_SCHEMA_VERSION, each
 * step in its own transaction.  Refuses a database newer than this program. */
int schema_migrate(struct db *db);
/* Refuses (-1, db_error set) a database newer than this program. */
int schema_check(struct db *db);

/* The tables of DB_SCHEMA_VERSION, by name (a migration that adds one
 * adds it here; test_db compares the list with the schema).  Export reads
 * these and nothing else: a table's name in a file from elsewhere is no
 * file name. */
extern const char *const schema_tables[];
extern const int schema_ntables;

/* Builds cchc's schema of version (1 to DB_SCHEMA_VERSION) in the empty
 * database sql, as a database of that version holds it: what restore
 * compares a file from elsewhere with.  SQLITE_OK or SQLite's code. */
int schema_build(struct sqlite3 *sql, int version);

#endif
