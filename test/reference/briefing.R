# Reference values for the numbers the briefing pack computes (rather than copies) for a council:
# the slope index of inequality of income deprivation across national SIMD deciles within the
# council (R lm(rate ~ rank, weights = population) on the council's decile groups, ridit ranks),
# the council's SIMD profile (share of its people and data zones per national decile), and the
# LGBF family-group average of DWP children in low income families (BHC, 2025 release, FYE 2024).
# Run from the repository root:  Rscript test/reference/briefing.R  (writes test/fixtures/briefing-reference.json)
# R 4.x, base packages only.
options(digits = 17)
lookup <- read.csv("datasets/simd2020v2_datazone_lookup.csv", stringsAsFactors = FALSE)
ind <- read.csv("datasets/simd2020v2_indicators.csv", stringsAsFactors = FALSE)
num <- function(x) {
  x <- trimws(as.character(x))
  x[x %in% c("", "*", "n/a", "NA")] <- NA
  suppressWarnings(as.numeric(gsub(",", "", x)))
}
d <- merge(lookup[, c("DZ", "LAname", "Population", "SIMD2020v2_Decile")], ind[, c("Data_Zone", "income_count")], by.x = "DZ", by.y = "Data_Zone")
stopifnot(nrow(d) == 6976)

council_sii <- function(name) {
  z <- d[d$LAname == name, ]
  count <- num(z$income_count)
  ok <- !is.na(count)
  keys <- sort(unique(z$SIMD2020v2_Decile[ok]))
  P <- sapply(keys, function(k) sum(z$Population[ok & z$SIMD2020v2_Decile == k]))
  E <- sapply(keys, function(k) sum(count[ok & z$SIMD2020v2_Decile == k]))
  share <- P / sum(P)
  grp <- data.frame(decile = keys, population = P, rate = E / P, rank = cumsum(share) - share / 2)
  fit <- lm(rate ~ rank, data = grp, weights = population)
  b <- unname(coef(fit)[2])
  ci <- unname(confint(fit, "rank", level = 0.95)[1, ])
  mean_rate <- sum(share * grp$rate)
  # profile: every data zone of the council (income count or not), by national decile
  prof_keys <- 1:10
  people <- sapply(prof_keys, function(k) sum(z$Population[z$SIMD2020v2_Decile == k]))
  zones <- sapply(prof_keys, function(k) sum(z$SIMD2020v2_Decile == k))
  list(
    council = name, decile = grp$decile, rate = grp$rate, rank = grp$rank,
    sii = -b, sii_ci = rev(-ci), rii = -b / mean_rate,
    people_share = people / sum(z$Population), zones_share = zones / nrow(z)
  )
}

# LGBF family group average: simple mean of the family's councils (DWP percent / 100)
dwp <- read.csv("datasets/dwp_cilif_children_low_income_council.csv", stringsAsFactors = FALSE)
fam <- read.csv("datasets/lgbf_council_groupings.csv", stringsAsFactors = FALSE)
councils <- read.csv("datasets/scotland_council_areas_lookup.csv", stringsAsFactors = FALSE)
fam$code <- councils$code[match(fam$council, councils$lgbf_name)]
fam <- fam[!is.na(fam$code), ]  # the Scotland row
stopifnot(nrow(fam) == 32)
bhc24 <- dwp[grepl("^DWP 2025", dwp$release) & dwp$year_ending == 2024 & grepl("^S12", dwp$area_code), ]
family_mean <- function(code) {
  g <- fam$family_group_people[which(fam$code == code)]
  stopifnot(length(g) == 1)
  members <- fam$code[which(fam$family_group_people == g)]
  list(council = code, family_group = g, members = length(members), mean = mean(bhc24$percent[bhc24$area_code %in% members]) / 100)
}

out <- list(
  source = "test/reference/briefing.R",
  r_version = R.version.string,
  sii = lapply(c("Glasgow City", "Fife", "Shetland Islands"), council_sii),
  family = lapply(c("S12000049", "S12000047", "S12000027"), family_mean)
)
json <- function(x) {
  if (is.list(x) && !is.null(names(x))) return(paste0("{", paste0('"', names(x), '":', sapply(x, json), collapse = ","), "}"))
  if (is.list(x)) return(paste0("[", paste(sapply(x, json), collapse = ","), "]"))
  if (is.character(x)) { s <- paste0('"', x, '"'); return(if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")) }
  v <- ifelse(is.na(x), "null", format(x, digits = 17))
  if (length(x) == 1) v else paste0("[", paste(v, collapse = ","), "]")
}
writeLines(json(out), "test/fixtures/briefing-reference.json")
cat("wrote test/fixtures/briefing-reference.json\n")
