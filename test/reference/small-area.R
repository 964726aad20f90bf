# Reference values for povineq's area-level Fay–Herriot model (src/small-area/).
#
# R sae is not packaged for Debian, so its estimators are written out here in plain R, following
# sae 1.3's eblupFH.R and mseFH.R (cran/sae, commit 7a8200f7 / bce61526) formula by formula, but
# with Fisher scoring run to a relative change of 1e-13 (sae stops at 1e-4). Two checks stand beside
# each variance: an independent route (the restricted or full log-likelihood maximised by golden
# section, the moment equation solved by uniroot; the script stops beyond 1e-7 relative), and
# metafor::rma (Debian r-cran-metafor), whose REML, ML, Paule–Mandel ("PM") and Hedges ("HE") fits
# with moderators are the same estimators as Fay–Herriot REML, ML, the Fay–Herriot moment method and
# the Prasad–Rao moment method. metafor agrees to 1e-12 on milk and on grapes with an intercept; on
# grapes without an intercept its REML/ML/PM fits stop at a different point (τ² ≈ 947 against 103.9
# here) although its own logLik() is higher at 103.9, so the independent route is the check there.
#
# Run from the repository root:  Rscript test/reference/small-area.R
# (writes test/fixtures/small-area-reference.json). R 4.x with r-cran-metafor.
options(digits = 17)
suppressMessages(library(metafor))

TOL <- 1e-13
MAXITER <- 1000

fitFH <- function(y, X, D, method) {
  m <- length(y); p <- ncol(X)
  A <- median(D); k <- 0; diff <- 1
  if (method == "PR") {
    # Prasad–Rao (1990) moments: OLS residual sum of squares minus its sampling-error expectation
    H <- X %*% solve(crossprod(X)) %*% t(X)
    r <- y - H %*% y
    A <- (sum(r^2) - sum(D * (1 - diag(H)))) / (m - p)
    diff <- 0
  }
  while (method != "PR" && diff > TOL && k < MAXITER) {
    k <- k + 1
    Vi <- 1 / (A + D)
    XtVi <- t(Vi * X)
    Q <- solve(XtVi %*% X)
    P <- diag(Vi) - t(XtVi) %*% Q %*% XtVi
    Py <- P %*% y
    if (method == "REML") {
      s <- -0.5 * sum(diag(P)) + 0.5 * sum(Py^2); F <- 0.5 * sum(diag(P %*% P))
    } else if (method == "ML") {
      s <- -0.5 * sum(Vi) + 0.5 * sum(Py^2); F <- 0.5 * sum(Vi^2)
    } else { # FH moments
      b <- Q %*% XtVi %*% y; res <- y - X %*% b
      s <- sum(res^2 * Vi) - (m - p); F <- sum(Vi)
    }
    Anew <- A + s / F
    diff <- abs((Anew - A) / A)
    A <- Anew
  }
  stopifnot(diff <= TOL)
  A <- max(A, 0)
  Vi <- 1 / (A + D)
  XtVi <- t(Vi * X)
  Q <- solve(XtVi %*% X)
  beta <- as.vector(Q %*% XtVi %*% y)
  se <- sqrt(diag(Q))
  xb <- as.vector(X %*% beta)
  resid <- y - xb
  loglike <- -0.5 * sum(log(2 * pi * (A + D)) + resid^2 / (A + D))
  eblup <- xb + A * Vi * resid
  # MSE (sae's mseFH, plus Prasad–Rao's own variance of the PR moment estimator)
  B <- D / (A + D)
  g1 <- D * (1 - B)
  g2 <- B^2 * rowSums((X %*% Q) * X)
  SumAD2 <- sum(Vi^2)
  if (method == "REML") { VarA <- 2 / SumAD2; bias <- 0 }
  if (method == "ML") { VarA <- 2 / SumAD2; bias <- -sum(diag(Q %*% (t(Vi^2 * X) %*% X))) / SumAD2 }
  if (method == "FH") { SumAD <- sum(Vi); VarA <- 2 * m / SumAD^2; bias <- 2 * (m * SumAD2 - SumAD^2) / SumAD^3 }
  if (method == "PR") { VarA <- 2 * sum((A + D)^2) / m^2; bias <- 0 }
  g3 <- B^2 * VarA / (A + D)
  mse <- g1 + g2 + 2 * g3 - bias * B^2
  list(variance = A, beta = beta, se = se, loglike = loglike, AIC = -2 * loglike + 2 * (p + 1),
       BIC = -2 * loglike + (p + 1) * log(m), eblup = eblup, mse = mse, synthetic = xb,
       syntheticMse = A + rowSums((X %*% Q) * X), g1 = g1, g2 = g2, g3 = g3, iterations = k)
}

metaforMethod <- c(REML = "REML", ML = "ML", FH = "PM", PR = "HE")
rel <- function(a, b) max(abs(a - b) / pmax(abs(b), 1e-300))

# An independent route to the same variance: the (restricted) log-likelihood maximised by golden
# section (optimize), the Fay–Herriot moment equation solved by uniroot, no Fisher scoring.
independentVariance <- function(y, X, D, method, upper) {
  m <- length(y); p <- ncol(X)
  parts <- function(A) { V <- A + D; Vi <- 1 / V; XtVi <- t(Vi * X); M <- XtVi %*% X
    r <- y - X %*% solve(M, XtVi %*% y); list(V = V, Vi = Vi, M = M, r = r) }
  if (method == "REML") f <- function(A) { q <- parts(A); -0.5 * (sum(log(q$V)) + determinant(q$M)$modulus + sum(q$r^2 * q$Vi)) }
  if (method == "ML") f <- function(A) { q <- parts(A); -0.5 * (sum(log(q$V)) + sum(q$r^2 * q$Vi)) }
  if (method %in% c("REML", "ML")) return(max(optimize(f, c(0, upper), maximum = TRUE, tol = 1e-12 * upper)$maximum, 0))
  if (method == "FH") return(uniroot(function(A) sum(parts(A)$r^2 * parts(A)$Vi) - (m - p), c(0, upper), tol = 1e-14 * upper)$root)
  NA
}

crossCheck <- function(fit, y, X, D, method) {
  r <- rma(yi = y, vi = D, mods = X, intercept = FALSE, method = metaforMethod[[method]],
           control = list(threshold = 1e-12, maxiter = 100000, tol = 1e-15))
  d <- c(variance = rel(fit$variance, r$tau2), beta = rel(fit$beta, as.vector(r$beta)), se = rel(fit$se, as.vector(r$se)))
  cat(sprintf("  metafor %s: tau2 %.12g; relative differences variance %.1e, beta %.1e, se %.1e\n",
              metaforMethod[[method]], r$tau2, d[1], d[2], d[3]))
  if (method != "PR") {
    alt <- independentVariance(y, X, D, method, upper = 10 * max(fit$variance, median(D)))
    cat(sprintf("  independent (optimize/uniroot): %.12g, relative difference %.1e\n", alt, rel(fit$variance, alt)))
    stopifnot(rel(fit$variance, alt) < 1e-7)
  }
  r$tau2
}

cases <- list()
addCase <- function(name, data, y, X, D, covariates) {
  for (method in c("REML", "ML", "FH", "PR")) {
    fit <- fitFH(y, X, D, method)
    tau2 <- crossCheck(fit, y, X, D, method)
    cat(sprintf("%-32s %-4s A = %.12g (metafor %.12g), %d iterations\n", name, method, fit$variance, tau2, fit$iterations))
    cases[[length(cases) + 1]] <<- c(list(name = name, data = data, method = method, covariates = covariates,
                                          metaforVariance = tau2), fit[setdiff(names(fit), c("g1", "g2", "g3"))])
  }
}

milk <- read.csv("datasets/sae_milk.csv")
Xm <- model.matrix(~ as.factor(MajorArea), milk)
addCase("milk, yi ~ as.factor(MajorArea)", "milk", milk$yi, Xm, milk$SD^2, c("(intercept)", "major2", "major3", "major4"))

grapes <- read.csv("datasets/sae_grapes.csv")
addCase("grapes, grapehect ~ area + workdays - 1", "grapes", grapes$grapehect,
        cbind(grapes$area, grapes$workdays), grapes$var, c("area", "workdays"))
addCase("grapes, grapehect ~ area + workdays", "grapes", grapes$grapehect,
        cbind(1, grapes$area, grapes$workdays), grapes$var, c("(intercept)", "area", "workdays"))

# Arcsine-transformed Fay–Herriot on sae's Spanish provinces (direct poverty rates, sample sizes n):
# y = asin(sqrt(p)), D = 1 / (4 n); REML with an intercept; naive back-transformation sin²(θ̂)
# clipped to [0, π/2] first, and the bias-corrected one E[sin²(θ)] for θ ~ N(θ̂, g1), computed here
# by numerical integration (the TypeScript code uses the closed form (1 − cos 2θ̂ · exp(−2 g1)) / 2).
prov <- read.csv("datasets/sae_incomedata_poverty_direct.csv")
ya <- asin(sqrt(prov$direct)); Da <- 1 / (4 * prov$n)
fa <- fitFH(ya, matrix(1, nrow(prov), 1), Da, "REML")
clip <- pmin(pmax(fa$eblup, 0), pi / 2)
naive <- sin(clip)^2
corrected <- sapply(seq_along(fa$eblup), function(d) integrate(function(t) sin(t)^2 * dnorm(t, fa$eblup[d], sqrt(fa$g1[d])),
                                                              -Inf, Inf, rel.tol = 1e-12)$value)
arcsine <- list(variance = fa$variance, beta = fa$beta, eblup = fa$eblup, g1 = fa$g1, naive = naive, corrected = corrected)

# Benchmarking the naive arcsine estimates to the population-weighted mean of the direct estimates
w <- prov$Nd / sum(prov$Nd)
target <- sum(w * prov$direct)
ratio <- naive * target / sum(w * naive)
difference <- naive + (target - sum(w * naive))
benchmark <- list(target = target, ratio = ratio, difference = difference)

# Brown et al. (2001) test of direct vs model estimates, milk REML: W = Σ (y − θ̂)² / (D + mse) ~ χ²(m)
mr <- cases[[1]]
W <- sum((milk$yi - mr$eblup)^2 / (milk$SD^2 + mr$mse))
brown <- list(statistic = W, df = nrow(milk), p = pchisq(W, nrow(milk), lower.tail = FALSE),
              correlation = cor(milk$yi, mr$eblup))

# R² of the milk REML model: 1 − Â / Â₀, Â₀ from the intercept-only REML fit
A0 <- fitFH(milk$yi, matrix(1, nrow(milk), 1), milk$SD^2, "REML")$variance
rsq <- list(variance0 = A0, rsq = 1 - mr$variance / A0)

# Normality summaries of the milk REML standardised residuals and random effects (moment skewness
# and kurtosis, Shapiro–Wilk W and p from R's shapiro.test)
stdres <- (milk$yi - mr$eblup) / sqrt(milk$SD^2)
u <- mr$eblup - mr$synthetic
stdu <- (u - mean(u)) / sd(u)
moments <- function(x) { z <- x - mean(x); n <- length(x); s2 <- sum(z^2) / n
  list(skewness = sum(z^3) / n / s2^1.5, kurtosis = sum(z^4) / n / s2^2, shapiroW = unname(shapiro.test(x)$statistic),
       shapiroP = shapiro.test(x)$p.value) }
normality <- list(residuals = c(list(values = stdres), moments(stdres)), randomEffects = c(list(values = stdu), moments(stdu)))

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
writeLines(json(list(source = "test/reference/small-area.R: sae 1.3's eblupFH/mseFH formulas in plain R, converged to 1e-13, cross-checked with metafor::rma",
                     r_version = R.version.string, metafor = as.character(packageVersion("metafor")),
                     cases = cases, arcsine = arcsine, benchmark = benchmark, brown = brown, rsq = rsq, normality = normality)),
           "test/fixtures/small-area-reference.json")
cat("wrote test/fixtures/small-area-reference.json\n")
