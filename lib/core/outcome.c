#include "core/outcome.h"

outcome_t outcome_kind(int rc)
{
    if (rc >= 0)
        return OUTCOME_OK;
    return (outcome_t)-(-rc % 16);
}
