# brokerage.R: reference tables for measures.GouldFernandez from R sna::brokerage.
#
# Run from this directory:  Rscript brokerage.R
# Writes, for each case C:
#   C.edges.csv  source,target (1-based node numbers; undirected cases list each edge once)
#   C.nodes.csv  node,group
#   C.nli.csv    node,stat,w_I,w_O,b_IO,b_OI,b_O,t   stat in raw, exp, sd, z (per node)
#   C.gli.csv    stat,w_I,w_O,b_IO,b_OI,b_O,t         stat in raw, exp, sd, z (whole graph)
# Numbers are written with sprintf("%.17g"), so NaN and Inf appear as NaN, Inf, -Inf.
suppressMessages(library(sna))

fmt <- function(x) sprintf("%.17g", x)

write_case <- function(name, adj, cl, directed) {
  N <- nrow(adj)
  b <- brokerage(adj, cl)
  idx <- which(adj != 0, arr.ind = TRUE)
  if (!directed) idx <- idx[idx[, 1] < idx[, 2], , drop = FALSE]
  idx <- idx[order(idx[, 1], idx[, 2]), , drop = FALSE]
  writeLines(c("source,target", if (nrow(idx) > 0) paste(idx[, 1], idx[, 2], sep = ",")),
             paste0(name, ".edges.csv"))
  writeLines(c("node,group", paste(1:N, cl, sep = ",")), paste0(name, ".nodes.csv"))
  cols <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
  nli <- c(paste(c("node", "stat", cols), collapse = ","))
  for (s in c("raw", "exp", "sd", "z")) {
    m <- b[[paste0(s, ".nli")]]
    for (i in 1:N) nli <- c(nli, paste(c(i, s, fmt(m[i, ])), collapse = ","))
  }
  writeLines(nli, paste0(name, ".nli.csv"))
  gli <- c(paste(c("stat", cols), collapse = ","))
  for (s in c("raw", "exp", "sd", "z")) {
    gli <- c(gli, paste(c(s, fmt(b[[paste0(s, ".gli")]])), collapse = ","))
  }
  writeLines(gli, paste0(name, ".gli.csv"))
}

random_digraph <- function(seed, N, p) {
  set.seed(seed)
  m <- matrix(rbinom(N * N, 1, p), N, N)
  diag(m) <- 0
  m
}

random_groups <- function(seed, N, k) {
  set.seed(seed)
  sample(LETTERS[1:k], N, replace = TRUE)
}

# 1. A path a->b->c with groups A A B: one representative (b_IO) two-path.
path <- matrix(0, 3, 3); path[1, 2] <- 1; path[2, 3] <- 1
write_case("path3", path, c("A", "A", "B"), TRUE)

# 2-3. Random directed graphs, three and four groups.
write_case("dir10", random_digraph(101, 10, 0.3), random_groups(201, 10, 3), TRUE)
write_case("dir15", random_digraph(102, 15, 0.2), random_groups(202, 15, 4), TRUE)

# 4. Random directed graph whose last node is an isolate.
iso <- random_digraph(103, 9, 0.35); iso[9, ] <- 0; iso[, 9] <- 0
write_case("isolate9", iso, random_groups(203, 9, 3), TRUE)

# 5. Random directed graph with one group of a single member (node 1 is group Z).
single <- random_digraph(104, 10, 0.3)
cl <- random_groups(204, 10, 2); cl[1] <- "Z"
write_case("singleton10", single, cl, TRUE)

# 6. Random undirected graph (symmetric adjacency matrix), three groups.
u <- random_digraph(105, 12, 0.25); u[lower.tri(u)] <- 0; u <- u + t(u)
write_case("undir12", u, random_groups(205, 12, 3), FALSE)

cat("R", R.version.string, "\nsna", as.character(packageVersion("sna")), "\n")
