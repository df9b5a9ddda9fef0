/* Settings kept in the database: the typing mode and where tones go. */
#include "ui/app.h"

#include <stdlib.h>

#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

static const char *const modes[] = { N_("off"), N_("Telex"), N_("VNI") };
static const char *const styles[] = { N_("old style: hòa, thủy"), N_("new style: hoà, thuỷ") };

struct settings_edit {
	int fmode, fstyle;
};

static int
save_settings(struct app *app, struct form *f, struct err *err)
{
	struct settings_edit *e = f->record;
	if (form_save_input(app->db, (enum telex_mode)form_choice(f, e->fmode),
	    (enum tone_style)form_choice(f, e->fstyle)) != 0)
		return err_db(err, app->db);
	return 0;
}

struct screen *
settings_new(struct app *app)
{
	struct settings_edit *e = calloc(1, sizeof *e);
	struct screen *s;
	struct form *f;

	if (e == NULL || (s = form_new(_("Settings"), save_settings, e, free)) == NULL)
		return NULL;
	f = form_of(s);
	e->fmode = form_add_choice(f, _("Vietnamese typing"), 0, modes, 3, form_input_mode());
	e->fstyle = form_add_choice(f, _("Tone placement"), 1, styles, 2, form_tone_style());
	return s;
}
