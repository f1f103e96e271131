#!/bin/sh
# Writes sample tables with sociogram as CSV and as Parquet, then reads the
# Parquet files with other readers and compares them with the CSV files.
# Not run by CI (it needs node and npm); output in output.txt, see README.md.
#
#   sh parquetio/testdata/readers/check.sh     (from the repository root)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${WORK:-$(mktemp -d)}
cd "$root"
go build -o "$work/sociogram" ./cmd/sociogram
sg=$work/sociogram
mkdir -p "$work/in"
# A whole network with the awkward cases: an isolate, a duplicate tie, a
# self tie, a missing attribute, string IDs.
printf 'source,target,weight\na,b,1.5\nb,c,0.25\nc,c,2\nb,a,1\nd,a,3\ne,b,0.125\n' > "$work/in/edges.csv"
printf 'id,group,age\na,x,30\nb,y,NA\nc,x,41.5\nd,,20\ne,y,65\niso,z,18\n' > "$work/in/nodes.csv"
plain=cmd/sociogram/testdata/interop/egor32/plain
m=size,ties,density,constraint,effective_size,brokerage,'blau(group)','mean(age)'
for f in csv parquet; do
	o=""; [ $f = parquet ] && o="--format parquet"
	# nodes: measures table (string key, nullable doubles)
	$sg nodes --edges "$work/in/edges.csv" --nodes "$work/in/nodes.csv" --measures "$m" --digits 17 --names r $o -o "$work/nodes.$f" 2>/dev/null
	# egos on a survey study (egoID key, NA for egos with no alters)
	$sg egos --egos $plain/egos.csv --alters $plain/alters.csv --ties $plain/aaties.csv --digits 17 $o -o "$work/egos.$f"
	# summary: another kind of table, typed from its JSON (strings, doubles)
	$sg summary --egos $plain/egos.csv --alters $plain/alters.csv --ties $plain/aaties.csv $o -o "$work/summary.$f"
done
# convert --to parquet: an edge list (string IDs, double weights) and a node table
$sg convert --edges "$work/in/edges.csv" --nodes "$work/in/nodes.csv" --to parquet -o "$work/conv" 2>/dev/null
$sg convert --edges "$work/in/edges.csv" --nodes "$work/in/nodes.csv" --to edges -o "$work/convcsv" 2>/dev/null
cp "$work/conv/edges.parquet" "$work/edges.parquet"; cp "$work/convcsv/edges.csv" "$work/edges.csv"
cp "$work/conv/nodes.parquet" "$work/nodes_table.parquet"; cp "$work/convcsv/nodes.csv" "$work/nodes_table.csv"
# integer IDs: INT64 source and target
printf 'source,target\n1,2\n2,3\n30,1\n4,4\n' > "$work/in/ints.csv"
$sg convert --edges "$work/in/ints.csv" --to parquet -o "$work/convint" 2>/dev/null
$sg convert --edges "$work/in/ints.csv" --to edges -o "$work/convintcsv" 2>/dev/null
cp "$work/convint/edges.parquet" "$work/edges_int.parquet"; cp "$work/convintcsv/edges.csv" "$work/edges_int.csv"
mkdir -p "$work/js"
(cd "$work/js" && npm init -y >/dev/null && npm install --silent hyparquet@1.33.0 >/dev/null)
cp "$here/check_hyparquet.mjs" "$work/js/"
echo "hyparquet $(node -p "require('$work/js/node_modules/hyparquet/package.json').version"), node $(node --version)"
node "$work/js/check_hyparquet.mjs" "$work" nodes egos summary edges nodes_table edges_int
