'use strict';
// A proxy in front of MariaDB's unix socket that can lose the answer to a
// COMMIT: the way a crash, a network cut or a killed session looks to the
// desk at the one moment it cannot tell what happened. The programs of a
// throwaway stack connect through it (conf/dev/run.sh DESK_DB_SOCKET).
//
// The MySQL protocol from client to server is a stream of packets (3-byte
// length, sequence number, payload); mysql_commit() sends COM_QUERY (0x03)
// "COMMIT". A connection becomes marked once it sends a packet holding the
// marker bytes (a ticket's subject, bound in COM_STMT_EXECUTE); the next
// COMMIT of a marked connection meets the armed fault:
//   'lose-answer'  the COMMIT goes to the server, which commits; its answer
//                  never reaches the client, whose connection is cut;
//   'swallow'      the COMMIT is dropped and both sides cut: the server
//                  rolls the transaction back.
// blackoutMs: for that long after the fault, new connections are cut at
// once (the database "does not come back").
//
// freezeAfter(ms): the next connection that executes the prepared statement
// whose text holds opts.watch goes silent right after it, for ms:
// nothing more it sends reaches the server meanwhile. To the database this
// is a worker stopped (SIGSTOP, a debugger, a hung disk) in the middle of
// its transaction, holding what that statement locked.
const net = require('node:net');
const fs = require('node:fs');

class DbProxy {
  constructor(listenPath, upstreamPath, { watch } = {}) {
    this.watch = watch ? Buffer.from(watch, 'utf8') : null;
    this.listenPath = listenPath;
    this.upstreamPath = upstreamPath;
    this.fault = null;
    this.blackoutUntil = 0;
    this.hits = [];
    this.server = net.createServer((c) => this.connection(c));
  }

  listen() {
    fs.rmSync(this.listenPath, { force: true });
    return new Promise((resolve) => this.server.listen(this.listenPath, () => {
      fs.chmodSync(this.listenPath, 0o666);
      resolve(this);
    }));
  }

  close() { return new Promise((resolve) => this.server.close(() => resolve())); }

  freezeAfter(ms) { this.freeze = { ms, done: false, at: 0 }; }

  /** The next COMMIT of a connection that sent a marker (one or a list:
   * each meets the fault once) meets kind. */
  arm(kind, markers, { blackoutMs = 0 } = {}) {
    const list = (Array.isArray(markers) ? markers : [markers]).map((m) => Buffer.from(m, 'utf8'));
    this.fault = { kind, markers: list, blackoutMs };
  }

  connection(client) {
    if (Date.now() < this.blackoutUntil) { client.destroy(); return; }
    const server = net.connect(this.upstreamPath);
    const state = { buf: Buffer.alloc(0), marked: false, cut: false, committing: false,
      preparing: false, stmt: -1, held: null };
    const cut = () => {
      state.cut = true;
      client.destroy();
      server.destroy();
    };
    server.on('data', (d) => {
      // the answer to a watched COM_STMT_PREPARE: OK (0x00), then the
      // statement id (4 bytes)
      if (state.preparing && d.length >= 9 && d[4] === 0x00) state.stmt = d.readUInt32LE(5);
      state.preparing = false;
      if (!state.cut) client.write(d);
    });
    server.on('error', () => client.destroy());
    server.on('close', () => client.destroy());
    client.on('error', () => { if (!state.committing) server.destroy(); });
    client.on('close', () => { if (!state.committing) server.destroy(); });
    client.on('data', (d) => {
      if (state.cut) return;
      if (state.held) { state.held.push(d); return; }
      state.buf = Buffer.concat([state.buf, d]);
      // forward whole packets, looking at each
      while (state.buf.length >= 4) {
        const len = state.buf.readUIntLE(0, 3);
        if (state.buf.length < 4 + len) break;
        const packet = state.buf.subarray(0, 4 + len);
        state.buf = state.buf.subarray(4 + len);
        const f = this.fault;
        const marker = f && f.markers.find((m) => packet.includes(m));
        if (marker) state.marked = marker;
        const commit = len === 7 && packet[4] === 0x03 && packet.subarray(5).toString('latin1').toUpperCase() === 'COMMIT';
        if (f && state.marked && commit) {
          f.markers = f.markers.filter((m) => m !== state.marked);
          if (f.markers.length === 0) this.fault = null;
          this.hits.push({ kind: f.kind, at: Date.now() });
          if (f.blackoutMs) this.blackoutUntil = Date.now() + f.blackoutMs;
          if (f.kind === 'swallow') { cut(); return; }
          // the server commits; its answer is dropped and the client cut
          state.cut = true;
          state.committing = true;
          server.removeAllListeners('data');
          server.removeAllListeners('close');
          server.once('data', () => server.destroy());
          server.write(packet);
          client.destroy();
          return;
        }
        const z = this.freeze;
        if (this.watch && len > 1 && packet[4] === 0x16 && packet.includes(this.watch)) state.preparing = true;
        if (z && !z.done && len >= 5 && packet[4] === 0x17 && state.stmt >= 0 && packet.readUInt32LE(5) === state.stmt) {
          z.done = true;
          z.at = Date.now();
          server.write(packet);
          // silent from here: the rest waits, then goes on as a stopped
          // process's would once it runs again
          state.held = [state.buf];
          state.buf = Buffer.alloc(0);
          setTimeout(() => {
            const rest = Buffer.concat(state.held);
            state.held = null;
            if (rest.length) client.emit('data', rest);
          }, z.ms);
          return;
        }
        server.write(packet);
      }
    });
  }
}

module.exports = { DbProxy };
