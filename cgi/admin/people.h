/* admin_people: what the people pages share (cgi/admin/people.c: list,
 * create, edit; cgi/admin/people_account.c: deactivate, activate, password,
 * unlock). Not a header for other pages. */
#ifndef DESK_ADMIN_PEOPLE_H
#define DESK_ADMIN_PEOPLE_H

#include "admin/admin.h"
#include "desk/people/people.h"
#include "desk/people/skills.h"
#include "desk/people/teams.h"

/* Every team and skill tag, for one request: names of all of them (the
 * list shows old memberships too) and the active ones as form choices. */
typedef struct roster {
    team_info_t *teams;
    int nteams;
    skill_info_t *skills;
    int nskills;
    const char **team_choices; /* ids of the active ones as text, NULL-ended */
    const char **skill_choices;
    char *active_teams, *active_skills; /* the same as "1,2,5" */
} roster_t;

/* Loads the roster and publishes TeamName.<id>, SkillName.<id>, TeamOpts
 * and SkillOpts (active, in the page's language). 0, or -1 (answered 503). */
int roster_load(web_t *w, roster_t *r);
void roster_free(roster_t *r);
/* "aftersales, training" for the ids "1,2" (audit values); malloc'd. */
char *roster_codes(const roster_t *r, const char *ids, bool teams);

/* The person of /admin/people/ID/..., locked FOR UPDATE when lock (inside
 * the caller's transaction); 0 after answering 404 / 503. */
long long person_of(web_t *w, const char *arg, person_t *p, bool lock);
/* The person page (edit form and account state) of p with status; the
 * form shows p's values unless a refused submission is being shown again
 * (Form.HasErrors). */
void person_show(web_t *w, roster_t *r, const person_t *p, int status);

/* cgi/admin/people_account.c */
void person_page_deactivate(web_t *w, const char *arg);
void person_do_deactivate(web_t *w, const char *arg);
void person_do_activate(web_t *w, const char *arg);
void person_page_password(web_t *w, const char *arg);
void person_do_password(web_t *w, const char *arg);
void person_do_unlock(web_t *w, const char *arg);

#endif
