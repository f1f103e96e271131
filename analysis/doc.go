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
package analysis
