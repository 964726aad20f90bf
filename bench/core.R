# Times R laeken's trio (gini + arpr + qsr) on the incomes written by bench/core.mjs.
#
# Usage: Rscript bench/core.R <values.f64> <weights.f64> <n> <repetitions>
# The files hold n little-endian doubles each. Reading them is not timed. Prints one JSON line:
# {"seconds": best elapsed time of the trio, "cpu": best user + system CPU time, "arprSeconds" and
# "arprCpu": the same for arpr alone, "unweightedSeconds", "unweightedCpu" and "unweighted": arpr on
# the values alone, "gini": ..., "arpr": ..., "qsr": ..., "laeken": version}
# with gini and arpr as fractions (laeken reports percent).
suppressPackageStartupMessages(library(laeken))

args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[3])
reps <- as.integer(args[4])
read_f64 <- function(path) {
  con <- file(path, "rb")
  on.exit(close(con))
  readBin(con, "double", n = n, size = 8, endian = "little")
}
x <- read_f64(args[1])
w <- read_f64(args[2])
stopifnot(length(x) == n, length(w) == n)

trio <- function() {
  list(
    gini = gini(x, w)$value,
    arpr = arpr(x, w)$value,
    qsr = qsr(x, w)$value
  )
}

best <- Inf
best_cpu <- Inf
res <- NULL
for (r in seq_len(reps)) {
  gc(verbose = FALSE)
  t <- system.time(res <- trio())
  best <- min(best, t[["elapsed"]])
  best_cpu <- min(best_cpu, t[["user.self"]] + t[["sys.self"]])
}

# arpr alone, as a user calls it on raw columns
arpr_best <- Inf
arpr_cpu <- Inf
for (r in seq_len(reps)) {
  gc(verbose = FALSE)
  t <- system.time(a <- arpr(x, w)$value)
  arpr_best <- min(arpr_best, t[["elapsed"]])
  arpr_cpu <- min(arpr_cpu, t[["user.self"]] + t[["sys.self"]])
}

# arpr alone on the value column without weights
unweighted_best <- Inf
unweighted_cpu <- Inf
for (r in seq_len(reps)) {
  gc(verbose = FALSE)
  t <- system.time(u <- arpr(x)$value)
  unweighted_best <- min(unweighted_best, t[["elapsed"]])
  unweighted_cpu <- min(unweighted_cpu, t[["user.self"]] + t[["sys.self"]])
}

cat(sprintf(
  '{"seconds": %.6f, "cpu": %.6f, "arprSeconds": %.6f, "arprCpu": %.6f, "unweightedSeconds": %.6f, "unweightedCpu": %.6f, "unweighted": %.17g, "gini": %.17g, "arpr": %.17g, "qsr": %.17g, "laeken": "%s", "r": "%s"}\n',
  best, best_cpu, arpr_best, arpr_cpu, unweighted_best, unweighted_cpu, u / 100, res$gini / 100, res$arpr / 100, res$qsr,
  as.character(packageVersion("laeken")), paste(R.version$major, R.version$minor, sep = ".")
))
