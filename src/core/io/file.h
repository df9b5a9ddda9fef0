/* Opening a file the user names, for reading.
 *
 * A name typed or passed on the command line may be a folder, a named
 * pipe or a device: reading a pipe waits forever for a writer, a device
 * may never end.  Such a name is refused at once, before anything is
 * read. */
#ifndef CCHC_FILE_H
#define CCHC_FILE_H

#include <stdio.h>

/* path opened for reading ("rb"), if it is a regular file; NULL with *why
 * the reason (translated) otherwise. */
FILE *file_open_read(const char *path, const char **why);

#endif
