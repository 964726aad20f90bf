# Reference values for test/decompose/source.test.ts: Lerman–Yitzhaki Gini by income source on the
# laeken EU-SILC example (person-level income components, weights rb050).
# The total Gini and each source's own Gini come from laeken::gini (an established implementation);
# the Gini correlations and contributions from the covariance formula with weighted mid-ranks,
# written here independently of povineq.
# Run: Rscript test/reference/gini-by-source.R > test/fixtures/gini-by-source.json
suppressMessages(library(laeken))
d <- read.csv("datasets/eusilc_laeken_synthetic.csv")
sources <- c("py010n", "py050n", "py090n", "py100n")
# children have no personal income components (NA): the test drops them with { missing: 'drop' }
d <- d[complete.cases(d[, sources]), ]
# summed left to right in double precision, as povineq does (rowSums accumulates in long double,
# which can split ties of total income differently)
y <- Reduce(`+`, d[, sources])
w <- d$rb050
W <- sum(w)
midrank <- function(x) {
  o <- order(x)
  cw <- cumsum(w[o])
  below <- cw - w[o]
  # ties (exactly equal values) share the mid-rank of their block; blocks by exact equality, not
  # by ave()'s factor of x, which rounds doubles to 15 significant digits
  block <- cumsum(c(TRUE, diff(x[o]) != 0))
  Fm <- ((ave(below, block, FUN = min)) + ave(w[o], block, FUN = sum) / 2) / W
  out <- numeric(length(x)); out[o] <- Fm; out
}
wcov <- function(a, F) sum(w * a * F) / W - sum(w * a) / W / 2
F <- midrank(y)
mu <- sum(w * y) / W
res <- lapply(sources, function(s) {
  a <- d[[s]]
  muk <- sum(w * a) / W
  Fk <- midrank(a)
  list(source = s,
       income_share = muk / mu,
       gini_laeken = gini(a, weights = w)$value / 100,
       gini = 2 * wcov(a, Fk) / muk,
       gini_correlation = wcov(a, F) / wcov(a, Fk),
       contribution = 2 * wcov(a, F) / mu)
})
out <- list(
  note = "laeken 0.5.x gini() on total and on each source (percent / 100); LY terms by weighted mid-rank covariances",
  total_gini_laeken = gini(y, weights = w)$value / 100,
  sources = res)
cat(paste0('{"note":"', out$note, '","total_gini_laeken":', sprintf("%.17g", out$total_gini_laeken), ',"sources":[',
  paste(sapply(res, function(r) sprintf('{"source":"%s","income_share":%.17g,"gini_laeken":%.17g,"gini":%.17g,"gini_correlation":%.17g,"contribution":%.17g}',
    r$source, r$income_share, r$gini_laeken, r$gini, r$gini_correlation, r$contribution)), collapse = ","), "]}\n"))
