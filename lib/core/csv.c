/* csv: see csv.h. */
#include "core/csv.h"

#include <string.h>

/* Leading white space a spreadsheet may skip before reading a formula:
 * ASCII blanks, NBSP, the ideographic space and the other Unicode spaces. */
static size_t space_len(const unsigned char *p)
{
    if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        return 1;
    if (p[0] == 0xC2 && p[1] == 0xA0) /* U+00A0 */
        return 2;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) /* U+3000 */
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8B) || p[2] == 0xAF))
        return 3; /* U+2000..200B, U+202F */
    if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) /* U+205F */
        return 3;
    if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) /* U+FEFF */
        return 3;
    return 0;
}

/* = + - @ and the full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) */
static bool formula_start(const unsigned char *p)
{
    if (strchr("=+-@", *p) && *p)
        return true;
    return p[0] == 0xEF && p[1] == 0xBC &&
           (p[2] == 0x9D || p[2] == 0x8B || p[2] == 0x8D || p[2] == 0xA0);
}

bool csv_formula_risk(const char *v)
{
    const unsigned char *p = (const unsigned char *)(v ? v : "");
    if (*p == '\t' || *p == '\r' || *p == '\n')
        return true;
    for (size_t n; (n = space_len(p)) > 0;)
        p += n;
    return formula_start(p);
}

void csv_cell(FILE *out, const char *v)
{
    fputc('"', out);
    if (csv_formula_risk(v))
        fputc('\'', out);
    for (const char *p = v ? v : ""; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}
