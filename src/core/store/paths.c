#include "config.h"

#include "core/store/paths.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store/err.h"
#include "core/text/i18n.h"

int
paths_join(char *buf, size_t n, const char *dir, const char *name)
{
	int len = snprintf(buf, n, "%s/%s", dir, name);

	return len < 0 || (size_t)len >= n ? -1 : 0;
}

/* mkdir -p for the folders of the default database path. */
static int
make_dirs(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

int
paths_default_db(char *buf, size_t n, struct err *e)
{
	const char *env = getenv("CCHC_DB"), *xdg, *home;
	char dir[4096];

	if (env != NULL && *env != '\0') {
		if (snprintf(buf, n, "%s", env) >= (int)n)
			goto toolong;
		return 0;
	}
	if ((xdg = getenv("XDG_DATA_HOME")) != NULL && *xdg == '/') {
		if (snprintf(dir, sizeof dir, "%s/cchc", xdg) >= (int)sizeof dir)
			goto toolong;
	} else if ((home = getenv("HOME")) != NULL && *home != '\0') {
		if (snprintf(dir, sizeof dir, "%s/.local/share/cchc", home) >= (int)sizeof dir)
			goto toolong;
	} else {
		return err_set(e, -1, "%s", _("neither HOME nor XDG_DATA_HOME is set: give the database with --db FILE"));
	}
	if (make_dirs(dir) != 0) {
		return err_set(e, -1, _("cannot create the folder %s: %s"), dir, strerror(errno));
	}
	if (paths_join(buf, n, dir, "cchc.db") != 0)
		goto toolong;
	return 0;
toolong:
	return err_set(e, -1, "%s", _("the database path is too long"));
}

static const char *
first_existing(const char *env, const char *const *dirs, const char *probe)
{
	const char *v = getenv(env);
	char path[4096];

	if (v != NULL && *v != '\0')
		return v;
	for (; *dirs != NULL; dirs++) {
		if (paths_join(path, sizeof path, *dirs, probe) == 0 &&
		    access(path, R_OK) == 0)
			return *dirs;
	}
	return dirs[-1];
}

const char *
paths_datadir(void)
{
	static const char *const dirs[] = { PKGDATADIR, SRCDATADIR, NULL };

	return first_existing("CCHC_DATADIR", dirs, "sections.tsv");
}

const char *
paths_localedir(void)
{
	static const char *const dirs[] = { LOCALEDIR, BUILDLOCALEDIR, NULL };

	return first_existing("CCHC_LOCALEDIR", dirs, "vi/LC_MESSAGES/" PACKAGE ".mo");
}

const char *
paths_pdf_program(void)
{
	static const char *const dirs[] = { PKGLIBEXECDIR, BUILDDIR, NULL };
	static char path[4096];
	const char *env = getenv("CCHC_PDF");

	if (env != NULL && *env != '\0')
		return env;
	for (const char *const *d = dirs; *d != NULL; d++)
		if (paths_join(path, sizeof path, *d, "cchc-pdf") == 0 && access(path, X_OK) == 0)
			return path;
	/* Not found: the name, for the message. */
	return "cchc-pdf";
}

const char *
paths_moduledir(void)
{
	static const char *const dirs[] = { PKGLIBEXECDIR, BUILDDIR, NULL };

	return first_existing("CCHC_MODULEDIR", dirs, "cchc-xlsx.so");
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* XDG_DOCUMENTS_DIR from user-dirs.dirs, as xdg-user-dirs writes it:
 * XDG_DOCUMENTS_DIR="$HOME/Tài liệu" (or an absolute path).  A Vietnamese
 * desktop names the folder in Vietnamese, so ~/Documents alone would miss
 * it. */
static int
user_dirs_documents(char *buf, size_t n, const char *home)
{
	const char	*cfg = getenv("XDG_CONFIG_HOME");
	char		 path[4096], line[4096], *v, *end;
	FILE		*f;
	int		 r = -1;

	if ((cfg != NULL && *cfg == '/' ?
	    snprintf(path, sizeof path, "%s/user-dirs.dirs", cfg) :
	    snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home)) >= (int)sizeof path)
		return -1;
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (r != 0 && fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "XDG_DOCUMENTS_DIR=\"", 19) != 0 ||
		    (end = strrchr(line + 19, '"')) == NULL)
			continue;
		*end = '\0';
		v = line + 19;
		if (strncmp(v, "$HOME/", 6) == 0)
			r = snprintf(buf, n, "%s/%s", home, v + 6) < (int)n ? 0 : -1;
		else if (*v == '/')
			r = snprintf(buf, n, "%s", v) < (int)n ? 0 : -1;
	}
	fclose(f);
	return r;
}

int
paths_documents_dir(char *buf, size_t n)
{
	const char	*env = getenv("XDG_DOCUMENTS_DIR"), *home = getenv("HOME");

	if (env != NULL && *env == '/' && is_dir(env))
		return snprintf(buf, n, "%s", env) < (int)n ? 0 : -1;
	if (home != NULL && *home == '/') {
		if (user_dirs_documents(buf, n, home) == 0 && is_dir(buf))
			return 0;
		if (snprintf(buf, n, "%s/Documents", home) < (int)n && is_dir(buf))
			return 0;
	}
	return getcwd(buf, n) != NULL ? 0 : -1;
}
