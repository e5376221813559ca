/* lang: see lang.h. */
#include "core/lang.h"

#include <string.h>

static const char *const lang_codes[LANG_COUNT] = {"zh", "en"};

lang_t lang_parse(const char *code)
{
    return code && strcmp(code, "en") == 0 ? LANG_EN : LANG_ZH;
}

const char *lang_code(lang_t lang) { return lang_codes[lang]; }
