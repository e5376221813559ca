/* calendars: the business calendars SLA targets are counted in, as admins
 * manage them. Owns the tables business_calendars (name, IANA time zone,
 * active), calendar_spans (the weekly working spans) and calendar_days
 * (holidays and make-up working days, 调休); lib/desk/catalog/catalog.c loads the
 * active calendars into every worker (lib/core/bizclock.h) and
 * lib/core/calrules.h holds the rules of their texts.
 *
 * A calendar is deactivated, never deleted, and not while an active level
 * or override counts in it. The changes run inside the caller's
 * transaction, check what they need there, and report as lib/desk/refusal.h
 * says, adding what they changed to the audit change set they are given
 * (lib/desk/audit.h); the caller records it and commits. */
#ifndef DESK_SLA_CALENDARS_H
#define DESK_SLA_CALENDARS_H

#include <jansson.h>
#include <stdbool.h>

#include "core/bizclock.h"
#include "desk/desk.h"
#include "desk/refusal.h"

#define CALENDAR_SPAN_TEXT 160     /* a weekday's spans as text */
#define CALENDAR_DAY_NAME_MAX 100  /* characters of a holiday's name */

/* The weekdays as the audit log and the forms name them, Sunday first
 * (the index is the weekday of calendar_spans): "sun", "mon", ... */
extern const char *const calendar_weekdays[7];
/* What a dated day of a calendar may be, NULL-ended: "holiday", "workday". */
extern const char *const calendar_day_kinds[];

typedef struct calendar_def {
    long long id;
    bool active;
    char code[41], name_zh[401], name_en[401], zone[BIZCAL_TZ_MAX]; /* VARCHAR(100), utf8mb4 */
    char spans[7][CALENDAR_SPAN_TEXT]; /* per weekday (calrules_format_spans); calendar_get only */
} calendar_def_t;

/* A calendar as an admin submits it (checked by the form: the zone loads,
 * the spans parsed by calrules_parse_spans). code only on creation. */
typedef struct calendar_in {
    const char *code, *name_zh, *name_en, *zone;
    bizcal_span_t spans[7][BIZCAL_MAX_SPANS];
    int nspans[7];
} calendar_in_t;

/* ---- rules (no database) ---- */

/* Whether a dated day may be stored: a real date "YYYY-MM-DD", a kind of
 * calendar_day_kinds, a name of valid UTF-8 of at most
 * CALENDAR_DAY_NAME_MAX characters ("" none). */
bool calendar_day_valid(const char *day, const char *kind, const char *name);

/* ---- reading ---- */

/* Up to limit calendars, active ones first, then by id (no spans). The
 * number, or -1. */
int calendars_each(desk_t *d, int limit, void (*fn)(const calendar_def_t *c, void *ctx),
                   void *ctx);
/* One calendar with its spans (FOR UPDATE when lock): OUTCOME_OK,
 * OUTCOME_NOT_FOUND or a failure. */
int calendar_get(desk_t *d, long long id, bool lock, calendar_def_t *c);
/* What the list of calendars says of each, by calendar id: its working
 * minutes a week; its holidays and make-up days from the day from
 * ("YYYY-MM-DD") on; the names of the active levels counted in it
 * ("紧急、重要"). 0, or -1 when they cannot be read. */
int calendars_week_minutes(desk_t *d, void (*fn)(long long id, long long minutes, void *ctx),
                           void *ctx);
int calendars_days_ahead(desk_t *d, const char *from,
                         void (*fn)(long long id, long long holidays, long long workdays,
                                    void *ctx),
                         void *ctx);
int calendars_users(desk_t *d, void (*fn)(long long id, const char *levels, void *ctx),
                    void *ctx);
/* Up to limit dated days of a calendar from the day from on, in order. The
 * number, or -1. */
int calendar_days_each(desk_t *d, long long id, const char *from, int limit,
                       void (*fn)(const char *day, const char *kind, const char *name,
                                  void *ctx),
                       void *ctx);
/* What storing the day (kind, name) would do: "new", "same" or "changed". */
const char *calendar_day_status(desk_t *d, long long id, const char *day, const char *kind,
                                const char *name);
/* Whether the calendar exists and is active; its row stays locked against
 * a concurrent deactivation until the caller's transaction ends. */
bool calendar_usable(desk_t *d, long long id);

/* ---- changes (in the caller's transaction) ---- */

/* A new calendar with its spans (*id). Refused: the code is taken. */
int calendar_create(desk_t *d, const calendar_in_t *in, long long *id, json_t *changes,
                    refusal_t *why);
/* Names, zone and spans of old->id (locked by the caller). Unchanged when
 * they are as they were. */
int calendar_update(desk_t *d, const calendar_def_t *old, const calendar_in_t *in,
                    json_t *changes);
/* Activates or deactivates c (locked by the caller). Refused
 * ("calendar_in_use") while an active level or override counts in it, or
 * ("zone_unknown") on activation when its zone no longer loads. */
int calendar_set_active(desk_t *d, const calendar_def_t *c, bool active, json_t *changes,
                        refusal_t *why);
/* Stores the day as kind (a holiday or a make-up working day) with its
 * name ("" none), or removes it (kind NULL). 1 changed, 0 it was so
 * already, <0 an outcome. */
int calendar_put_day(desk_t *d, long long id, const char *day, const char *kind,
                     const char *name, json_t *changes);

#endif
