# Reference values for povineq's slope and relative indices of inequality.
#
# Aggregates SIMD 2020v2 data zones to SIMD deciles / quintiles exactly as the published files give
# them, computes ridit ranks, and fits R's lm(rate ~ rank, weights = population) on the groups.
# Run from the repository root:  Rscript test/reference/area.R  (writes test/fixtures/area-reference.json)
# R 4.x, base packages only.
options(digits = 17)
lookup <- read.csv("datasets/simd2020v2_datazone_lookup.csv", stringsAsFactors = FALSE)
ind <- read.csv("datasets/simd2020v2_indicators.csv", stringsAsFactors = FALSE)
num <- function(x) {
  x <- trimws(as.character(x))
  x[x %in% c("", "*", "n/a", "NA")] <- NA
  pct <- grepl("%$", x)
  v <- suppressWarnings(as.numeric(gsub("[,%]", "", x)))
  v[pct] <- v[pct] / 100
  v
}
d <- merge(lookup[, c("DZ", "Population", "Working_Age_Population", "SIMD2020v2_Rank", "SIMD2020v2_Decile", "SIMD2020v2_Quintile")],
           ind[, setdiff(names(ind), c("SIMD2020v2_Rank", "SIMD2020v2_Decile", "SIMD2020v2_Quintile"))], by.x = "DZ", by.y = "Data_Zone")
stopifnot(nrow(d) == 6976)

# groups: rate = sum(count) / sum(pop) or sum(pop * value) / sum(pop); ridit = cumulative share midpoint
groups <- function(group, pop, count = NULL, value = NULL) {
  ok <- !is.na(pop) & if (is.null(count)) !is.na(value) else !is.na(count)
  g <- group[ok]; p <- pop[ok]
  num_ <- if (is.null(count)) p * value[ok] else count[ok]
  keys <- sort(unique(g))
  P <- sapply(keys, function(k) sum(p[g == k]))
  E <- sapply(keys, function(k) sum(num_[g == k]))
  share <- P / sum(P)
  rank <- cumsum(share) - share / 2
  data.frame(group = keys, population = P, rate = E / P, share = share, rank = rank)
}

fit_one <- function(name, grp, direction = "higherIsWorse", level = 0.95) {
  fit <- lm(rate ~ rank, data = grp, weights = population)
  a <- unname(coef(fit)[1]); b <- unname(coef(fit)[2])
  V <- vcov(fit)
  ci_b <- unname(confint(fit, "rank", level = level)[1, ])
  mean_rate <- sum(grp$share * grp$rate)
  better <- direction == "higherIsBetter"
  sii <- if (better) b else -b
  sii_ci <- if (better) ci_b else rev(-ci_b)
  most <- a; least <- a + b
  ratio <- if (better) least / most else most / least
  # delta method for log(a) - log(a + b)
  grad <- c(1 / a - 1 / (a + b), -1 / (a + b))
  se_log <- sqrt(drop(t(grad) %*% V %*% grad))
  tq <- qt(1 - (1 - level) / 2, df.residual(fit))
  list(
    name = name, direction = direction, level = level,
    group = grp$group, rate = grp$rate, population = grp$population, rank = grp$rank,
    intercept = a, slope = b, intercept_se = sqrt(V[1, 1]), slope_se = sqrt(V[2, 2]), covariance = V[1, 2],
    df = df.residual(fit), mean = mean_rate,
    sii = sii, sii_ci = sii_ci,
    rii_mean = sii / mean_rate, rii_mean_ci = sii_ci / mean_rate,
    rii_ratio = if (most > 0 && least > 0) ratio else NA,
    rii_ratio_ci = if (most > 0 && least > 0) ratio * exp(c(-1, 1) * tq * se_log) else c(NA, NA)
  )
}

cases <- list(
  fit_one("income_count by decile", groups(d$SIMD2020v2_Decile, d$Population, count = num(d$income_count))),
  fit_one("employment_count / working age by quintile",
          groups(d$SIMD2020v2_Quintile, d$Working_Age_Population, count = num(d$employment_count))),
  fit_one("smr by decile", groups(d$SIMD2020v2_Decile, d$Population, value = num(d$SMR))),
  fit_one("attainment by quintile (higher is better)",
          groups(d$SIMD2020v2_Quintile, d$Population, value = num(d$Attainment)), direction = "higherIsBetter"),
  fit_one("emerg by decile, 90% level", groups(d$SIMD2020v2_Decile, d$Population, value = num(d$EMERG)), level = 0.9)
)
# every data zone its own group, ordered by SIMD rank (zones with no residents left out)
people <- d[d$Population > 0, ]
per_zone <- fit_one("income_count by data zone rank", groups(people$SIMD2020v2_Rank, people$Population, count = num(people$income_count)))
per_zone[c("group", "rate", "population", "rank")] <- NULL  # 6,973 groups: keep the fixture small
cases[[length(cases) + 1]] <- per_zone

# Concentration index on the EU-SILC example (laeken's synthetic data), by the covariance formula
# C = 2 cov_w(y, R) / mu with R the weighted fractional rank (ties share the midpoint of their block),
# and, unweighted, by the "convenient regression" 2 var(R) y / mu = alpha + beta R (beta = C).
silc <- read.csv("datasets/eusilc_laeken_synthetic.csv", stringsAsFactors = FALSE)
silc <- silc[!is.na(silc$py010n), ]  # personal income components are recorded for people aged 16+
ridit <- function(x, w) {
  o <- order(x); xs <- x[o]; ws <- w[o]
  W <- sum(ws); cw <- cumsum(ws)
  R <- numeric(length(x))
  blocks <- split(seq_along(xs), match(xs, unique(xs)))
  for (b in blocks) { before <- cw[b[1]] - ws[b[1]]; R[o[b]] <- (before + sum(ws[b]) / 2) / W }
  R
}
conc_cov <- function(y, x, w) {
  R <- ridit(x, w)
  cv <- cov.wt(cbind(y, R), wt = w / sum(w), method = "ML")$cov[1, 2]
  2 * cv / weighted.mean(y, w)
}
w <- silc$rb050; inc <- silc$eqIncome
emp <- silc$py010n; ben <- as.numeric(silc$py090n > 0)
C_emp <- conc_cov(emp, inc, w)
C_ben <- conc_cov(ben, inc, w)
mu_ben <- weighted.mean(ben, w)
one <- rep(1, length(inc))
R1 <- ridit(inc, one)
conv <- lm(I(2 * var(R1) * (length(R1) - 1) / length(R1) * emp / mean(emp)) ~ R1)
concentration <- list(
  gini_eqIncome = conc_cov(inc, inc, w),
  employee_income_by_eqIncome = C_emp,
  unemployment_benefit_receipt_by_eqIncome = C_ben,
  unemployment_benefit_receipt_mean = mu_ben,
  unemployment_benefit_wagstaff = C_ben / (1 - mu_ben),
  unemployment_benefit_erreygers = 4 * mu_ben * C_ben,
  employee_income_unweighted_covariance = conc_cov(emp, inc, one),
  employee_income_unweighted_regression = unname(coef(conv)[2])
)

# Standard error of the concentration index: Kakwani, Wagstaff & van Doorslaer (1997) eq. 14, as in
# O'Donnell et al. (2008) ch. 8, on a small tie-free sample (written to the fixture with the data).
set.seed(20261125)
n <- 200
kx <- round(runif(n), 6)
ky <- rpois(n, 3 + 4 * (1 - kx))
o <- order(kx)
ys <- ky[o]
Rk <- (seq_len(n) - 0.5) / n
muk <- mean(ys)
Ck <- 2 * sum(ys * Rk) / (n * muk) - 1
qk <- cumsum(ys) / sum(ys)
qprev <- c(0, qk[-n])
ak <- (ys / muk) * (2 * Rk - 1 - Ck) + 2 - qprev - qk
kwv <- list(x = kx, y = ky, C = Ck, se = sqrt((sum(ak^2) / n - (1 + Ck)^2) / n))
stopifnot(length(unique(kx)) == n)

# minimal JSON writer (base R): numbers to 17 significant digits, NA as null
json <- function(x) {
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste0('"', names(x), '": ', sapply(x, json), collapse = ", "), "}"))
    return(paste0("[", paste(sapply(x, json), collapse = ",\n"), "]"))
  }
  if (is.character(x)) return(if (length(x) == 1) paste0('"', x, '"') else paste0("[", paste0('"', x, '"', collapse = ", "), "]"))
  s <- ifelse(is.na(x), "null", formatC(x, digits = 17, format = "g"))
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
writeLines(json(list(source = "test/reference/area.R, R lm() with weights on SIMD 2020v2 groups", r_version = R.version.string, cases = cases, concentration = concentration, kwv = kwv)),
           "test/fixtures/area-reference.json")
cat("wrote test/fixtures/area-reference.json\n")
