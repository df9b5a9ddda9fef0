/* Writing a file safely: whole or not at all, never through a symlink.
 *
 *	struct out_file o;
 *	FILE *fp = out_open(&o, path, OUT_PRIVATE);
 *	if (fp == NULL) -> o.err.msg says why
 *	... write to fp ...
 *	if (out_commit(&o) != 0) -> o.err.msg says why, nothing was changed
 *	(or out_abort(&o) to give up)
 *
 * out_open makes a new temporary file beside path (mkstemp: O_EXCL, so no
 * link planted at a guessable name is followed); out_commit flushes it to
 * the disk and renames it over path, so that path is the old file or the
 * new one whole, and a symlink at path is replaced, not written through.
 * Every failure removes the temporary file. */
#ifndef CCHC_FILE_OUT_H
#define CCHC_FILE_OUT_H

#include <stdio.h>
#include <sys/types.h>

#include "core/store/err.h"

/* Data exports (the whole database, history): the owner alone. */
#define OUT_PRIVATE 0600
/* Reports, meant to be passed on: as the user's umask says. */
#define OUT_SHARED 0666

struct out_file {
	FILE *fp;
	char path[4096];
	char tmp[4096 + 8];
	struct err err;
};

/* The stream to write, or NULL with o->err.msg.  mode is masked by the
 * umask. */
FILE *out_open(struct out_file *o, const char *path, mode_t mode);
/* Closes and renames into place: 0, or -1 with o->err.msg (the disk being
 * full says so, and that nothing was changed). */
int out_commit(struct out_file *o);
/* Closes and removes the temporary file; path is as it was. */
void out_abort(struct out_file *o);

/* strerror, except that a full disk (ENOSPC, EDQUOT) is said plainly with
 * "nothing was changed". */
const char *out_strerror(int errnum);

#endif
