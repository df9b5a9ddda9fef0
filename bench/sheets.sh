#!/bin/sh
# Update sheets (issue 18): 60 units' sheets out and back in on the
# 10-year database (gen.c), medians over RUNS runs (default 5), each against
# a floor measured in the same run.  Goal: out and in each <= 1 s.
#
#   bench/sheets.sh [RUNS]
#
# Figures:
#   out         cchc sheet export --period (all units): the tasks of each
#               unit and the targets it leads (about 260 with the period's
#               result) read, 60 workbooks written (the module), 60 sheet rows
#   out floor   the sqlite3 shell running the same reads and inserts
#   in          cchc sheet import of the 60 workbooks, each with every
#               "Not started" answered "In progress" (the shared string
#               changed in the file), written in one transaction; a fresh
#               copy of the database each run (the copy's time subtracted)
#   in floor    the sqlite3 shell reading each task of the sheets and
#               writing the same updates in one transaction
# Builds into bench/.build like run.sh (which it does not need).
set -eu

RUNS=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=$here/.build
mkdir -p "$out"
cd "$top"

CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -DPACKAGE=\"cchc\" \
-DPACKAGE_VERSION=\"bench\" -DPKGDATADIR=\"$top/data\" -DSRCDATADIR=\"$top/data\" \
-DLOCALEDIR=\"/nonexistent\" -DBUILDLOCALEDIR=\"$out/locale\" -DENABLE_NLS=1 -O2 -DNDEBUG \
-DPKGLIBEXECDIR=\"$out\" -DBUILDDIR=\"$out\" -Isrc -Isrc/core -I$out"
LIBS="$(pkg-config --libs sqlite3 ncursesw) -lunistring -lm"
: > "$out/config.h"
echo "building into $out" >&2
gcc $CFLAGS -o "$out/cchc" src/main.c src/options.c src/cli/*.c src/core/*/*.c src/ui/*.c $LIBS
gcc $CFLAGS -fPIC -shared $(pkg-config --cflags libzip expat) -o "$out/cchc-xlsx.so" \
	src/xlsx/*.c $(pkg-config --libs xlsxwriter libzip expat) -lunistring -lm
gcc -O2 -std=c11 -o "$out/drive" bench/drive.c -lutil

export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC CCHC_TODAY=2025-10-15 CCHC_LANG= \
	CCHC_DATADIR="$top/data" CCHC_MODULEDIR="$out"
unset CCHC_DB

# The 10-year database run.sh made, else made here (gen.c).
if [ ! -f "$out/y10.db" ]; then
	echo "generating 10 years" >&2
	gcc $CFLAGS -o "$out/gen" bench/gen.c src/core/*/*.c $LIBS
	"$out/gen" 10 "$out/y10.db"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cchc-bench-sheets.XXXXXX")
trap 'rm -rf "$work"' EXIT

ms() {	# first field of drive's output
	set -- $1
	echo "$1"
}
minus() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; printf "%.1f", d < 0 ? 0 : d }'
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "-"; else printf "%.2f", a / b }'
}

db=$work/base.db
cp "$out/y10.db" "$db"
plan=$(sqlite3 "$db" "SELECT id FROM plan ORDER BY year_from DESC, year_to - year_from, id DESC LIMIT 1")
year=$(sqlite3 "$db" "SELECT year_from FROM plan WHERE id = $plan")
period="$year-9T"
units=$(sqlite3 "$db" "SELECT count(DISTINCT u.id) FROM unit u WHERE EXISTS (SELECT 1 FROM task t
	WHERE t.plan_id = $plan AND t.lead_unit_id = u.id) OR EXISTS (SELECT 1 FROM task_cooperator c
	JOIN task t ON t.id = c.task_id WHERE t.plan_id = $plan AND c.unit_id = u.id)")

# --- out ---------------------------------------------------------------
cp "$db" "$work/out.db"
out_ms=$(ms "$("$out/drive" "$RUNS" "$out/cchc" --db "$work/out.db" sheet export \
	--period "$period" -o "$work/sheets")")
: > "$work/out.sql"
echo "BEGIN;" >> "$work/out.sql"
for u in $(sqlite3 "$db" "SELECT DISTINCT unit_id FROM (SELECT lead_unit_id AS unit_id FROM task
	WHERE plan_id = $plan UNION SELECT c.unit_id FROM task_cooperator c JOIN task t
	ON t.id = c.task_id WHERE t.plan_id = $plan) WHERE unit_id IS NOT NULL"); do
	cat >> "$work/out.sql" <<SQL
SELECT t.id, t.tt, t.description, t.lead_unit_id IS $u, t.progress, ifnull(t.completion_date, ''),
 t.evidence_number, ifnull(t.evidence_date, ''), t.evidence, t.note,
 ifnull((SELECT max(due_date) FROM product WHERE task_id = t.id), '')
 FROM task t JOIN section s ON s.id = t.section_id WHERE t.plan_id = $plan AND
 (t.lead_unit_id = $u OR EXISTS (SELECT 1 FROM task_cooperator c WHERE c.task_id = t.id
 AND c.unit_id = $u)) ORDER BY s.ord, t.ord, t.id;
INSERT INTO sheet (plan_id, period_id, unit_id, made_at, token) VALUES ($plan,
 (SELECT id FROM period LIMIT 1), $u, 'now', lower(hex(randomblob(16))));
SQL
done
echo "ROLLBACK;" >> "$work/out.sql"
out_floor=$(ms "$("$out/drive" "$RUNS" sqlite3 "$work/out.db" ".output /dev/null" ".read $work/out.sql")")

# --- in ----------------------------------------------------------------
# One export on a fresh copy: its sheet rows are the ones the answers name.
cp "$db" "$work/in.db"
rm -rf "$work/sheets"
"$out/cchc" --db "$work/in.db" sheet export --period "$period" -o "$work/sheets" > /dev/null
n=$(ls "$work/sheets" | wc -l)
python3 - "$work/sheets" <<'EOF'
import os, sys, zipfile
d = sys.argv[1]
for name in os.listdir(d):
    src = os.path.join(d, name)
    tmp = src + '.new'
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename == 'xl/sharedStrings.xml':
                # Every task not started is now under way, in the sheet's
                # language (Vietnamese unless CCHC_LANG says otherwise).
                data = data.replace(b'<t>Not started</t>', b'<t>In progress</t>')
                data = data.replace('<t>Chưa thực hiện</t>'.encode(), '<t>Đang thực hiện</t>'.encode())
            zo.writestr(item, data)
    os.replace(tmp, src)
EOF
cat > "$work/in.sh" <<EOF
cp "$work/in.db" "$work/run.db"
exec "$out/cchc" --db "$work/run.db" sheet import "$work/sheets"/*.xlsx
EOF
cat > "$work/cp.sh" <<EOF
cp "$work/in.db" "$work/run.db"
EOF
in_all=$(ms "$("$out/drive" "$RUNS" sh "$work/in.sh")")
cp_ms=$(ms "$("$out/drive" "$RUNS" sh "$work/cp.sh")")
in_ms=$(minus "$in_all" "$cp_ms")
changed=$(sh "$work/in.sh" | tail -n 1)
{
	echo "BEGIN;"
	sqlite3 "$work/in.db" "SELECT 'SELECT progress, ifnull(completion_date, ''''), evidence_number,
		ifnull(evidence_date, ''''), evidence, note, tt, description FROM task WHERE id = ' || t.id
		|| ' AND plan_id = $plan;' FROM sheet s JOIN task t ON t.plan_id = s.plan_id AND
		(t.lead_unit_id = s.unit_id OR EXISTS (SELECT 1 FROM task_cooperator c WHERE
		c.task_id = t.id AND c.unit_id = s.unit_id))"
	sqlite3 "$work/in.db" "SELECT 'UPDATE task SET progress = ''in_progress'' WHERE id = ' || id
		|| ';' FROM task WHERE plan_id = $plan AND progress = 'not_started'"
	echo "UPDATE sheet SET returned_at = 'now'; COMMIT;"
} > "$work/in.sql"
cat > "$work/floor.sh" <<EOF
cp "$work/in.db" "$work/run.db"
exec sqlite3 "$work/run.db" ".output /dev/null" ".read $work/in.sql"
EOF
in_floor=$(minus "$(ms "$("$out/drive" "$RUNS" sh "$work/floor.sh")")" "$cp_ms")

echo "sheets: plan $plan, period $period, $units units, $n workbooks; $changed"
printf '%-10s %8s ms   floor %8s ms   ratio %s\n' out "$out_ms" "$out_floor" "$(ratio "$out_ms" "$out_floor")"
printf '%-10s %8s ms   floor %8s ms   ratio %s\n' in "$in_ms" "$in_floor" "$(ratio "$in_ms" "$in_floor")"
