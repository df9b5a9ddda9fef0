#include "core/io/file_out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text/i18n.h"

const char *
out_strerror(int errnum)
{
	if (errnum == ENOSPC || errnum == EDQUOT)
		return _("the disk is full: nothing was changed");
	return strerror(errnum);
}

static void
fail(struct out_file *o, int errnum)
{
	char what[sizeof o->path + 64];

	snprintf(what, sizeof what, _("cannot write %s"), o->path);
	errno = errnum;
	err_errno(&o->err, what);
}

FILE *
out_open(struct out_file *o, const char *path, mode_t mode)
{
	mode_t mask = umask(0);
	int fd, len;

	umask(mask);
	memset(o, 0, sizeof *o);
	snprintf(o->path, sizeof o->path, "%s", path);
	len = snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path);
	if (len < 0 || (size_t)len >= sizeof o->path) {
		fail(o, ENAMETOOLONG);
		return NULL;
	}
	if ((fd = mkstemp(o->tmp)) < 0) {
		fail(o, errno);
		return NULL;
	}
	if (fchmod(fd, mode & ~mask) != 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		fail(o, errno);
		close(fd);
		unlink(o->tmp);
		return NULL;
	}
	return o->fp;
}

/* The folder's entry of the rename is on the disk too. */
static void
sync_folder(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

int
out_commit(struct out_file *o)
{
	int err = 0;

	if (o->fp == NULL)
		return -1;
	if (ferror(o->fp) || fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0)
		err = errno != 0 ? errno : EIO;
	if (fclose(o->fp) != 0 && err == 0)
		err = errno;
	o->fp = NULL;
	if (err == 0 && rename(o->tmp, o->path) != 0)
		err = errno;
	if (err != 0) {
		fail(o, err);
		unlink(o->tmp);
		return -1;
	}
	sync_folder(o->path);
	return 0;
}

void
out_abort(struct out_file *o)
{
	if (o->fp == NULL)
		return;
	fclose(o->fp);
	o->fp = NULL;
	unlink(o->tmp);
}
