/* cchc log [--since DATE] [--table T] [--id N]: the history of changes,
 * oldest first, each with the fields it changed. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/store/db.h"
#include "core/store/history.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

static void
print_entry(struct db *db, const struct history_entry *e, const struct history_change *c, int n)
{
	char subject[512];

	history_subject(db, e, subject, sizeof subject);
	printf("%s  %s  %s %s\n", e->local, *e->operator ? e->operator : "-",
	    history_action_label(e->action), subject);
	for (int i = 0; i < n; i++) {
		const char *none = _("(none)");

		if (e->action == HISTORY_UPDATE)
			printf("    %s: %s → %s\n", history_field_label(c[i].field),
			    c[i].before ? c[i].before : none, c[i].after ? c[i].after : none);
		else
			printf("    %s: %s\n", history_field_label(c[i].field),
			    e->action == HISTORY_INSERT ? c[i].after : c[i].before);
	}
}

static int
print_log(struct db *db, const struct history_query *q)
{
	struct history_entry *h;
	int n, rc = 0;

	if (history_list(db, q, &h, &n) != 0) {
		cli_fail_db(db);
		return 1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		struct history_change *c;
		int nc;

		if (history_changes(db, &h[i], &c, &nc) != 0) {
			cli_fail_db(db);
			rc = 1;
			break;
		}
		print_entry(db, &h[i], c, nc);
		history_changes_free(c, nc);
	}
	history_free(h, n);
	return rc;
}

static int
run(struct db *db, const struct args *a)
{
	const char *since_arg = args_value(a, "since"), *id_arg = args_value(a, "id");
	struct history_query q = { 0 };
	char since[11];
	struct date d;
	long long id;

	if (since_arg != NULL) {
		if (!date_parse_iso(since_arg, &d) && !date_parse_vn(since_arg, &d)) {
			fprintf(stderr, _("%s: log: --since: not a date: %s (use YYYY-MM-DD "
			    "or dd/mm/yyyy)\n"), PACKAGE, since_arg);
			return 2;
		}
		date_format_iso(d, since);
		q.since = since;
	}
	if ((q.table = args_value(a, "table")) != NULL && !history_table_known(q.table)) {
		fprintf(stderr, _("%s: log: --table: no history is kept for %s\n"), PACKAGE, q.table);
		return 2;
	}
	if (id_arg != NULL) {
		if (!number_parse_whole(id_arg, 1, LLONG_MAX, &id)) {
			fprintf(stderr, _("%s: log: --id: not a record number: %s\n"), PACKAGE, id_arg);
			return 2;
		}
		q.id = id;
	}
	if (q.id != 0 && q.table == NULL) {
		fprintf(stderr, _("%s: log: --id needs --table\n"), PACKAGE);
		return 2;
	}
	return print_log(db, &q);
}

const struct command cmd_log = {
	.name = "log",
	.synopsis = N_("log [--since DATE] [--table TABLE] [--id N]"),
	.options = (const struct arg_option[]){
		{ "since", 0, "DATE", false },
		{ "table", 0, "TABLE", false },
		{ "id", 0, "N", false },
		{ NULL, 0, NULL, false },
	},
	.operands = 0,
	.run = run,
};
