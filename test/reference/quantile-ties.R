# Reference jackknife standard errors of the median when a replicate's cumulative weight hits one
# half exactly (test/inference/median-ties.test.ts).
#
# Run from the repository root:  Rscript test/reference/quantile-ties.R
# Writes test/fixtures/quantile-ties.json. Needs R >= 4 with survey (4.1.1 used).
# Each unit is its own PSU; JK1 (delete-one) replicate weights from survey::as.svrepdesign. A
# replicate's median is R's median() of the units it keeps (weight > 0): with an even number of
# units it averages the two middle ones, which is the EU-SILC rule on unit weights. A unit a
# replicate deletes must not enter that average.
suppressPackageStartupMessages(library(survey))
options(survey.replicates.mse = FALSE)

jk_median <- function(x) {
  d <- data.frame(x = x, id = seq_along(x), w = 1)
  des <- as.svrepdesign(svydesign(ids = ~id, weights = ~w, data = d), type = "JK1")
  r <- withReplicates(des, function(w, data) median(data$x[w > 0]))
  c(estimate = unname(coef(r)), se = unname(SE(r)))
}

cases <- list(one_to_five = c(1, 2, 3, 4, 5), seven = c(3, 1, 4, 1, 5, 9, 2))
out <- sapply(names(cases), function(k) {
  r <- jk_median(cases[[k]])
  sprintf('"%s":{"x":[%s],"estimate":%.17g,"se":%.17g}', k, paste(cases[[k]], collapse = ","), r[["estimate"]], r[["se"]])
})
json <- paste0('{"source":"R ', paste(R.version$major, R.version$minor, sep = "."), ', survey ',
               as.character(packageVersion("survey")), ': as.svrepdesign(type = \\"JK1\\") + withReplicates(median of kept units)",',
               paste(out, collapse = ","), "}")
writeLines(json, "test/fixtures/quantile-ties.json")
