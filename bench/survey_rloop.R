# The R baseline of issue 17 item 5: Burt's constraint of every ego of a
# three-table study, one igraph graph per ego, as egor's as_igraph builds
# them (egor 1.23's as_igraph(include.ego = TRUE): the ego tied to every
# alter, the alter-alter ties with their weights), constraint only.
#
#   Rscript bench/survey_rloop.R DIR OUT.csv
#
# DIR holds egos.csv, alters.csv, aaties.csv as bench/gen -kind survey
# writes them (columns egoID; egoID, alterID; egoID, Source, Target,
# weight). R 4.2.2, igraph 1.3.5. Prints the wall time of the loop alone
# (reading the files included) to stderr.
suppressPackageStartupMessages(library(igraph))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
t0 <- proc.time()[["elapsed"]]
egos <- read.csv(file.path(dir, "egos.csv"), stringsAsFactors = FALSE)
alters <- read.csv(file.path(dir, "alters.csv"), stringsAsFactors = FALSE)
ties <- read.csv(file.path(dir, "aaties.csv"), stringsAsFactors = FALSE)
alters_by <- split(alters$alterID, factor(alters$egoID, levels = egos$egoID))
ties_by <- split(ties[c("Source", "Target", "weight")], factor(ties$egoID, levels = egos$egoID))
out <- numeric(nrow(egos))
for (i in seq_len(nrow(egos))) {
  ego <- egos$egoID[i]
  a <- alters_by[[i]]
  t <- ties_by[[i]]
  t <- t[t$Source != t$Target, , drop = FALSE]
  el <- rbind(data.frame(Source = rep(".ego", length(a)), Target = a, weight = rep(1, length(a))), t)
  g <- graph_from_data_frame(el, directed = FALSE, vertices = data.frame(name = c(".ego", a)))
  g <- simplify(g, edge.attr.comb = list(weight = "sum"))
  out[i] <- if (length(a) == 0) NaN else constraint(g, nodes = ".ego", weights = E(g)$weight)
}
el <- proc.time()[["elapsed"]] - t0
write.csv(data.frame(egoID = egos$egoID, constraint = out), args[2], row.names = FALSE)
message(sprintf("egos %d wall_s %.2f", nrow(egos), el))
