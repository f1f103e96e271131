#!/usr/bin/python3
"""Reference timings with python-igraph (bench only; never used by CI).

usage: ref_igraph.py FILE.ncol constraint|transitivity|both

Reads FILE (whitespace-separated "u v" lines, no header) with
igraph.Graph.Read_Ncol(FILE, names=True, directed=False), then times
Graph.constraint() and/or Graph.transitivity_local_undirected(mode="nan")
(the density of each node's neighbourhood). Prints one JSON object with the
read time and each compute time in seconds. The whole-process time (Python
start-up, import, read, compute) is measured by the caller.
"""
import json
import sys
import time

import igraph


def main():
    path, what = sys.argv[1], sys.argv[2]
    out = {"igraph": igraph.__version__}
    t0 = time.perf_counter()
    g = igraph.Graph.Read_Ncol(path, names=True, directed=False, weights=False)
    out["read_s"] = time.perf_counter() - t0
    out["nodes"], out["edges"] = g.vcount(), g.ecount()
    if what in ("constraint", "both"):
        t0 = time.perf_counter()
        c = g.constraint()
        out["constraint_s"] = time.perf_counter() - t0
        out["constraint_sum"] = sum(x for x in c if x == x)
    if what in ("transitivity", "both"):
        t0 = time.perf_counter()
        t = g.transitivity_local_undirected(mode="nan")
        out["transitivity_s"] = time.perf_counter() - t0
        out["transitivity_sum"] = sum(x for x in t if x == x)
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
