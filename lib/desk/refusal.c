/* refusal: see refusal.h. */
#include "desk/refusal.h"

void refusal_add(refusal_t *r, const char *field, const char *key)
{
    int i = r->n < REFUSAL_MAX ? r->n++ : REFUSAL_MAX - 1;
    r->why[i].field = field;
    r->why[i].key = key;
}
