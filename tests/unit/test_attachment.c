/* Unit tests for lib/desk/attachment.c: the client's file name made safe, the
 * allow-list of detected types, and libmagic's verdict on real content. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <magic.h>
#include <string.h>

#include "append.h"
#include "desk/attachment.h"

/* The checked name, or the error key when refused (the name then in out). */
static char out[ATTACH_NAME_MAX + 1];
static const char *check(const char *in)
{
    const char *err = attachment_check_name(in, out);
    return err ? err : out;
}

static void name_keeps_plain_names(void **state)
{
    (void)state;
    assert_string_equal(check("report.pdf"), "report.pdf");
    assert_string_equal(check("现场截图 2.png"), "现场截图 2.png");
    assert_string_equal(check("naïve résumé (v2) [final].docx"), "naïve résumé (v2) [final].docx");
}

static void name_drops_paths_of_both_kinds(void **state)
{
    (void)state;
    assert_string_equal(check("../../etc/passwd"), "passwd");
    assert_string_equal(check("C:\\Users\\li\\Desktop\\log.txt"), "log.txt");
    assert_string_equal(check("/"), "");
    assert_string_equal(check(".."), "");
}

/* nothing is dropped from a name: a control character refuses it */
static void name_refuses_control_characters(void **state)
{
    (void)state;
    assert_string_equal(check("a\tb.log"), "name");
    assert_string_equal(out, "a\xEF\xBF\xBD" "b.log");
    assert_string_equal(check("a\r\n.log"), "name");
    assert_string_equal(check("nul\x01.png"), "name");
    assert_string_equal(check("del\x7F.png"), "name");
    assert_string_equal(check("nel\xC2\x85.png"), "name");
}

/* "invoice\u202egnp.html" shows as "invoicelmth.png" */
static void name_refuses_bidi_and_invisible_characters(void **state)
{
    (void)state;
    assert_string_equal(check("invoice\xE2\x80\xAEgnp.html"), "name"); /* U+202E */
    assert_string_equal(out, "invoice\xEF\xBF\xBDgnp.html");
    const char *bad[] = {"a\xE2\x80\xAA.png", "a\xE2\x81\xA6.png", "a\xE2\x81\xA9.png",
                         "a\xE2\x80\x8B.png", "a\xE2\x80\x8F.png", "a\xEF\xBB\xBF.png",
                         "a\xD8\x9C.png"}; /* 202A, 2066, 2069, 200B, 200F, FEFF, 061C */
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_string_equal(check(bad[i]), "name");
}

static void name_refuses_invalid_utf8(void **state)
{
    (void)state;
    assert_string_equal(check("bad\xff\xfe.png"), "name");
    assert_string_equal(out, "bad\xEF\xBF\xBD\xEF\xBF\xBD.png");
}

/* a long name is refused, not cut; the message shows its start */
static void name_over_the_limit_is_refused(void **state)
{
    (void)state;
    char in[1000] = "";
    for (int i = 0; i < ATTACH_NAME_CHARS; i++)
        append(in, sizeof in, "日"); /* 3 bytes each */
    assert_string_equal(check(in), in);
    append(in, sizeof in, ".png");
    assert_string_equal(check(in), "name_long");
    assert_true(strlen(out) < 200);
    assert_memory_equal(out, in, 60 * 3);
}

static void types_on_the_list(void **state)
{
    (void)state;
    const char *ok[] = {"image/png", "image/jpeg", "image/svg+xml", "video/mp4", "text/plain",
                        "text/html", "application/pdf", "application/zip",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "application/vnd.oasis.opendocument.spreadsheet", "application/msword"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        assert_true(attachment_type_allowed(ok[i]));
}

static void types_off_the_list(void **state)
{
    (void)state;
    const char *no[] = {"application/x-executable", "application/x-sharedlib",
                        "application/x-dosexec", "application/octet-stream",
                        "application/x-msdownload", "application/java-archive", ""};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(attachment_type_allowed(no[i]));
}

/* What libmagic says of a few contents, whatever they would be called. */
static void content_decides_the_type(void **state)
{
    (void)state;
    magic_t m = magic_open(MAGIC_MIME_TYPE);
    assert_non_null(m);
    assert_int_equal(magic_load(m, NULL), 0);
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13,
                                        'I',  'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    assert_string_equal(magic_buffer(m, png, sizeof png), "image/png");
    static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\n";
    assert_string_equal(magic_buffer(m, pdf, sizeof pdf - 1), "application/pdf");
    static const char svg[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
                              "<script>alert(1)</script></svg>\n";
    assert_string_equal(magic_buffer(m, svg, sizeof svg - 1), "image/svg+xml");
    static const unsigned char elf[64] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                          2,    0,   0x3e, 0, 1, 0, 0, 0};
    assert_false(attachment_type_allowed(magic_buffer(m, elf, sizeof elf)));
    magic_close(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(name_keeps_plain_names),
        cmocka_unit_test(name_drops_paths_of_both_kinds),
        cmocka_unit_test(name_refuses_control_characters),
        cmocka_unit_test(name_refuses_bidi_and_invisible_characters),
        cmocka_unit_test(name_refuses_invalid_utf8),
        cmocka_unit_test(name_over_the_limit_is_refused),
        cmocka_unit_test(types_on_the_list),
        cmocka_unit_test(types_off_the_list),
        cmocka_unit_test(content_decides_the_type),
    };
    return cmocka_run_group_tests_name("attachment", tests, NULL, NULL);
}
