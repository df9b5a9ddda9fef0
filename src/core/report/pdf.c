#include "config.h"

#include "core/report/pdf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/io/file_out.h"
#include "core/io/run.h"
#include "core/report/print.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"

/* Runs cchc-pdf on r, writing file. */
static int
render(struct db *db, const struct report *r, bool landscape, const char *file)
{
	const char *program = paths_pdf_program();
	char *wire = NULL, said[1024], *nl;
	char *argv[] = { (char *)program, landscape ? "--landscape" : (char *)file,
	    (char *)file, NULL };
	size_t len = 0;
	FILE *fp = open_memstream(&wire, &len);
	int rc;

	if (fp == NULL)
		return db_fail(db, "%s", strerror(errno));
	rc = report_write_wire(r, fp);
	if (fclose(fp) != 0 || rc != 0) {
		free(wire);
		return db_fail(db, "%s", strerror(errno));
	}
	if (!landscape)
		argv[2] = NULL;
	rc = run_program(argv, wire, len, false, said, sizeof said);
	free(wire);
	if ((nl = strchr(said, '\n')) != NULL)
		*nl = '\0';
	if (rc == 0)
		return 0;
	if (rc == 127 || rc == 126)
		return db_fail(db, _("cannot make a PDF: %s is missing (reinstall cchc); save the "
		    "report as HTML instead"), program);
	if (rc < 0)
		return db_fail(db, _("cannot start %s: %s"), program, strerror(errno));
	return db_fail(db, "%s", *said != '\0' ? said : _("the PDF could not be made"));
}

int
pdf_write(struct db *db, const struct report *r, bool landscape, const char *path)
{
	struct out_file out;

	/* The renderer writes into the temporary file out_open made (O_EXCL,
	 * beside path), which is then renamed into place whole: no link is
	 * followed, and a failure leaves path as it was. */
	if (out_open(&out, path, OUT_SHARED) == NULL)
		return db_fail(db, "%s", out.err.msg);
	if (render(db, r, landscape, out.tmp) != 0) {
		out_abort(&out);
		return -1;
	}
	if (out_commit(&out) != 0)
		return db_fail(db, "%s", out.err.msg);
	return 0;
}

int
pdf_print(struct db *db, const struct report *r, bool landscape, const char *printer)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200];
	int rc;

	if (snprintf(dir, sizeof dir, "%s/cchc-print.XXXXXX", tmp != NULL && *tmp == '/' ? tmp :
	    "/tmp") >= (int)sizeof dir || mkdtemp(dir) == NULL)
		return db_fail(db, _("cannot make a temporary folder for printing: %s"),
		    strerror(errno));
	snprintf(path, sizeof path, "%s/report.pdf", dir);
	rc = pdf_write(db, r, landscape, path);
	if (rc == 0)
		rc = print_pdf(db, path, printer);
	remove(path);
	rmdir(dir);
	return rc;
}
