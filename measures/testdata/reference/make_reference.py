#!/usr/bin/python3
"""Reference tables for the structural measures of package measures.

Run from this directory with Debian's python3 (networkx 2.8.8,
python-igraph 0.10.2):

    /usr/bin/python3 make_reference.py

It writes, for each graph NAME below:

  NAME.edges.csv            source,target[,weight]   (the input)
  NAME.nodes.csv            id                       (every node, so isolates exist)
  NAME.networkx.csv         per node: size, ties, density, components,
                            isolates, effective_size, efficiency, constraint,
                            ego_betweenness (networkx calls below)
  NAME.local_constraint.csv u,v,local_constraint for every ordered neighbour pair
  NAME.igraph.csv           per node: constraint, transitivity_local_undirected
                            (undirected graphs only for the latter)

and for the survey studies STUDY (egor "threefiles" tables, measures of each
ego's own ego graph, ego tied to every alter):

  STUDY.egos.csv, STUDY.alters.csv, STUDY.aaties.csv   (the input)
  STUDY.networkx.csv        per ego: the same columns as above

Undefined values are written NA. Floats are written with repr(), the
shortest text that reads back as the same double.
"""

import csv
import math
import os
import random
import sys

# networkx 2.8.8 sums constraint and effective size over Python sets of
# node names, whose order depends on the string hash seed; without a fixed
# seed, reruns differ in the last bit or two (relative 1e-15). Re-run
# ourselves with PYTHONHASHSEED=0 so the tables are byte-for-byte
# reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import igraph
import networkx as nx

NA = "NA"


def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return NA
    if isinstance(x, float) and x == int(x) and abs(x) < 2**53:
        return str(int(x))
    return repr(x)


def alters_of(G, v):
    """N(v): in- and out-neighbours, self excluded."""
    return set(nx.all_neighbors(G, v)) - {v}


def node_row(G, v, weight):
    """The networkx reference values of node v of G (whole-network model)."""
    N = alters_of(G, v)
    n = len(N)
    H = G.subgraph(N)  # alters only, ego removed
    ties = H.number_of_edges()
    # nx.density returns 0 for fewer than two nodes; SPEC says NA.
    density = nx.density(H) if n >= 2 else float("nan")
    if n == 0:
        components = 0
    elif G.is_directed():
        components = nx.number_weakly_connected_components(H)
    else:
        components = nx.number_connected_components(H)
    isolates = nx.number_of_isolates(H)
    es = nx.effective_size(G, nodes=[v], weight=weight)[v]
    con = nx.constraint(G, nodes=[v], weight=weight)[v]
    eff = es / n if n > 0 and not math.isnan(es) else float("nan")
    # Ego betweenness (Everett & Borgatti 2005): betweenness of v in its
    # first-order ego network (in- and out-neighbours), ties by presence.
    E = nx.ego_graph(G, v, radius=1, undirected=True)
    eb = nx.betweenness_centrality(E, normalized=False, weight=None)[v]
    return [n, ties, density, components, isolates, es, eff, con, eb]


COLUMNS = ["size", "ties", "density", "components", "isolates",
           "effective_size", "efficiency", "constraint", "ego_betweenness"]


def write_graph(name, G, weight):
    nodes = list(G.nodes())
    with open(name + ".edges.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target"] + (["weight"] if weight else []))
        for u, v, d in G.edges(data=True):
            w.writerow([u, v] + ([fmt(float(d[weight]))] if weight else []))
    with open(name + ".nodes.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id"])
        for v in nodes:
            w.writerow([v])
    with open(name + ".networkx.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["node"] + COLUMNS)
        for v in nodes:
            w.writerow([v] + [fmt(float(x)) for x in node_row(G, v, weight)])
    with open(name + ".local_constraint.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["u", "v", "local_constraint"])
        for u in nodes:
            for v in sorted(alters_of(G, u)):
                w.writerow([u, v, fmt(nx.local_constraint(G, u, v, weight=weight))])
    # igraph: same nodes in the same order.
    index = {v: i for i, v in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), directed=G.is_directed())
    ig.add_edges([(index[u], index[v]) for u, v in G.edges()])
    ws = [float(d[weight]) for _, _, d in G.edges(data=True)] if weight else None
    con = ig.constraint(weights=ws)
    trans = None if G.is_directed() else ig.transitivity_local_undirected(mode="nan")
    with open(name + ".igraph.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["node", "constraint", "transitivity_local_undirected"])
        for i, v in enumerate(nodes):
            w.writerow([v, fmt(con[i]), NA if trans is None else fmt(trans[i])])


def labelled(G, prefix):
    return nx.relabel_nodes(G, {v: f"{prefix}{v}" for v in G.nodes()})


def graphs():
    # Borgatti (1997), Connections 20(1), the example of networkx's
    # test_structuralholes.py, unweighted and with its weights.
    edges = [("A", "B", 2), ("A", "F", 3), ("A", "G", 5), ("A", "E", 2), ("E", "G", 8),
             ("F", "G", 3), ("B", "G", 4), ("B", "D", 1), ("D", "G", 3), ("G", "C", 10)]
    B = nx.Graph()
    B.add_weighted_edges_from(edges)
    yield "borgatti", B, None
    yield "borgatti_weighted", B, "weight"
    # networkx's directed test graph, unweighted and weighted.
    D = nx.DiGraph()
    D.add_weighted_edges_from([(0, 1, 2), (0, 2, 2), (1, 0, 1), (2, 1, 1)])
    D = labelled(D, "d")
    yield "nx_directed", D, None
    yield "nx_directed_weighted", D, "weight"
    K = nx.Graph(labelled(nx.karate_club_graph(), "k").edges())
    yield "karate", K, None
    yield "florentine", nx.florentine_families_graph(), None
    rng = random.Random(11)
    W = labelled(nx.gnm_random_graph(80, 300, seed=11), "w")
    for u, v in W.edges():
        W[u][v]["weight"] = round(rng.uniform(0.1, 5), 3)
    yield "random_weighted", W, "weight"
    yield "random_directed", labelled(nx.gnm_random_graph(60, 300, seed=12, directed=True), "r"), None
    rng = random.Random(13)
    DW = labelled(nx.gnm_random_graph(40, 160, seed=13, directed=True), "q")
    for u, v in DW.edges():
        DW[u][v]["weight"] = rng.choice([0.5, 1, 2, 3.25, 4])
    yield "random_directed_weighted", DW, "weight"
    yield "sparse_isolates", labelled(nx.gnp_random_graph(400, 0.006, seed=14), "s"), None


def write_study(name, seed, egos, directed):
    """A random survey study with ego–alter weights, weighted alter–alter
    ties, a few self ties and duplicate ties (the reader drops and merges
    them; the reference does the same: weights summed), zero- and
    one-alter egos."""
    rng = random.Random(seed)
    rows_e, rows_a, rows_t = [], [], []
    ref = []
    for e in range(egos):
        ego = f"e{e:03d}"
        rows_e.append([ego])
        n = [0, 1, 2][e] if e < 3 else rng.randint(0, 14)
        alters = [f"a{k}" for k in range(n)]
        aw = {a: rng.choice([1, 2, 3, 4, 5]) for a in alters}
        for a in alters:
            rows_a.append([ego, a, aw[a]])
        ties = {}
        for _ in range(rng.randint(0, n * (n - 1) // 2 + 2) if n else 0):
            s, t = rng.choice(alters), rng.choice(alters)
            w = rng.choice([1, 2, 3])
            rows_t.append([ego, s, t, w])
            if s == t:
                continue
            key = (s, t) if directed or s < t else (t, s)
            ties[key] = ties.get(key, 0) + w
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_node("EGO")
        for a in alters:
            G.add_edge("EGO", a, weight=aw[a])
            if directed:
                G.add_edge(a, "EGO", weight=aw[a])
        for (s, t), w in ties.items():
            G.add_edge(s, t, weight=w)
        ref.append([ego] + node_row(G, "EGO", "weight"))
    for suffix, header, rows in [("egos", ["egoID"], rows_e),
                                 ("alters", ["egoID", "alterID", "closeness"], rows_a),
                                 ("aaties", ["egoID", "Source", "Target", "weight"], rows_t)]:
        with open(f"{name}.{suffix}.csv", "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
    with open(name + ".networkx.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["egoID"] + COLUMNS)
        for r in ref:
            w.writerow([r[0]] + [fmt(float(x)) for x in r[1:]])


if __name__ == "__main__":
    for name, G, weight in graphs():
        write_graph(name, G, weight)
    write_study("study", 21, 120, directed=False)
    write_study("study_directed", 22, 80, directed=True)
    print("networkx", nx.__version__, "igraph", igraph.__version__)
