#!/bin/sh
# Side-by-side benchmark: sociogram vs python-igraph vs networkx, in one run.
#
#   bench/compare.sh [WORKDIR]            (default WORKDIR: /tmp/sociogram-bench)
#
# Environment (defaults in brackets):
#   GRAPHS     graphs for the igraph comparison, KIND:EDGES ["ba:100000 ba:1000000 hk:1000000"]
#   RUNS       runs per tool and graph [5]; graphs over 5M edges get LARGE_RUNS [2]
#   ALL_GRAPHS graphs for all eleven measures with peak RSS ["ba:1000000 ba:10000000 hk:10000000"],
#              LARGE_RUNS runs each
#   NX_GRAPHS  graphs for networkx ["ba:10000 ba:30000"], NX_TIMEOUT seconds [900]
#   NX_RUNS    runs per networkx call [1]
#
# For each graph it writes EDGES.csv (header source,target: our input) and
# EDGES.ncol (the same edges as "u v" lines: igraph's Read_Ncol and networkx's
# read_edgelist input), then times, alternating tools run by run:
#   igraph:  whole process of ref_igraph.py (python start, import, Read_Ncol,
#            constraint()), compute-only constraint() and
#            transitivity_local_undirected() from inside the script;
#   ours:    whole process of `sociogram nodes --measures constraint -o FILE`
#            (bench/allnodes until the CLI command exists), and the Go
#            compute-only time of measures.AllNodes (all measures but ego
#            betweenness) from bench/allnodes;
#   ours:    all eleven measures, `sociogram nodes` with the default list, peak RSS.
# Raw rows go to WORKDIR/raw.tsv; bench/summarize.py prints medians and ratios.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${1:-/tmp/sociogram-bench}
GRAPHS=${GRAPHS:-"ba:100000 ba:1000000 hk:1000000"}
ALL_GRAPHS=${ALL_GRAPHS:-"ba:1000000 ba:10000000 hk:10000000"}
RUNS=${RUNS:-5}
LARGE_RUNS=${LARGE_RUNS:-2}
NX_GRAPHS=${NX_GRAPHS:-"ba:10000 ba:30000"}
NX_TIMEOUT=${NX_TIMEOUT:-900}
NX_RUNS=${NX_RUNS:-1}
PY=/usr/bin/python3
mkdir -p "$work"
raw=$work/raw.tsv
: > "$raw"

(cd "$root" && go build -o "$work/gen" ./bench/gen && go build -o "$work/allnodes" ./bench/allnodes)
ours_cli=""
if (cd "$root" && go build -o "$work/sociogram" ./cmd/sociogram 2>/dev/null) && "$work/sociogram" nodes -h 2>&1 | grep -q -- --measures; then
	ours_cli="$work/sociogram nodes"
fi
echo "sociogram whole process: ${ours_cli:-bench/allnodes (sociogram nodes not available)}" >&2

# row TOOL GRAPH RUN METRIC VALUE
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$raw"; }
# json FILE KEY: a number from a one-line JSON object
json() { $PY -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]).get(sys.argv[2], "NA"))' "$1" "$2"; }
# timed FILE CMD...: run CMD, wall seconds and peak KB into FILE.time
timed() { f=$1; shift; /usr/bin/time -f '%e %M' -o "$f.time" "$@"; }

inputs() {
	kind=${1%%:*}; edges=${1##*:}
	base=$work/${kind}_$edges
	if [ ! -f "$base.csv" ]; then
		"$work/gen" -kind "$kind" -edges "$edges" -out "$base.csv"
		tail -n +2 "$base.csv" | tr , ' ' > "$base.ncol"
	fi
}

for gspec in $GRAPHS; do
	inputs "$gspec"
	runs=$RUNS
	[ "${gspec##*:}" -gt 5000000 ] && runs=$LARGE_RUNS
	for r in $(seq 1 "$runs"); do
		echo "== $gspec run $r/$runs" >&2
		t=$work/t
		timed "$t" $PY "$here/ref_igraph.py" "$base.ncol" constraint > "$t.json"
		row igraph "$gspec" "$r" process_constraint_s "$(cut -d' ' -f1 "$t.time")"
		row igraph "$gspec" "$r" peak_kb "$(cut -d' ' -f2 "$t.time")"
		row igraph "$gspec" "$r" read_s "$(json "$t.json" read_s)"
		row igraph "$gspec" "$r" constraint_s "$(json "$t.json" constraint_s)"
		$PY "$here/ref_igraph.py" "$base.ncol" transitivity > "$t.json"
		row igraph "$gspec" "$r" transitivity_s "$(json "$t.json" transitivity_s)"

		if [ -n "$ours_cli" ]; then
			timed "$t" $ours_cli --edges "$base.csv" --measures constraint -o "$work/out_constraint.csv" 2> "$t.err"
		else
			timed "$t" "$work/allnodes" -edges "$base.csv" -measures constraint -o "$work/out_constraint.csv" 2> "$t.err"
		fi
		row ours "$gspec" "$r" process_constraint_s "$(cut -d' ' -f1 "$t.time")"
		row ours "$gspec" "$r" peak_kb "$(cut -d' ' -f2 "$t.time")"
		"$work/allnodes" -edges "$base.csv" -measures constraint 2> "$t.json"
		row ours "$gspec" "$r" read_s "$(json "$t.json" read_s)"
		row ours "$gspec" "$r" constraint_s "$(json "$t.json" compute_s)"
		row ours "$gspec" "$r" graph_bytes_per_edge "$(json "$t.json" graph_bytes_per_edge)"
	done
done

# All eleven measures (with ego betweenness), whole process with peak RSS.
for gspec in $ALL_GRAPHS; do
	inputs "$gspec"
	for r in $(seq 1 "$LARGE_RUNS"); do
		echo "== all measures $gspec run $r" >&2
		t=$work/t
		if [ -n "$ours_cli" ]; then
			timed "$t" $ours_cli --edges "$base.csv" -o "$work/out_all.csv" 2> "$t.err"
		else
			timed "$t" "$work/allnodes" -edges "$base.csv" -o "$work/out_all.csv" 2> "$t.err"
		fi
		row ours "$gspec" "$r" all_process_s "$(cut -d' ' -f1 "$t.time")"
		row ours "$gspec" "$r" all_peak_kb "$(cut -d' ' -f2 "$t.time")"
		"$work/allnodes" -edges "$base.csv" 2> "$t.json"
		row ours "$gspec" "$r" all_compute_s "$(json "$t.json" compute_s)"
		row ours "$gspec" "$r" graph_bytes_per_edge "$(json "$t.json" graph_bytes_per_edge)"
	done
done

# networkx on the sizes it can finish.
for gspec in $NX_GRAPHS; do
	inputs "$gspec"
	for what in effective_size constraint; do
		for r in $(seq 1 "$NX_RUNS"); do
			echo "== networkx $what $gspec run $r" >&2
			t=$work/t
			if timeout "$NX_TIMEOUT" $PY "$here/ref_networkx.py" "$base.ncol" "$what" > "$t.json"; then
				row networkx "$gspec" "$r" "${what}_s" "$(json "$t.json" "${what}_s")"
			else
				row networkx "$gspec" "$r" "${what}_s" "timeout>$NX_TIMEOUT"
			fi
		done
	done
	for r in $(seq 1 "$RUNS"); do
		"$work/allnodes" -edges "$base.csv" -measures effective_size 2> "$t.json"
		row ours "$gspec" "$r" effective_size_s "$(json "$t.json" compute_s)"
		row ours "$gspec" "$r" constraint_s "$(json "$t.json" compute_s)"
	done
done

$PY "$here/summarize.py" "$raw"
