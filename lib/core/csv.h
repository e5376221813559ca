/* csv: cells of CSV files meant for spreadsheets: RFC 4180 quoting, and the
 * OWASP defence against formula injection. A cell whose text a spreadsheet
 * could read as a formula gets a leading apostrophe, which Excel and
 * LibreOffice show as text and do not evaluate. */
#ifndef DESK_CSV_H
#define DESK_CSV_H

#include <stdbool.h>
#include <stdio.h>

/* True when v would start a formula: its first character is TAB, CR or LF,
 * or its first character after leading white space (ASCII or Unicode
 * spaces) is = + - @ or their full-width forms. */
bool csv_formula_risk(const char *v);
/* Writes v as one quoted cell (NULL as empty), guarded when at risk. */
void csv_cell(FILE *out, const char *v);

#endif
