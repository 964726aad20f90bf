# Times R laeken's at-risk-of-poverty rate by person group on the households written by
# bench/income.mjs, expanded to one row per person (the expansion is not timed: laeken needs person
# rows, povineq reads household rows).
#
# Usage: Rscript bench/income.R <dir> <n> <repetitions>
# <dir> holds n little-endian doubles per file: income.f64, weight.f64, children.f64,
# working.f64, pensioners.f64. Prints one JSON line with the best time and the rates (fractions).
suppressPackageStartupMessages(library(laeken))

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
n <- as.integer(args[2])
reps <- as.integer(args[3])
read_f64 <- function(name) {
  con <- file(file.path(dir, name), "rb")
  on.exit(close(con))
  readBin(con, "double", n = n, size = 8, endian = "little")
}
income <- read_f64("income.f64")
weight <- read_f64("weight.f64")
counts <- list(Children = read_f64("children.f64"), `Working-age adults` = read_f64("working.f64"),
               Pensioners = read_f64("pensioners.f64"))
# one row per person: household income and weight, person group
people <- do.call(rbind, lapply(names(counts), function(g) {
  k <- counts[[g]]
  data.frame(income = rep(income, k), weight = rep(weight, k), group = g)
}))
people$group <- factor(people$group)

best <- Inf
res <- NULL
for (r in seq_len(reps)) {
  gc(verbose = FALSE)
  t <- system.time(res <- arpr("income", weights = "weight", breakdown = "group", data = people))[["elapsed"]]
  best <- min(best, t)
}
by <- setNames(res$valueByStratum$value / 100, as.character(res$valueByStratum$stratum))
cat(sprintf(
  '{"seconds": %.6f, "persons": %d, "all": %.17g, "children": %.17g, "working": %.17g, "pensioners": %.17g, "threshold": %.17g, "laeken": "%s"}\n',
  best, nrow(people), res$value / 100, by[["Children"]], by[["Working-age adults"]], by[["Pensioners"]], res$threshold,
  as.character(packageVersion("laeken"))
))
