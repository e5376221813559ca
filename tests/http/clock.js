'use strict';
// The test stack's movable clock, for every test that looks at a time.
//
// The stack runs with Clock.OffsetFile = $DESK_TEST_VAR/clock-offset: every
// program adds the seconds written there to the real time, and re-reads the
// file when it changes. A test file that looks at a time (a deadline, a
// date-based number, "now", an SLA state) calls useTestInstant() at its top:
// before its first test the stack is placed at the instant DESK_TEST_AT
// names, and after its last it goes back to real time; a lock file keeps two
// such files from moving the clock at once. tests/run.sh finds those files by
// that call and runs each at three instants, so they pass at night and on a
// Sunday as on a weekday morning:
//
//   DESK_TEST_AT=morning   a Tuesday 10:00 in Asia/Shanghai (the default)
//   DESK_TEST_AT=night     a Wednesday 23:30
//   DESK_TEST_AT=sunday    a Sunday 03:00
//   DESK_TEST_AT=<ISO>     that instant, e.g. 2026-12-07T05:20:00+08:00
//
// A named instant is the next one after everything the stack has seen: after
// the real now and after the latest time any such file moved the stack to
// ($DESK_TEST_VAR/clock-highwater). The stack's clock so only moves forward
// from file to file, and what a file creates is the newest there is, as
// "newest first" lists expect. Asia/Shanghai is the dev stack's
// Desk.TimeZone and the zone of the seeded calendars (UTC+8 all year).
// Times in these tests come from now() (the stack's clock), never from
// Date.now().
//
//   useTestInstant()   registers the before/after hooks (node:test)
//   instant()          {name, at}: the instant of this run (seconds)
//   now()              the stack's now, in ms
//   setAt(seconds)     places the stack at an absolute instant
//   setClock(offset)   the raw offset from real time, in seconds
//   resetClock()       back to this file's instant (plus the time elapsed
//                      since it began), or to real time in other files
//   sqlTime(ms)        'YYYY-MM-DD HH:MM:SS' (UTC, as the database stores
//                      times) of an instant in ms, for setup SQL
//   lockClock() / unlockClock()
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');

const TEST_VAR = process.env.DESK_TEST_VAR || path.join(__dirname, '..', '..', 'var');
const ZONE = 8 * 3600; // Asia/Shanghai
const NAMED = {
  morning: { weekday: 2, minute: 10 * 60 }, // Tuesday 10:00
  night: { weekday: 3, minute: 23 * 60 + 30 }, // Wednesday 23:30
  sunday: { weekday: 0, minute: 3 * 60 }, // Sunday 03:00
};

let offset = 0; // what this process last wrote to the default clock file
let base = 0; // the offset that places the stack at this file's instant
let latestSeen = 0; // the latest stack time this file moved to (seconds)
let held = false;

const HIGH = path.join(TEST_VAR, 'clock-highwater');

function highWater() {
  try { return Number(fs.readFileSync(HIGH, 'utf8')) || 0; } catch { return 0; }
}

/** The first local (UTC+8) instant with that weekday and minute of the day
 * at or after fromSeconds. */
function next(spec, fromSeconds) {
  const from = fromSeconds + ZONE;
  const day = Math.floor(from / 86400);
  for (let ahead = 0; ahead < 8; ahead++) {
    const d = day + ahead;
    const at = d * 86400 + spec.minute * 60;
    if ((d + 4) % 7 === spec.weekday && at >= from) return at - ZONE;
  }
  throw new Error('no such instant within a week');
}

/** The instant this run places the stack at: {name, at} (seconds). */
function instant(nowSeconds = Date.now() / 1000) {
  const name = process.env.DESK_TEST_AT || 'morning';
  if (NAMED[name]) return { name, at: next(NAMED[name], Math.ceil(Math.max(nowSeconds, highWater()))) };
  const at = Date.parse(name);
  if (Number.isNaN(at)) throw new Error(`DESK_TEST_AT: not morning, night, sunday or an ISO instant: ${name}`);
  return { name, at: Math.floor(at / 1000) };
}

/** Writes the offset whole, then renames it over the old one, so no
 * program ever reads a half-written number. */
function setClock(seconds, dir = TEST_VAR) {
  const s = Math.round(seconds);
  const file = path.join(dir, 'clock-offset');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${s}\n`);
  fs.renameSync(tmp, file);
  if (dir === TEST_VAR) {
    offset = s;
    latestSeen = Math.max(latestSeen, Date.now() / 1000 + s);
  }
}

function setAt(seconds) { setClock(seconds - Date.now() / 1000); }

function resetClock(dir = TEST_VAR) { setClock(dir === TEST_VAR ? base : 0, dir); }

function clockOffset() { return offset; }

/** The stack's now, in milliseconds. */
function now() { return Date.now() + offset * 1000; }

function sqlTime(ms) { return new Date(ms).toISOString().slice(0, 19).replace('T', ' '); }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Takes the clock: files that move it wait for each other even when node
 * runs files in parallel. A lock whose holder is gone is taken over. */
async function lockClock(dir = TEST_VAR) {
  const f = path.join(dir, 'clock.lock');
  const end = Date.now() + 600000;
  for (;;) {
    try {
      fs.writeFileSync(f, String(process.pid), { flag: 'wx' });
      if (dir === TEST_VAR) held = true;
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try { pid = Number(fs.readFileSync(f, 'utf8')); } catch { /* just released */ }
      try { if (pid) process.kill(pid, 0); } catch { fs.rmSync(f, { force: true }); }
    }
    if (Date.now() > end) throw new Error(`the clock lock ${f} stayed taken`);
    await sleep(250);
  }
}

function unlockClock(dir = TEST_VAR) {
  const f = path.join(dir, 'clock.lock');
  try { if (Number(fs.readFileSync(f, 'utf8')) === process.pid) fs.rmSync(f, { force: true }); } catch { /* not held */ }
  if (dir === TEST_VAR) held = false;
}

/** Runs this file's tests at the instant of this run (see the top). */
function useTestInstant() {
  test.before(async () => {
    await lockClock();
    base = Math.ceil(instant().at - Date.now() / 1000); // at or just after the instant
    setClock(base);
  });
  test.after(() => {
    const until = Math.ceil(Math.max(latestSeen, now() / 1000, highWater())) + 60;
    fs.writeFileSync(`${HIGH}.${process.pid}.tmp`, `${until}\n`);
    fs.renameSync(`${HIGH}.${process.pid}.tmp`, HIGH);
    base = 0;
    setClock(0);
    unlockClock();
  });
}

process.on('exit', () => { if (held) { try { setClock(0); } catch { /* gone */ } unlockClock(); } });

module.exports = { useTestInstant, instant, now, sqlTime, setAt, setClock, resetClock, clockOffset, lockClock, unlockClock };
