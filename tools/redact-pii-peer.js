// The peer in make bench: redact-pii over a text file, line by line.
// usage: node redact-pii-peer.js INPUT OUTPUT   (NODE_PATH must find redact-pii)
'use strict';
const { SyncRedactor } = require('redact-pii');
const fs = require('fs');
const redactor = new SyncRedactor();
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
fs.writeFileSync(process.argv[3], lines.map((l) => redactor.redact(l)).join('\n'));
