/* Printing through CUPS: the text of a report is fed on standard input to
 * the print command ($CCHC_PRINT_COMMAND, else print_command in the
 * user's configuration file, config.h; default "lp"), run with execvp and
 * never through a shell, on the printer of the database's setting
 * "printer" (lp's -d; the system's default printer when unset), whose
 * characters are checked.  Nothing in a database chooses a program. */
#ifndef CCHC_PRINT_H
#define CCHC_PRINT_H

#include <stddef.h>

struct db;

/* Prints len bytes of text laid out at width columns (80 or 132: lp is
 * asked for the matching characters per inch and orientation).  0, or -1
 * with db_error() saying what went wrong: the command is missing, or it
 * failed, with what it said.  Nothing is lost on failure: the caller still
 * has the text. */
int print_text(struct db *db, const char *text, size_t len, int width);

#endif
