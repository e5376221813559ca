/* demo: the demo desk `deskctl demo` loads into a new database: five people
 * in their teams (an admin, a supervisor, an engineer, a trainer and a
 * product manager), each with a fresh random password, and a customer
 * organisation. Loading it again gives the same people new passwords and
 * makes them active again; nothing else changes. */
#ifndef DESK_DEMO_H
#define DESK_DEMO_H

#include "desk/desk.h"

#define DEMO_PASSWORD_LEN 16

/* Loads the demo people; for those whose sign-in the operator is given,
 * calls signin(key, login, password): key names them in the credentials
 * file ("ADMIN", "SUPERVISOR", "AGENT"). 0, or -1 at the first person that
 * cannot be written. */
int demo_load(desk_t *d,
              void (*signin)(const char *key, const char *login, const char *password, void *ctx),
              void *ctx);

#endif
