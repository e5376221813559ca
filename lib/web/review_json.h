/* review_json: the review loop as the JSON API shows it (cgi/api.c,
 * GET /api/v1/review/...): problem records, review meetings and
 * improvement actions, one at a time or as pages newest first. A key with
 * the "review" grant reads the whole loop, as the service director does. */
#ifndef DESK_REVIEW_JSON_H
#define DESK_REVIEW_JSON_H

#include <jansson.h>

#include "desk/desk.h"

#define REVIEW_JSON_PAGE 25

/* what: "problems", "meetings" or "actions"; department names in lang. */
/* A page of ids below before (0: from the newest): OUTCOME_OK with
 * *out = {"items": [...], "next_before": id or null}, or a failure. */
int review_json_list(desk_t *d, const char *what, long long before, lang_t lang, json_t **out);
/* One by id: OUTCOME_OK with *out, OUTCOME_NOT_FOUND, or a failure. A
 * problem record says its responsibility dimensions, responsible party and
 * origin (the statistics row it was made from, or null); a meeting its
 * departments invited and a director's override (reason, by whom). */
int review_json_one(desk_t *d, const char *what, long long id, lang_t lang, json_t **out);

#endif
