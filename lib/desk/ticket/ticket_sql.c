/* ticket_sql: see ticket_sql.h. */
#include "desk/ticket/ticket_sql.h"

#include <stdio.h>
#include <string.h>


static bool stored(const ticket_field_t *f) { return f->column != NULL; }

/* Appends to buf (cap bytes, holding len); false when it does not fit. */
static bool add(char *buf, size_t cap, size_t *len, const char *a, const char *b)
{
    int n = snprintf(buf + *len, cap - *len, "%s%s", a, b);
    if (n < 0 || (size_t)n >= cap - *len)
        return false;
    *len += (size_t)n;
    return true;
}

static const char *done(ticket_sql_t *q, int which, bool ok)
{
    q->built[which] = ok;
    if (!ok)
        q->text[which][0] = '\0';
    return ok ? q->text[which] : NULL;
}

const char *ticket_sql_insert(ticket_sql_t *q, int which, const char *columns, int nfixed)
{
    if (q->built[which])
        return q->text[which];
    char *buf = q->text[which];
    size_t len = 0, cap = TICKET_SQL_MAX;
    bool ok = add(buf, cap, &len, "INSERT INTO tickets (", columns);
    for (int i = 0; ok && i < ticket_ncore; i++)
        if (stored(&ticket_core[i]))
            ok = add(buf, cap, &len, ", ", ticket_core[i].column);
    ok = ok && add(buf, cap, &len, ") VALUES (", "");
    for (int i = 0; ok && i < nfixed; i++)
        ok = add(buf, cap, &len, i ? ", " : "", "?");
    for (int i = 0; ok && i < ticket_ncore; i++)
        if (stored(&ticket_core[i]))
            ok = add(buf, cap, &len, ", ", "?");
    return done(q, which, ok && add(buf, cap, &len, ")", ""));
}

const char *ticket_sql_select(ticket_sql_t *q, int which, const char *columns, const char *tail)
{
    if (q->built[which])
        return q->text[which];
    char *buf = q->text[which];
    size_t len = 0, cap = TICKET_SQL_MAX;
    bool ok = add(buf, cap, &len, "SELECT ", columns);
    for (int i = 0; ok && i < ticket_ncore; i++)
        if (stored(&ticket_core[i]) && ticket_field_read_back(&ticket_core[i]))
            ok = add(buf, cap, &len, ", ", ticket_core[i].column);
    return done(q, which, ok && add(buf, cap, &len, " FROM tickets ", tail));
}

int ticket_sql_in_params(const ticket_core_in_t *in, const secrets_t *s, db_param_t *out, int cap,
                         unsigned char *seal)
{
    int n = 0;
    size_t used = 0;
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!stored(f))
            continue;
        if (n == cap)
            return -1;
        const char *v = ticket_in_text(in, f);
        switch (f->kind) {
        case TFK_TIME:
            out[n++] = (db_param_t){.type = 't', .t = ticket_in_time(in, f)};
            break;
        case TFK_SEALED: {
            size_t len = v ? strlen(v) : 0;
            if (v && used + SECRET_SEALED_LEN(len) > TICKET_SQL_SEALED_MAX)
                return -1;
            if (v)
                secret_seal(s, v, len, seal + used);
            out[n++] = (db_param_t){.type = 'b', .s = v ? seal + used : NULL,
                                    .len = v ? SECRET_SEALED_LEN(len) : 0};
            used += v ? SECRET_SEALED_LEN(len) : 0;
            break;
        }
        default:
            out[n++] = (db_param_t){.type = 's', .s = v ? v : f->fallback};
        }
    }
    return n;
}

int ticket_sql_back_cols(ticket_core_t *t, db_col_t *out, int cap)
{
    int n = 0;
    for (int i = 0; i < ticket_ncore; i++) {
        const ticket_field_t *f = &ticket_core[i];
        if (!stored(f) || !ticket_field_read_back(f))
            continue;
        if (n == cap)
            return -1;
        void *at = (char *)t + f->back_offset;
        out[n++] = f->kind == TFK_TEXT   ? (db_col_t){.type = 's', .dst = at, .cap = f->size}
                   : f->kind == TFK_LONG ? (db_col_t){.type = 'S', .dst = at}
                                         : (db_col_t){.type = 't', .dst = at};
    }
    return n;
}
