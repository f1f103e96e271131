// Package network holds the data model of sociogram: survey ego networks
// (Dataset, EgoNet) and whole networks (Graph), with readers and writers for
// the file formats researchers use.
//
// # Survey ego networks
//
// A Dataset is a study: many EgoNets, each one ego with its alters, the
// ego–alter ties (every alter is tied to its ego, optionally weighted), and
// the ties among alters (undirected by default, optionally directed and
// weighted). Egos, alters and ties carry attributes aligned with the
// dataset's Schemas; a Value is categorical Text, a Number, or Missing. The
// same ego may appear in several waves (time points). Egos with no alters
// keep their place. A DatasetBuilder checks every row as it is added, so
// everything downstream can trust the data: after Build there are no
// self-ties, no duplicate ties (they are merged, weights summed, and counted),
// every tie joins two alters of its ego, and every weight is finite and
// non-negative.
//
// Alters need not be people: the alter attribute "type" holds a node
// type (person, place, activity, organisation, or a study's own; NodeType,
// NodeTypeSet, EgoNet.OfNodeTypes), and the tie attribute "type" a tie's
// types, several joined with "|" (TieTypes; SelectTieType keeps the ties
// of one type). ApplyTieRule turns a valued alter-pair answer into ties
// (EgoWeb's adjacency definition).
//
// # Whole networks
//
// A Graph is a compact, immutable graph in compressed sparse rows: sorted
// neighbour lists of 4-byte indices (8 bytes per undirected edge; weights add
// 8 or 16 bytes per edge), with string labels and node attributes. Node
// indices are ints, 0..Order()−1. A Graph is handed to gonum's algorithms
// through one of two views that say how its ties are read: AsUndirected (a
// directed graph's weak projection, arcs both ways merged) satisfies
// graph.WeightedUndirected, AsDirected (an undirected edge as two arcs)
// graph.WeightedDirected; both pass gonum's graph/testgraph conformance
// tests. FromGonum builds a Graph from any gonum graph. Extract gives the ego network of radius k of
// any node (igraph make_ego_graph, networkx ego_graph), and EgoNetOf turns a
// node's neighbourhood into an EgoNet. An EgoNet's Graph method gives the
// ego network as a Graph, the ego included.
//
// # Files
//
// Readers return the model, a Report of what they merged, dropped or
// repaired, and an error that names the file, line and problem (a
// *ParseError wrapping one of the sentinel errors). Any input may be gzip
// compressed; a UTF-8 byte-order mark and CRLF line ends are accepted.
//
//   - Ego CSV, egor's three tables: ReadEgoCSV, WriteEgoCSVDir; for
//     studies too large to hold, StreamEgoCSV (one EgoNet at a time) and
//     StreamEgoGraphs (each ego's structure alone, EgoGraph, in reused
//     memory).
//   - Edge list CSV with an optional node CSV: ReadEdgeList, WriteEdgeList.
//   - GraphML (networkx, igraph, Gephi, yEd, Network Canvas), read by a
//     streaming XML decoder with limits on nesting depth and token size: a
//     whole network with ReadGraphML and WriteGraphML; survey ego networks,
//     one <graph> per ego with the ego's data at graph level and the alters
//     as nodes, with ReadGraphMLDataset (a file or a directory) and
//     WriteGraphMLDatasetDir (one file per ego). IsGraphMLDataset tells the two
//     apart.
//   - Network Canvas CSV export (per-interview ego, attributeList_TYPE and
//     edgeList_TYPE files): ReadNetCanvas.
//   - Pajek .net: ReadPajek.
package network
