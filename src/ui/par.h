/* The PAR INDEX screens (issue 4): the assessment of the year shown, the
 * criteria tree editor and the comparison with the previous year.  The
 * assessment screen leads to the other two. */
#ifndef CCHC_UI_PAR_H
#define CCHC_UI_PAR_H

#include <stdint.h>

struct app;
struct screen;

struct screen *assessment_new(struct app *app);
struct screen *criteria_editor_new(struct app *app, int64_t set);

#endif
