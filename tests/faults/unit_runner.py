#!/usr/bin/python3
"""Runs a service the way its systemd unit says, for the fault tests (PID 1
here is not systemd): the [Service] ExecStart, started again after
RestartSec when it ends as Restart= says (on-failure: a non-zero status or
a signal other than SIGHUP, SIGINT, SIGTERM, SIGPIPE; always: any end), and
with --socket UNIT.socket the listening socket opened here and passed as
systemd passes it (fd 3, LISTEN_FDS=1, LISTEN_PID), held open across
restarts. It does not kill what the main process leaves behind (systemd's
KillMode= would): the tests see the program's own behaviour.

  unit_runner.py UNIT.service [--socket UNIT.socket] [--map FROM=TO ...]
                 --pid-file FILE

--map rewrites each word of ExecStart and the socket path (the installed
paths to a test stack's). One line per event on stdout; SIGTERM stops the
service (SIGTERM to its main process) and the runner.
"""
import argparse
import configparser
import os
import shlex
import signal
import socket
import sys
import time

CLEAN_SIGNALS = {signal.SIGHUP, signal.SIGINT, signal.SIGTERM, signal.SIGPIPE}


def unit(path):
    cp = configparser.ConfigParser(strict=False, interpolation=None, comment_prefixes=('#', ';'))
    cp.optionxform = str
    with open(path, encoding='utf-8') as f:
        cp.read_string(f.read())
    return cp


def seconds(value):
    value = value.strip()
    if value.endswith('ms'):
        return float(value[:-2]) / 1000
    if value.endswith('s'):
        value = value[:-1]
    return float(value)


def say(msg):
    print(f'{time.strftime("%H:%M:%S")} unit_runner: {msg}', flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('service')
    ap.add_argument('--socket')
    ap.add_argument('--map', action='append', default=[])
    ap.add_argument('--pid-file', required=True)
    a = ap.parse_args()
    maps = [m.split('=', 1) for m in a.map]

    def rewrite(word):
        for old, new in maps:
            word = word.replace(old, new)
        return word

    svc = unit(a.service)['Service']
    argv = [rewrite(w) for w in shlex.split(svc['ExecStart'].lstrip('-@+!'))]
    restart = svc.get('Restart', 'no')
    restart_sec = seconds(svc.get('RestartSec', '0.1'))
    listen = None
    if a.socket:
        path = rewrite(unit(a.socket)['Socket']['ListenStream'])
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        listen = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listen.bind(path)
        os.chmod(path, 0o666)
        listen.listen(socket.SOMAXCONN)
        listen.set_inheritable(True)
        say(f'listening on {path}')

    main_pid = 0
    stopping = False

    def on_term(signum, frame):
        nonlocal stopping
        stopping = True
        if main_pid:
            os.kill(main_pid, signal.SIGTERM)
    signal.signal(signal.SIGTERM, on_term)

    while not stopping:
        pid = os.fork()
        if pid == 0:
            if listen:
                os.dup2(listen.fileno(), 3)
                os.environ['LISTEN_FDS'] = '1'
                os.environ['LISTEN_PID'] = str(os.getpid())
            os.execv(argv[0], argv)
        main_pid = pid
        with open(a.pid_file + '.tmp', 'w') as f:
            f.write(f'{pid}\n')
        os.replace(a.pid_file + '.tmp', a.pid_file)
        say(f'started {pid}: {" ".join(argv)}')
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except ChildProcessError:
                status = 0
                break
            except InterruptedError:
                continue
        main_pid = 0
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            failed = sig not in CLEAN_SIGNALS
            how = f'killed by signal {sig}'
        else:
            failed = os.WEXITSTATUS(status) != 0
            how = f'exit status {os.WEXITSTATUS(status)}'
        again = restart == 'always' or (restart == 'on-failure' and failed)
        say(f'{pid} ended ({how}); ' + (f'restarting in {restart_sec} s' if again and not stopping else 'not restarting'))
        if stopping or not again:
            break
        time.sleep(restart_sec)
    return 0


if __name__ == '__main__':
    sys.exit(main())
