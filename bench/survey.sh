#!/bin/sh
# Survey path benchmark (issue 17 item 5): `sociogram egos` on generated
# studies of 10,000 and 100,000 egos (~20 alters each, three-table ego CSV
# grouped by ego, bench/gen -kind survey), all eleven structural measures,
# against the single-threaded floor (bench/surveyfloor) and, at 10,000
# egos, the R igraph loop computing constraint only (bench/survey_rloop.R).
# Wall time, CPU time (user + system) and peak RSS from /usr/bin/time,
# medians of RUNS runs, the
# paths interleaved run by run so that they share the machine's load.
#
#   bench/survey.sh [WORKDIR]        (default WORKDIR: /tmp/sociogram-survey)
#
# Environment: EGOS ["10000 100000"], RUNS [3], RLOOP [10000: the sizes
# the R loop runs at], PROCS ["1 2": GOMAXPROCS values for sociogram].
# Paths: "stream" is the default path of `sociogram egos -o FILE`
# (measures.StreamEgoCSV); "full" forces the whole-study path with
# --format json; "floor" is bench/surveyfloor; "R" the R loop. The floor's
# table must equal the stream's byte for byte, else the script stops.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${1:-/tmp/sociogram-survey}
EGOS=${EGOS:-"10000 100000"}
RUNS=${RUNS:-3}
RLOOP=${RLOOP:-10000}
PROCS=${PROCS:-"1 2"}
mkdir -p "$work"
(cd "$root" && go build -o "$work/gen" ./bench/gen && go build -o "$work/sociogram" ./cmd/sociogram && go build -o "$work/surveyfloor" ./bench/surveyfloor)
med() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| egos | file MB | path | GOMAXPROCS | median wall s | egos/s | median CPU s | median peak RSS MiB | runs (wall_KB_user_sys) |\n|---|---|---|---|---|---|---|---|---|\n'
for n in $EGOS; do
	d=$work/survey_$n
	[ -f "$d/aaties.csv" ] || "$work/gen" -kind survey -egos "$n" -dir "$d"
	mb=$(du -cm "$d"/*.csv | tail -1 | cut -f1)
	paths="floor"
	for p in $PROCS; do paths="$paths stream$p"; done
	paths="$paths full"
	case " $RLOOP " in *" $n "*) paths="$paths R" ;; esac
	for path in $paths; do : > "$work/times_$path"; done
	for r in $(seq 1 "$RUNS"); do
		for path in $paths; do
			t="/usr/bin/time -f %e_%M_%U_%S -a -o $work/times_$path"
			case $path in
			floor) $t "$work/surveyfloor" "$d" "$work/floor.csv" ;;
			stream*) GOMAXPROCS=${path#stream} $t "$work/sociogram" egos --egos "$d/egos.csv" --alters "$d/alters.csv" --ties "$d/aaties.csv" -o "$work/out.csv" 2>/dev/null ;;
			full) $t "$work/sociogram" egos --egos "$d/egos.csv" --alters "$d/alters.csv" --ties "$d/aaties.csv" --format json -o "$work/out.json" 2>/dev/null ;;
			R) $t Rscript "$here/survey_rloop.R" "$d" "$work/r.csv" 2>/dev/null ;;
			esac
		done
		cmp -s "$work/floor.csv" "$work/out.csv" || { echo "floor and sociogram tables differ" >&2; exit 1; }
	done
	for path in $paths; do
		wall=$(cut -d_ -f1 "$work/times_$path" | med)
		kb=$(cut -d_ -f2 "$work/times_$path" | med)
		cpu=$(awk -F_ '{print $3 + $4}' "$work/times_$path" | med)
		procs=-
		case $path in stream*) procs=${path#stream} ;; esac
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$mb" "${path%%[0-9]*}" "$procs" "$wall" \
			"$(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')" "$cpu" "$((kb / 1024))" "$(tr '\n' ' ' < "$work/times_$path")"
	done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
