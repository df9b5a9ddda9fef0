/* The one error channel (err.h). */
#include "core/store/err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "core/io/file_out.h"
#include "core/store/db.h"

void
err_clear(struct err *e)
{
	if (e == NULL)
		return;
	e->field = -1;
	e->msg[0] = '\0';
}

int
err_set(struct err *e, int field, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->field = field;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_db(struct err *e, const struct db *db)
{
	return err_db_at(e, -1, db);
}

int
err_db_at(struct err *e, int field, const struct db *db)
{
	return err_set(e, field, "%s", db_error(db));
}

int
err_errno(struct err *e, const char *what)
{
	return err_set(e, -1, "%s: %s", what, out_strerror(errno));
}

bool
err_empty(const struct err *e)
{
	return e->msg[0] == '\0';
}
