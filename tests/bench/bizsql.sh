# SQL expressions of the dev catalogue's calendars, for the benchmark's
# generator (gen_facts.sh) and its recount (reports.sh): sourced by both.
# Urgent (priority 1) counts on the 7x24 calendar, the other priorities on
# the 5x8 one (09:00-12:00 and 13:30-18:00, Monday to Friday,
# Asia/Shanghai, UTC+8 all year, no holidays in the dev data).
# E(x): seconds since the epoch of a UTC DATETIME x.
E() { echo "TIMESTAMPDIFF(SECOND, '1970-01-01', $1)"; }
# working seconds of the 5x8 calendar from the epoch to instant $1 (day 0,
# 1970-01-01, a Thursday: the working days before day D are 5 a week plus
# the Thursday-based remainder)
B1() {
  local L="($(E "$1") + 28800)"
  local D="($L DIV 86400)" M="($L MOD 86400)"
  echo "(27000 * (5 * ($D DIV 7) + ELT($D MOD 7 + 1, 0, 1, 2, 2, 2, 3, 4))"
  echo " + IF(($D + 4) MOD 7 BETWEEN 1 AND 5, LEAST(GREATEST($M - 32400, 0), 10800)"
  echo "   + LEAST(GREATEST($M - 48600, 0), 16200), 0))"
}
# the earliest instant at which the 5x8 calendar has counted $1 working
# seconds since the epoch
B1INV() {
  local K="(($1 - 1) DIV 27000)" R="($1 - 27000 * (($1 - 1) DIV 27000))"
  local D="(7 * ($K DIV 5) + ELT($K MOD 5 + 1, 0, 1, 4, 5, 6))"
  echo "(TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ($D * 86400 + IF($R <= 10800, 32400 + $R,"
  echo " 48600 + $R - 10800) - 28800) SECOND)"
}
# business seconds from $1 to $2 on the ticket's priority's calendar
BIZ() { echo "IF(${3:-t.priority_id} = 1, $(E "$2") - $(E "$1"), $(B1 "$2") - $(B1 "$1"))"; }
# the next update due after a public reply at $1 (NULL: no cadence)
NU() {
  local D="(($(E "$1") + 28800) DIV 86400)"
  local N="($D + 1 + CASE ($D + 5) MOD 7 WHEN 6 THEN 2 WHEN 0 THEN 1 ELSE 0 END)"
  echo "CASE ${2:-t.priority_id} WHEN 1 THEN $1 + INTERVAL 7200 SECOND"
  echo " WHEN 2 THEN $(B1INV "($(B1 "$1") + 14400)")"
  echo " WHEN 3 THEN TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ($N * 86400 + 61200 - 28800) SECOND"
  echo " END"
}
DAY() { echo "DATE($1 + INTERVAL 8 HOUR)"; }
