#!/bin/sh
# Benchmarks: builds cchc and the bench programs with -O2 (no sanitizers)
# into bench/.build, generates the 1-, 3- and 10-year databases (gen.c) and
# prints medians over RUNS runs (default 15) against the targets of issue 7.
#
#   bench/run.sh [RUNS]
#
# Figures:
#   start     cchc --db FILE --exit-after-draw, TERM=xterm, output to
#             /dev/null: process start to the dashboard drawn and the exit
#             (its floor, the sqlite3 shell opening the file and running one
#             query, runs in turn with it)
#   rss       peak resident memory of that run (getrusage of the child)
#   screen X  the real binary on an 80x24 pseudo-terminal typing "X G q"
#             (open the screen, scroll to its end, quit) minus typing "q"
#   core X    the core call the screen makes (bench.c), in process
#   search    "n / needle Enter q" minus "n q" (real path), and the core
#             fold-and-compare over the task list
#   report    the period report of the current period built and laid out
#             as 80-column text (report_build, report_write_text), against
#             the queries of its targets with their results and its tasks
#             with their products in the sqlite3 shell
#   import    plan_file_load of a 5,000-row plan file into the 1-year file
#   import floor  the sqlite3 shell inserting the same plan, tasks,
#             cooperators and products (history triggers firing) in one
#             transaction into a fresh copy of the 1-year file, and the
#             ratio import / floor (target <= 2, issue 15)
#   sqlite3   the screen's SQL in the sqlite3 shell: (time of R copies -
#             time of none) / R, the floor, and cchc's core time / floor
set -eu

RUNS=${1:-15}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=$here/.build
mkdir -p "$out/locale/vi/LC_MESSAGES"
cd "$top"

# --- build -----------------------------------------------------------
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -DPACKAGE=\"cchc\" \
-DPACKAGE_VERSION=\"bench\" -DPKGDATADIR=\"$top/data\" -DSRCDATADIR=\"$top/data\" \
-DLOCALEDIR=\"/nonexistent\" -DBUILDLOCALEDIR=\"$out/locale\" -DENABLE_NLS=1 -O2 -DNDEBUG \
-DPKGLIBEXECDIR=\"$out\" -DBUILDDIR=\"$out\" \
-Isrc -Isrc/core -I$out"
LIBS="$(pkg-config --libs sqlite3 ncursesw) -lunistring -lm"
: > "$out/config.h"
echo "building into $out" >&2
# cchc links ncursesw and libunistring statically, as configure does by
# default (--disable-static-text-libs): the start is measured as users get it.
TEXT_LIBS="$(for l in ncursesw tinfo unistring; do gcc -print-file-name=lib$l.a; done)"
gcc $CFLAGS -o "$out/cchc" src/main.c src/options.c src/cli/*.c src/core/*/*.c src/ui/*.c \
	$TEXT_LIBS $(pkg-config --libs sqlite3) -lm
# The PDF writer, the program cchc runs for a PDF (cchc itself links
# neither cairo nor pango).
gcc $CFLAGS $(pkg-config --cflags pangocairo cairo-pdf) -o "$out/cchc-pdf" src/pdf/*.c \
	src/core/*/*.c $LIBS $(pkg-config --libs pangocairo cairo-pdf)
# The Excel writer, loaded only when a workbook is written.
gcc $CFLAGS -fPIC -shared $(pkg-config --cflags libzip expat) -o "$out/cchc-xlsx.so" \
	src/xlsx/*.c $(pkg-config --libs xlsxwriter libzip expat) -lunistring -lm
msgfmt -o "$out/locale/vi/LC_MESSAGES/cchc.mo" po/vi.po
gcc $CFLAGS -o "$out/gen" bench/gen.c src/core/*/*.c $LIBS
gcc $CFLAGS -o "$out/bench" bench/bench.c src/core/*/*.c $LIBS
gcc -O2 -std=c11 -o "$out/drive" bench/drive.c -lutil

export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC TERM=xterm CCHC_TODAY=2025-10-15 CCHC_OPERATOR=bench \
	CCHC_DATADIR="$top/data" CCHC_LANG=
unset NO_COLOR CCHC_DB

# --- data ------------------------------------------------------------
for y in 1 3 10; do
	if [ ! -f "$out/y$y.db" ] || [ "$out/gen" -nt "$out/y$y.db" ]; then
		echo "generating $y year(s)" >&2
		"$out/gen" "$y" "$out/y$y.db"
	fi
done
"$out/gen" - - "$out/appendix.tsv"

# --- helpers ---------------------------------------------------------
drive() {
	"$out/drive" "$@"
}
ms() {	# first field of drive's output
	set -- $1
	echo "$1"
}
minus() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; printf "%.2f", d < 0 ? 0 : d }'
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "-"; else printf "%.2f", a / b }'
}
# floor DB SQL: the shell's time for one run of SQL, in ms.
R=20
floor() {
	: > "$out/q.sql"
	i=0
	while [ $i -lt $R ]; do
		printf '%s\n' "$2" >> "$out/q.sql"
		i=$((i + 1))
	done
	full=$(ms "$(drive "$RUNS" sqlite3 "$1" ".output /dev/null" ".read $out/q.sql")")
	none=$(ms "$(drive "$RUNS" sqlite3 "$1" ".output /dev/null" "SELECT 1;")")
	awk -v a="$full" -v b="$none" -v r=$R 'BEGIN { d = (a - b) / r; printf "%.3f", d < 0 ? 0 : d }'
}

# The SQL of target_list, task_list (and its products), unit_list and
# plan_list (src/core/plan/target.c, task.c, unit.c, plan.c), parameters filled.
sql_targets() {	# section
	cat <<SQL
SELECT t.id, t.plan_id, t.section_id, t.ord, t.text, t.kind, t.comparator,
 coalesce((SELECT tp.value FROM target_phase tp JOIN phase ph ON ph.id = tp.phase_id
  WHERE tp.target_id = t.id AND $year BETWEEN ph.year_from AND ph.year_to), t.value),
 t.baseline, t.numerator_label, t.denominator_label, ifnull(t.lead_unit_id, 0),
 ifnull(u.name, ''), r.id, r.numerator, r.denominator, r.value, r.evidence, r.note
 FROM target t JOIN section s ON s.id = t.section_id
 LEFT JOIN unit u ON u.id = t.lead_unit_id
 LEFT JOIN result r ON r.target_id = t.id AND r.period_id =
  (SELECT id FROM period WHERE year = $year AND kind = '$period')
 WHERE t.plan_id = $plan AND ($1 = 0 OR t.section_id = $1)
 ORDER BY s.ord, t.ord, t.id;
SQL
}
sql_tasks() {	# section
	cat <<SQL
SELECT t.id, t.plan_id, t.section_id, t.ord, t.tt, t.description,
 ifnull(t.lead_unit_id, 0), ifnull(t.monitor_unit_id, 0), ifnull(l.name, ''), ifnull(m.name, ''),
 ifnull((SELECT group_concat(name, '; ') FROM (SELECT u.name FROM task_cooperator c
   JOIN unit u ON u.id = c.unit_id WHERE c.task_id = t.id ORDER BY c.ord)), ''),
 t.progress, ifnull(t.completion_date, ''), t.evidence_number, ifnull(t.evidence_date, ''),
 t.evidence, t.note, ifnull((SELECT max(due_date) FROM product WHERE task_id = t.id), '')
 FROM task t JOIN section s ON s.id = t.section_id
 LEFT JOIN unit l ON l.id = t.lead_unit_id LEFT JOIN unit m ON m.id = t.monitor_unit_id
 WHERE t.plan_id = $plan AND ($1 = 0 OR t.section_id = $1) ORDER BY s.ord, t.ord, t.id;
SELECT p.task_id, p.id, p.name, p.deadline_text, p.deadline_kind, ifnull(p.due_date, ''),
 p.due_manual FROM product p JOIN task t ON t.id = p.task_id JOIN section s ON s.id = t.section_id
 WHERE t.plan_id = $plan AND ($1 = 0 OR t.section_id = $1) ORDER BY s.ord, t.ord, t.id, p.ord;
SQL
}
sql_units="SELECT id, name, short_name FROM unit ORDER BY sort_key;"
sql_plans="SELECT id, number, title, issuer, signer, ifnull(issue_date, ''), year_from, year_to
 FROM plan ORDER BY year_from DESC, year_to - year_from, id DESC;"

# The plan file as plain INSERTs with every id written out (units and
# sections looked up in DB beforehand): what the import writes, without
# reading the text, matching units or parsing deadlines.
import_sql() {	# PLAN.tsv DB
	sqlite3 -separator '	' "$2" "SELECT 'unit', name, id FROM unit; SELECT 'section', code, id FROM section;
		SELECT 'next', ifnull(max(id), 0) + 1, (SELECT ifnull(max(id), 0) FROM task) FROM plan;" > "$out/ids.tsv"
	awk -F '\t' '
	function q(s) { gsub(/\047/, "\047\047", s); return "\047" s "\047" }
	function unit(s) { return s == "" ? "NULL" : id["unit", s] }
	FNR == NR { if ($1 == "next") { plan = $2; task = $3 } else id[$1, $2] = $3; next }
	FNR == 1 { print "BEGIN;" }
	$1 == "plan" {
		print "INSERT INTO plan (id, number, title, folded, sort_key, issuer, year_from, year_to) VALUES (" \
		    plan ", " q($2) ", " q($3) ", " q($3) ", " q($3) ", " q($4) ", " $6 ", " $7 ");"
	}
	$1 == "task" {
		task++; ord++; p = 0
		print "INSERT INTO task (id, plan_id, section_id, ord, tt, description, folded, lead_unit_id, " \
		    "monitor_unit_id) VALUES (" task ", " plan ", " id["section", $2] ", " ord ", " q($3) ", " \
		    q($4) ", " q($4) ", " unit($5) ", " unit($7) ");"
		if ($6 != "")
			print "INSERT INTO task_cooperator (task_id, unit_id, ord) VALUES (" task ", " unit($6) ", 1);"
	}
	$1 == "product" {
		p++
		print "INSERT INTO product (task_id, ord, name, deadline_text, deadline_kind) VALUES (" \
		    task ", " p ", " q($2) ", " q($3) ", \047date\047);"
	}
	END { print "COMMIT;" }' "$out/ids.tsv" "$1"
}
# import_floor DB: median ms of the shell running import_sql on a fresh copy.
import_floor() {
	import_sql "$out/appendix.tsv" "$1" > "$out/import.sql"
	i=0
	: > "$out/import.times"
	while [ $i -lt "$RUNS" ]; do
		cp "$1" "$out/floor.db"
		t0=$(date +%s%N)
		sqlite3 "$out/floor.db" ".read $out/import.sql" > /dev/null
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000)) >> "$out/import.times"
		i=$((i + 1))
	done
	rm -f "$out/floor.db"
	sort -n "$out/import.times" | awk '{ v[NR] = $1 } END { printf "%.3f", v[int(NR / 2) + 1] / 1000 }'
}

# --- measure ---------------------------------------------------------
table=$out/table.txt
: > "$table"
row() {
	printf '%-34s %9s %9s %9s  %s\n' "$@" >> "$table"
}
row "figure (median of $RUNS)" "1 year" "3 years" "10 years" "target"
for y in 1 3 10; do
	db=$out/y$y.db
	eval "$("$out/bench" "$RUNS" "$db" $([ $y = 1 ] && echo "$out/appendix.tsv") |
		sed 's/^\([a-z_]*\) \(.*\)$/core_\1_'$y'=\2/')"
	eval "plan=\$core_plan_id_$y section=\$core_section_id_$y year=\$core_year_$y period=\$core_period_$y"
	# Issue 13: start against the sqlite3 shell opening the same file and
	# running one query, the two runs taken in turn.
	set -- $(drive "$RUNS" "$out/cchc" --db "$db" --exit-after-draw -- \
		sqlite3 "$db" "SELECT count(*) FROM task;")
	eval "start_$y=$1 rss_$y=$(awk -v k="$2" 'BEGIN { printf "%.1f", k / 1024 }') \
		rssmax_$y=$(awk -v k="$3" 'BEGIN { printf "%.1f", k / 1024 }') sqlstart_$y=$4"
	base=$(ms "$(drive -p 'q' "$RUNS" "$out/cchc" --db "$db")")
	for s in c n d k; do
		t=$(ms "$(drive -p "${s}Gq" "$RUNS" "$out/cchc" --db "$db")")
		eval "screen_${s}_$y=$(minus "$t" "$base")"
	done
	tbase=$(ms "$(drive -p 'nq' "$RUNS" "$out/cchc" --db "$db")")
	t=$(ms "$(drive -p 'n/khong co o dau\rq' "$RUNS" "$out/cchc" --db "$db")")
	eval "screen_search_$y=$(minus "$t" "$tbase")"
	eval "floor_targets_$y=$(floor "$db" "$(sql_targets "$section")")"
	eval "floor_tasks_$y=$(floor "$db" "$(sql_tasks "$section")")"
	eval "floor_report_$y=$(floor "$db" "$(sql_targets 0) $(sql_tasks 0)")"
	eval "floor_units_$y=$(floor "$db" "$sql_units")"
	eval "floor_plans_$y=$(floor "$db" "$sql_plans")"
	eval "floor_search_$y=$(floor "$db" "SELECT id FROM task WHERE plan_id = $plan AND folded LIKE '%khong co o dau%';")"
	# The period report as PDF (cchc-pdf run by cchc, fonts and all), its
	# pages counted.
	eval "pdf_$y=$(ms "$(drive "$RUNS" "$out/cchc" --db "$db" report period \
		--period "$year-N" --format pdf -o "$out/period.pdf")")"
	eval "pdfpages_$y=$(pdfinfo "$out/period.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
done

# v NAME: the three values of a figure.
v() {
	eval "echo \"\$${1}_1 \$${1}_3 \$${1}_10\""
}
line() {	# label target var
	set -- "$1" "$2" $(v "$3")
	row "$1" "$3" "$4" "$5" "$2"
}
rline() {	# label core floor [target]: ratio core/floor
	a=$(v "$2")
	b=$(v "$3")
	target=${4:-}
	set -- "$1" $a $b
	row "$1" "$(ratio "$2" "$5")" "$(ratio "$3" "$6")" "$(ratio "$4" "$7")" "$target"
}
line "start to dashboard and exit (ms)" "<= 20" start
line "sqlite3 shell: open + one query (ms)" "" sqlstart
rline "ratio start/sqlite3 shell" start sqlstart "<= 1.5"
line "period report as PDF (ms)" "" pdf
line "  its pages" "" pdfpages
line "peak RSS, median (MiB)" "<= 8" rss
line "peak RSS, largest run (MiB)" "<= 8" rssmax
line "screen targets: open+End (ms)" "<= 10" screen_c
line "screen tasks: open+End (ms)" "<= 10" screen_n
line "screen units: open+End (ms)" "<= 10" screen_d
line "screen plans: open+End (ms)" "<= 10" screen_k
line "search in tasks, real path (ms)" "<= 10" screen_search
line "core dashboard summary (ms)" "" core_dashboard
line "core targets, largest section (ms)" "" core_targets_section
line "core targets, all sections (ms)" "" core_targets_all
line "core tasks, largest section (ms)" "" core_tasks_section
line "core tasks, all sections (ms)" "" core_tasks_all
line "core units (ms)" "" core_units
line "core plans (ms)" "" core_plans
line "core search: load + fold (ms)" "" core_search
line "core period report: build + text (ms)" "" core_report_period
line "sqlite3 targets, section (ms)" "" floor_targets
line "sqlite3 tasks+products, section" "" floor_tasks
line "sqlite3 period data, all (ms)" "" floor_report
line "sqlite3 units (ms)" "" floor_units
line "sqlite3 plans (ms)" "" floor_plans
line "sqlite3 search, LIKE folded (ms)" "" floor_search
rline "ratio targets core/sqlite3" core_targets_section floor_targets
rline "ratio tasks core/sqlite3" core_tasks_section floor_tasks
rline "ratio period report core/sqlite3" core_report_period floor_report "<= 1.5"
row "import 5,000 rows (ms, 1-year file)" "$core_import_1" "" "" "<= 200"
floor_import=$(import_floor "$out/y1.db")
row "sqlite3 same INSERTs, one transaction" "$floor_import" "" "" ""
row "ratio import/sqlite3" "$(ratio "$core_import_1" "$floor_import")" "" "" "<= 2"
cat "$table"
