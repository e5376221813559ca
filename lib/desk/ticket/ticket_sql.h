/* ticket_sql: the statements that write and read a ticket's row, generated
 * from the table of core fields (ticket_fields.h): the columns a caller
 * names (ids, number, dues, ...) and then one per core field kept in the
 * row. Each text is built once per worker, at its first use, into the
 * worker's context (desk_t.ticket_sql), so the statement cache of
 * lib/store/db.h, which knows statements by the address of their text,
 * prepares each once per connection. */
#ifndef DESK_TICKET_SQL_H
#define DESK_TICKET_SQL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/secret.h"
#include "store/db.h"
#include "desk/ticket/ticket_fields.h"

#define TICKET_SQL_MAX 4096

/* The statements of a ticket's row: the insert, and the reads. */
enum { TICKET_SQL_INSERT, TICKET_SQL_BY_NUMBER, TICKET_SQL_BY_ID, TICKET_SQL_BY_FOLLOW,
       TICKET_SQL_BY_ID_LOCKED, TICKET_SQL_COUNT };

typedef struct ticket_sql {
    bool built[TICKET_SQL_COUNT];
    char text[TICKET_SQL_COUNT][TICKET_SQL_MAX];
} ticket_sql_t;

/* "INSERT INTO tickets (<columns>, <the core columns>) VALUES (<nfixed + core
 * placeholders>)": the text of statement which, built at the first call. */
const char *ticket_sql_insert(ticket_sql_t *q, int which, const char *columns, int nfixed);
/* "SELECT <columns>, <the core columns read back> FROM tickets <tail>". */
const char *ticket_sql_select(ticket_sql_t *q, int which, const char *columns, const char *tail);

/* Upper bound of the bytes the sealed contact details of one ticket take. */
#define TICKET_SQL_SEALED_MAX 4096
/* The insert's parameters of the core fields of in, in the order of the
 * columns, into out (cap places); sealed values are written to seal
 * (TICKET_SQL_SEALED_MAX bytes). Returns how many, or -1 when a value does
 * not fit. */
int ticket_sql_in_params(const ticket_core_in_t *in, const secrets_t *s, db_param_t *out, int cap,
                         unsigned char *seal);
/* The result columns of the core fields read back, in the order of the
 * SELECT's core columns, bound to t's members, into out (cap places).
 * Returns how many, or -1. */
int ticket_sql_back_cols(ticket_core_t *t, db_col_t *out, int cap);

#endif
