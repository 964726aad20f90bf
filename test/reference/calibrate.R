# Reference weights for povineq's calibrate() (test/inference/calibrate.test.ts).
#
# Run from the repository root:  Rscript test/reference/calibrate.R
# Writes test/fixtures/calibrate-reference.json. Needs R >= 4 with survey (4.1.1 used).
# Data: survey's `apistrat` (stratified sample of 200 California schools, Academic Performance
# Index 1999-2000, shipped with the survey package) and population totals from `apipop`.
# Each set-up calls survey::calibrate() on the design svydesign(id = ~1, strata = ~stype,
# weights = ~pw, fpc = ~fpc) and records weights(calibrated design), i.e. pw × g.
suppressPackageStartupMessages(library(survey))
data(api)

num <- function(x) if (length(x) == 1) sprintf("%.17g", x) else paste0("[", paste(sprintf("%.17g", x), collapse = ","), "]")
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
obj <- function(...) { a <- list(...); paste0("{", paste0('"', names(a), '":', unlist(a), collapse = ","), "}") }

des <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
N <- nrow(apipop)
stype_tot <- table(apipop$stype)            # E, H, M
wide_tot <- table(apipop$sch.wide)          # No, Yes
api99_tot <- sum(apipop$api99)
meals_tot <- sum(apipop$meals)

# model.matrix(~stype + sch.wide + api99): (Intercept), stypeH, stypeM, sch.wideYes, api99
pop_all <- c(N, stype_tot[["H"]], stype_tot[["M"]], wide_tot[["Yes"]], api99_tot)
pop_sa <- c(N, stype_tot[["H"]], stype_tot[["M"]], api99_tot)
pop_sam <- c(N, stype_tot[["H"]], stype_tot[["M"]], api99_tot, meals_tot)

eps <- 1e-13
setups <- list(
  linear = list(formula = ~stype + api99, pop = pop_sa, calfun = "linear", bounds = c(-Inf, Inf), margins = "stype,api99"),
  linear_bounded = list(formula = ~stype + sch.wide + api99, pop = pop_all, calfun = "linear", bounds = c(0.97, 1.03), margins = "stype,sch_wide,api99"),
  raking = list(formula = ~stype + sch.wide + api99, pop = pop_all, calfun = "raking", bounds = c(-Inf, Inf), margins = "stype,sch_wide,api99"),
  logit = list(formula = ~stype + api99 + meals, pop = pop_sam, calfun = "logit", bounds = c(0.9, 1.08), margins = "stype,api99,meals")
)

out <- character(0)
for (name in names(setups)) {
  s <- setups[[name]]
  cal <- calibrate(des, s$formula, population = s$pop, calfun = s$calfun, bounds = s$bounds, epsilon = eps, maxit = 200)
  w <- weights(cal)
  b <- if (all(is.finite(s$bounds))) num(s$bounds) else "null"
  out <- c(out, paste0('"', name, '":', obj(method = paste0('"', sub("_bounded", "", s$calfun), '"'), bounds = b,
                                         margins = str(strsplit(s$margins, ",")[[1]]), weights = num(unname(w)))))
}

# numeric totals within levels: ~stype + stype:api99 (survey's model matrix: intercept, stypeH,
# stypeM, stypeE:api99, stypeH:api99, stypeM:api99), raking
api_by <- tapply(apipop$api99, apipop$stype, sum)
cal <- calibrate(des, ~stype + stype:api99, population = c(N, stype_tot[["H"]], stype_tot[["M"]], api_by[["E"]], api_by[["H"]], api_by[["M"]]),
                 calfun = "raking", epsilon = eps, maxit = 200)
within <- obj(totals = obj(E = num(api_by[["E"]]), H = num(api_by[["H"]]), M = num(api_by[["M"]])), weights = num(unname(weights(cal))))

totals <- obj(
  stype = obj(E = num(stype_tot[["E"]]), H = num(stype_tot[["H"]]), M = num(stype_tot[["M"]])),
  sch_wide = obj(No = num(wide_tot[["No"]]), Yes = num(wide_tot[["Yes"]])),
  api99 = num(api99_tot),
  meals = num(meals_tot)
)
data <- obj(
  stype = str(as.character(apistrat$stype)),
  sch_wide = str(as.character(apistrat$sch.wide)),
  api99 = num(apistrat$api99),
  meals = num(apistrat$meals),
  pw = num(apistrat$pw)
)
json <- paste0('{"source":"R ', R.version$major, '.', R.version$minor, ' survey ', as.character(packageVersion("survey")),
               ' calibrate() on data(api) apistrat, totals from apipop; epsilon ', eps, '",',
               '"data":', data, ',"totals":', totals, ',"within":', within, ',"setups":{', paste(out, collapse = ","), '}}')
writeLines(json, "test/fixtures/calibrate-reference.json")
