/* agent_web: what the workspace (build/agent) and the admin console
 * (build/admin) share, in cgi/agent/web.c. They serve under one sign-in: the session
 * cookie "sid", the CSRF token derived from it (auth_csrf_token) and the
 * agent layout (templates/agent/layout.cs). */
#ifndef DESK_AGENT_WEB_H
#define DESK_AGENT_WEB_H

#include <stdbool.h>

#include "desk/people/auth.h"
#include "web/status.h"
#include "web/web.h"

typedef struct session {
    agent_t me;
    char token[TOKEN_TEXT_LEN + 1];
    char csrf[TOKEN_TEXT_LEN + 1];
} session_t;

/* The signed-in agent of a request (w->ctx is its session_t). */
#define ME(w) (&((session_t *)(w)->ctx)->me)

/* Resolves the session cookie into s; answers the request itself (sign-in
 * redirect, 503) when there is none. */
bool agent_signed_in(web_t *w, session_t *s);
/* Sets the "acted" cookie: every worker reads the queue counts afresh. */
void agent_mark_acted(web_t *w);
/* Renders templates/agent/error.cs with status and an L.Agent.Error /
 * L.Agent.Fail key, in the workspace frame (top bar, queues; the admin
 * console's when admin_error set it) whenever someone is signed in. */
void agent_error_page(web_t *w, int status, const char *key);
/* The error page of a failed outcome: its status and key (web/status.h). */
void agent_fail(web_t *w, int rc);
/* Whether the form's "csrf" field is the session's token. */
bool agent_csrf_ok(web_t *w);
/* A deadline chip at key: state ok / warn / breach / none, the time, and
 * the minutes left or over (0: none). */
void agent_set_due(web_t *w, const char *key, time_t due);
/* Fills the top bar and queue column of the agent layout (Me.*, Nav.*, Csrf). */
void agent_set_nav(web_t *w);

/* The admin console (cgi/admin/admin.c): its templates, and its handler of every
 * /admin and /admin/... request of a signed-in agent. */
extern const char *const admin_pages[];
void admin_handle(web_t *w);

/* At work or absent, set by the agent (cgi/agent/availability.c). */
void agent_page_availability(web_t *w, const char *arg);
void agent_do_availability(web_t *w, const char *arg);
/* The statistics, their CSV tables and the tickets behind a number
 * (cgi/agent/stats.c). */
void agent_page_stats(web_t *w, const char *arg);
void agent_page_stats_csv(web_t *w, const char *arg);
void agent_page_stats_xlsx(web_t *w, const char *arg);
void agent_page_stats_tickets(web_t *w, const char *arg);
/* The R&D desk's queue of escalations (cgi/agent/rnd.c), and the
 * escalation block of a ticket page (Escalation.*). */
void agent_page_rnd(web_t *w, const char *arg);
void agent_ticket_escalation(web_t *w, long long ticket_id);
/* The ticket page's workaround clock and latest workaround (cgi/agent/workaround.c). */
void agent_ticket_workaround(web_t *w, long long ticket_id, bool open);
/* The signed acceptance form of a ticket, to print (cgi/agent/acceptance.c). */
void agent_page_acceptance(web_t *w, const char *arg);
/* The reply templates offered on a ticket page, filled for it (cgi/agent/replies.c). */
void agent_reply_templates(web_t *w, const ticket_t *t);

/* The active people (at most AGENT_PEOPLE_MAX) as the codes of a multiple
 * choice of person ids ("3"): codes NULL-ended. */
#define AGENT_PEOPLE_MAX 500
typedef struct people_choices {
    char ids[AGENT_PEOPLE_MAX][24];
    const char *codes[AGENT_PEOPLE_MAX + 1];
    int n;
} people_choices_t;
/* Fills c (heap it: it is large); 0, or -1 when the database failed. */
int agent_people_choices(web_t *w, people_choices_t *c);

/* Problem records (cgi/agent/problems.c): the list, a new one, the record,
 * its edit form, its workflow actions; and Problems.N.* of a ticket page. */
void agent_page_problems(web_t *w, const char *arg);
void agent_page_problem_new(web_t *w, const char *arg);
void agent_do_problem_new(web_t *w, const char *arg);
void agent_page_problem(web_t *w, const char *arg);
void agent_page_problem_edit(web_t *w, const char *arg);
void agent_do_problem_edit(web_t *w, const char *arg);
void agent_do_problem_act(web_t *w, const char *arg);
void agent_ticket_problems(web_t *w, long long ticket_id);
void agent_problem_row(long long id, const char *title, const char *status, void *ctx);
/* Review meetings (cgi/agent/meetings.c): the list, a new one, one. */
void agent_page_meetings(web_t *w, const char *arg);
void agent_page_meeting_new(web_t *w, const char *arg);
void agent_do_meeting_new(web_t *w, const char *arg);
void agent_page_meeting(web_t *w, const char *arg);
void agent_page_meeting_edit(web_t *w, const char *arg);
void agent_do_meeting_edit(web_t *w, const char *arg);
void agent_do_meeting_cancel(web_t *w, const char *arg);
void agent_do_meeting_held(web_t *w, const char *arg);
/* A meeting's material pack (cgi/agent/meeting_pack.c). */
void agent_page_meeting_pack(web_t *w, const char *arg);

#endif
