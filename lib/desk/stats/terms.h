/* terms: the keywords of a ticket's subject, without a word segmenter.
 * Chinese text has no spaces between words, and a dictionary segmenter is
 * one more dependency whose vocabulary would miss a desk's product names;
 * so a run of Chinese characters gives its character bigrams (打印机无法连接:
 * 打印, 印机, 机无, 无法, 法连, 连接), the way full-text engines index CJK
 * (Mroonga's TokenBigram). Counted over many subjects, the real words
 * (打印, 无法, 连接) rise to the top and the chance pairs across word
 * boundaries (机无) stay rare. A pair holding a particle or pronoun (的, 了,
 * 是, 我 ...) is left out, as is a run of one character. Latin letters and
 * digits make whole words, lower-cased ASCII, of at least two characters
 * and at least one letter. Every term is at most STATS_TERM_MAX bytes. No
 * database: a pure function, tested by tests/unit/test_stats_terms.c. */
#ifndef DESK_STATS_TERMS_H
#define DESK_STATS_TERMS_H

#define STATS_TERM_MAX 32
#define STATS_TERMS_MAX 64 /* distinct terms kept per subject, the first ones */

/* The distinct terms of a UTF-8 text in order of appearance; their number. */
int stats_terms(const char *text, char out[][STATS_TERM_MAX + 1], int max);

#endif
