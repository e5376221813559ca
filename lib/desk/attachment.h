/* attachment: files customers and agents add to a ticket.
 *
 * attachment_take_files() checks every file of one submission (count, size,
 * type detected from the content by libmagic against an allow-list; the
 * client's name and claimed type are never trusted) and only when all pass
 * copies them under a random name into Attachments.Dir, outside the web
 * root, with their SHA-256. attachment_link() then records them in the
 * caller's transaction, tied to the ticket event they came with; a failed
 * transaction calls attachment_discard() so nothing is left half-stored.
 * Taking them from a request and serving them is lib/web/files.h's. */
#ifndef DESK_ATTACHMENT_H
#define DESK_ATTACHMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "desk/desk.h"

#define ATTACH_MAX_FILES 10
#define ATTACH_NAME_CHARS 200                  /* a file name's limit, in characters */
#define ATTACH_NAME_MAX (ATTACH_NAME_CHARS * 4) /* ... in bytes */

typedef struct upload {
    char filename[ATTACH_NAME_MAX + 1]; /* checked: no path, no control or bidi character */
    char content_type[100];            /* detected from the content */
    long long size;
    unsigned char sha256[32];
    char storage_key[TOKEN_TEXT_LEN + 1];
} upload_t;

typedef struct uploads {
    upload_t items[ATTACH_MAX_FILES];
    int n;
    bool stored; /* the files are in the store (attachment_discard removes them) */
    /* on refusal: an error key (too_many, too_large, empty, type, name,
     * name_long, store) and the name of the file it is about (refused
     * characters shown as U+FFFD) */
    const char *error;
    char error_file[ATTACH_NAME_MAX + 1];
} uploads_t;

typedef struct attachment {
    long long id, ticket_id, event_id, size;
    char filename[ATTACH_NAME_MAX + 1], content_type[101], storage_key[TOKEN_TEXT_LEN + 1];
    char uploaded_by[10];
    bool internal; /* came with an internal note: agents only */
} attachment_t;

/* Attachments.MaxBytes and Attachments.MaxFiles. */
long long attachment_max_bytes(const desk_t *d);
int attachment_max_files(const desk_t *d);

/* A file handed in: its bytes behind fd, and the name the client gave it. */
typedef struct attachment_file {
    int fd;
    long long size;
    const char *name; /* as the client sent it, unchecked; NULL for none */
} attachment_file_t;

/* Checks and stores the files of one submission. In their order: more than
 * Attachments.MaxFiles of them, or a name that may not be stored, refuses
 * them all at once; then each is checked, and only then are all stored. 0
 * when all were taken (possibly none), -1 when refused (u->error says why;
 * nothing stored). */
int attachment_take_files(desk_t *d, const attachment_file_t *files, int n, uploads_t *u);
/* Checks and stores one file given as bytes (the API). Same rules. */
int attachment_take_bytes(desk_t *d, const char *name, const void *data, size_t len,
                          uploads_t *u);
/* Records the stored files in the current transaction; 0 or OUTCOME_UNAVAILABLE. */
int attachment_link(desk_t *d, long long ticket_id, long long event_id, const char *by,
                    const uploads_t *u);
/* Removes stored files that were not recorded (after a rollback). */
void attachment_discard(desk_t *d, uploads_t *u);

/* One attachment by id: OUTCOME_OK, OUTCOME_NOT_FOUND or a failure. */
int attachment_get(desk_t *d, long long id, attachment_t *a);
/* Calls fn for each attachment of a ticket and of the tickets merged into
 * it (internal ones only when with_internal), oldest first. 0 or <0. */
int attachment_each(desk_t *d, long long ticket_id, bool with_internal,
                    void (*fn)(const attachment_t *a, void *ctx), void *ctx);
/* Adds the attachment under Attachments.N.* of hdf (the event id finds it
 * in the thread). A callback for attachment_each. */
void attachment_to_hdf(const attachment_t *a, void *hdf);
/* Raster images (PNG, JPEG, GIF, WebP): a browser shows them and never
 * runs them, so they may be shown inline. */
bool attachment_inline(const char *type);
/* Opens the stored file of a for reading: its fd and *size, or -1 after
 * logging why. */
int attachment_open(desk_t *d, const attachment_t *a, long long *size);

/* Removes stored files that no attachment row names and that are older than
 * min_age seconds: left by a worker that died between storing a file and
 * committing its message. Only the two-letter shard directories are
 * looked at. Counts go to *removed and *kept; 0 or -1. */
int attachment_sweep(desk_t *d, long min_age, long *removed, long *kept);

/* The MIME type libmagic reads in the first n bytes of a file (the
 * worker's one cookie, opened at its first use), or NULL; *broken tells a
 * libmagic that cannot load apart from content it does not recognise. */
const char *attachment_sniff(desk_t *d, const void *head, size_t n, bool *broken);

/* For tests: is this detected type on the allow-list? */
bool attachment_type_allowed(const char *mime);
/* The client's file name, without any directory part, checked as it is
 * (nothing is dropped or cut): NULL when it may be stored and shown, else
 * the error key: "name" for a control, bidi or invisible character or
 * bytes that are not UTF-8 (text_is_plain_name), "name_long" for more than
 * ATTACH_NAME_CHARS characters. out (ATTACH_NAME_MAX + 1 bytes) gets the
 * name; a refused one with its bad characters as U+FFFD, a long one
 * shortened with "…", for the message. Empty for "", "." and "..", which
 * the caller names. */
const char *attachment_check_name(const char *in, char out[ATTACH_NAME_MAX + 1]);

#endif
