/* cchc-pdf [--landscape] FILE: reads a report model (report_wire) on
 * standard input and writes it to FILE as a PDF.  cchc runs it when a PDF
 * is asked for, so that cairo and pango are loaded only then.  Exit 0, or
 * 1 with one line on standard error that cchc shows as it is. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/report/report.h"
#include "core/store/err.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "pdf/report_pdf.h"

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int
main(int argc, char **argv)
{
	bool landscape = argc == 3 && strcmp(argv[1], "--landscape") == 0;
	const char *path = argv[argc - 1];
	struct report *r;
	struct err e;
	int rc, unknown = 0;

	/* The language cchc chose comes in LANGUAGE; gettext needs a UTF-8
	 * locale for it, as in cchc. */
	if (setlocale(LC_ALL, "") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain(PACKAGE, paths_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	if (argc != 2 && !landscape)
		return fail("%s", _("usage: cchc-pdf [--landscape] FILE < report"));
	if (report_read_wire(stdin, &r, &e) != 0)
		return fail(_("the report sent to cchc-pdf is damaged: %s"), e.msg);
	rc = report_write_pdf(r, landscape, path, &unknown);
	report_free(r);
	switch (rc) {
	case 0:
		return 0;
	case REPORT_PDF_GLYPHS:
		return fail(ngettext("%d letter of the report has no font to show it: install "
		    "the Debian package fonts-liberation (apt-get install fonts-liberation); "
		    "nothing was written", "%d letters of the report have no font to show them: "
		    "install the Debian package fonts-liberation (apt-get install fonts-liberation); "
		    "nothing was written", unknown), unknown);
	case REPORT_PDF_WRITE:
		return fail(_("cannot write %s"), path);
	default:
		return fail("%s", _("out of memory"));
	}
}
