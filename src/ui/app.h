/* The application: what is open, the screen stack, the main loop. */
#ifndef CCHC_UI_APP_H
#define CCHC_UI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "ui/draw.h"

struct db;
struct screen;

struct app {
	struct db *db;
	bool has_office, has_plan;
	struct office office;
	struct plan plan;
	struct section *sections;
	int nsections;
	int year;			/* the reporting period shown */
	enum period_kind period;
	struct screen *top;		/* the screen shown; others below it */
	char message[256];		/* the status line */
	char mode[32];			/* right of the status line: typing mode */
	int cursor_y, cursor_x;		/* where the text cursor shows, -1: hidden */
	enum color message_color;
	bool quit;
};

/* Runs the UI until the user quits.  utf8 is false when the user's locale
 * was not UTF-8 and C.UTF-8 stands in (said on the status line).  Returns
 * the exit status. */
int app_run(struct db *db, bool utf8);

void app_push(struct app *app, struct screen *s);
void app_pop(struct app *app);
void app_message(struct app *app, enum color c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "Quý I/2025", "9 tháng/2025"... in the interface language. */
void app_period_label(const struct app *app, char *buf, size_t n);

#endif
