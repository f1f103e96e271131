// Package allnodes computes sociogram's all-nodes ego measures (every node
// of a whole network taken as an ego, the whole-network model of
// sociogram nodes and measures.AllNodes) as an Apache Beam pipeline, by
// joins, so that a graph larger than one machine can be measured on a
// distributed engine (Flink, Spark, Dataflow) or on Beam's local runner
// (prism).
//
// The pipeline reads an undirected edge list CSV (source,target[,weight],
// the conventions of sociogram nodes --edges), merges duplicate ties
// (weights summed) and drops self-loops, then:
//
//  1. sums each node's ties (degree, strength S, largest weight M);
//  2. joins each node's sums onto its edges, the keys of high-degree nodes
//     split into salted sub-keys so that no worker gets a hub's whole
//     neighbour list;
//  3. orients each edge from its lower-ranked end (rank: degree, then
//     label) and groups the forward lists, whose length is at most √(2m),
//     the forward triangle listing of Schank & Wagner (2005,
//     doi:10.1007/11427186_54);
//  4. joins each wedge q–j–r of a forward list onto the edge q–r: every
//     triangle is found once, and adds to the two alter slots of each of
//     its three egos the 2-hop terms of Burt's sums, indirect_ij += p_iq
//     p_qj and red_ij += p_iq m_jq (p_iq = w_iq/S_i, m_jq = w_jq/M_j);
//  5. combines each ego's slots (one per neighbour) into constraint,
//     effective size and hierarchy, and the triangles into ties, density,
//     components and isolates among the alters (a union–find accumulator);
//  6. for ego betweenness, counts for each pair of alters of an ego the
//     alters tied to both (2-paths through an alter) and adds 1/(1 + c_jk)
//     − 1 for each non-adjacent pair to the brokerage count.
//
// The result is the table sociogram nodes writes (node, then one column
// per measure, the same names, order and number formatting), written by
// the library's own table writer in a final step. The measures are the
// fifteen structural ones of measures.Stats: size, ties, density,
// components, isolates, effective_size, efficiency, constraint,
// hierarchy, ego_betweenness, brokerage, weighted_density, redundancy,
// ego_betweenness_norm and brokerage_norm. Compositional measures (they
// need node attributes) and directed graphs are not computed; see the
// README beside this package for why and for the cost of each measure in
// shuffles.
package allnodes
