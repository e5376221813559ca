/* workbook: the whole report (tables.h) as an .xlsx workbook, written with
 * libxlsxwriter: a first sheet naming the periods (as dates) and the
 * filters, then one sheet per table, named by its title, its header row
 * bold and frozen. Counts are numbers, durations numbers of days shown as
 * [h]:mm:ss (seconds / 86400), percentages fractions shown as 0.0%, dates
 * dates shown as yyyy-mm-dd, texts strings (a string is never read as a
 * formula). A cell with no value is left empty. */
#ifndef DESK_STATS_WORKBOOK_H
#define DESK_STATS_WORKBOOK_H

#include "desk/stats/tables.h"

/* Writes the workbook of r to path (created or replaced), libxlsxwriter's
 * scratch files in tmpdir. 0 or -1. */
int stats_workbook_write(const stats_report_t *r, const char *path, const char *tmpdir);

#endif
