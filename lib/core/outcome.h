/* outcome: how an operation of the desk ended; the one way lib/ reports it.
 *
 * An outcome is a kind (OK, NOT_FOUND, ...) and, where a caller must tell
 * cases of one kind apart (which rule refused a change, why a sign-in has to
 * wait), a detail. A detailed outcome's value is its kind minus 16 times the
 * detail's number, so every failure stays negative ("rc < 0" still means it
 * failed) and outcome_kind() gives back the kind. lib/web maps kinds to HTTP
 * statuses in one place (web/status.h); nothing below it knows HTTP.
 *
 * Functions that return a count, an id or a yes/no keep returning it, with a
 * negative outcome when they fail. */
#ifndef DESK_OUTCOME_H
#define DESK_OUTCOME_H

#define OUTCOME_DETAIL(kind, n) ((kind) - 16 * (n))
#define OUTCOME_KINDS 8 /* OK and the seven kinds of failure below */

typedef enum outcome {
    OUTCOME_OK = 0,
    OUTCOME_UNAVAILABLE = -1, /* the database or another service failed; nothing was changed */
    OUTCOME_NOT_FOUND = -2,
    OUTCOME_CONFLICT = -3,    /* changed by someone else since it was read */
    OUTCOME_INVALID = -4,     /* a value or a move outside what the rules allow */
    OUTCOME_FORBIDDEN = -5,   /* not for this user */
    OUTCOME_DUPLICATE = -6,   /* it exists already: a unique name, key or answer */
    OUTCOME_LIMITED = -7,     /* too many attempts: try again later */

    /* details of UNAVAILABLE: the transaction is lost and was rolled back */
    OUTCOME_LOST = OUTCOME_DETAIL(OUTCOME_UNAVAILABLE, 1),     /* the connection dropped */
    OUTCOME_DEADLOCK = OUTCOME_DETAIL(OUTCOME_UNAVAILABLE, 2), /* worth one more try */
    /* done or not, unknown: the connection was lost at COMMIT and did not
     * come back in time, or a mail server never answered the end of a
     * message it was given */
    OUTCOME_UNKNOWN = OUTCOME_DETAIL(OUTCOME_UNAVAILABLE, 13),
    /* details of INVALID */
    OUTCOME_TOO_LONG = OUTCOME_DETAIL(OUTCOME_INVALID, 3),       /* longer than its column */
    OUTCOME_BAD_TRANSITION = OUTCOME_DETAIL(OUTCOME_INVALID, 4), /* not from the state it is in */
    OUTCOME_REASON_REQUIRED = OUTCOME_DETAIL(OUTCOME_INVALID, 5),
    OUTCOME_NO_SUCH_AGENT = OUTCOME_DETAIL(OUTCOME_INVALID, 6),
    OUTCOME_NO_SUCH_TEAM = OUTCOME_DETAIL(OUTCOME_INVALID, 7), /* not an active team */
    OUTCOME_EVIDENCE_REQUIRED = OUTCOME_DETAIL(OUTCOME_INVALID, 8), /* a confirmation without its copy or note */
    OUTCOME_KEY_REUSED = OUTCOME_DETAIL(OUTCOME_INVALID, 9), /* a submit key sent before with another request */
    OUTCOME_REJECTED = OUTCOME_DETAIL(OUTCOME_INVALID, 10),  /* refused for good by the receiving server */
    OUTCOME_APPROVAL_REQUIRED = OUTCOME_DETAIL(OUTCOME_INVALID, 14), /* work before the customer approved */
    /* details of DUPLICATE */
    OUTCOME_ANSWERED = OUTCOME_DETAIL(OUTCOME_DUPLICATE, 11), /* a survey answered already */
    /* details of LIMITED */
    OUTCOME_PAUSED = OUTCOME_DETAIL(OUTCOME_LIMITED, 12), /* this login paused from this address */
} outcome_t;

/* The kind of an outcome (OUTCOME_OK for a count or id >= 0). */
outcome_t outcome_kind(int rc);

#endif
