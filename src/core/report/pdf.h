/* PDF output: the report model handed to the program cchc-pdf (cairo and
 * pango, src/pdf), which cchc runs only when a PDF is asked for. */
#ifndef CCHC_PDF_H
#define CCHC_PDF_H

#include <stdbool.h>

struct db;
struct report;

/* Writes r to path as a PDF, landscape for a wide report.  0, or -1 with
 * db_error() saying why (the renderer's own message: a missing font names
 * its Debian package); nothing is left at path then. */
int pdf_write(struct db *db, const struct report *r, bool landscape, const char *path);

/* Prints r: its PDF, made in a private temporary folder (mkdtemp, so no
 * other user can put a link in its place), sent to printer (print.h;
 * NULL: the setting or the default), then removed.  0, or -1 (-2: no
 * printer, as print_pdf) with db_error() saying what to do. */
int pdf_print(struct db *db, const struct report *r, bool landscape, const char *printer);

#endif
