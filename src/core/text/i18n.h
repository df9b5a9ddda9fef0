/* gettext shorthands.  msgids are English; po/vi.po holds Vietnamese. */
#ifndef CCHC_I18N_H
#define CCHC_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it must stay a constant (tables);
 * it is translated with _() where it is shown. */
#define N_(s) (s)

#endif
