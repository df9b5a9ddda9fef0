/* Excel workbooks: the writer is a module (xlsx/xlsx.c, cchc-xlsx.so)
 * loaded the first time a workbook is written, so that the libraries it
 * needs cost nothing at start. */
#include "core/report/report.h"

#include <dlfcn.h>

#include "core/io/file_out.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"

/* The module's entry; the suffix is the model's version, so that a module
 * of another build is refused rather than misread. */
typedef int xlsx_write_fn(const struct report *r, const char *path, char *err, size_t errsz);
#define XLSX_ENTRY "cchc_xlsx_write_1"

void *
report_xlsx_entry(struct db *db, const char *entry)
{
	static void *h;
	char module[4096];
	void *f;

	if (paths_join(module, sizeof module, paths_moduledir(), "cchc-xlsx.so") != 0) {
		db_fail(db, "%s", _("the path of the Excel module is too long"));
		return NULL;
	}
	if (h == NULL && (h = dlopen(module, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		db_fail(db, _("cannot write Excel workbooks: %s (reinstall cchc; "
		    "on Debian the module needs libxlsxwriter4)"), dlerror());
		return NULL;
	}
	if ((f = dlsym(h, entry)) == NULL)
		db_fail(db, _("cannot write Excel workbooks: %s is of another version "
		    "of cchc"), module);
	return f;
}

int
report_write_xlsx(struct db *db, const struct report *r, const char *path)
{
	static xlsx_write_fn *writer;
	char err[512];
	struct out_file out;

	if (writer == NULL) {
		void *f = report_xlsx_entry(db, XLSX_ENTRY);

		if (f == NULL)
			return -1;
		/* POSIX's way from an object pointer to a function's. */
		*(void **)&writer = f;
	}
	/* The module writes into the temporary file out_open made (O_EXCL,
	 * beside path), then renamed into place whole: no link followed, and a
	 * failure leaves path as it was. */
	if (out_open(&out, path, OUT_SHARED) == NULL)
		return db_fail(db, "%s", out.err.msg);
	if (writer(r, out.tmp, err, sizeof err) != 0) {
		out_abort(&out);
		return db_fail(db, "%s", err);
	}
	if (out_commit(&out) != 0)
		return db_fail(db, "%s", out.err.msg);
	return 0;
}
