# Times the R side of bench/area.mjs on the data it writes (reading is not timed).
#
# Usage: Rscript bench/area.R <dir> <repetitions>
# <dir> holds y.f64, x.f64, w.f64 (n doubles each; the concentration-index sample) and zones.csv
# (group, population, count: the SIMD data zones). Prints one JSON line with best times and values:
#   sii: aggregate to groups, ridits, lm(rate ~ rank, weights = population), confint
#   concentration: weighted fractional ranks (ties share their midpoint) and 2 cov_w(y, R) / mu
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
reps <- as.integer(args[2])
n <- file.info(file.path(dir, "y.f64"))$size / 8
rd <- function(f) { con <- file(file.path(dir, f), "rb"); on.exit(close(con)); readBin(con, "double", n = n, size = 8, endian = "little") }
y <- rd("y.f64"); x <- rd("x.f64"); w <- rd("w.f64")
z <- read.csv(file.path(dir, "zones.csv"))

sii_r <- function() {
  P <- tapply(z$population, z$group, sum)
  E <- tapply(z$count, z$group, sum)
  share <- P / sum(P)
  g <- data.frame(rate = E / P, rank = cumsum(share) - share / 2, population = P)
  fit <- lm(rate ~ rank, data = g, weights = population)
  c(sii = -unname(coef(fit)[2]), confint(fit, "rank")[1, ])
}
conc_r <- function() {
  o <- order(x)
  xs <- x[o]; ws <- w[o]; ys <- y[o]
  W <- sum(ws)
  first <- !duplicated(xs)
  block <- cumsum(first)
  bw <- as.numeric(tapply(ws, block, sum))
  R <- ((cumsum(bw) - bw / 2) / W)[block]
  mu <- sum(ws * ys) / W
  2 * sum(ws * (ys - mu) * (R - 0.5)) / W / mu
}
best <- function(f) { t <- Inf; for (i in seq_len(reps)) { s <- system.time(v <- f())[["elapsed"]]; t <- min(t, s) }; list(t = t, v = v) }
a <- best(sii_r); b <- best(conc_r)
cat(sprintf('{"sii_seconds": %.6f, "sii": %.17g, "concentration_seconds": %.6f, "concentration": %.17g}\n', a$t, a$v[[1]], b$t, b$v))
