/* ics_write: one event as an iCalendar object (RFC 5545) for an invitation
 * (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL), as iTIP (RFC 5546)
 * calendar clients expect. Pure C, no parsing: lib/core/ics.h reads.
 *
 * The text: CRLF line ends, every content line folded at 75 octets (never
 * inside a UTF-8 character; continuation lines start with a space), TEXT
 * values escaped (\\ \; \, and \n for a line break; other control
 * characters dropped), parameter values (CN) quoted with their quotes and
 * controls dropped. Times are local times in the zone named tzid, described
 * by a VTIMEZONE built from the zone's changes of UTC offset, or UTC ("Z")
 * when tzid is NULL. DTSTAMP is always UTC. */
#ifndef DESK_ICS_WRITE_H
#define DESK_ICS_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define ICS_CHANGES_MAX 16

/* A change of the zone's UTC offset at instant at (seconds east of UTC). */
typedef struct ics_offset_change {
    time_t at;
    int from, to;
    bool dst; /* the new offset is daylight saving time */
} ics_offset_change_t;

/* A zone as the VTIMEZONE of one event needs it: the offset before the
 * first change and the changes around the event, in order. */
typedef struct ics_zone {
    const char *tzid; /* IANA name, e.g. "Asia/Shanghai" */
    int offset;       /* before changes[0] (or throughout when n == 0) */
    ics_offset_change_t changes[ICS_CHANGES_MAX];
    int n;
} ics_zone_t;

/* The process's local zone (TZ; desk_configure sets it to Desk.TimeZone)
 * between from and to, as z: changes found by glibc's localtime_r. tzid is
 * kept as given (not copied). 0, or -1 when more than ICS_CHANGES_MAX
 * changes lie between from and to. */
int ics_zone_local(const char *tzid, time_t from, time_t to, ics_zone_t *z);

typedef struct ics_person {
    const char *name;  /* CN, may be NULL */
    const char *email; /* mailto: address */
} ics_person_t;

typedef struct ics_event {
    const char *prodid;   /* "-//Desk//Review meetings//EN" */
    const char *method;   /* "REQUEST" or "CANCEL" */
    const char *uid;      /* the same for every version of the event */
    long long sequence;   /* 0 first; one more each time it changes */
    time_t stamp;         /* DTSTAMP: when this version was made */
    time_t start, end;
    const ics_zone_t *zone; /* NULL: UTC */
    ics_person_t organiser;
    const ics_person_t *attendees;
    int nattendees;
    const char *summary, *location, *description; /* NULL or "" left out */
} ics_event_t;

/* The whole VCALENDAR, NUL-terminated, malloc'd, its length in *len (may be
 * NULL); NULL when a required field (method, uid, organiser's email) is
 * missing, an address holds a control character, a quote or a space, or
 * out of memory. A CANCEL has STATUS:CANCELLED, a REQUEST
 * STATUS:CONFIRMED. */
char *ics_write_event(const ics_event_t *e, size_t *len);

#endif
