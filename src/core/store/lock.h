/* One editor at a time.  The interface takes an advisory lock next to the
 * database; a second instance that cannot have it opens read-only and says
 * so, so that two people never overwrite each other's edits unseen. */
#ifndef CCHC_LOCK_H
#define CCHC_LOCK_H

#include <stdbool.h>

/* Takes the edit lock of the database at db_path (the file db_path.lock,
 * mode 0600).  Returns the lock's descriptor (kept open while editing), -1
 * when another process holds it (*busy set) or on an error (*busy clear:
 * the lock file cannot be made, e.g. a read-only folder). */
int lock_take(const char *db_path, bool *busy);
void lock_release(int fd);

#endif
