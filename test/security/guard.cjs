// Preloaded (node --require) into the CLI and the language server by the security tests: every
// attempt to reach the network or to start a process is written to $GENESIS_GUARD_LOG and refused.
"use strict";
const fs = require("node:fs");
const log = process.env.GENESIS_GUARD_LOG;
function refuse(what) {
  return function refused() {
    if (log) fs.appendFileSync(log, `${what}\n`);
    throw new Error(`guard: ${what} is not allowed`);
  };
}
const net = require("node:net");
net.connect = net.createConnection = refuse("net.connect");
net.Socket.prototype.connect = refuse("net.Socket.connect");
for (const name of ["http", "https"]) {
  const module = require(`node:${name}`);
  module.request = refuse(`${name}.request`);
  module.get = refuse(`${name}.get`);
}
require("node:dns").lookup = refuse("dns.lookup");
globalThis.fetch = refuse("fetch");
const childProcess = require("node:child_process");
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"])
  childProcess[name] = refuse(`child_process.${name}`);
