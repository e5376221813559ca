/* lang: the desk's two languages: Chinese, the default, and English. */
#ifndef DESK_LANG_H
#define DESK_LANG_H

typedef enum lang { LANG_ZH, LANG_EN, LANG_COUNT } lang_t;

lang_t lang_parse(const char *code); /* "en" is English, anything else Chinese */
const char *lang_code(lang_t lang);  /* "zh", "en" */

#endif
