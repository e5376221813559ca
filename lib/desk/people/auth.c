/* auth: see auth.h. */
#include "desk/people/auth.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"
#include "core/password.h"
#include "desk/settings.h"
#include "desk/people/signin_limit.h"

static const char sql_agent_by_login[] =
    "SELECT id, password_hash FROM agents WHERE login = ? AND active = 1";
static const char sql_auth_event[] =
    "INSERT INTO auth_events (agent_id, login, kind, ip, created_at) VALUES (?, ?, ?, ?, ?)";
static const char sql_new_session[] =
    "INSERT INTO sessions (token_hash, agent_id, created_at, last_seen_at, expires_at, ip,"
    " user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_session[] =
    "SELECT s.id, s.last_seen_at, s.expires_at, a.id, a.login, a.name, a.role,"
    " a.can_see_contacts, a.is_product_manager, a.language, COALESCE((SELECT"
    " GROUP_CONCAT(m.team_id ORDER BY"
    " m.team_id) FROM team_members m WHERE m.agent_id = a.id), '')"
    " FROM sessions s JOIN agents a ON a.id = s.agent_id"
    " WHERE s.token_hash = ? AND s.ended_at IS NULL AND a.active = 1";
static const char sql_touch_session[] = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
static const char sql_end_session[] =
    "UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL";

bool auth_role_sees_contacts(desk_t *d, role_t r)
{
    return text_list_has(settings_get_str(&d->settings, &d->cfg, CFG_CONTACTS_REVEAL_ROLES),
                         role_code(r));
}

const char *role_code(role_t r)
{
    return r == ROLE_ADMIN        ? "admin"
           : r == ROLE_DIRECTOR   ? "director"
           : r == ROLE_SUPERVISOR ? "supervisor"
                                  : "agent";
}

static role_t role_parse(const char *s)
{
    return strcmp(s, "admin") == 0 ? ROLE_ADMIN
           : strcmp(s, "director") == 0   ? ROLE_DIRECTOR
           : strcmp(s, "supervisor") == 0 ? ROLE_SUPERVISOR
                                           : ROLE_AGENT;
}

bool agent_in_team(const agent_t *a, long long team_id)
{
    for (int i = 0; i < a->nteams; i++)
        if (a->teams[i] == team_id)
            return true;
    return false;
}

bool agent_is_supervisor(const agent_t *a) { return a->role != ROLE_AGENT; }

static void record(desk_t *d, long long agent_id, const char *login, const char *kind,
                   const char *ip, time_t now)
{
    db_exec(&d->db, sql_auth_event, "jssst", agent_id, login, kind, ip ? ip : "", now);
    log_info("auth %s login=%s ip=%s", kind, login, ip ? ip : "");
}

static int open_session(desk_t *d, long long agent_id, const char *ip, const char *ua,
                        time_t now, char token[TOKEN_TEXT_LEN + 1])
{
    unsigned char hash[SECRET_HASH_LEN];
    char agent[256];
    long longest = config_get_seconds(&d->cfg, CFG_SESSION_MAX_HOURS);
    token_new(token);
    token_hash(&d->secrets, token, hash);
    snprintf(agent, sizeof agent, "%s", ua ? ua : "");
    int rc = db_exec(&d->db, sql_new_session, "bitttss", hash, sizeof hash, agent_id, now, now,
                     now + longest, ip ? ip : "", agent);
    return rc == 1 ? OUTCOME_OK : OUTCOME_UNAVAILABLE;
}

int auth_sign_in(desk_t *d, const char *login, const char *password, const char *ip,
                 const char *user_agent, char token_out[TOKEN_TEXT_LEN + 1], long *wait_seconds)
{
    char hash[PASSWORD_HASH_MAX] = "";
    long long id = 0;
    time_t now = desk_now(d);
    *wait_seconds = 0;
    /* the same queries, the same hash work and the same answers whether or
     * not the login exists: nothing here tells a stranger which logins do */
    int found = db_row(&d->db, sql_agent_by_login, "s", "is", login, &id, hash, sizeof hash);
    if (found < 0)
        return OUTCOME_UNAVAILABLE;
    int verdict = signin_limit_check(d, ip, login, found ? id : 0, wait_seconds);
    if (verdict < 0)
        return OUTCOME_UNAVAILABLE;
    if (verdict != SIGNIN_GO) {
        record(d, id, login, verdict == SIGNIN_PAUSED ? "locked" : "throttled", ip, now);
        return verdict == SIGNIN_PAUSED ? OUTCOME_PAUSED : OUTCOME_LIMITED;
    }
    bool right = password_verify(found ? hash : password_dummy_hash(), password) && found;
    sodium_memzero(hash, sizeof hash);
    if (!right) {
        signin_limit_failed(d, ip, login); /* logged there; the answer stays "wrong" */
        record(d, id, login, "failure", ip, now);
        return OUTCOME_INVALID;
    }
    if (signin_limit_passed(d, ip, login, id) < 0)
        log_error("sign-in limit: cannot record the sign-in of %lld", id);
    record(d, id, login, "login", ip, now);
    return open_session(d, id, ip, user_agent, now, token_out);
}

static void parse_teams(const char *list, agent_t *a)
{
    a->nteams = 0;
    for (const char *p = list; *p && a->nteams < AUTH_MAX_TEAMS;) {
        char *end;
        long long id = strtoll(p, &end, 10);
        if (end == p)
            break;
        a->teams[a->nteams++] = id;
        p = *end == ',' ? end + 1 : end;
    }
}

int auth_session(desk_t *d, const char *token, agent_t *a)
{
    unsigned char hash[SECRET_HASH_LEN];
    long long sid, contacts, pm;
    time_t seen, expires, now = desk_now(d);
    char role[16], teams[512];
    memset(a, 0, sizeof *a);
    if (!token || strlen(token) != TOKEN_TEXT_LEN)
        return 0;
    token_hash(&d->secrets, token, hash);
    int rc = db_row(&d->db, sql_session, "b", "ittisssiiss", hash, sizeof hash, &sid, &seen,
                    &expires, &a->id, a->login, sizeof a->login, a->name, sizeof a->name, role,
                    sizeof role, &contacts, &pm, a->language, sizeof a->language, teams,
                    sizeof teams);
    if (rc != 1)
        return rc;
    long idle = config_get_seconds(&d->cfg, CFG_SESSION_IDLE_MINUTES);
    if (now > expires || now - seen > idle) {
        db_exec(&d->db, sql_end_session, "tb", now, hash, sizeof hash);
        return 0;
    }
    if (now - seen >= 60)
        db_exec(&d->db, sql_touch_session, "ti", now, sid);
    a->role = role_parse(role);
    a->can_see_contacts = contacts != 0 || auth_role_sees_contacts(d, a->role);
    a->is_product_manager = pm != 0;
    parse_teams(teams, a);
    return 1;
}

int auth_sign_out(desk_t *d, const char *token)
{
    unsigned char hash[SECRET_HASH_LEN];
    if (!token || strlen(token) != TOKEN_TEXT_LEN)
        return OUTCOME_OK;
    token_hash(&d->secrets, token, hash);
    return db_exec(&d->db, sql_end_session, "tb", desk_now(d), hash, sizeof hash) < 0 ? OUTCOME_UNAVAILABLE
                                                                                         : OUTCOME_OK;
}

void auth_csrf_token(const desk_t *d, const char *session_token, char out[TOKEN_TEXT_LEN + 1])
{
    unsigned char raw[32];
    crypto_generichash_state st;
    crypto_generichash_init(&st, d->secrets.token_key, sizeof d->secrets.token_key, sizeof raw);
    crypto_generichash_update(&st, (const unsigned char *)"csrf", 5);
    crypto_generichash_update(&st, (const unsigned char *)session_token, strlen(session_token));
    crypto_generichash_final(&st, raw, sizeof raw);
    sodium_bin2base64(out, TOKEN_TEXT_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
