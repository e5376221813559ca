'use strict';
// A small SMTP server for the fault tests (the stack started with
// DESK_SMTP_CATCHER=0 leaves its port to it). It keeps each message it takes
// by Message-ID, counting copies, and can be told to misbehave at the two
// moments that decide whether a message was handed over:
//   stall('data')  the next DATA command is never answered (the client
//                  never gets to send the message: it was not taken);
//   stall('dot')   the next message is taken (kept) at its final "." but
//                  never answered (the client cannot tell it was taken);
//   stall('drop')  the next message is taken at its final "." and the
//                  connection closed unanswered, as when the server dies
//                  between keeping a message and saying so (aiosmtpd's
//                  Mailbox writes the file, then answers 250).
// delayMs holds each message's answer back that long (a slower server).
// down() closes the port and every connection; up() opens it again.
const net = require('node:net');

class SmtpServer {
  constructor(port) {
    this.port = port;
    this.copies = new Map(); // Message-ID -> copies taken
    this.stallAt = null;
    this.stalled = []; // {at, when, id}
    this.delayMs = 0; // before each message's answer
    this.conns = new Set();
    this.server = null;
  }

  up() {
    this.server = net.createServer((c) => this.session(c));
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve(this));
    });
  }

  down() {
    for (const c of this.conns) c.destroy();
    this.conns.clear();
    const s = this.server;
    this.server = null;
    return s ? new Promise((resolve) => s.close(() => resolve())) : Promise.resolve();
  }

  /** The next message meets the stall at 'data', 'dot' or 'drop'. */
  stall(at) { this.stallAt = at; }

  total() { let n = 0; for (const v of this.copies.values()) n += v; return n; }

  session(c) {
    this.conns.add(c);
    c.on('close', () => this.conns.delete(c));
    c.on('error', () => {});
    let buf = Buffer.alloc(0);
    let data = null; // collecting a message
    let mute = false;
    const say = (line) => { if (!mute && !c.destroyed) c.write(`${line}\r\n`); };
    say('220 fault-test ESMTP');
    c.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (data) {
          // the message so far and what came after; its end may span reads
          const all = Buffer.concat([data, buf]);
          const start = all.subarray(0, 3).toString() === '.\r\n';
          const end = start ? -2 : all.indexOf('\r\n.\r\n');
          if (end === -1) { data = all; buf = Buffer.alloc(0); return; }
          const body = all.subarray(0, end + 2);
          buf = all.subarray(end + 5);
          data = null;
          const head = body.toString('latin1').split(/\r\n\r\n/)[0];
          const m = /^Message-ID:\s*(<[^>]+>)/mi.exec(head);
          const id = m ? m[1] : `<none-${this.total()}>`;
          this.copies.set(id, (this.copies.get(id) || 0) + 1);
          if (this.stallAt === 'dot' || this.stallAt === 'drop') {
            const at = this.stallAt;
            this.stallAt = null;
            this.stalled.push({ at, when: Date.now(), id });
            mute = true;
            if (at === 'drop') { c.destroy(); return; }
            continue;
          }
          if (this.delayMs) setTimeout(() => say(`250 2.0.0 taken ${id}`), this.delayMs);
          else say(`250 2.0.0 taken ${id}`);
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.subarray(0, nl).toString('latin1');
        buf = buf.subarray(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') { say('250-fault-test'); say('250 8BITMIME'); }
        else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') say('250 2.0.0 ok');
        else if (verb === 'DATA') {
          if (this.stallAt === 'data') {
            this.stallAt = null;
            this.stalled.push({ at: 'data', when: Date.now() });
            mute = true;
            continue;
          }
          say('354 go ahead');
          data = Buffer.alloc(0);
        } else if (verb === 'QUIT') { say('221 bye'); c.end(); return; }
        else say('502 5.5.2 not implemented');
      }
    });
  }
}

module.exports = { SmtpServer };
