/* The PDF writer of the report model, with cairo and pango.  It lives in
 * the program cchc-pdf, apart from cchc, so that starting cchc never loads
 * them (pdf.h runs it). */
#ifndef CCHC_REPORT_PDF_H
#define CCHC_REPORT_PDF_H

#include <stdbool.h>

#include "core/report/report.h"

enum {
	REPORT_PDF_GLYPHS = -2,	/* some text has no font to show it */
	REPORT_PDF_WRITE = -3,	/* the file could not be written */
	REPORT_PDF_NOMEM = -4,
};

/* Writes r to path as an A4 PDF, landscape for a wide report.  Nothing is
 * written when some letter has no font (*unknown says how many).  0 or one
 * of the codes above. */
int report_write_pdf(const struct report *r, bool landscape, const char *path, int *unknown);

#endif
