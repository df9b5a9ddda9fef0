/* The SIPAS screens (sipas_*.c): the survey rounds (sipas_new, in
 * screens.h), a round's form, the forms of a round, their fast entry and the
 * results.  What one screen opens of another, private to these files. */
#ifndef CCHC_UI_SIPAS_H
#define CCHC_UI_SIPAS_H

#include <stdint.h>

struct app;
struct screen;
struct sipas_form;
struct sipas_round;

/* The form of round r, or of a new round when r is NULL. */
struct screen *sipas_round_form_new(struct app *app, const struct sipas_round *r);
/* The forms of round r, one a row as typed, and the round's index. */
struct screen *sipas_forms_new(struct app *app, const struct sipas_round *r);
/* The fast entry of new forms of round r, or of form correct to be
 * corrected (r->forms: the forms of the round). */
struct screen *sipas_entry_new(struct app *app, const struct sipas_round *r,
    const struct sipas_form *correct);
/* The results of round, beside those of round compare (0: none). */
struct screen *sipas_results_new(struct app *app, int64_t round, int64_t compare);

#endif
