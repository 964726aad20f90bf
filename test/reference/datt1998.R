# Reference values for test/grouped/datt1998.test.ts, written independently of povineq in base R:
# the General Quadratic (GQ) and Beta Lorenz curves fitted by lm() to Datt's (1998) rural India 1983
# grouped data (datasets/datt1998_rural_india_1983_grouped.csv), and the headcount, poverty gap and
# severity at the paper's line z = 89 with mean 109.9, from the fitted curves:
#   headcount H: GQ closed form (Datt 1998, Table 1); Beta by uniroot() on L'(H) = z/mu;
#   PG = H - (mu/z) L(H);
#   P2 = 2 PG - H - (mu/z)^2 * sum over the poor of the squared income, computed as
#        (1/z^2) * integral_0^H (z - mu L'(p))^2 dp by integrate(), i.e. from the definition
#        FGT(2) = integral_0^H (1 - mu L'(p)/z)^2 dp, not from Datt's closed forms;
#   Gini = 1 - 2 * integrate(L, 0, 1).
# Run: Rscript test/reference/datt1998.R > test/fixtures/datt1998.json
d <- read.csv("datasets/datt1998_rural_india_1983_grouped.csv")
P <- d$cum_pop_share; L <- d$cum_welfare_share
k <- length(P) - 1            # the last point, (1, 1), is left out of both regressions
p <- P[1:k]; l <- L[1:k]
gq <- lm(I(l * (1 - l)) ~ 0 + I(p^2 - l) + I(l * (p - 1)) + I(p - l))
a <- unname(coef(gq)[1]); b <- unname(coef(gq)[2]); c <- unname(coef(gq)[3])
be <- lm(log(p - l) ~ log(p) + log(1 - p))
theta <- exp(unname(coef(be)[1])); gamma <- unname(coef(be)[2]); delta <- unname(coef(be)[3])
e <- -(a + b + c + 1); m <- b^2 - 4 * a; n <- 2 * b * e - 4 * c; r <- sqrt(n^2 - 4 * m * e^2)
Lq <- function(x) -0.5 * (b * x + e + sqrt(m * x^2 + n * x + e^2))
dLq <- function(x) -b / 2 - (2 * m * x + n) / (4 * sqrt(m * x^2 + n * x + e^2))
Lb <- function(x) x - theta * x^gamma * (1 - x)^delta
dLb <- function(x) 1 - theta * x^gamma * (1 - x)^delta * (gamma / x - delta / (1 - x))
mu <- 109.9; z <- 89
stats <- function(Lf, dLf, H) {
  pg <- H - (mu / z) * Lf(H)
  p2 <- integrate(function(x) (1 - mu * dLf(x) / z)^2, 0, H, rel.tol = 1e-13, subdivisions = 1000L)$value
  gini <- 1 - 2 * integrate(Lf, 0, 1, rel.tol = 1e-13, subdivisions = 1000L)$value
  c(headcount = H, poverty_gap = pg, poverty_severity = p2, gini = gini)
}
Hq <- -(n + r * (b + 2 * z / mu) / sqrt((b + 2 * z / mu)^2 - m)) / (2 * m)
Hb <- uniroot(function(x) dLb(x) - z / mu, c(0.01, 0.99), tol = 1e-15)$root
sq <- stats(Lq, dLq, Hq); sb <- stats(Lb, dLb, Hb)
sse <- function(Lf) sum((L - Lf(P))^2)
f <- function(x) sprintf("%.17g", x)
cat(sprintf('{"note":"base R lm() fits and integrate()/uniroot() measures; see test/reference/datt1998.R",
"quadratic":{"a":%s,"b":%s,"c":%s,"sse":%s,"headcount":%s,"poverty_gap":%s,"poverty_severity":%s,"gini":%s},
"beta":{"theta":%s,"gamma":%s,"delta":%s,"sse":%s,"headcount":%s,"poverty_gap":%s,"poverty_severity":%s,"gini":%s}}\n',
  f(a), f(b), f(c), f(sse(Lq)), f(sq[1]), f(sq[2]), f(sq[3]), f(sq[4]),
  f(theta), f(gamma), f(delta), f(sse(Lb)), f(sb[1]), f(sb[2]), f(sb[3]), f(sb[4])))
