/* Printing through CUPS: a report's PDF (pdf.h) is given to the print
 * command ($CCHC_PRINT_COMMAND, else print_command in the user's
 * configuration file, config.h; default "lp"), run with execvp and never
 * through a shell, on a printer: the one asked for, else the database's
 * setting "printer" (lp's -d), whose characters are checked, else the
 * system's default printer.  Nothing in a database chooses a program. */
#ifndef CCHC_PRINT_H
#define CCHC_PRINT_H

struct db;

/* Prints the PDF file path on printer (NULL: as above).  0; -2 when
 * there is no printer to print on (no default one, no print service
 * running): the caller can say briefly to save instead; or -1.  Either
 * failure leaves db_error() saying what went wrong and what to do: no
 * default printer, no such printer, a queue that is stopped or refuses
 * jobs, lp missing; lp's own words follow when it said something else.  A job accepted by
 * a stopped queue waits there, and the message says so.  Nothing is lost
 * on failure: the caller can still save the report. */
int print_pdf(struct db *db, const char *path, const char *printer);

#endif
