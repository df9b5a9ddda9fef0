/* Data going out: the whole database as CSV files, and a plan's tasks as
 * the appendix table plans print.
 *
 * The CSV folder is for spreadsheets and other programs: one file per
 * table, every column, ids kept so that rows can be joined, plus a
 * README.txt that documents the files and each table's columns.  The
 * appendix is for people and for coming back in: appendix_parse() reads
 * it into the same tasks. */
#ifndef CCHC_EXPORT_H
#define CCHC_EXPORT_H

#include <stdint.h>
#include <stdio.h>

struct db;

/* Writes every table of the database into folder (made if missing) as
 * TABLE.csv: UTF-8 with a BOM (so that Excel shows the marks), comma-
 * separated, RFC 4180 quoting, the column names first; NULL is an empty
 * cell and an empty text "".  Then README.txt.  All read in one
 * transaction, so the files agree with each other even while the app
 * writes.  The number of tables, or -1 with db_error naming the file. */
int export_database(struct db *db, const char *folder);

/* Writes the tasks of plan as the appendix (appendix.h): the header, a
 * row with a Roman numeral for each section that has tasks (in the
 * sections' order), a row per task with its first product, then a row
 * per further product; tab-separated UTF-8, cells quoted when they need
 * it (csv.h).  Units are written by name, cooperators separated by "; ".
 * What the appendix has no column for (progress, evidence, due dates set
 * by hand) stays out.  0 or -1. */
int export_appendix(struct db *db, int64_t plan, FILE *fp);

#endif
