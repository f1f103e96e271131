#!/bin/sh
# Survey streaming benchmark: `sociogram egos` on generated studies of
# 10,000 and 100,000 egos (~20 alters each, three-table ego CSV grouped by
# ego), default measures (all structural), peak RSS with /usr/bin/time.
#
#   bench/survey.sh [WORKDIR]        (default WORKDIR: /tmp/sociogram-survey)
#
# Environment: EGOS ["10000 100000"], RUNS [3].
# "stream" is the default path (network.StreamEgoCSV); "full" forces the
# whole-study path with --format json, which the streaming path leaves to it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${1:-/tmp/sociogram-survey}
EGOS=${EGOS:-"10000 100000"}
RUNS=${RUNS:-3}
mkdir -p "$work"
(cd "$root" && go build -o "$work/gen" ./bench/gen && go build -o "$work/sociogram" ./cmd/sociogram)
printf '| egos | file MB | path | median wall s | median peak RSS MiB |\n|---|---|---|---|---|\n'
for n in $EGOS; do
	d=$work/survey_$n
	[ -f "$d/aaties.csv" ] || "$work/gen" -kind survey -egos "$n" -dir "$d"
	mb=$(du -cm "$d"/*.csv | tail -1 | cut -f1)
	for path in stream full; do
		: > "$work/times"
		for r in $(seq 1 "$RUNS"); do
			if [ $path = stream ]; then
				/usr/bin/time -f '%e %M' -a -o "$work/times" "$work/sociogram" egos --egos "$d/egos.csv" --alters "$d/alters.csv" --ties "$d/aaties.csv" -o "$work/out.csv" 2>/dev/null
			else
				/usr/bin/time -f '%e %M' -a -o "$work/times" "$work/sociogram" egos --egos "$d/egos.csv" --alters "$d/alters.csv" --ties "$d/aaties.csv" --format json -o "$work/out.json" 2>/dev/null
			fi
		done
		med() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
		wall=$(cut -d' ' -f1 "$work/times" | med)
		kb=$(cut -d' ' -f2 "$work/times" | med)
		printf '| %s | %s | %s | %s | %s |\n' "$n" "$mb" "$path" "$wall" "$((kb / 1024))"
	done
done
