/* attachment: see attachment.h. */
#include "desk/attachment.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/text.h"
#include "store/db.h"

static const char sql_insert[] =
    "INSERT INTO attachments (ticket_id, event_id, filename, content_type, size_bytes, sha256,"
    " storage_key, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
#define ATTACHMENT_COLUMNS                                                                     \
    "SELECT a.id, a.ticket_id, IFNULL(a.event_id, 0), a.filename, a.content_type,"             \
    " a.size_bytes, a.storage_key, a.uploaded_by, IFNULL(e.visibility, 'public')"              \
    " FROM attachments a LEFT JOIN ticket_events e ON e.id = a.event_id"
static const char sql_get[] = ATTACHMENT_COLUMNS " WHERE a.id = ?";
/* a ticket's attachments and the evidence files of improvement actions */
static const char sql_known[] =
    "SELECT (SELECT COUNT(*) FROM attachments WHERE storage_key = ?)"
    " + (SELECT COUNT(*) FROM review_action_files WHERE storage_key = ?)";
/* a ticket's own and those of the tickets merged into it */
static const char sql_each[] = ATTACHMENT_COLUMNS " JOIN tickets t ON t.id = a.ticket_id"
                                                  " WHERE t.id = ? OR t.merged_into_id = ?"
                                                  " ORDER BY a.id";

/* What may be uploaded: the content's type as libmagic names it. */
static const char *const allowed_prefixes[] = {"image/", "text/", "video/", NULL};
static const char *const allowed_types[] = {
    "application/pdf", "application/zip", "application/gzip", "application/x-gzip",
    "application/x-tar", "application/json", "application/xml", "application/rtf",
    "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
    "application/vnd.ms-outlook", "application/CDFV2", "application/vnd.visio", NULL};
static const char *const allowed_families[] = {
    "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.",
    NULL};
/* Shown inline; everything else is a download. */
static const char *const raster_types[] = {"image/png", "image/jpeg", "image/gif", "image/webp",
                                           NULL};

static bool listed(const char *s, const char *const *list, bool prefix)
{
    for (int i = 0; list[i]; i++)
        if (prefix ? strncmp(s, list[i], strlen(list[i])) == 0 : strcmp(s, list[i]) == 0)
            return true;
    return false;
}

bool attachment_type_allowed(const char *mime)
{
    return listed(mime, allowed_types, false) || listed(mime, allowed_prefixes, true) ||
           listed(mime, allowed_families, true);
}

long long attachment_max_bytes(const desk_t *d)
{
    return config_get_int(&d->cfg, CFG_ATTACHMENTS_MAX_BYTES);
}

int attachment_max_files(const desk_t *d)
{
    return (int)config_get_int(&d->cfg, CFG_ATTACHMENTS_MAX_FILES);
}

static const char *store_dir(const desk_t *d)
{
    return config_get_str(&d->cfg, CFG_ATTACHMENTS_DIR);
}

/* The first chars characters of s, then "…", into out. */
static void shortened(const char *s, size_t chars, char *out, size_t cap)
{
    size_t n = 0, seen = 0;
    while (s[n] && seen <= chars)
        seen += ((unsigned char)s[++n] & 0xC0) != 0x80;
    snprintf(out, cap, "%.*s…", (int)n, s);
}

const char *attachment_check_name(const char *in, char out[ATTACH_NAME_MAX + 1])
{
    const char *base = in;
    for (const char *p = in; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    out[0] = '\0';
    if (!text_is_plain_name(base)) {
        char *marked = text_mark_name(base);
        if (marked && text_chars(marked) > ATTACH_NAME_CHARS)
            shortened(marked, 60, out, ATTACH_NAME_MAX + 1);
        else
            snprintf(out, ATTACH_NAME_MAX + 1, "%s", marked ? marked : "");
        free(marked);
        return "name";
    }
    if (text_chars(base) > ATTACH_NAME_CHARS) {
        shortened(base, 60, out, ATTACH_NAME_MAX + 1);
        return "name_long";
    }
    if (strcmp(base, ".") != 0 && strcmp(base, "..") != 0)
        memcpy(out, base, strlen(base) + 1); /* fits: at most ATTACH_NAME_CHARS characters */
    return NULL;
}

/* The worker's libmagic cookie, opened at its first use. */
static magic_t magic_cookie(desk_t *d)
{
    if (!d->magic) {
        magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
        if (m && magic_load(m, NULL) != 0) {
            log_error("libmagic: %s", magic_error(m));
            magic_close(m);
            m = NULL;
        }
        d->magic = m;
    }
    return d->magic;
}

const char *attachment_sniff(desk_t *d, const void *head, size_t n, bool *broken)
{
    magic_t m = magic_cookie(d);
    *broken = !m;
    return m ? magic_buffer(m, head, n) : NULL;
}

/* A file to take: its bytes either behind fd or in memory. */
typedef struct source {
    int fd;
    const unsigned char *data;
    long long size;
    char name[ATTACH_NAME_MAX + 1];
} source_t;

static ssize_t source_read(const source_t *s, void *buf, size_t cap, long long at)
{
    if (s->data) {
        size_t n = (size_t)(s->size - at) < cap ? (size_t)(s->size - at) : cap;
        memcpy(buf, s->data + at, n);
        return (ssize_t)n;
    }
    return pread(s->fd, buf, cap, at);
}

static const char *check_one(desk_t *d, const source_t *s, upload_t *u)
{
    if (s->size > attachment_max_bytes(d))
        return "too_large";
    if (s->size == 0)
        return "empty";
    unsigned char head[65536];
    ssize_t got = source_read(s, head, sizeof head, 0);
    bool broken = false;
    const char *type = got > 0 ? attachment_sniff(d, head, (size_t)got, &broken) : NULL;
    if (!type)
        return broken ? "store" : "type";
    if (!attachment_type_allowed(type))
        return "type";
    snprintf(u->content_type, sizeof u->content_type, "%s", type);
    snprintf(u->filename, sizeof u->filename, "%s", s->name);
    u->size = s->size;
    return NULL;
}

static void path_of(const desk_t *d, const char *key, char *out, size_t cap, bool make_dir)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%.2s", store_dir(d), key);
    if (make_dir && mkdir(dir, 0750) != 0 && errno != EEXIST)
        log_error("attachments: mkdir %s: %s", dir, strerror(errno));
    snprintf(out, cap, "%s/%s", dir, key);
}

/* All n bytes to fd; a short write is retried, so the failure reported is
 * the one that stopped it (ENOSPC on a full disk), never a stale errno. */
static int write_all(int fd, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = ENOSPC;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Copies the bytes under a fresh random name, hashing them on the way. */
static int store_one(desk_t *d, const source_t *s, upload_t *u)
{
    char path[1200];
    token_new(u->storage_key);
    path_of(d, u->storage_key, path, sizeof path, true);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) {
        log_error("attachments: create %s: %s", path, strerror(errno));
        return -1;
    }
    crypto_hash_sha256_state h;
    crypto_hash_sha256_init(&h);
    unsigned char buf[65536];
    long long at = 0;
    int rc = 0;
    const char *what = "write";
    while (rc == 0 && at < s->size) {
        ssize_t n = source_read(s, buf, sizeof buf, at);
        if (n <= 0) {
            what = "read the upload for";
            if (n == 0)
                errno = EIO; /* shorter than it was */
            rc = -1;
        } else if (write_all(fd, buf, (size_t)n) != 0) {
            rc = -1;
        } else {
            crypto_hash_sha256_update(&h, buf, (unsigned long long)n);
            at += n;
        }
    }
    crypto_hash_sha256_final(&h, u->sha256);
    if (rc == 0 && fsync(fd) != 0)
        rc = -1;
    int saved = errno;
    if (close(fd) != 0 && rc == 0) /* a delayed write error shows here */
        rc = -1, saved = errno;
    if (rc) {
        log_error("attachments: %s %s: %s", what, path, strerror(saved));
        unlink(path);
    }
    return rc;
}

void attachment_discard(desk_t *d, uploads_t *u)
{
    if (!u->stored)
        return;
    char path[1200];
    for (int i = 0; i < u->n; i++) {
        path_of(d, u->items[i].storage_key, path, sizeof path, false);
        unlink(path);
    }
    u->stored = false;
}

/* Checks all, then stores all: a refusal leaves nothing behind. */
static int take_all(desk_t *d, const source_t *src, int n, uploads_t *u)
{
    memset(u, 0, sizeof *u);
    if (n > attachment_max_files(d)) {
        u->error = "too_many";
        return -1;
    }
    for (int i = 0; i < n; i++) {
        const char *err = check_one(d, &src[i], &u->items[i]);
        if (err) {
            u->error = err;
            snprintf(u->error_file, sizeof u->error_file, "%s", src[i].name);
            return -1;
        }
    }
    for (u->n = 0; u->n < n; u->n++) {
        u->stored = true;
        if (store_one(d, &src[u->n], &u->items[u->n])) {
            attachment_discard(d, u);
            u->n = 0;
            u->error = "store";
            return -1;
        }
    }
    return 0;
}

int attachment_take_files(desk_t *d, const attachment_file_t *files, int n, uploads_t *u)
{
    memset(u, 0, sizeof *u);
    source_t src[ATTACH_MAX_FILES + 1];
    for (int i = 0; i < n; i++) {
        if (i == ATTACH_MAX_FILES || i == attachment_max_files(d)) {
            u->error = "too_many";
            return -1;
        }
        source_t *s = &src[i];
        *s = (source_t){.fd = files[i].fd, .size = files[i].size};
        if ((u->error = attachment_check_name(files[i].name ? files[i].name : "", s->name)) !=
            NULL) {
            snprintf(u->error_file, sizeof u->error_file, "%s", s->name);
            return -1;
        }
        if (!s->name[0])
            snprintf(s->name, sizeof s->name, "attachment-%d", i + 1);
    }
    return take_all(d, src, n, u);
}

int attachment_take_bytes(desk_t *d, const char *name, const void *data, size_t len,
                          uploads_t *u)
{
    source_t s = {.fd = -1, .data = data, .size = (long long)len};
    memset(u, 0, sizeof *u);
    if ((u->error = attachment_check_name(name ? name : "", s.name)) != NULL) {
        snprintf(u->error_file, sizeof u->error_file, "%s", s.name);
        return -1;
    }
    if (!s.name[0])
        snprintf(s.name, sizeof s.name, "attachment-1");
    return take_all(d, &s, 1, u);
}

int attachment_link(desk_t *d, long long ticket_id, long long event_id, const char *by,
                    const uploads_t *u)
{
    time_t now = desk_now(d);
    for (int i = 0; u && i < u->n; i++) {
        const upload_t *f = &u->items[i];
        int rc = db_exec(&d->db, sql_insert, "ijssibsst", ticket_id, event_id, f->filename,
                         f->content_type, f->size, f->sha256, sizeof f->sha256,
                         f->storage_key, by, now);
        if (rc < 0)
            return OUTCOME_UNAVAILABLE;
    }
    return OUTCOME_OK;
}

static int fetch(MYSQL_STMT *st, attachment_t *a)
{
    char vis[10];
    int rc = db_fetch(st, "iiississs", &a->id, &a->ticket_id, &a->event_id, a->filename,
                      sizeof a->filename, a->content_type, sizeof a->content_type, &a->size,
                      a->storage_key, sizeof a->storage_key, a->uploaded_by,
                      sizeof a->uploaded_by, vis, sizeof vis);
    a->internal = rc == 1 && strcmp(vis, "public") != 0;
    return rc;
}

int attachment_get(desk_t *d, long long id, attachment_t *a)
{
    memset(a, 0, sizeof *a);
    MYSQL_STMT *st = db_query(&d->db, sql_get, "i", id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    int rc = fetch(st, a);
    db_done(st);
    return db_found(rc);
}

int attachment_each(desk_t *d, long long ticket_id, bool with_internal,
                    void (*fn)(const attachment_t *a, void *ctx), void *ctx)
{
    MYSQL_STMT *st = db_query(&d->db, sql_each, "ii", ticket_id, ticket_id);
    if (!st)
        return OUTCOME_UNAVAILABLE;
    attachment_t a;
    int rc;
    while ((rc = fetch(st, &a)) == 1)
        if (with_internal || !a.internal)
            fn(&a, ctx);
    db_done(st);
    return rc < 0 ? rc : 0;
}

static void human_size(long long n, char *out, size_t cap)
{
    if (n >= 1024 * 1024)
        snprintf(out, cap, "%.1f MB", (double)n / (1024.0 * 1024.0));
    else if (n >= 1024)
        snprintf(out, cap, "%lld KB", (n + 1023) / 1024);
    else
        snprintf(out, cap, "%lld B", n);
}

void attachment_to_hdf(const attachment_t *a, void *ctx)
{
    HDF *hdf = ctx;
    char key[64], size[32];
    HDF *node = NULL;
    snprintf(key, sizeof key, "Attachments.%lld", a->id);
    if (hdf_get_node(hdf, key, &node) != STATUS_OK)
        return;
    hdf_set_int_value(node, "id", (int)a->id);
    hdf_set_int_value(node, "event", (int)a->event_id);
    hdf_set_value(node, "name", a->filename);
    hdf_set_value(node, "type", a->content_type);
    human_size(a->size, size, sizeof size);
    hdf_set_value(node, "size", size);
    hdf_set_int_value(node, "image", attachment_inline(a->content_type));
    hdf_set_int_value(node, "internal", a->internal);
}

bool attachment_inline(const char *type) { return listed(type, raster_types, false); }

int attachment_open(desk_t *d, const attachment_t *a, long long *size)
{
    char path[1200];
    path_of(d, a->storage_key, path, sizeof path, false);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        log_error("attachments: open %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *size = (long long)st.st_size;
    return fd;
}

static int sweep_dir(desk_t *d, const char *dir, time_t before, long *removed, long *kept)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return -1;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(dp))) {
        char path[1200];
        struct stat st;
        long long known = 0;
        if (strlen(e->d_name) != TOKEN_TEXT_LEN)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_mtime >= before)
            continue;
        if (db_row(&d->db, sql_known, "ss", "i", e->d_name, e->d_name, &known) != 1)
            rc = -1;
        else if (known)
            (*kept)++;
        else if (unlink(path) == 0)
            (*removed)++;
    }
    closedir(dp);
    return rc;
}

int attachment_sweep(desk_t *d, long min_age, long *removed, long *kept)
{
    *removed = *kept = 0;
    DIR *dp = opendir(store_dir(d));
    if (!dp)
        return -1;
    time_t before = time(NULL) - min_age;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(dp))) {
        char dir[1100];
        /* the shards are named by the keys' first two characters */
        if (strlen(e->d_name) != 2 || e->d_name[0] == '.')
            continue;
        snprintf(dir, sizeof dir, "%s/%s", store_dir(d), e->d_name);
        rc = sweep_dir(d, dir, before, removed, kept);
    }
    closedir(dp);
    return rc;
}
