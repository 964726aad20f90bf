# Reference standard errors for povineq's inference engine (test/inference/*.test.ts).
#
# Run from the repository root:  Rscript test/reference/inference.R
# Writes test/fixtures/inference-reference.json. Needs R >= 4 with survey (4.1.1 used) and laeken (0.5.2).
# Data: datasets/eusilc_laeken_synthetic.csv (laeken's synthetic EU-SILC example), strata db040,
# PSU db030 (household), weight rb050, value eqIncome.
suppressPackageStartupMessages({ library(survey); library(laeken) })
options(survey.replicates.mse = FALSE, survey.lonely.psu = "fail")

num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
obj <- function(...) { a <- list(...); paste0("{", paste0('"', names(a), '":', unlist(a), collapse = ","), "}") }

d <- read.csv("datasets/eusilc_laeken_synthetic.csv", stringsAsFactors = FALSE)
line <- 0.6 * 18098.7266666667            # laeken::arpt on these data (fixed line for the headcount)
d$poor <- as.numeric(d$eqIncome < line)

des <- svydesign(ids = ~db030, strata = ~db040, weights = ~rb050, data = d)

# --- linearization: svymean of the poor indicator (fixed line), of eqIncome, and by domain (rb090)
m_poor <- svymean(~poor, des)
m_inc <- svymean(~eqIncome, des)
by_poor <- svyby(~poor, ~rb090, des, svymean)

# --- JKn jackknife: the weights as.svrepdesign(des, type = "JKn") builds (survey:::jknweights, the
# function it calls), in svrepdesign(type = "JKn"). as.svrepdesign itself would also compute the
# design degrees of freedom by a QR decomposition of the 14,827 x 6,000 weight matrix (hours here);
# we pass degf = #PSU - #strata, the rank that QR finds for JKn weights. Standard errors do not use it.
jk <- survey:::jknweights(d$db040, d$db030)
rep <- svrepdesign(data = d, repweights = jk$repweights, weights = ~rb050, type = "JKn",
                   rscales = jk$rscales, combined.weights = FALSE, degf = length(unique(d$db030)) - length(unique(d$db040)))
gini_fun <- function(w, data) laeken::gini(data$eqIncome, weights = w)$value / 100
t0 <- proc.time()[["elapsed"]]
g_jkn <- withReplicates(rep, gini_fun)
jkn_seconds <- proc.time()[["elapsed"]] - t0
# the same with a weighted Gini written out (Eurostat formula), as a cross-check of laeken::gini
wgini <- function(w, data) {
  o <- order(data$eqIncome); x <- data$eqIncome[o]; w <- w[o]
  (2 * sum(w * x * cumsum(w)) - sum(w^2 * x)) / (sum(w) * sum(w * x)) - 1
}
g_jkn2 <- withReplicates(rep, wgini)
m_inc_jkn <- svymean(~eqIncome, rep)
m_poor_jkn <- svymean(~poor, rep)
# domain means of the poor indicator (what svyby(~poor, ~rb090, rep, svymean) estimates), as ratios
levels_g <- sort(unique(d$rb090))
by_poor_jkn <- lapply(levels_g, function(g) withReplicates(rep, function(w, data) {
  inside <- data$rb090 == g
  sum(w * data$poor * inside) / sum(w * inside)
}))
by_poor_jkn <- data.frame(rb090 = levels_g, se = sapply(by_poor_jkn, SE))

# --- small design with two PSUs per stratum, for BRR / Fay / JK1 / bootstrap replicate columns
hh <- unique(d[, c("db030", "db040")])
hh <- hh[order(hh$db040, hh$db030), ]
pick <- do.call(rbind, lapply(split(hh, hh$db040), function(s) { s <- s[1:4, ]; s$psu <- paste(s$db040, c(1, 1, 2, 2)); s }))
small <- merge(d[, c("db030", "db040", "eqIncome", "rb050", "rb090")], pick[, c("db030", "psu")], by = "db030")
small <- small[order(small$db030, small$eqIncome), ]
rownames(small) <- NULL
small$poor <- as.numeric(small$eqIncome < line)
sdes <- svydesign(ids = ~psu, strata = ~db040, weights = ~rb050, data = small)
udes <- svydesign(ids = ~psu, weights = ~rb050, data = small)
set.seed(20251125)
kinds <- list(
  BRR = list(design = sdes, args = list(type = "BRR")),
  Fay = list(design = sdes, args = list(type = "Fay", fay.rho = 0.3)),
  JK1 = list(design = udes, args = list(type = "JK1")),
  bootstrap = list(design = sdes, args = list(type = "bootstrap", replicates = 25))
)
small_json <- c()
for (k in names(kinds)) {
  r <- do.call(as.svrepdesign, c(list(design = kinds[[k]]$design, compress = FALSE), kinds[[k]]$args))
  W <- as.matrix(weights(r, type = "analysis"))   # full replicate weights (factor × sampling weight)
  # rebuild the design from the columns with svrepdesign, as a user holding only the columns would
  rho <- if (k == "Fay") 0.3 else NULL
  rtype <- if (k == "bootstrap") "bootstrap" else k
  rd <- svrepdesign(data = small, repweights = W, weights = ~rb050, type = rtype, rho = rho, combined.weights = TRUE)
  rdm <- svrepdesign(data = small, repweights = W, weights = ~rb050, type = rtype, rho = rho, combined.weights = TRUE, mse = TRUE)
  se_mean <- SE(svymean(~eqIncome, rd))
  se_mean_mse <- SE(svymean(~eqIncome, rdm))
  se_gini <- SE(withReplicates(rd, gini_fun))
  se_poor <- SE(svymean(~poor, rd))
  small_json <- c(small_json, paste0('"', k, '":', obj(
    scale = num(rd$scale), rscales = num(rd$rscales[1]), rho = num(if (is.null(rho)) 0 else rho),
    seMean = num(se_mean), seMeanMse = num(se_mean_mse), seGini = num(se_gini), sePoor = num(se_poor),
    weights = paste0("[", paste(apply(W, 2, num), collapse = ","), "]"))))
}
# linearized SE of the mean on the small design with an fpc (population PSUs per stratum = 10)
small$fpc <- 10
fdes <- svydesign(ids = ~psu, strata = ~db040, weights = ~rb050, fpc = ~fpc, data = small)
se_fpc <- SE(svymean(~eqIncome, fdes))
se_small_lin <- SE(svymean(~eqIncome, sdes))

json <- paste0("{",
  '"source":"test/reference/inference.R; R ', R.version$major, ".", R.version$minor, ", survey ", packageVersion("survey"), ", laeken ", packageVersion("laeken"), '",',
  '"line":', num(line), ",",
  '"linearization":', obj(
    headcountSE = num(SE(m_poor)), headcount = num(coef(m_poor)),
    meanSE = num(SE(m_inc)), mean = num(coef(m_inc)),
    byGender = obj(level = str(as.character(by_poor$rb090)), estimate = num(by_poor$poor), se = num(SE(by_poor)))), ",",
  '"jkn":', obj(
    replicates = num(ncol(jk$repweights$weights)),
    gini = num(coef(g_jkn)), giniSE = num(SE(g_jkn)), giniSEformula = num(SE(g_jkn2)),
    meanSE = num(SE(m_inc_jkn)), headcountSE = num(SE(m_poor_jkn)),
    byGender = obj(level = str(as.character(by_poor_jkn$rb090)), se = num(by_poor_jkn$se))), ",",
  '"small":', obj(
    eqIncome = num(small$eqIncome), rb050 = num(small$rb050), stratum = str(small$db040), psu = str(small$psu),
    seLinearized = num(se_small_lin), seFpc = num(se_fpc)), ",",
  '"smallReplicates":{', paste(small_json, collapse = ","), "}",
  "}")
writeLines(json, "test/fixtures/inference-reference.json")
cat("JKn gini SE", SE(g_jkn), "formula", SE(g_jkn2), "in", jkn_seconds, "s\n")
