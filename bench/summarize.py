#!/usr/bin/python3
"""Summarize bench/compare.sh's raw.tsv: medians per tool, graph and metric,
and the ratios of the issue's targets, as Markdown tables.

usage: summarize.py raw.tsv
"""
import collections
import statistics
import sys


def main():
    vals = collections.defaultdict(list)
    order = []
    for line in open(sys.argv[1]):
        tool, graph, run, metric, value = line.rstrip("\n").split("\t")
        if graph not in order:
            order.append(graph)
        try:
            vals[tool, graph, metric].append(float(value))
        except ValueError:
            vals[tool, graph, metric].append(value)

    def med(tool, graph, metric):
        v = vals.get((tool, graph, metric))
        if not v:
            return None
        nums = [x for x in v if isinstance(x, float)]
        if len(nums) < len(v):
            return v[0]  # a timeout
        return statistics.median(nums)

    def f(x, unit=""):
        if x is None:
            return "–"
        if isinstance(x, str):
            return x
        if x >= 100:
            return "%.0f%s" % (x, unit)
        if x >= 1:
            return "%.2f%s" % (x, unit)
        return "%.3g%s" % (x, unit)

    def ratio(a, b):
        if isinstance(a, float) and isinstance(b, float) and b > 0:
            return "%.1f×" % (a / b)
        if isinstance(a, str) and isinstance(b, float):
            return "> %.0f×" % (float(a.split(">")[1]) / b)
        return "–"

    print("### constraint: python-igraph vs sociogram (medians, seconds)\n")
    print("| graph | n runs | igraph Read_Ncol | igraph constraint() | ours read | ours compute (all Burt measures) | **compute ratio** | igraph process | ours process | **process ratio** | igraph peak RSS | ours peak RSS | graph B/edge |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for g in order:
        ic = med("igraph", g, "constraint_s")
        if ic is None:
            continue
        oc = med("ours", g, "constraint_s")
        ip = med("igraph", g, "process_constraint_s")
        op = med("ours", g, "process_constraint_s")
        n = len(vals.get(("igraph", g, "constraint_s"), []))
        ipk, opk = med("igraph", g, "peak_kb"), med("ours", g, "peak_kb")
        print("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            g, n, f(med("igraph", g, "read_s")), f(ic), f(med("ours", g, "read_s")), f(oc), ratio(ic, oc),
            f(ip), f(op), ratio(ip, op), f(ipk and ipk / 1024, " MiB"), f(opk and opk / 1024, " MiB"),
            f(med("ours", g, "graph_bytes_per_edge"))))
    print("\n### density: igraph transitivity_local_undirected() vs sociogram (compute, medians, seconds)\n")
    print("| graph | igraph transitivity_local_undirected | ours (all measures but ego betweenness) | ratio |")
    print("|---|---|---|---|")
    for g in order:
        it, oc = med("igraph", g, "transitivity_s"), med("ours", g, "constraint_s")
        if it is not None:
            print("| %s | %s | %s | %s |" % (g, f(it), f(oc), ratio(it, oc)))
    print("\n### all eleven measures (with ego betweenness), sociogram\n")
    print("| graph | process | compute | peak RSS |")
    print("|---|---|---|---|")
    for g in order:
        p = med("ours", g, "all_process_s")
        if p is not None:
            pk = med("ours", g, "all_peak_kb")
            print("| %s | %s | %s | %s |" % (g, f(p), f(med("ours", g, "all_compute_s")), f(pk / 1024 / 1024, " GiB")))
    print("\n### networkx vs sociogram (compute, seconds)\n")
    print("| graph | networkx effective_size | ours | **ratio** | networkx constraint | ours | ratio |")
    print("|---|---|---|---|---|---|---|")
    for g in order:
        ne = med("networkx", g, "effective_size_s")
        if ne is None:
            continue
        oe = med("ours", g, "effective_size_s")
        nc = med("networkx", g, "constraint_s")
        oc = med("ours", g, "constraint_s")
        print("| %s | %s | %s | %s | %s | %s | %s |" % (g, f(ne), f(oe), ratio(ne, oe), f(nc), f(oc), ratio(nc, oc)))


if __name__ == "__main__":
    main()
