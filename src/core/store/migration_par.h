/* Schema migration 2 -> 3: PAR INDEX criteria sets and assessments (issue 4).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction.
 *
 * A criteria set is data (criteria.c imports it from cchc-criteria(5)
 * files): a tree of criteria, each with its maximum, its scoring rule
 * (rules.h: kind and parameter text, kept as written) and optionally the
 * tracked figure it is computed from.  An assessment is one year scored
 * against one set; an entry holds what the office typed for one leaf.
 * Computed inputs are not stored: they are read from the plans when the
 * assessment is loaded, so they follow the tracked data. */
#ifndef CCHC_MIGRATION_PAR_H
#define CCHC_MIGRATION_PAR_H

#define MIGRATION_PAR \
	"CREATE TABLE par_set (" \
	"  id INTEGER PRIMARY KEY," \
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200)," \
	"  level TEXT NOT NULL CHECK (level IN ('xa', 'phuong', 'so'))," \
	"  name TEXT NOT NULL CHECK (name <> '')," \
	"  folded TEXT NOT NULL," \
	"  total REAL NOT NULL DEFAULT 100 CHECK (total > 0)," \
	"  note TEXT NOT NULL DEFAULT '');" \
	"CREATE INDEX par_set_year ON par_set(year, level);" \
	/* Classification by index: the band of the highest min not above it. */ \
	"CREATE TABLE par_band (" \
	"  set_id INTEGER NOT NULL REFERENCES par_set(id) ON DELETE CASCADE," \
	"  ord INTEGER NOT NULL," \
	"  label TEXT NOT NULL CHECK (label <> '')," \
	"  min REAL NOT NULL," \
	"  PRIMARY KEY (set_id, ord)) WITHOUT ROWID;" \
	"CREATE TABLE par_criterion (" \
	"  id INTEGER PRIMARY KEY," \
	"  set_id INTEGER NOT NULL REFERENCES par_set(id) ON DELETE CASCADE," \
	"  parent_id INTEGER REFERENCES par_criterion(id) ON DELETE CASCADE," \
	"  ord INTEGER NOT NULL," \
	"  code TEXT NOT NULL CHECK (code <> '')," \
	"  title TEXT NOT NULL CHECK (title <> '')," \
	"  max REAL NOT NULL CHECK (max >= 0)," \
	"  rule TEXT NOT NULL DEFAULT 'manual' CHECK (rule IN ('manual', 'survey', 'yesno'," \
	"    'ratio', 'bands', 'count', 'deduct', 'bonus', 'penalty'))," \
	"  params TEXT NOT NULL DEFAULT ''," \
	"  source TEXT NOT NULL DEFAULT ''," \
	"  hint TEXT NOT NULL DEFAULT ''," \
	"  UNIQUE (set_id, code));" \
	"CREATE INDEX par_criterion_parent ON par_criterion(set_id, parent_id, ord);" \
	"CREATE TABLE par_assessment (" \
	"  id INTEGER PRIMARY KEY," \
	"  set_id INTEGER NOT NULL REFERENCES par_set(id) ON DELETE CASCADE," \
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200)," \
	"  survey_held INTEGER NOT NULL DEFAULT 1 CHECK (survey_held IN (0, 1))," \
	"  UNIQUE (set_id, year));" \
	/* An override of the computed points needs its reason. */ \
	"CREATE TABLE par_entry (" \
	"  assessment_id INTEGER NOT NULL REFERENCES par_assessment(id) ON DELETE CASCADE," \
	"  criterion_id INTEGER NOT NULL REFERENCES par_criterion(id) ON DELETE CASCADE," \
	"  a REAL," \
	"  b REAL CHECK (b IS NULL OR b >= 0)," \
	"  override REAL," \
	"  reason TEXT NOT NULL DEFAULT ''," \
	"  appraised1 REAL," \
	"  appraised2 REAL," \
	"  explanation TEXT NOT NULL DEFAULT ''," \
	"  CHECK (override IS NULL OR reason <> '')," \
	"  PRIMARY KEY (assessment_id, criterion_id)) WITHOUT ROWID;" \
	"CREATE INDEX par_entry_criterion ON par_entry(criterion_id);" \
	/* Tài liệu kiểm chứng: số, ký hiệu; ngày (ISO); trích yếu. */ \
	"CREATE TABLE par_evidence (" \
	"  id INTEGER PRIMARY KEY," \
	"  assessment_id INTEGER NOT NULL," \
	"  criterion_id INTEGER NOT NULL," \
	"  ord INTEGER NOT NULL," \
	"  number TEXT NOT NULL DEFAULT ''," \
	"  date TEXT," \
	"  summary TEXT NOT NULL DEFAULT ''," \
	"  CHECK (number <> '' OR summary <> '')," \
	"  FOREIGN KEY (assessment_id, criterion_id)" \
	"    REFERENCES par_entry(assessment_id, criterion_id) ON DELETE CASCADE);" \
	"CREATE INDEX par_evidence_entry ON par_evidence(assessment_id, criterion_id, ord);"

#endif
