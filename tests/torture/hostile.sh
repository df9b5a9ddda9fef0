#!/bin/sh
# A database from elsewhere is untrusted input (issue 12): each hostile
# database or place below must run nothing, write nothing outside the
# chosen folder, follow no symlink and give a clear message.  The full-disk
# and read-only-media cases need mount (root); they are skipped, with a
# message, where mount is refused.
. "$(dirname "$0")/lib.sh"

export XDG_CONFIG_HOME="$work/config"
umask 022
sql() {
	"$SQLITE3_SHELL" "$@"
}
# run NAME WANT CMD...: CMD must exit WANT; its stderr is in $work/err.
run() {
	name=$1 want=$2
	shift 2
	st=0
	"$@" </dev/null >"$work/out" 2>"$work/err" || st=$?
	if [ "$st" -ne "$want" ]; then
		fail "$name: status $st, want $want: $(head -c 400 "$work/err")"
		return 1
	fi
	return 0
}
mode() {
	stat -c %a "$1"
}

# ---- 1. Programs come from the configuration, never from the database --
db=$work/print.db
new_db "$db"
printf '#!/bin/sh\ntouch "%s/pwned"\ncat >/dev/null\n' "$work" > "$work/evil"
# lp's stand-in: its arguments, and the file it is given (the last).
printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/args"\nfor f; do :; done\ncat "$f" > "%s/printed"\n' "$work" "$work" > "$work/fakelp"
chmod +x "$work/evil" "$work/fakelp"
mkdir -p "$XDG_CONFIG_HOME/cchc"
printf '# cchc\nprint_command = %s\n' "$work/fakelp" > "$XDG_CONFIG_HOME/cchc/config"
sql "$db" "INSERT INTO setting (key, value) VALUES ('print_command', '$work/evil')
	ON CONFLICT (key) DO UPDATE SET value = excluded.value"
if run "print_command in the database" 0 "$HARNESS" print "$db"; then
	if [ -e "$work/pwned" ]; then
		fail "print_command in the database: it was run"
	elif ! grep -qx "harness print" "$work/printed" 2>/dev/null; then
		fail "print_command in the database: the configured program did not print"
	else
		pass "print_command in the database is not run; the configured one is"
	fi
fi
rm -f "$work/pwned" "$work/printed"
for pname in "-h evil.example:631" "a b" "x;touch" "../x" "-oraw"; do
	sql "$db" "INSERT INTO setting (key, value) VALUES ('printer', '$pname')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value"
	if run "printer \"$pname\"" 1 "$HARNESS" print "$db"; then
		if [ -e "$work/printed" ]; then
			fail "printer \"$pname\": printed anyway"
		elif grep -qF "printer" "$work/err"; then
			pass "printer \"$pname\" refused: $(cat "$work/err")"
		else
			fail "printer \"$pname\": $(cat "$work/err")"
		fi
	fi
done
sql "$db" "UPDATE setting SET value = 'office-laser_2@host.lan' WHERE key = 'printer'"
if run "a good printer name" 0 "$HARNESS" print "$db"; then
	sed -n '/^-d$/{n;p;}' "$work/args" | grep -qx "office-laser_2@host.lan" &&
		pass "a good printer name goes after -d" ||
		fail "a good printer name: lp got $(tr '\n' ' ' < "$work/args")"
fi
rm -rf "$XDG_CONFIG_HOME"

# ---- 2. export db: fixed names, nothing outside the folder --------------
db=$work/tables.db
new_db "$db"
sql "$db" 'CREATE TABLE "../../escaped" (x); INSERT INTO "../../escaped" VALUES (1);
	CREATE TABLE "/tmp/abs" (x);'
mkdir -p "$work/exp/a"
if run "export db with a table named ../../escaped" 0 "$CCHC_BIN" --db "$db" export db "$work/exp/a/b"; then
	if [ -e "$work/exp/escaped.csv" ] || [ -e "$work/exp/a/escaped.csv" ] ||
	    [ -e /tmp/abs.csv ] || [ -e "$work/exp/a/b/abs.csv" ]; then
		fail "export db: a table's name chose where to write: $(find "$work/exp" /tmp/abs.csv 2>/dev/null)"
	elif [ ! -s "$work/exp/a/b/task.csv" ]; then
		fail "export db: no task.csv"
	else
		pass "export db writes only cchc's tables, under the folder"
	fi
fi
rm -f /tmp/abs.csv
# restore refuses tables, views and triggers that are not cchc's.
for extra in "CREATE TABLE extra (x)" "CREATE VIEW v AS SELECT 1" \
    "CREATE TRIGGER t AFTER INSERT ON task BEGIN DELETE FROM plan; END" \
    "DROP TRIGGER history_task_insert; CREATE TRIGGER history_task_insert AFTER INSERT ON task BEGIN DELETE FROM plan; END"; do
	new_db "$work/crafted.db"
	sql "$work/crafted.db" "$extra; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	new_db "$work/target.db"
	before=$(dump "$work/target.db")
	if run "restore ($extra)" 1 "$CCHC_BIN" --db "$work/target.db" restore "$work/crafted.db"; then
		if [ "$before" != "$(dump "$work/target.db")" ]; then
			fail "restore ($extra): the database changed"
		elif grep -q "not cchc's" "$work/err"; then
			pass "restore refuses ($extra): $(cat "$work/err")"
		else
			fail "restore ($extra): $(cat "$work/err")"
		fi
	fi
	rm -f "$work"/crafted.db* "$work"/target.db*
done
rm -rf "$work/backups"

# ---- 3. No symlink followed when writing a file -------------------------
db=$work/links.db
new_db "$db"
echo victim > "$work/victim"
for out in report.txt appendix.tsv; do
	ln -s "$work/victim" "$work/$out.tmp"
done
"$CCHC_BIN" --db "$db" report dashboard --period 2025-N -o "$work/report.txt" 2>"$work/err" || true
"$CCHC_BIN" --db "$db" export appendix --plan 1 -o "$work/appendix.tsv" 2>>"$work/err" || true
mkdir -p "$work/exp2"
ln -s "$work/victim" "$work/exp2/task.csv"
"$CCHC_BIN" --db "$db" export db "$work/exp2" >/dev/null 2>>"$work/err" || true
if [ "$(cat "$work/victim")" != victim ]; then
	fail "a symlink was followed: the victim now holds $(head -c 80 "$work/victim")"
elif [ ! -s "$work/report.txt" ] || [ ! -s "$work/appendix.tsv" ] || [ -L "$work/exp2/task.csv" ]; then
	fail "writing beside symlinks: $(ls -l "$work" "$work/exp2" | head -20) $(cat "$work/err")"
else
	pass "reports and exports replace files, never write through symlinks"
fi

# ---- 4. Data exports are private, reports keep the umask -----------------
"$CCHC_BIN" --db "$db" export db "$work/private" >/dev/null
m="$(mode "$work/private") $(mode "$work/private/history.csv") $(mode "$work/private/README.txt")"
[ "$m" = "700 600 600" ] && pass "export db: folder 700, files 600" ||
	fail "export db: modes $m (want 700 600 600)"
[ "$(mode "$work/report.txt")" = 644 ] && pass "a report keeps the umask (644)" ||
	fail "report mode $(mode "$work/report.txt") (want 644 under umask 022)"

# ---- 5. Stale temporary files of killed backups ---------------------------
db=$work/stale/cchc.db
mkdir -p "$work/stale/backups"
new_db "$db"
for t in cchc-20250101-101010.db.Ab3dEf cchc-20250101-101010.db.Ab3dEf-journal \
    before-restore-20250101-101010.db.x1Y2z3; do
	echo partial > "$work/stale/backups/$t"
	touch -d '2025-01-01 10:10' "$work/stale/backups/$t"
done
echo fresh > "$work/stale/backups/cchc-20991231-000000.db.Zz9Zz9"
echo mine > "$work/stale/backups/notes.txt"
if run "backup with stale temporary files" 0 "$CCHC_BIN" --db "$db" backup; then
	left=$(cd "$work/stale/backups" && ls | grep -v '^cchc-[0-9-]*\.db$' | tr '\n' ' ')
	[ "$left" = "cchc-20991231-000000.db.Zz9Zz9 notes.txt " ] &&
		pass "stale temporary backups removed, a fresh one and other files kept" ||
		fail "left in backups/: $left"
fi

# ---- 8. Minor: numeric overflow, an empty file as the database -----------
db=$work/minor.db
new_db "$db"
for args in "sipas feed --round 99999999999999999999 --target 1 --year 2025" \
    "sipas results --round 99999999999999999999" \
    "report sipas --round 99999999999999999999 --format txt" \
    "export appendix --plan 99999999999999999999" \
    "log --id 99999999999999999999" "score --set 99999999999999999999" \
    "copy-plan --plan 99999999999999999999 --year 2026"; do
	# shellcheck disable=SC2086
	if run "$args" 2 "$CCHC_BIN" --db "$db" $args; then
		grep -q "99999999999999999999" "$work/err" && pass "refused: $args" ||
			fail "$args: $(cat "$work/err")"
	fi
done
: > "$work/empty.db"
chmod 644 "$work/empty.db"
if run "an empty file as the database" 0 "$CCHC_BIN" --db "$work/empty.db" report dashboard --period 2025-N; then
	plans=$(sql "$work/empty.db" "SELECT count(*) FROM plan")
	[ "$(mode "$work/empty.db")" = 600 ] && [ "$plans" -ge 1 ] &&
		pass "an empty file is a new database: mode 600, the sample plan" ||
		fail "an empty file: mode $(mode "$work/empty.db"), $plans plans"
fi

# ---- 6. A full disk --------------------------------------------------------
mnt=$work/tiny
mkdir "$mnt"
if mount -t tmpfs -o size=3m tmpfs "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$work"' EXIT
	db=$mnt/cchc.db
	new_db "$db"
	dd if=/dev/zero of="$mnt/filler" bs=16k 2>/dev/null || true
	before=$(dump "$db")
	st=0
	"$CCHC_BIN" --db "$db" export db "$mnt/exp" >/dev/null 2>"$work/err" || st=$?
	partial=$(find "$mnt/exp" 2>/dev/null | head -5)
	if [ $st -ne 1 ] || ! grep -qF "the disk is full" "$work/err" || ! grep -qF "nothing was changed" "$work/err"; then
		fail "export db on a full disk: status $st: $(cat "$work/err")"
	elif [ -n "$partial" ]; then
		fail "export db on a full disk left $partial"
	else
		pass "export db on a full disk: $(cat "$work/err")"
	fi
	st=0
	"$CCHC_BIN" --db "$db" report dashboard --period 2025-N -o "$mnt/r.txt" >/dev/null 2>"$work/err" || st=$?
	if [ $st -eq 1 ] && grep -qF "the disk is full" "$work/err" && [ -z "$(ls "$mnt" | grep -v '^cchc.db\|^filler$\|^exp$')" ]; then
		pass "a report on a full disk: $(cat "$work/err")"
	else
		fail "a report on a full disk: status $st, $(ls "$mnt"): $(cat "$work/err")"
	fi
	run "a report to stdout on a full disk" 0 "$CCHC_BIN" --db "$db" report dashboard --period 2025-N &&
		pass "a report to the screen works on a full disk"
	st=0
	CCHC_LANG=vi "$CCHC_BIN" --db "$db" backup "$mnt/b.db" >/dev/null 2>"$work/err" || st=$?
	if [ $st -eq 1 ] && grep -qF "ổ đĩa đã đầy" "$work/err" && [ ! -e "$mnt/b.db" ]; then
		pass "a backup on a full disk, in Vietnamese: $(cat "$work/err")"
	else
		fail "a backup on a full disk: status $st: $(cat "$work/err")"
	fi
	[ "$before" = "$(dump "$db")" ] || fail "full disk: the database changed"
	umount "$mnt"
	trap 'rm -rf "$work"' EXIT
else
	echo "skip full disk: mount refused"
fi

# ---- 7. Read-only media ------------------------------------------------------
mkdir -p "$work/media" "$work/cd"
db=$work/media/cchc.db
new_db "$db"
sql "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
rm -f "$db-wal" "$db-shm"
if mount --bind "$work/media" "$work/cd" 2>/dev/null; then
	trap 'umount "$work/cd" 2>/dev/null; rm -rf "$work"' EXIT
	if mount -o remount,ro,bind "$work/cd" 2>/dev/null; then
		ro=$work/cd/cchc.db
		run "a report from read-only media" 0 "$CCHC_BIN" --db "$ro" report dashboard --period 2025-N &&
			grep -q "Tân Đoàn\|TÂN ĐOÀN" "$work/out" && pass "a report from read-only media"
		run "the interface on read-only media" 0 "$CCHC_BIN" --db "$ro" --exit-after-draw &&
			pass "the interface opens on read-only media"
		run "export from read-only media" 0 "$CCHC_BIN" --db "$ro" export db "$work/fromcd" &&
			pass "export db from read-only media"
		for write in "import appendix $work/appendix.tsv --plan 1" "restore $work/links.db"; do
			st=0
			# shellcheck disable=SC2086
			"$CCHC_BIN" --db "$ro" $write >/dev/null 2>"$work/err" || st=$?
			if [ $st -eq 1 ] && grep -qF "read-only" "$work/err"; then
				pass "${write%% *} on read-only media is refused: $(cat "$work/err")"
			else
				fail "${write%% *} on read-only media: status $st: $(cat "$work/err")"
			fi
		done
	else
		echo "skip read-only media: remount refused"
	fi
	umount "$work/cd"
	trap 'rm -rf "$work"' EXIT
else
	echo "skip read-only media: mount refused"
fi
finish
