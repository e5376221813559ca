/* libFuzzer target: a form as the programs read it. The query string and a
 * urlencoded POST body go through req_start() (lib/web/http.c: the cgi kit
 * under the same cgiwrap hooks and NUL guard as a worker's), then through
 * form_validate() with the portal's rules and fields of every type, as a
 * handler would; the response is written with req_finish(). Checked: typed
 * numbers in their ranges, ids once each, what passed is clean UTF-8, a
 * date or a time that passed has its digits where its shape has them.
 *
 * Input: the query string, a line feed, the body (nginx never passes a raw
 * line feed in a query string). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "desk/catalog/commonfield.h"
#include "desk/ticket/ticket_fields.h"
#include "fakereq.h"
#include "web/form.h"
#include "web/http.h"

static const char *const colours[] = {"red", "绿色", "blue", NULL};
static const char *const teams[] = {"1", "22", "333", "999999999999999999", NULL};
static const form_field_t extra[] = {
    {.name = "count", .type = FT_NUMBER, .max_chars = 20},
    {.name = "rank", .type = FT_INTEGER, .max_chars = 20, .min = -5, .max = 999},
    {.name = "share", .type = FT_NUMBER, .max_chars = 20, .min = 0, .max = 100},
    {.name = "team", .type = FT_ID, .max_chars = 20},
    {.name = "day", .type = FT_DATE, .max_chars = 10},
    {.name = "when", .type = FT_DATETIME, .required = true, .max_chars = 16},
    {.name = "colour", .type = FT_CHOICE, .max_chars = 10, .choices = colours},
    {.name = "tags", .type = FT_MULTICHOICE, .max_chars = 100, .choices = colours},
    {.name = "agree", .type = FT_BOOL},
    {.name = "note", .type = FT_LONGTEXT, .max_chars = 30},
    {.name = "mail", .type = FT_EMAIL, .max_chars = 254},
    {.name = "teams", .type = FT_MULTICHOICE, .max_chars = 100, .choices = teams},
};

/* the portal's rules for a request's common fields, made once */
static form_field_t rules[COMMON_REQUEST_MAX];
static int nrules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setenv("TZ", "Asia/Shanghai", 1);
    unsigned char modes[COMMON_COUNT];
    for (int i = 0; i < COMMON_COUNT; i++)
        modes[i] = (unsigned char)common_default(i);
    nrules = common_request_rules(modes, rules);
    return 0;
}

/* A date or time that passed is shaped "0000-00-00" or "0000-00-00T00:00"
 * (T or a space), digits where the zeros are. */
static void check_shape(req_t *r, const char *name, const char *shape)
{
    const char *v = form_value(r->hdf, name);
    if (!v || hdf_get_valuef(r->hdf, "Form.%s.error", name))
        return;
    if (strlen(v) != strlen(shape))
        abort();
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == '0' ? v[i] < '0' || v[i] > '9'
                            : shape[i] == 'T' ? v[i] != 'T' && v[i] != ' ' : v[i] != shape[i])
            abort();
}

/* What the programs do with a parsed form: validate it (each value checked
 * in place, kept for the page, errors set) and read some of it raw. */
static void use_form(req_t *r)
{
    int n = nrules;
    form_validate(r->hdf, r->hdf, rules, n);
    form_validate(r->hdf, r->hdf, extra, (int)(sizeof extra / sizeof *extra));
    form_first_error(r->hdf);
    /* the typed numbers a handler reads stay in their ranges; ids are
     * listed once each */
    long long rank = form_int(r->hdf, "rank"), share = form_int(r->hdf, "share");
    long long team = form_int(r->hdf, "team"), ids[4];
    if (rank < -5 || rank > 999 || share < 0 || share > 100 || team < 0 || team > WEB_ID_MAX)
        abort();
    int nids = form_ids(r->hdf, "teams", ids, 4);
    for (int i = 0; i < nids; i++)
        for (int j = 0; j < i; j++)
            if (ids[i] == ids[j] || ids[i] < 1)
                abort();
    for (int i = 0; i < n; i++) {
        const char *v = form_value(r->hdf, rules[i].name);
        /* what passed is well-formed UTF-8 without control characters */
        if (v && !hdf_get_valuef(r->hdf, "Form.%s.error", rules[i].name) &&
            !text_is_clean_utf8(v, strlen(v)))
            abort();
    }
    check_shape(r, "day", "0000-00-00");
    check_shape(r, "when", "0000-00-00T00:00");
    const char *back = req_query(r, "back");
    if (back && http_local_path(back))
        req_redirect(r, back);
    req_query(r, "csrf");
    req_cookie(r, "csrf");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t qlen = nl ? (size_t)(nl - data) : size;
    const uint8_t *body = nl ? nl + 1 : data + size;
    size_t blen = nl ? size - qlen - 1 : 0;
    char cl[32];
    snprintf(cl, sizeof cl, "%zu", blen);

    fake_req_t f;
    fake_init(&f, body, blen);
    fake_params(&f, "REQUEST_METHOD", "POST");
    fake_params(&f, "REQUEST_URI", "/new");
    fake_param(&f, "QUERY_STRING", (const char *)data, qlen);
    fake_params(&f, "CONTENT_TYPE", "application/x-www-form-urlencoded");
    fake_params(&f, "CONTENT_LENGTH", cl);
    fake_params(&f, "REMOTE_ADDR", "127.0.0.1");

    req_t r;
    req_limits_t lim = {1 << 20, 1 << 20, NULL};
    if (req_start(&r, &f.fx, &lim, true) == 0)
        use_form(&r);
    req_finish(&r);
    fake_free(&f);
    return 0;
}
