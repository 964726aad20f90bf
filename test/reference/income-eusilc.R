# Reference values for test/income/person-weighted-rates.test.ts: laeken's at-risk-of-poverty
# rate on the person-level EU-SILC example, broken down by the HBAI-style age groups.
# Run from the repository root: Rscript test/reference/income-eusilc.R
# Writes test/fixtures/income-eusilc.json.
suppressMessages(library(laeken))
data(eusilc)
# Age groups as the test builds them from household rows: children < 18, working age 18-64,
# pensioners 65+; in the 5 households with nobody aged 18+, members aged 14+ count as adults
# (every household needs an adult).
has18 <- ave(eusilc$age >= 18, eusilc$db030, FUN = any)
child <- eusilc$age < 18 & (has18 | eusilc$age < 14)
eusilc$agegroup <- factor(ifelse(child, "Children", ifelse(eusilc$age >= 65, "Pensioners", "Working-age adults")))
a <- arpr("eqIncome", weights = "rb050", breakdown = "agegroup", data = eusilc)
thr <- a$threshold
poor <- eusilc$eqIncome < thr
num <- tapply(eusilc$rb050 * poor, eusilc$agegroup, sum)
pop <- tapply(eusilc$rb050, eusilc$agegroup, sum)
# severe (50%) and 70% lines on the same median, with laeken's own threshold p
a50 <- arpr("eqIncome", weights = "rb050", p = 0.5, data = eusilc)
a70 <- arpr("eqIncome", weights = "rb050", p = 0.7, data = eusilc)
nohead <- sum(tapply(eusilc$age >= 18, eusilc$db030, sum) == 0)
out <- list(
  source = sprintf("R %s, laeken %s: arpr('eqIncome', weights = 'rb050', breakdown = agegroup, data = eusilc)",
                   getRversion(), packageVersion("laeken")),
  threshold = thr,
  median = weightedMedian(eusilc$eqIncome, eusilc$rb050),
  rate_all = a$value / 100,
  rate_by_group = as.list(setNames(a$valueByStratum$value / 100, as.character(a$valueByStratum$stratum))),
  number_by_group = as.list(num),
  population_by_group = as.list(pop),
  number_all = sum(eusilc$rb050 * poor),
  threshold50 = a50$threshold, rate50 = a50$value / 100,
  threshold70 = a70$threshold, rate70 = a70$value / 100,
  households_without_adult_18plus = nohead
)
# minimal JSON writer (jsonlite is not installed): numbers with 17 significant digits
json <- function(x, indent = "") {
  if (is.list(x)) {
    inner <- paste0(indent, "  ")
    items <- vapply(names(x), function(k) paste0(inner, "\"", k, "\": ", json(x[[k]], inner)), "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.character(x)) return(paste0("\"", gsub("\"", "\\\\\"", x), "\""))
  sprintf("%.17g", unname(x))
}
writeLines(json(out), "test/fixtures/income-eusilc.json")
