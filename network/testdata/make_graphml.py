#!/usr/bin/python3
"""Write the reference GraphML (and Pajek) files in this directory with networkx and
igraph (Debian's python3-networkx and python3-igraph), and check that GraphML
written by sociogram reads back in both.

    /usr/bin/python3 make_graphml.py           # (re)write the reference files
    /usr/bin/python3 make_graphml.py check F.. # read sociogram's files back

The Go tests in ../graphml_test.go read the reference files and check the
values written here; keep the two in step.
"""
import sys

import igraph
import networkx as nx


def networkx_files():
    # Undirected, weighted, typed node attributes, a key default, an isolate
    # and a self-loop (which sociogram drops and counts).
    g = nx.Graph(name="nx-undirected")
    g.add_node("a", label="Ann", age=34, score=1.5, member=True)
    g.add_node("b", label="Bob", age=51, score=2.25, member=False)
    g.add_node("c", label="Cid", age=29, member=True)  # no score: missing
    g.add_node("d", label="Dee", age=40, score=0.5, member=False)
    g.add_node("iso", label="Isolate", age=77, score=3.0, member=False)
    g.add_edge("a", "b", weight=2.5)
    g.add_edge("a", "c", weight=1.0)
    g.add_edge("b", "c", weight=0.25)
    g.add_edge("c", "d", weight=4.0)
    g.add_edge("d", "d", weight=1.0)  # self-loop
    # A default value for a node key: networkx writes it as <default>.
    g.graph["node_default"] = {"colour": "grey"}
    g.nodes["a"]["colour"] = "red"
    nx.write_graphml(g, "networkx_undirected.graphml")

    d = nx.DiGraph()
    d.add_edge("x", "y", weight=1.5)
    d.add_edge("y", "x", weight=0.5)
    d.add_edge("y", "z", weight=2.0)
    d.add_node("w")  # isolate
    nx.write_graphml(d, "networkx_directed.graphml")
    # Pajek .net: networkx writes *vertices / *arcs with weights.
    nx.write_pajek(d, "networkx_directed.net")


def igraph_files():
    # Undirected, weighted, with a duplicate edge (merged by sociogram,
    # weights summed), an isolate and a missing numeric value (igraph writes
    # NaN).
    g = igraph.Graph(n=5, edges=[(0, 1), (1, 2), (0, 2), (2, 3), (0, 1)], directed=False)
    g.vs["name"] = ["p1", "p2", "p3", "p4", "p5"]
    g.vs["age"] = [20, 30, float("nan"), 50, 60]
    g.vs["group"] = ["x", "y", "x", "y", "z"]
    g.vs["member"] = [True, False, True, True, False]
    g.es["weight"] = [1.0, 2.0, 3.0, 0.5, 4.0]
    g["title"] = "ig-undirected"
    g.write_graphml("igraph_undirected.graphml")

    d = igraph.Graph(n=3, edges=[(0, 1), (1, 2), (2, 0), (1, 0)], directed=True)
    d.vs["name"] = ["u", "v", "w"]
    d.es["weight"] = [1, 2, 3, 4]
    d.write_graphml("igraph_directed.graphml")

    # Pajek .net from the same undirected graph (igraph writes *Vertices with
    # quoted names and *Edges with weights).
    g.write_pajek("igraph_undirected.net")


def check(paths):
    for p in paths:
        g = nx.read_graphml(p)
        ig = igraph.Graph.Read_GraphML(p)
        print(f"{p}: networkx {type(g).__name__} nodes={g.number_of_nodes()} edges={g.number_of_edges()} "
              f"graph={g.graph}; igraph directed={ig.is_directed()} nodes={ig.vcount()} edges={ig.ecount()} "
              f"vertex attrs={sorted(ig.vs.attributes())} edge attrs={sorted(ig.es.attributes())}")
        for n, data in list(g.nodes(data=True))[:3]:
            print(f"  networkx node {n}: {data}")
        for u, v, data in list(g.edges(data=True))[:3]:
            print(f"  networkx edge {u}-{v}: {data}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "check":
        check(sys.argv[2:])
    else:
        print("networkx", nx.__version__, "igraph", igraph.__version__)
        networkx_files()
        igraph_files()
