#include "core/io/file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text/i18n.h"

FILE *
file_open_read(const char *path, const char **why)
{
	struct stat sb;
	FILE *fp;
	int fd;

	/* O_NONBLOCK: opening a pipe with no writer returns at once instead
	 * of waiting for one, so that fstat can say what it is. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &sb) != 0) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		*why = S_ISDIR(sb.st_mode) ? _("it is a folder, not a file") :
		    _("it is not a regular file (a pipe or a device)");
		close(fd);
		return NULL;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
	    (fp = fdopen(fd, "rb")) == NULL) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	return fp;
}
