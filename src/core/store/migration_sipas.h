/* Schema migration 3 -> 4: SIPAS questionnaires, rounds and forms (issue 8).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction.
 *
 * A questionnaire is data (sipas_file.c imports it from a TSV file): its
 * answer scale, its elements and their questions, and the respondent fields
 * with their options.  Every answer and option is one digit, so that a form is
 * typed one key per answer; 0 is always "no answer" / "not given".  A round
 * is a survey of one service or unit over some days with one
 * questionnaire; a form is one citizen's paper sheet. */
#ifndef CCHC_MIGRATION_SIPAS_H
#define CCHC_MIGRATION_SIPAS_H

#define MIGRATION_SIPAS \
	/* formula: how the element shares make the overall index (sipas.h). */ \
	"CREATE TABLE sipas_questionnaire (" \
	"  id INTEGER PRIMARY KEY," \
	"  name TEXT NOT NULL CHECK (name <> '')," \
	"  folded TEXT NOT NULL UNIQUE," \
	"  formula TEXT NOT NULL DEFAULT 'mean'" \
	"    CHECK (formula IN ('mean', 'weighted', 'pooled'))," \
	"  note TEXT NOT NULL DEFAULT '');" \
	/* The answer scale: 0 is "no answer" and never satisfied. */ \
	"CREATE TABLE sipas_scale (" \
	"  questionnaire_id INTEGER NOT NULL REFERENCES sipas_questionnaire(id) ON DELETE CASCADE," \
	"  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 9)," \
	"  label TEXT NOT NULL CHECK (label <> '')," \
	"  satisfied INTEGER NOT NULL DEFAULT 0 CHECK (satisfied IN (0, 1))," \
	"  CHECK (value > 0 OR satisfied = 0)," \
	"  PRIMARY KEY (questionnaire_id, value)) WITHOUT ROWID;" \
	"CREATE TABLE sipas_element (" \
	"  id INTEGER PRIMARY KEY," \
	"  questionnaire_id INTEGER NOT NULL REFERENCES sipas_questionnaire(id) ON DELETE CASCADE," \
	"  ord INTEGER NOT NULL," \
	"  code TEXT NOT NULL CHECK (code <> '')," \
	"  title TEXT NOT NULL CHECK (title <> '')," \
	"  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0)," \
	"  UNIQUE (questionnaire_id, ord)," \
	"  UNIQUE (questionnaire_id, code));" \
	"CREATE TABLE sipas_question (" \
	"  id INTEGER PRIMARY KEY," \
	"  element_id INTEGER NOT NULL REFERENCES sipas_element(id) ON DELETE CASCADE," \
	"  ord INTEGER NOT NULL," \
	"  code TEXT NOT NULL CHECK (code <> '')," \
	"  text TEXT NOT NULL CHECK (text <> '')," \
	"  UNIQUE (element_id, ord));" \
	"CREATE TABLE sipas_field (" \
	"  id INTEGER PRIMARY KEY," \
	"  questionnaire_id INTEGER NOT NULL REFERENCES sipas_questionnaire(id) ON DELETE CASCADE," \
	"  ord INTEGER NOT NULL," \
	"  code TEXT NOT NULL CHECK (code <> '')," \
	"  name TEXT NOT NULL CHECK (name <> '')," \
	"  UNIQUE (questionnaire_id, ord)," \
	"  UNIQUE (questionnaire_id, code));" \
	"CREATE TABLE sipas_field_option (" \
	"  field_id INTEGER NOT NULL REFERENCES sipas_field(id) ON DELETE CASCADE," \
	"  value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 9)," \
	"  label TEXT NOT NULL CHECK (label <> '')," \
	"  PRIMARY KEY (field_id, value)) WITHOUT ROWID;" \
	/* A questionnaire in use by a round is not deleted (no cascade). */ \
	"CREATE TABLE sipas_round (" \
	"  id INTEGER PRIMARY KEY," \
	"  questionnaire_id INTEGER NOT NULL REFERENCES sipas_questionnaire(id)," \
	"  name TEXT NOT NULL CHECK (name <> '')," \
	"  folded TEXT NOT NULL," \
	"  date_from TEXT," \
	"  date_to TEXT CHECK (date_to IS NULL OR date_from IS NULL OR date_to >= date_from)," \
	"  service TEXT NOT NULL DEFAULT ''," \
	"  unit_id INTEGER REFERENCES unit(id));" \
	"CREATE INDEX sipas_round_questionnaire ON sipas_round(questionnaire_id);" \
	"CREATE INDEX sipas_round_unit ON sipas_round(unit_id);" \
	/* number: the number on the paper sheet, unique within its round. */ \
	"CREATE TABLE sipas_form (" \
	"  id INTEGER PRIMARY KEY," \
	"  round_id INTEGER NOT NULL REFERENCES sipas_round(id) ON DELETE CASCADE," \
	"  number INTEGER NOT NULL CHECK (number > 0)," \
	"  UNIQUE (round_id, number));" \
	/* Respondent fields given on a form; a field not given has no row. */ \
	"CREATE TABLE sipas_respondent (" \
	"  form_id INTEGER NOT NULL REFERENCES sipas_form(id) ON DELETE CASCADE," \
	"  field_id INTEGER NOT NULL REFERENCES sipas_field(id)," \
	"  value INTEGER NOT NULL," \
	"  FOREIGN KEY (field_id, value) REFERENCES sipas_field_option(field_id, value)," \
	"  PRIMARY KEY (form_id, field_id)) WITHOUT ROWID;" \
	"CREATE INDEX sipas_respondent_field ON sipas_respondent(field_id, value);" \
	/* One answer per question of the form, 0 for no answer. */ \
	"CREATE TABLE sipas_answer (" \
	"  form_id INTEGER NOT NULL REFERENCES sipas_form(id) ON DELETE CASCADE," \
	"  question_id INTEGER NOT NULL REFERENCES sipas_question(id)," \
	"  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 9)," \
	"  PRIMARY KEY (form_id, question_id)) WITHOUT ROWID;" \
	"CREATE INDEX sipas_answer_question ON sipas_answer(question_id);"

#endif
