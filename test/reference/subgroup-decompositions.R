# Reference values for test/decompose/eusilc.test.ts: subgroup decompositions on the laeken EU-SILC
# example (eqIncome, weights rb050, groups db040 = region), written independently of povineq.
# - Gini: total and each region's Gini from laeken::gini; between-group Gini from the pairwise formula
#   over region means; within = sum f_g s_g G_g.
# - Theil and MLD: plain weighted sums in R (positive incomes only: eqIncome > 0).
# - Headcount by region at the national at-risk-of-poverty threshold: laeken::arpr(breakdown = "db040").
# Run: Rscript test/reference/subgroup-decompositions.R > test/fixtures/subgroup-decompositions.json
suppressMessages(library(laeken))
d <- read.csv("datasets/eusilc_laeken_synthetic.csv")
f <- function(x) sprintf("%.17g", x)
region_stats <- function(d) {
  W <- sum(d$rb050); mu <- sum(d$rb050 * d$eqIncome) / W
  regions <- sort(unique(d$db040))
  fg <- sapply(regions, function(r) sum(d$rb050[d$db040 == r]) / W)
  mg <- sapply(regions, function(r) { s <- d$db040 == r; sum(d$rb050[s] * d$eqIncome[s]) / sum(d$rb050[s]) })
  list(W = W, mu = mu, regions = regions, fg = fg, mg = mg, sg = fg * mg / mu)
}
# Gini (all incomes)
s <- region_stats(d)
G <- gini(d$eqIncome, weights = d$rb050)$value / 100
Gg <- sapply(s$regions, function(r) gini(d$eqIncome[d$db040 == r], weights = d$rb050[d$db040 == r])$value / 100)
between <- sum(outer(s$fg, s$fg) * abs(outer(s$mg, s$mg, "-"))) / (2 * s$mu)
within <- sum(s$fg * s$sg * Gg)
# Theil and MLD on positive incomes
p <- d[d$eqIncome > 0, ]
t <- region_stats(p)
theil_of <- function(x, w) { m <- sum(w * x) / sum(w); sum(w * (x / m) * log(x / m)) / sum(w) }
mld_of <- function(x, w) { m <- sum(w * x) / sum(w); sum(w * log(m / x)) / sum(w) }
Tg <- sapply(t$regions, function(r) theil_of(p$eqIncome[p$db040 == r], p$rb050[p$db040 == r]))
Mg <- sapply(t$regions, function(r) mld_of(p$eqIncome[p$db040 == r], p$rb050[p$db040 == r]))
# headcount by region at the national threshold
a <- arpr("eqIncome", weights = "rb050", breakdown = "db040", data = d)
cat(sprintf('{"note":"see test/reference/subgroup-decompositions.R",
"gini":{"total":%s,"within":%s,"between":%s,"regions":[%s],"group_gini":[%s]},
"theil":{"total":%s,"within":%s,"between":%s,"group":[%s]},
"mld":{"total":%s,"within":%s,"between":%s,"group":[%s]},
"headcount":{"threshold":%s,"total":%s,"regions":[%s],"group":[%s]}}\n',
  f(G), f(within), f(between), paste0('"', s$regions, '"', collapse = ","), paste(f(Gg), collapse = ","),
  f(theil_of(p$eqIncome, p$rb050)), f(sum(t$sg * Tg)), f(sum(t$sg * log(t$mg / t$mu))), paste(f(Tg), collapse = ","),
  f(mld_of(p$eqIncome, p$rb050)), f(sum(t$fg * Mg)), f(sum(t$fg * log(t$mu / t$mg))), paste(f(Mg), collapse = ","),
  f(a$threshold), f(a$value / 100), paste0('"', a$valueByStratum$stratum, '"', collapse = ","), paste(f(a$valueByStratum$value / 100), collapse = ",")))
