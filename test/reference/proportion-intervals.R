# Reference intervals for povineq's proportion intervals (test/inference/proportion.test.ts).
#
# Run from the repository root:  Rscript test/reference/proportion-intervals.R
# Writes test/fixtures/proportion-intervals.json. Needs R >= 4 with survey (4.1.1 used).
# svyciprop(method = "logit") is povineq's interval 'logit' (df = Inf: povineq uses normal quantiles);
# svyciprop(method = "beta") is 'korn-graubard' (its effective-n factor uses degf(design)).
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")

d <- read.csv("datasets/eusilc_laeken_synthetic.csv", stringsAsFactors = FALSE)
line <- 0.6 * 18098.7266666667            # laeken::arpt on these data (fixed line, as inference.R)
d$poor <- as.numeric(d$eqIncome < line)
des <- svydesign(ids = ~db030, strata = ~db040, weights = ~rb050, data = d)

ci <- function(design, method, df = Inf) as.numeric(attr(svyciprop(~poor, design, method = method, df = df, level = 0.95), "ci"))
one <- function(design) {
  m <- svymean(~poor, design)
  paste0('{"p":', num(coef(m)[[1]]), ',"se":', num(SE(m)[[1]]), ',"n":', nrow(design),
         ',"degf":', degf(design),
         ',"logit":', num(ci(design, "logit")), ',"beta":', num(ci(design, "beta")), '}')
}

# whole sample; a region (domain: subset keeps the full design); a small region, where the
# Wald interval is widest relative to p
domains <- c("Burgenland", "Vorarlberg")
parts <- c(paste0('"all":', one(des)))
for (r in domains) parts <- c(parts, paste0('"', r, '":', one(subset(des, db040 == r))))

# the first 15 rows of the example (one household = one PSU, no strata) with one poor person:
# the issue's "n = 15, one poor person" case
small <- d[d$db030 %in% unique(d$db030)[1:8], ][1:15, ]
small$poor <- c(1, rep(0, 14))
sdes <- svydesign(ids = ~1, weights = ~rb050, data = small)
parts <- c(parts, paste0('"fifteen":', one(sdes)))

writeLines(paste0('{"line":', num(line), ',', paste(parts, collapse = ","), ',"R":"', R.version.string,
                  '","survey":"', as.character(packageVersion("survey")), '"}'),
           "test/fixtures/proportion-intervals.json")
