/* secret: see secret.h.
 *
 * The keyring is what a process knows of Secrets.ContactKeyDir: the newest
 * SECRET_MAX_KEYS key files, ascending by id, and the directory's stat at the
 * last read, so that noticing a new file costs one stat(). A file system
 * stamps times at a coarse tick: a directory changed within RACY_SECONDS of
 * the read could change again under the same mtime, so until that window has
 * passed every check reads it again (git's "racy" index entries). */
#include "core/secret.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN crypto_aead_xchacha20poly1305_ietf_ABYTES
#define RACY_SECONDS 2

typedef struct contact_key {
    unsigned id;
    unsigned char seal[32], index[32];
} contact_key_t;

struct keyring {
    char dir[1024];                      /* "" for keys added in memory (tests) */
    contact_key_t keys[SECRET_MAX_KEYS]; /* ascending id */
    int n;
    bool seen_ok;     /* the directory existed at the last read */
    struct stat seen; /* its stat then */
    bool racy;        /* changed too recently for its mtime to tell */
    bool have_owner;  /* owner of the master key file, given to new key files */
    uid_t owner;
    gid_t group;
};

typedef struct keyref {
    unsigned id;
    const unsigned char *seal, *index;
} keyref_t;

/* ---- keys ------------------------------------------------------------------ */

static void expand(const unsigned char master[32], unsigned char seal[32], unsigned char index[32])
{
    crypto_kdf_derive_from_key(seal, 32, 2, "deskseal", master);
    crypto_kdf_derive_from_key(index, 32, 3, "deskbidx", master);
}

void secrets_from_master(secrets_t *s, const unsigned char master[32])
{
    crypto_kdf_derive_from_key(s->token_key, sizeof s->token_key, 1, "desktokn", master);
    expand(master, s->seal_key, s->index_key);
    s->ring = NULL;
}

static struct keyring *ring_of(secrets_t *s)
{
    if (!s->ring)
        s->ring = calloc(1, sizeof *s->ring);
    return s->ring;
}

/* Puts key ID into a ring kept ascending; the oldest drops out when full. */
static void ring_put(contact_key_t *keys, int *n, unsigned id, const unsigned char key[32])
{
    int i = 0;
    while (i < *n && keys[i].id < id)
        i++;
    if (i < *n && keys[i].id == id) {
        expand(key, keys[i].seal, keys[i].index);
        return;
    }
    if (*n == SECRET_MAX_KEYS) {
        if (i == 0)
            return; /* older than all of a full ring */
        memmove(keys, keys + 1, (size_t)(i - 1) * sizeof *keys);
        i--;
    } else {
        memmove(keys + i + 1, keys + i, (size_t)(*n - i) * sizeof *keys);
        (*n)++;
    }
    keys[i].id = id;
    expand(key, keys[i].seal, keys[i].index);
}

int secrets_add_contact_key(secrets_t *s, unsigned id, const unsigned char key[32])
{
    struct keyring *r = ring_of(s);
    if (!r || id == 0 || id > SECRET_MAX_KEY_ID)
        return -1;
    ring_put(r->keys, &r->n, id, key);
    return 0;
}

void secrets_free(secrets_t *s)
{
    if (s->ring) {
        sodium_memzero(s->ring, sizeof *s->ring);
        free(s->ring);
    }
    sodium_memzero(s, sizeof *s);
}

/* ---- the key directory --------------------------------------------------- */

/* The id of a key file name "<id>.key", or 0. */
static unsigned key_file_id(const char *name)
{
    size_t digits = strspn(name, "0123456789");
    if (digits == 0 || digits > 9 || name[0] == '0' || strcmp(name + digits, ".key") != 0)
        return 0;
    return (unsigned)strtoul(name, NULL, 10);
}

static int read_key(const char *dir, unsigned id, unsigned char key[32])
{
    char path[1100];
    struct stat st;
    snprintf(path, sizeof path, "%s/%u.key", dir, id);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size != 32 ||
        read(fd, key, 32) != 32) {
        log_error("secrets: contact key %s is not a readable 32-byte file", path);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    close(fd);
    if (st.st_mode & 077)
        log_error("secrets: contact key %s is readable by others (chmod 600)", path);
    return 0;
}

static bool same_stat(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
           a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Adds id to the ascending list ids, which keeps the newest SECRET_MAX_KEYS. */
static void keep_newest(unsigned *ids, int *n, unsigned id)
{
    if (*n == SECRET_MAX_KEYS) {
        if (id <= ids[0])
            return;
        memmove(ids, ids + 1, (SECRET_MAX_KEYS - 1) * sizeof *ids);
        (*n)--;
    }
    int i = *n;
    for (; i > 0 && ids[i - 1] > id; i--)
        ids[i] = ids[i - 1];
    ids[i] = id;
    (*n)++;
}

/* Reads the directory again: the ring becomes the newest key files in it. */
static void ring_scan(struct keyring *r)
{
    struct stat st;
    r->seen_ok = stat(r->dir, &st) == 0; /* before reading: a later change shows */
    r->racy = r->seen_ok && st.st_mtim.tv_sec >= time(NULL) - RACY_SECONDS;
    if (r->seen_ok)
        r->seen = st;
    DIR *dir = r->seen_ok ? opendir(r->dir) : NULL;
    if (!dir) {
        int why = errno;
        if (why == ENOENT)
            r->n = 0; /* none yet (or gone) */
        else
            log_error("secrets: cannot read the contact key directory %s: %s", r->dir,
                      strerror(why));
        return;
    }
    unsigned ids[SECRET_MAX_KEYS];
    int nids = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        unsigned id = key_file_id(e->d_name);
        if (id)
            keep_newest(ids, &nids, id);
    }
    closedir(dir);
    contact_key_t keys[SECRET_MAX_KEYS] = {0};
    int n = 0;
    for (int i = 0; i < nids; i++) {
        unsigned char key[32];
        if (read_key(r->dir, ids[i], key) == 0)
            ring_put(keys, &n, ids[i], key);
        sodium_memzero(key, sizeof key);
    }
    memcpy(r->keys, keys, sizeof keys);
    r->n = n;
    sodium_memzero(keys, sizeof keys);
}

/* One stat(): reads the directory again only when it changed. */
static void ring_refresh(struct keyring *r)
{
    struct stat st;
    if (!r || !r->dir[0])
        return;
    bool ok = stat(r->dir, &st) == 0;
    if (r->racy || ok != r->seen_ok || (ok && !same_stat(&st, &r->seen)))
        ring_scan(r);
}

int secrets_load(secrets_t *s, const config_t *cfg)
{
    const char *path = config_get_str(cfg, CFG_SECRETS_KEY_FILE);
    unsigned char master[32];
    struct stat st;
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(master, 1, sizeof master, f) : 0;
    bool owned = f && fstat(fileno(f), &st) == 0;
    if (f)
        fclose(f);
    if (sodium_init() < 0 || n != sizeof master) {
        log_error("secrets: cannot read 32 bytes from %s", path);
        return -1;
    }
    secrets_from_master(s, master);
    sodium_memzero(master, sizeof master);
    struct keyring *r = ring_of(s);
    if (!r) {
        log_error("secrets: out of memory");
        return -1;
    }
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path) : 1;
    char beside[1024]; /* unset: contact-keys/ beside the key file */
    snprintf(beside, sizeof beside, "%.*s/contact-keys", dirlen, slash ? path : ".");
    const char *dir = config_get_str(cfg, CFG_SECRETS_CONTACT_KEY_DIR);
    if (!dir)
        dir = beside;
    if (snprintf(r->dir, sizeof r->dir, "%s", dir) >= (int)sizeof r->dir) {
        log_error("secrets: Secrets.ContactKeyDir is too long");
        return -1;
    }
    r->have_owner = owned;
    r->owner = owned ? st.st_uid : 0;
    r->group = owned ? st.st_gid : 0;
    ring_scan(r);
    return 0;
}

/* The newest contact key, after noticing a new file. */
static keyref_t key_newest(const secrets_t *s)
{
    struct keyring *r = s->ring;
    ring_refresh(r);
    if (r && r->n)
        return (keyref_t){r->keys[r->n - 1].id, r->keys[r->n - 1].seal, r->keys[r->n - 1].index};
    return (keyref_t){0, s->seal_key, s->index_key};
}

static bool key_in_ring(const struct keyring *r, unsigned id, keyref_t *out)
{
    for (int i = 0; r && i < r->n; i++)
        if (r->keys[i].id == id) {
            *out = (keyref_t){id, r->keys[i].seal, r->keys[i].index};
            return true;
        }
    return false;
}

/* Key ID; an id newer than any known makes the directory be read again
 * (a program that has not seen the file a rotation just created). */
static bool key_find(const secrets_t *s, unsigned id, keyref_t *out)
{
    struct keyring *r = s->ring;
    if (id == 0) {
        *out = (keyref_t){0, s->seal_key, s->index_key};
        return true;
    }
    if (key_in_ring(r, id, out))
        return true;
    unsigned newest = r && r->n ? r->keys[r->n - 1].id : 0;
    if (!r || !r->dir[0] || id <= newest || id > newest + SECRET_MAX_KEYS)
        return false; /* a removed key, or the random nonce of a value from before key ids */
    ring_scan(r);
    return key_in_ring(r, id, out);
}

unsigned secret_newest_key(const secrets_t *s) { return key_newest(s).id; }

int secret_key_ids(const secrets_t *s, unsigned *ids, int max)
{
    struct keyring *r = s->ring;
    ring_refresh(r);
    int n = 0;
    for (int i = 0; r && i < r->n && n < max; i++)
        ids[n++] = r->keys[i].id;
    return n;
}

const char *secret_key_dir(const secrets_t *s) { return s->ring ? s->ring->dir : ""; }

void secret_key_prefix(unsigned id, unsigned char out[SECRET_PREFIX_LEN])
{
    out[0] = SECRET_KEY_TAG;
    out[1] = (unsigned char)(id >> 24);
    out[2] = (unsigned char)(id >> 16);
    out[3] = (unsigned char)(id >> 8);
    out[4] = (unsigned char)id;
}

bool secret_sealed_with(const unsigned char *in, size_t n, unsigned id)
{
    unsigned char prefix[SECRET_PREFIX_LEN];
    secret_key_prefix(id, prefix);
    return n >= SECRET_SEALED_LEN(0) && memcmp(in, prefix, sizeof prefix) == 0;
}

/* ---- tokens -------------------------------------------------------------- */

void token_new(char out[TOKEN_TEXT_LEN + 1])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, TOKEN_TEXT_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void token_hash(const secrets_t *s, const char *token, unsigned char out[SECRET_HASH_LEN])
{
    crypto_generichash(out, SECRET_HASH_LEN, (const unsigned char *)token, strlen(token),
                       s->token_key, sizeof s->token_key);
}

/* ---- sealing ------------------------------------------------------------- */

void secret_seal(const secrets_t *s, const char *plain, size_t n, unsigned char *out)
{
    keyref_t k = key_newest(s);
    unsigned char *nonce = out + SECRET_PREFIX_LEN;
    secret_key_prefix(k.id, out);
    randombytes_buf(nonce, NONCE_LEN);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NONCE_LEN, NULL,
                                               (const unsigned char *)plain, n, out,
                                               SECRET_PREFIX_LEN, NULL, nonce, k.seal);
}

/* nonce | ciphertext and tag, authenticated with ad. */
static int decrypt(const unsigned char key[32], const unsigned char *in, size_t n,
                   const unsigned char *ad, size_t adlen, char *out, size_t cap)
{
    unsigned long long len;
    if (n < NONCE_LEN + TAG_LEN || n - NONCE_LEN - TAG_LEN >= cap)
        return -1;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)out, &len, NULL,
                                                   in + NONCE_LEN, n - NONCE_LEN, ad, adlen, in,
                                                   key))
        return -1;
    out[len] = '\0';
    return 0;
}

int secret_open(const secrets_t *s, const unsigned char *in, size_t n, char *out, size_t cap)
{
    keyref_t k;
    if (n >= SECRET_SEALED_LEN(0) && in[0] == SECRET_KEY_TAG) {
        unsigned id = (unsigned)in[1] << 24 | (unsigned)in[2] << 16 | (unsigned)in[3] << 8 | in[4];
        if (key_find(s, id, &k) &&
            decrypt(k.seal, in + SECRET_PREFIX_LEN, n - SECRET_PREFIX_LEN, in,
                    SECRET_PREFIX_LEN, out, cap) == 0)
            return 0;
    }
    /* sealed before key ids (whose nonce may begin with the tag byte): key 0 */
    return decrypt(s->seal_key, in, n, NULL, 0, out, cap);
}

/* ---- blind indexes ------------------------------------------------------- */

static void index_with(const unsigned char key[32], const char *kind, const char *value,
                       unsigned char out[SECRET_HASH_LEN])
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, key, 32, SECRET_HASH_LEN);
    crypto_generichash_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
    crypto_generichash_update(&st, (const unsigned char *)value, strlen(value));
    crypto_generichash_final(&st, out, SECRET_HASH_LEN);
}

void secret_blind_index(const secrets_t *s, const char *kind, const char *value,
                        unsigned char out[SECRET_HASH_LEN])
{
    index_with(key_newest(s).index, kind, value, out);
}

void secret_lookup(const secrets_t *s, const char *kind, const char *value, secret_lookup_t *out)
{
    const struct keyring *r = s->ring;
    key_newest(s); /* notices a new key file */
    out->n = 0;
    for (int i = r ? r->n - 1 : -1; i >= 0 && out->n < SECRET_LOOKUP_KEYS; i--)
        index_with(r->keys[i].index, kind, value, out->bidx[out->n++]);
    if (out->n < SECRET_LOOKUP_KEYS)
        index_with(s->index_key, kind, value, out->bidx[out->n++]);
    for (int i = out->n; i < SECRET_LOOKUP_KEYS; i++)
        memcpy(out->bidx[i], out->bidx[0], SECRET_HASH_LEN);
}

/* ---- creating a key ------------------------------------------------------ */

static int fail(char *err, size_t cap, const char *what, const char *path)
{
    snprintf(err, cap, "%s %s: %s", what, path, strerror(errno));
    return -1;
}

static void own_like_master(const struct keyring *r, int fd)
{
    if (geteuid() == 0 && r->have_owner && fchown(fd, r->owner, r->group))
        log_error("secrets: cannot give %s to the master key's owner", r->dir);
}

static int make_dir(const struct keyring *r, char *err, size_t cap)
{
    if (mkdir(r->dir, 0700) && errno != EEXIST)
        return fail(err, cap, "cannot create", r->dir);
    int fd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, cap, "cannot open", r->dir);
    own_like_master(r, fd);
    close(fd);
    return 0;
}

/* Writes 32 random bytes to a new file at tmp; 0 or -1. */
static int write_key_file(const struct keyring *r, const char *tmp, char *err, size_t cap)
{
    unsigned char key[32];
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(err, cap, "cannot create", tmp);
    randombytes_buf(key, sizeof key);
    own_like_master(r, fd);
    bool ok = fchmod(fd, 0600) == 0 && write(fd, key, sizeof key) == (ssize_t)sizeof key &&
              fsync(fd) == 0;
    sodium_memzero(key, sizeof key);
    if (close(fd) || !ok) {
        fail(err, cap, "cannot write", tmp);
        unlink(tmp);
        return -1;
    }
    return 0;
}

int secret_create_key(const secrets_t *s, unsigned *id, char *err, size_t cap)
{
    struct keyring *r = s->ring;
    char tmp[1100], path[1100];
    if (!r || !r->dir[0]) {
        snprintf(err, cap, "no contact key directory");
        return -1;
    }
    if (make_dir(r, err, cap))
        return -1;
    ring_scan(r);
    if (r->n == SECRET_MAX_KEYS) {
        snprintf(err, cap, "%s holds %d keys already: remove the older ones no row uses",
                 r->dir, SECRET_MAX_KEYS);
        return -1;
    }
    unsigned next = (r->n ? r->keys[r->n - 1].id : 0) + 1;
    snprintf(tmp, sizeof tmp, "%s/.%u.key.%ld.tmp", r->dir, next, (long)getpid());
    snprintf(path, sizeof path, "%s/%u.key", r->dir, next);
    if (write_key_file(r, tmp, err, cap))
        return -1;
    /* link(), unlike rename(), never replaces a key another run just made */
    int rc = link(tmp, path);
    if (rc)
        fail(err, cap, "cannot create", path);
    unlink(tmp);
    int dfd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    if (rc)
        return -1;
    ring_scan(r);
    if (!r->n || r->keys[r->n - 1].id != next) {
        snprintf(err, cap, "%s was written but does not load", path);
        return -1;
    }
    *id = next;
    return 0;
}
