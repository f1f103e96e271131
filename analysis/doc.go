// Package analysis holds study-level statistics computed from many ego
// networks at once, on top of the per-ego measures of package measures
// (which never imports this package):
//
//   - alter tables: one row per alter with the ego's attributes joined, for
//     multilevel models of alters nested in egos (lme4, statsmodels MixedLM);
//   - group comparisons of ego-level measures (or their change between two
//     waves) with effect sizes and parametric and rank tests;
//   - network typologies: Ward clustering or k-means on z-scored measures,
//     with silhouettes;
//   - goal attainment (GAS).
//
// The statistics are built on gonum's stat and stat/distuv packages, and
// every test statistic is documented with the R call it agrees with.
//
// # Overview
//
//	what                    function        agrees with (R 4.2.2)                         undefined (NaN)
//	alter table             Alters          igraph/networkx betweenness (by hand)          betweenness_norm n < 3
//	Hedges' g, 95% CI       HedgesG         Borenstein et al. 2009 eqs. 4.18–4.24 (hand)    S_within = 0, n_a+n_b < 3
//	Welch t                 Welch           t.test(a, b, var.equal = FALSE)                n < 2 in a group, constant
//	Mann–Whitney W          MannWhitney     wilcox.test(a, b, exact = FALSE)               empty group; p: all tied
//	one-way ANOVA, η²       OneWay          summary(aov(x ~ g))                            k < 2, N ≤ k, SS_within = 0
//	Kruskal–Wallis H        KruskalWallis   kruskal.test(x, g)                             k < 2, all tied
//	paired change           PairedChange    t.test(paired = TRUE), wilcox.test(paired = TRUE, exact = FALSE)
//	groups table            Groups          (the above per measure, wave or change)
//	Ward's tree             Ward, Tree.Cut  hclust(d, "ward.D2"), cutree                   —
//	silhouette widths       Silhouette      cluster::silhouette (cluster 2.1.4)            K = 1
//	typology                Types, ChooseK  scale, dist, hclust/cutree, silhouette         a missing measure: type 0
//
// The reference values, the R script and R's version are in testdata
// (see testdata/README.md); the tests read them, so CI does not need R.
// Where R stops with an error (e.g. t.test on a group of one) the result is
// NaN, written NA in tables.
package analysis
