#!/usr/bin/env bash
# Issue 17.6: the Beam pipeline on Beam's local runner (prism) against
# sociogram nodes on the same BA graph, and the cost of --shard (K=2 run one
# after the other, then merged) against one run. Usage, from the repository
# root:  bench/beam.sh [EDGES_FOR_BEAM] [EDGES_FOR_SHARD]   (100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
nb=${1:-100000}
ns=${2:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/sociogram" ./cmd/sociogram
(cd beam && go build -o "$tmp/sociogram-beam" ./cmd/sociogram-beam)
go run ./bench/gen -kind ba -edges "$nb" -out "$tmp/beam.csv"
go run ./bench/gen -kind ba -edges "$ns" -out "$tmp/shard.csv"

echo "== Beam pipeline (prism) vs sociogram nodes, BA $nb edges, default measures, --digits 17"
/usr/bin/time -f "sociogram nodes: %e s wall, %U s user, %M KB peak" \
  "$tmp/sociogram" nodes --edges "$tmp/beam.csv" --digits 17 -o "$tmp/nodes.csv" 2>&1 | grep -v warning || true
/usr/bin/time -f "sociogram-beam (prism): %e s wall, %U s user, %M KB peak" \
  "$tmp/sociogram-beam" --edges "$tmp/beam.csv" --digits 17 -o "$tmp/beam_out.csv" 2>"$tmp/beam.log" || { tail -5 "$tmp/beam.log"; exit 1; }
tail -1 "$tmp/beam.log"
python3 bench/maxdiff.py "$tmp/nodes.csv" "$tmp/beam_out.csv"

echo "== --shard: BA $ns edges, default measures, 3 rounds"
for r in 1 2 3; do
  s=$(date +%s.%N)
  "$tmp/sociogram" nodes --edges "$tmp/shard.csv" -o "$tmp/full.csv" 2>/dev/null
  m=$(date +%s.%N)
  "$tmp/sociogram" nodes --edges "$tmp/shard.csv" --shard 1/2 -o "$tmp/p1.csv" 2>/dev/null
  "$tmp/sociogram" nodes --edges "$tmp/shard.csv" --shard 2/2 -o "$tmp/p2.csv" 2>/dev/null
  k=$(date +%s.%N)
  "$tmp/sociogram" merge -o "$tmp/merged.csv" "$tmp/p1.csv" "$tmp/p2.csv"
  e=$(date +%s.%N)
  cmp -s "$tmp/full.csv" "$tmp/merged.csv" && same=identical || same=DIFFERENT
  printf 'round %d: one run %.2f s; shards 1/2 + 2/2 %.2f s; merge %.2f s; merged table %s\n' \
    "$r" "$(echo "$m - $s" | bc)" "$(echo "$k - $m" | bc)" "$(echo "$e - $k" | bc)" "$same"
done
