/* log: one line per event on stderr, prefixed with the program and pid.
 * The dev stack and systemd both collect stderr; nothing here buffers. */
#ifndef DESK_LOG_H
#define DESK_LOG_H

void log_set_program(const char *name);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
