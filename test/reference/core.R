# Reference values for povineq's core inequality and poverty measures.
#
# Run from the repository root:   Rscript test/reference/core.R
# Writes test/fixtures/core-reference.json, which the tests read (so the tests never need R).
#
# Sources of the numbers:
#   - R laeken 0.5.2 wherever laeken has the measure: gini, arpr, arpt, qsr (S80/S20), rmpg,
#     weightedMedian, weightedQuantile, incQuintile.
#   - R stats: weighted.mean, quantile(type = 7) (unweighted, or rows repeated for integer weights).
#   - Plain R transcriptions of the textbook / convey formulas where laeken lacks the measure
#     (R ineq and convey are not installed here): Theil, MLD, GE(alpha), Atkinson (incl. eps = 1),
#     Palma and top/bottom shares on the split-unit Lorenz curve, Lorenz ordinates, CV (population
#     variance), Hoover, FGT(0, 1, 2), Watts, Sen, Sen-Shorrocks-Thon, the EU-SILC ("eurostat")
#     weighted quantile and the frequency-weighted type-7 quantile. Each formula cites its reference.
#
# Data: the laeken EU-SILC example as bundled in datasets/eusilc_laeken_synthetic.csv (eqIncome,
# weight rb050), and seeded samples generated below (their values are written into the fixture).
suppressPackageStartupMessages(library(laeken))

set.seed(20251125)

# ---------------------------------------------------------------------------------------------
# Samples
# ---------------------------------------------------------------------------------------------
datasets <- list()

eusilc_csv <- read.csv("datasets/eusilc_laeken_synthetic.csv")
datasets$eusilc <- list(
  x = eusilc_csv$eqIncome, w = eusilc_csv$rb050, inline = FALSE,
  note = "datasets/eusilc_laeken_synthetic.csv, value eqIncome, weight rb050 (3 zero incomes)"
)

# lognormal, n = 2000, incomes rounded to pence, weights rounded to 4 decimals
n <- 2000
datasets$lognormal <- list(
  x = round(rlnorm(n, meanlog = log(20000), sdlog = 0.6), 2),
  w = round(runif(n, 50, 900), 4), inline = TRUE,
  note = "set.seed(20251125); round(rlnorm(2000, log(20000), 0.6), 2); weights round(runif(2000, 50, 900), 4)"
)

# Pareto (type I), alpha = 2.5, x_m = 10000, n = 1500, by inversion
n <- 1500
datasets$pareto <- list(
  x = round(10000 / runif(n)^(1 / 2.5), 2),
  w = round(rgamma(n, shape = 2, rate = 1 / 150), 3), inline = TRUE,
  note = "round(10000 / runif(1500)^(1/2.5), 2); weights round(rgamma(1500, 2, 1/150), 3)"
)

# heavily tied: 5 distinct values whose unweighted cumulative shares hit 0.2, 0.5, 0.7, 0.9 exactly,
# so the EU-SILC rule (average on an exact tie) and laeken's rule (first strictly above) differ.
tied <- c(rep(6000, 120), rep(9000, 180), rep(12000, 120), rep(18000, 120), rep(30000, 60))
datasets$tied <- list(
  x = sample(tied), w = sample(1:4, length(tied), replace = TRUE), inline = TRUE,
  note = "600 rows of 5 values (counts 120/180/120/120/60) shuffled; integer weights sample(1:4)"
)

# zeros and negatives: accepted by Gini and poverty measures, refused (or dropped) by log measures
n <- 300
zx <- round(rlnorm(n, log(15000), 0.8), 2)
zx[sample(n, 15)] <- 0
zx[sample(which(zx > 0), 5)] <- -round(runif(5, 100, 3000), 2)
datasets$zeros <- list(
  x = zx, w = round(runif(n, 1, 10), 3), inline = TRUE,
  note = "round(rlnorm(300, log(15000), 0.8), 2) with 15 zeros and 5 negatives; weights round(runif(300, 1, 10), 3)"
)

# tiny samples
datasets$n1 <- list(x = 12000, w = 2.5, inline = TRUE, note = "one unit")
datasets$n2 <- list(x = c(20000, 8000), w = c(3, 1.5), inline = TRUE, note = "two units")
datasets$n5 <- list(x = c(15000, 7000, 40000, 3000, 7000), w = c(3, 2.5, 1, 1, 0.5), inline = TRUE,
                    note = "five units with a tie")
datasets$n10 <- list(x = round(rlnorm(10, log(18000), 0.7), 2), w = round(runif(10, 0.5, 5), 2),
                     inline = TRUE, note = "round(rlnorm(10, log(18000), 0.7), 2); weights round(runif(10, 0.5, 5), 2)")

# ---------------------------------------------------------------------------------------------
# Formulas (x, w any order; w = 1 for unweighted)
# ---------------------------------------------------------------------------------------------
sorted <- function(x, w) { o <- order(x); list(x = x[o], w = w[o]) }

# Generalized entropy, Shorrocks (1980); Cowell (2011) ch. 3; convey::svygei.
ge <- function(x, w, alpha) {
  mu <- sum(w * x) / sum(w)
  if (alpha == 0) return(sum(w * log(mu / x)) / sum(w))
  if (alpha == 1) { r <- x / mu; return(sum(ifelse(r > 0, w * r * log(r), 0)) / sum(w)) }
  (sum(w * (x / mu)^alpha) / sum(w) - 1) / (alpha * (alpha - 1))
}

# Atkinson (1970); convey::svyatk.
atkinson <- function(x, w, eps) {
  mu <- sum(w * x) / sum(w)
  if (eps == 1) return(1 - exp(sum(w * log(x)) / sum(w)) / mu)
  1 - (sum(w * (x / mu)^(1 - eps)) / sum(w))^(1 / (1 - eps))
}

# Weighted Lorenz curve at population share p, splitting the unit that straddles p.
lorenz_at <- function(x, w, p) {
  s <- sorted(x, w); x <- s$x; w <- s$w
  C <- cumsum(w); Tt <- cumsum(w * x); W <- sum(w); total <- sum(w * x)
  if (p <= 0) return(0)
  if (p >= 1) return(1)
  i <- min(which(C >= p * W))
  Cp <- if (i == 1) 0 else C[i - 1]
  Tp <- if (i == 1) 0 else Tt[i - 1]
  (Tp + (p * W - Cp) * x[i]) / total
}

# Lorenz ordinates at the end of each distinct value, from (0, 0).
lorenz_points <- function(x, w) {
  s <- sorted(x, w); x <- s$x; w <- s$w
  C <- cumsum(w); Tt <- cumsum(w * x)
  ends <- c(which(diff(x) != 0), length(x))
  mu <- sum(w * x) / sum(w)
  L <- c(0, Tt[ends] / sum(w * x))
  list(p = c(0, C[ends] / sum(w)), L = L, GL = L * mu)
}

# EU-SILC weighted quantile (Eurostat 2004): first unit whose cumulative weight share reaches p;
# when it equals p exactly, the mean of that unit and the next.
q_eurostat <- function(x, w, p) {
  s <- sorted(x, w); x <- s$x; w <- s$w; n <- length(x)
  if (p == 0) return(x[1])
  if (p == 1) return(x[n])
  C <- cumsum(w); W <- sum(w); tol <- 1e-12 * W
  i <- min(which(C >= p * W - tol))
  if (abs(C[i] - p * W) <= tol && i < n) (x[i] + x[i + 1]) / 2 else x[i]
}

# Type-7 quantile (Hyndman & Fan 1996). Unweighted: stats::quantile. Integer weights: rows repeated.
# Other weights, read as frequencies: h = (W - 1) p, interpolating the values at ranks floor(h) and
# floor(h) + 1 of the expanded sample (rank k = first unit with cumulative weight > k).
q_type7 <- function(x, w, p) {
  if (all(w == 1)) return(list(value = unname(quantile(x, p, type = 7)), source = "stats::quantile(x, p, type = 7)"))
  if (all(w == round(w))) {
    return(list(value = unname(quantile(rep(x, w), p, type = 7)), source = "stats::quantile(rep(x, w), p, type = 7)"))
  }
  s <- sorted(x, w); x <- s$x; C <- cumsum(s$w); W <- sum(s$w)
  h <- max(0, (W - 1) * p); k <- floor(h)
  at <- function(r) x[min(which(C > r))]
  a <- at(k); b <- if (h > k) at(k + 1) else a
  list(value = a + (h - k) * (b - a), source = "plain R: frequency-weighted type 7, h = (W - 1) p")
}

# FGT (Foster, Greer & Thorbecke 1984); convey::svyfgt. Poor: strictly below z.
fgt <- function(x, w, z, alpha) {
  poor <- x < z
  if (alpha == 0) return(sum(w[poor]) / sum(w))
  sum(w[poor] * ((z - x[poor]) / z)^alpha) / sum(w)
}

# Watts (1968); convey::svywatts. Positive incomes only.
watts <- function(x, w, z) { poor <- x < z; sum(w[poor] * log(z / x[poor])) / sum(w) }

# Sen (1976), large-population form (Foster 1984; Shorrocks 1995): S = P0 Gp + P1 (1 - Gp),
# Gp the weighted Gini among the poor, by laeken::gini. When the poor all have nothing, S = P0.
sen <- function(x, w, z) {
  poor <- x < z
  if (!any(poor)) return(0)
  p0 <- fgt(x, w, z, 0); p1 <- fgt(x, w, z, 1)
  if (sum(w[poor] * x[poor]) == 0) return(p0)
  gp <- gini(x[poor], w[poor])$value / 100
  p0 * gp + p1 * (1 - gp)
}

# Sen-Shorrocks-Thon (Shorrocks 1995; Xu & Osberg 2002): P1 (1 + Gg), Gg the Gini of the gap
# ratios max(0, (z - x)/z) over the whole population, by laeken::gini.
sst <- function(x, w, z) {
  g <- pmax(0, (z - x) / z)
  if (!any(g > 0)) return(0)
  fgt(x, w, z, 1) * (1 + gini(g, w)$value / 100)
}

# ---------------------------------------------------------------------------------------------
# All measures for one sample
# ---------------------------------------------------------------------------------------------
probs <- c(0.1, 0.2, 0.25, 0.5, 0.75, 0.8, 0.9)
alphas <- c(-1, 0, 0.5, 1, 2, 3)
epsilons <- c(0.5, 1, 1.5, 2)
named <- function(values, keys) { v <- as.list(values); names(v) <- as.character(keys); v }

measure_all <- function(x, w, weighted) {
  lw <- if (weighted) w else NULL           # what laeken is given
  w1 <- if (weighted) w else rep(1, length(x))
  out <- list()
  mu <- weighted.mean(x, w1)
  out$mean <- mu
  out$gini <- gini(x, lw)$value / 100
  pos <- x > 0                               # domain of the log measures (nonPositive: 'drop')
  nonneg <- x >= 0                           # domain of GE(alpha > 0, alpha != 1), Atkinson eps < 1
  out$ge <- named(sapply(alphas, function(a) {
    keep <- if (a <= 0 || a == 1) pos else nonneg
    ge(x[keep], w1[keep], a)
  }), alphas)
  out$theil <- ge(x[pos], w1[pos], 1)
  out$mld <- ge(x[pos], w1[pos], 0)
  out$atkinson <- named(sapply(epsilons, function(e) {
    keep <- if (e >= 1) pos else nonneg
    atkinson(x[keep], w1[keep], e)
  }), epsilons)
  out$cv <- sqrt(sum(w1 * (x - mu)^2) / sum(w1)) / mu
  out$hoover <- sum(w1 * abs(x - mu)) / (2 * sum(w1) * mu)
  L40 <- lorenz_at(x, w1, 0.4)
  out$palma <- if (L40 > 0) (1 - lorenz_at(x, w1, 0.9)) / L40 else NA
  out$topShare <- named(sapply(c(0.01, 0.1, 0.2), function(p) 1 - lorenz_at(x, w1, 1 - p)), c(0.01, 0.1, 0.2))
  out$bottomShare <- named(sapply(c(0.1, 0.4, 0.5), function(p) lorenz_at(x, w1, p)), c(0.1, 0.4, 0.5))
  out$lorenzDeciles <- sapply(0:10 / 10, function(p) lorenz_at(x, w1, p))
  lp <- lorenz_points(x, w1)
  out$lorenz <- list(p = lp$p, L = lp$L, GL = lp$GL)
  out$s80s20 <- qsr(x, lw)$value
  out$quantileLaeken <- named(weightedQuantile(x, lw, probs = probs), probs)
  out$incQuintile <- unname(incQuintile(x, lw))
  out$weightedMedian <- weightedMedian(x, lw)
  out$quantileEurostat <- named(sapply(probs, function(p) q_eurostat(x, w1, p)), probs)
  q7 <- lapply(probs, function(p) q_type7(x, w1, p))
  out$quantileType7 <- named(sapply(q7, `[[`, "value"), probs)
  out$quantileType7Source <- q7[[1]]$source
  med <- q_eurostat(x, w1, 0.5)
  out$medianEurostat <- med
  q10 <- q_eurostat(x, w1, 0.1)
  out$p90p10 <- if (q10 > 0) q_eurostat(x, w1, 0.9) / q10 else NA
  out$p90p50 <- q_eurostat(x, w1, 0.9) / med
  out$povertyLine <- 0.6 * med
  out$povertyLineMean <- 0.6 * mu
  out$deepPovertyLine <- 0.5 * med
  out$arpt <- arpt(x, lw)
  out$arpr <- arpr(x, lw)$value / 100
  rm <- rmpg(x, lw)$value
  out$rmpg <- if (is.na(rm)) NA else rm / 100
  lines <- list(line60 = out$povertyLine, lineMean = mu)
  out$poverty <- lapply(lines, function(z) list(
    line = z,
    fgt0 = fgt(x, w1, z, 0), fgt1 = fgt(x, w1, z, 1), fgt2 = fgt(x, w1, z, 2), fgt3 = fgt(x, w1, z, 3),
    watts = watts(x[pos], w1[pos], z), sen = sen(x, w1, z), sst = sst(x, w1, z),
    arprAtLine = arpr(x, lw, threshold = z)$value / 100
  ))
  out
}

cases <- list()
for (name in names(datasets)) {
  d <- datasets[[name]]
  for (weighted in c(FALSE, TRUE)) {
    cases[[length(cases) + 1]] <- list(
      dataset = name, weighted = weighted,
      hasNonPositive = any(d$x <= 0),
      values = measure_all(d$x, d$w, weighted)
    )
  }
}

# ---------------------------------------------------------------------------------------------
# JSON out (no jsonlite here): numbers in the shortest form that reads back to the same double
# ---------------------------------------------------------------------------------------------
num <- function(v) {
  if (is.na(v)) return("null")
  if (!is.finite(v)) stop("non-finite value")
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  s
}
str <- function(s) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", s)), '"')
json <- function(x, ind = "") {
  inner <- paste0(ind, "  ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      items <- mapply(function(k, v) paste0(inner, str(k), ": ", json(v, inner)), names(x), x)
      return(paste0("{\n", paste(items, collapse = ",\n"), "\n", ind, "}"))
    }
    return(paste0("[\n", paste(paste0(inner, sapply(x, json, ind = inner)), collapse = ",\n"), "\n", ind, "]"))
  }
  if (is.character(x)) return(if (length(x) == 1) str(x) else paste0("[", paste(sapply(x, str), collapse = ", "), "]"))
  if (is.logical(x) && length(x) == 1 && !is.na(x)) return(if (x) "true" else "false")
  if (length(x) == 1 && is.null(attr(x, "array"))) return(num(x))
  paste0("[", paste(sapply(x, num), collapse = ", "), "]")
}
arr <- function(v) { attr(v, "array") <- TRUE; v }

for (i in seq_along(cases)) {
  v <- cases[[i]]$values
  v$lorenzDeciles <- arr(v$lorenzDeciles)
  v$incQuintile <- arr(v$incQuintile)
  v$lorenz <- lapply(v$lorenz, arr)
  cases[[i]]$values <- v
}

fixture <- list(
  generator = "test/reference/core.R",
  R = paste(R.version$major, R.version$minor, sep = "."),
  laeken = as.character(packageVersion("laeken")),
  sources = list(
    gini = "laeken::gini(x, w)$value / 100",
    s80s20 = "laeken::qsr(x, w)$value",
    arpr = "laeken::arpr(x, w)$value / 100 (arprAtLine: arpr(x, w, threshold = line))",
    arpt = "laeken::arpt(x, w)",
    rmpg = "laeken::rmpg(x, w)$value / 100 (null: laeken gives NA, nobody below the threshold)",
    quantileLaeken = "laeken::weightedQuantile(x, w, probs)",
    incQuintile = "laeken::incQuintile(x, w) (k = 1, 4)",
    weightedMedian = "laeken::weightedMedian(x, w)",
    mean = "stats::weighted.mean(x, w)",
    quantileType7 = "see quantileType7Source in each case",
    ge = "plain R, Shorrocks (1980) / convey::svygei formula; alpha <= 0 or 1 on x > 0, else on x >= 0",
    theil = "plain R GE(1) on x > 0", mld = "plain R GE(0) on x > 0",
    atkinson = "plain R, Atkinson (1970) / convey::svyatk formula; eps >= 1 on x > 0, else on x >= 0",
    cv = "plain R sqrt(sum(w (x - mu)^2) / sum(w)) / mu (population variance)",
    hoover = "plain R sum(w |x - mu|) / (2 sum(w) mu)",
    palma = "plain R (1 - L(0.9)) / L(0.4), L the split-unit weighted Lorenz curve",
    topShare = "plain R 1 - L(1 - p)", bottomShare = "plain R L(p)",
    lorenzDeciles = "plain R L(p), p = 0, 0.1, ..., 1", lorenz = "plain R ordinates at the end of each distinct value",
    quantileEurostat = "plain R EU-SILC rule: first C/W >= p, mean with next when C/W == p (1e-12 W)",
    medianEurostat = "plain R EU-SILC rule at p = 0.5",
    p90p10 = "plain R EU-SILC quantiles", p90p50 = "plain R EU-SILC quantiles",
    povertyLine = "0.6 * medianEurostat", povertyLineMean = "0.6 * weighted.mean", deepPovertyLine = "0.5 * medianEurostat",
    fgt = "plain R, Foster-Greer-Thorbecke (1984) / convey::svyfgt; poor x < line",
    watts = "plain R sum_{x < z} w log(z / x) / sum(w), on x > 0",
    sen = "plain R P0 Gp + P1 (1 - Gp), Gp = laeken::gini among the poor",
    sst = "plain R P1 (1 + Gg), Gg = laeken::gini of gap ratios over everyone"
  ),
  datasets = lapply(datasets, function(d) {
    if (!d$inline) return(list(note = d$note, n = length(d$x)))
    list(note = d$note, n = length(d$x), x = arr(d$x), w = arr(d$w))
  }),
  cases = cases
)

dir.create("test/fixtures", showWarnings = FALSE)
writeLines(json(fixture), "test/fixtures/core-reference.json")
cat("wrote test/fixtures/core-reference.json:", length(cases), "cases\n")
