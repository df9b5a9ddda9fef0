/* Where things are: the default database, the shipped data, translations.
 *
 * The binary runs installed or straight from the build tree; each lookup
 * tries an environment override, then the installed place, then the build
 * tree, and takes the first that exists. */
#ifndef CCHC_PATHS_H
#define CCHC_PATHS_H

#include <stddef.h>

struct err;

/* $CCHC_DB, else $XDG_DATA_HOME/cchc/cchc.db, else
 * ~/.local/share/cchc/cchc.db.  Creates the folder (0700) for the default
 * places.  Returns 0, or -1 and fills e. */
int paths_default_db(char *buf, size_t n, struct err *e);

/* The folder of sections.tsv and the sample plan. */
const char *paths_datadir(void);

/* The folder of <lang>/LC_MESSAGES/cchc.mo. */
const char *paths_localedir(void);

/* The program that writes PDFs (pdf.h): $CCHC_PDF, else cchc-pdf in
 * pkglibexecdir, else in the build tree. */
const char *paths_pdf_program(void);
/* The folder of the modules loaded when used (cchc-xlsx.so). */
const char *paths_moduledir(void);

/* The folder where files for people go (reports, sheets): the XDG
 * documents folder ($XDG_DOCUMENTS_DIR, else XDG_DOCUMENTS_DIR in
 * ~/.config/user-dirs.dirs, else ~/Documents) when it exists, else the
 * current folder.  Always an absolute path, so a message can name it.
 * Returns 0, or -1 when it does not fit in buf. */
int paths_documents_dir(char *buf, size_t n);

/* Joins dir and name into buf; -1 when it does not fit. */
int paths_join(char *buf, size_t n, const char *dir, const char *name);

#endif
