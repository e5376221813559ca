/* export: the report's tables (tables.h) as CSV files and as JSON.
 *
 * CSV, one table a file, for spreadsheets: UTF-8 with a byte order mark, a
 * header of the columns' labels (durations in minutes to a tenth and
 * percentages marked so), numbers bare (durations and percentages to a
 * tenth, decimals to a hundredth), text with RFC 4180 quoting and a cell
 * that could start a formula defused (lib/core/csv.h); a cell with no
 * value is empty.
 *
 * JSON, for BI tools: the periods (first and last local day, and the
 * instants [from, to) in UTC), the filters, and each table with its
 * columns (code, label, kind, unit) and rows ({"key", column code: value});
 * durations in whole seconds, percentages as numbers to a tenth, decimals
 * to a hundredth, dates as "YYYY-MM-DD", a cell with no value null. */
#ifndef DESK_STATS_EXPORT_H
#define DESK_STATS_EXPORT_H

#include <jansson.h>
#include <stdio.h>

#include "desk/stats/tables.h"

/* Writes table t of r as a whole CSV file (BOM, header, rows). */
void stats_csv_write(const stats_report_t *r, const stats_table_t *t, FILE *out);

/* The report as JSON: every table, or only the one named (NULL: all);
 * NULL when out of memory. Percentages are reals: dump with
 * JSON_REAL_PRECISION(15) or less to read 47.4 as written. */
json_t *stats_report_json(const stats_report_t *r, const stats_table_t *only);

#endif
