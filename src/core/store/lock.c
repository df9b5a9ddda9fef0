#include "core/store/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int
lock_take(const char *db_path, bool *busy)
{
	char path[4200];
	int fd;

	*busy = false;
	if (snprintf(path, sizeof path, "%s.lock", db_path) >= (int)sizeof path)
		return -1;
	/* O_NOFOLLOW: a link planted at the lock's name would make us create
	 * a file wherever it points. */
	if ((fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
		return -1;
	/* The kernel drops the lock when the process dies, even by SIGKILL:
	 * a crash never leaves the database locked. */
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	if (fcntl(fd, F_SETLK, &fl) != 0) {
		*busy = errno == EACCES || errno == EAGAIN;
		close(fd);
		return -1;
	}
	return fd;
}

void
lock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
