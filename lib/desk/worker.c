/* worker: see worker.h. */
#include "desk/worker.h"

#include "core/log.h"
#include "desk/confver.h"
#include "desk/notify/outbox.h"

int worker_open(desk_t *d)
{
    if (desk_open(d) || outbox_open(d))
        return -1;
    if (confver_load(d)) {
        log_error("cannot load the catalogue of categories and priorities");
        return -1;
    }
    return 0;
}
