/* Bounded appending for building long test inputs (instead of strcat). */
#ifndef TEST_APPEND_H
#define TEST_APPEND_H

#include <stdio.h>
#include <string.h>

/* Appends s to the NUL-terminated buf of cap bytes, cutting what does not fit. */
static inline void append(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf);
    if (n + 1 < cap)
        snprintf(buf + n, cap - n, "%s", s);
}

#endif
