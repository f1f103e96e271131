#!/bin/sh
# Issue 17 items 1 and 3: wall time and peak RSS of `sociogram nodes` (all
# eleven measures, CSV out) before and after, interleaved run by run.
#
#   bench/ingest.sh BEFORE_BIN AFTER_BIN [WORKDIR]    (default /tmp/sociogram-ingest)
#
# BEFORE_BIN/AFTER_BIN: sociogram binaries (e.g. built from cc7435a and from
# HEAD). Environment: GRAPHS ["ba:1000000 ba:10000000"], RUNS [3],
# PROCS ["2 1"] (GOMAXPROCS values; each run of each binary under each).
# Raw rows (graph, binary, procs, run, wall_s, max_rss_kb) go to
# WORKDIR/ingest.tsv; the medians are printed as a Markdown table.
set -eu
before=$1; after=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${3:-/tmp/sociogram-ingest}
GRAPHS=${GRAPHS:-"ba:1000000 ba:10000000"}
RUNS=${RUNS:-3}
PROCS=${PROCS:-"2 1"}
mkdir -p "$work"
(cd "$root" && go build -o "$work/gen" ./bench/gen)
raw=$work/ingest.tsv
: > "$raw"
for gspec in $GRAPHS; do
	kind=${gspec%%:*}; edges=${gspec##*:}
	f=$work/${kind}_$edges.csv
	[ -f "$f" ] || "$work/gen" -kind "$kind" -edges "$edges" -out "$f"
	for r in $(seq 1 "$RUNS"); do
		for p in $PROCS; do
			for b in before after; do
				bin=$before; [ $b = after ] && bin=$after
				echo "== $gspec run $r procs $p $b" >&2
				GOMAXPROCS=$p /usr/bin/time -f '%e %M' -o "$work/t" "$bin" nodes --edges "$f" -o "$work/out_$b.csv"
				printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$gspec" "$b" "$p" "$r" $(cat "$work/t") >> "$raw"
			done
			cmp -s "$work/out_before.csv" "$work/out_after.csv" || { echo "outputs differ on $gspec" >&2; exit 1; }
		done
	done
done
/usr/bin/python3 - "$raw" <<'PY'
import sys, statistics, collections
rows = [l.split('\t') for l in open(sys.argv[1]).read().split('\n') if l]
d = collections.defaultdict(list)
for g, b, p, r, wall, rss in rows:
    d[(g, p, b)].append((float(wall), int(rss)))
print("| graph | GOMAXPROCS | before wall s | after wall s | before peak RSS | after peak RSS | after B/edge | runs |")
print("|---|---|---|---|---|---|---|---|")
for (g, p, b) in sorted(k for k in d if k[2] == 'before'):
    bw = statistics.median(w for w, _ in d[(g, p, 'before')]); br = statistics.median(m for _, m in d[(g, p, 'before')])
    aw = statistics.median(w for w, _ in d[(g, p, 'after')]); ar = statistics.median(m for _, m in d[(g, p, 'after')])
    e = int(g.split(':')[1])
    print(f"| {g} | {p} | {bw:.2f} | {aw:.2f} | {br/1024:.0f} MiB | {ar/1024:.0f} MiB | {ar*1024/e:.1f} | {len(d[(g,p,'after')])} |")
PY
