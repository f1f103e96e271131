#!/usr/bin/python3
"""Reference timings with networkx (bench only; never used by CI).

usage: ref_networkx.py FILE.ncol effective_size|constraint

Reads FILE (whitespace-separated "u v" lines) with
networkx.read_edgelist(FILE), then times networkx.effective_size(G) or
networkx.constraint(G) (unweighted, whole-network model). Prints one JSON
object with the read and compute times in seconds. The caller runs it
under `timeout`: networkx does not finish on large graphs.
"""
import json
import math
import sys
import time

import networkx as nx


def main():
    path, what = sys.argv[1], sys.argv[2]
    out = {"networkx": nx.__version__}
    t0 = time.perf_counter()
    g = nx.read_edgelist(path)
    out["read_s"] = time.perf_counter() - t0
    out["nodes"], out["edges"] = g.number_of_nodes(), g.number_of_edges()
    fn = {"effective_size": nx.effective_size, "constraint": nx.constraint}[what]
    t0 = time.perf_counter()
    r = fn(g)
    out[what + "_s"] = time.perf_counter() - t0
    out[what + "_sum"] = sum(x for x in r.values() if not math.isnan(x))
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
