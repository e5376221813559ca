/* ticket_number: see ticket_number.h. */
#include "desk/ticket/ticket_number.h"

#include <stdio.h>
#include <string.h>

bool tn_pattern_valid(const char *p)
{
    if (!p || strlen(p) > 20 || !strstr(p, "YYYY") || !strstr(p, "MM"))
        return false;
    const char *n = strchr(p, 'N');
    if (!n || strchr(n + strspn(n, "N"), 'N'))
        return false;
    return strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
           strlen(p);
}

void tn_period(const char *pattern, const struct tm *t, char out[9])
{
    if (!strftime(out, 9, strstr(pattern, "DD") ? "%Y%m%d" : "%Y%m", t))
        out[0] = '\0';
}

int tn_render(const char *p, const struct tm *t, long serial, char *out, size_t cap)
{
    size_t o = 0;
    while (*p) {
        char piece[24];
        size_t step = 1;
        if (strncmp(p, "YYYY", 4) == 0)
            strftime(piece, sizeof piece, "%Y", t), step = 4;
        else if (strncmp(p, "MM", 2) == 0)
            strftime(piece, sizeof piece, "%m", t), step = 2;
        else if (strncmp(p, "DD", 2) == 0)
            strftime(piece, sizeof piece, "%d", t), step = 2;
        else if (*p == 'N') {
            step = strspn(p, "N");
            snprintf(piece, sizeof piece, "%0*ld", (int)step, serial);
        } else
            piece[0] = *p, piece[1] = '\0';
        size_t len = strlen(piece);
        if (o + len >= cap)
            return -1;
        memcpy(out + o, piece, len);
        o += len;
        p += step;
    }
    out[o] = '\0';
    return 0;
}
