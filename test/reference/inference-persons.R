# Reference SEs for HBAI person-weighted poverty rates in povineq's estimate(…, { persons }).
# Run from the repository root: Rscript test/reference/inference-persons.R
# Writes test/fixtures/inference-persons-reference.json. R survey 4.1.1.
# A household table is made from the EU-SILC example (datasets/eusilc_laeken_synthetic.csv): one row
# per household db030 with its region db040, household weight db090, equivalised income eqIncome
# and people counted by age: adults (16+), children_14_plus (14–15), children_under_14, pensioners (65+).
suppressPackageStartupMessages(library(survey))
d <- read.csv("datasets/eusilc_laeken_synthetic.csv", stringsAsFactors = FALSE)
hh <- do.call(rbind, lapply(split(d, d$db030), function(h) data.frame(
  db030 = h$db030[1], db040 = h$db040[1], db090 = h$db090[1], eqIncome = h$eqIncome[1],
  adults = sum(h$age >= 16), children_14_plus = sum(h$age >= 14 & h$age < 16),
  children_under_14 = sum(h$age < 14), pensioners = sum(h$age >= 65))))
hh <- hh[order(hh$db030), ]
line <- 10000
hh$kids <- hh$children_14_plus + hh$children_under_14
hh$all <- hh$adults + hh$kids
hh$poor <- as.numeric(hh$eqIncome < line)
des <- svydesign(ids = ~1, strata = ~db040, weights = ~db090, data = hh)  # households sampled individually within regions
r_kids <- svyratio(~I(kids * poor), ~kids, des)
r_all <- svyratio(~I(all * poor), ~all, des)
num <- function(x) sprintf("%.17g", x)
writeLines(paste0("{",
  '"source":"test/reference/inference-persons.R; R ', R.version$major, ".", R.version$minor, ", survey ", packageVersion("survey"), '",',
  '"line":', num(line), ",",
  '"households":', nrow(hh), ",",
  '"children":{"rate":', num(coef(r_kids)), ',"se":', num(SE(r_kids)), "},",
  '"all":{"rate":', num(coef(r_all)), ',"se":', num(SE(r_all)), "}}"),
  "test/fixtures/inference-persons-reference.json")
