# Reference values for package analysis (group comparisons and typologies).
# Run from analysis/testdata:  Rscript reference.R
# Needs R (r-base) and cluster (r-cran-cluster). Writes r_*.csv and R-version.txt.
library(cluster)
na <- function(expr) tryCatch(expr, error = function(e) NA_real_)
fmt <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))
writeTab <- function(df, file) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) fmt(col) else col)
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}

g <- read.csv("groups.csv", stringsAsFactors = FALSE, na.strings = "NA")
rows <- list()
for (cs in unique(g$case)) {
  d <- na.omit(g[g$case == cs, ])
  groups <- sort(unique(d$group))
  f <- factor(d$group, levels = groups)
  # One-way ANOVA from aov (oneway.test(var.equal = TRUE) gives the same F
  # and p but stops on a group of one). ss_between and ss_within are
  # written too: for constant data they are rounding noise (~1e-30) and
  # the Go code reports F, p and eta2 as NA there.
  an <- na(summary(aov(value ~ f, data = d))[[1]])
  ss <- if (is.list(an)) an[["Sum Sq"]] else NA
  two <- length(ss) == 2
  anova_f <- if (two) an[["F value"]][1] else NA
  anova_p <- if (two) an[["Pr(>F)"]][1] else NA
  eta2 <- if (two) ss[1] / sum(ss) else NA
  ss_between <- if (two) ss[1] else NA
  ss_within <- if (two) ss[2] else NA
  kw <- na(kruskal.test(value ~ f, data = d))
  for (i in seq_along(groups)) for (j in seq_along(groups)) if (i < j) {
    a <- d$value[d$group == groups[i]]; b <- d$value[d$group == groups[j]]
    tt <- na(t.test(a, b, var.equal = FALSE))
    wt <- na(suppressWarnings(wilcox.test(a, b, exact = FALSE, correct = TRUE)))
    rows[[length(rows) + 1]] <- data.frame(case = cs, group_a = groups[i], group_b = groups[j],
      n_a = length(a), n_b = length(b), mean_a = mean(a), mean_b = mean(b), sd_a = sd(a), sd_b = sd(b),
      welch_t = if (is.list(tt)) tt$statistic else NA, welch_df = if (is.list(tt)) tt$parameter else NA,
      welch_p = if (is.list(tt)) tt$p.value else NA,
      mw_w = if (is.list(wt)) wt$statistic else NA, mw_p = if (is.list(wt)) wt$p.value else NA,
      anova_f = anova_f, anova_p = anova_p, eta2 = eta2, ss_between = ss_between, ss_within = ss_within,
      kw_h = if (is.list(kw)) kw$statistic else NA, kw_p = if (is.list(kw)) kw$p.value else NA)
  }
}
writeTab(do.call(rbind, rows), "r_groups.csv")

p <- read.csv("paired.csv", stringsAsFactors = FALSE)
rows <- list()
for (cs in unique(p$case)) {
  d <- p$d[p$case == cs]
  before <- rep(10, length(d)); after <- before + d
  tt <- na(t.test(after, before, paired = TRUE))
  wt <- na(suppressWarnings(wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = TRUE)))
  rows[[length(rows) + 1]] <- data.frame(case = cs, n = length(d), mean = mean(d),
    low = if (is.list(tt)) tt$conf.int[1] else NA, high = if (is.list(tt)) tt$conf.int[2] else NA,
    t = if (is.list(tt)) tt$statistic else NA, df = if (is.list(tt)) tt$parameter else NA,
    p = if (is.list(tt)) tt$p.value else NA,
    v = if (is.list(wt)) wt$statistic else NA, p_w = if (is.list(wt)) wt$p.value else NA)
}
writeTab(do.call(rbind, rows), "r_paired.csv")

ty <- read.csv("types.csv", stringsAsFactors = FALSE)
tree <- list(); cut <- list()
for (cs in unique(ty$case)) {
  d <- ty[ty$case == cs, ]
  z <- scale(as.matrix(d[, c("x1", "x2", "x3")]))
  dd <- dist(z)
  h <- hclust(dd, method = "ward.D2")
  tree[[cs]] <- data.frame(case = cs, step = seq_along(h$height), merge1 = h$merge[, 1], merge2 = h$merge[, 2],
    height = h$height, order = h$order[-1])
  tree[[paste0(cs, "_first")]] <- data.frame(case = cs, step = 0, merge1 = NA, merge2 = NA, height = NA, order = h$order[1])
  for (k in 2:4) {
    cl <- cutree(h, k)
    s <- silhouette(cl, dd)
    cut[[paste(cs, k)]] <- data.frame(case = cs, k = k, id = d$id, type = cl, silhouette = s[, "sil_width"])
  }
}
tr <- do.call(rbind, tree); tr <- tr[order(tr$case, tr$step), ]
writeTab(tr, "r_ward.csv")
writeTab(do.call(rbind, cut), "r_types.csv")
writeLines(c(R.version.string, paste("cluster", packageVersion("cluster"))), "R-version.txt")
