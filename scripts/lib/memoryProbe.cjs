// Preloaded into the server by scripts/benchMemory.ts (`node --expose-gc --require <this> dist/bot/index.js`),
// so the bench can read the heap the server retains after a full collection. Plain JavaScript: the
// production server runs without tsx, and so must everything loaded into it for the measurement.
// It answers one message on the IPC channel and loads no package itself.
'use strict';
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, loaded with --require
const v8 = require('node:v8');

process.on('message', (command) => {
  if (command !== 'memory') return;
  const { rss: rssBeforeGc } = process.memoryUsage();
  // What each V8 heap space has taken from the system (committed), before the collection empties it.
  const spaces = v8
    .getHeapSpaceStatistics()
    .map((s) => ({ name: s.space_name, size: s.space_size, used: s.space_used_size }));
  // gc exists when node runs with --expose-gc (the bench passes it).
  globalThis.gc();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const modules = Object.keys(require.cache);
  process.send({
    kind: 'memory',
    rssBeforeGc,
    spaces,
    rss,
    heapUsed,
    heapTotal,
    external,
    arrayBuffers,
    modules,
  });
});
// The IPC channel must not keep the server alive after SIGTERM closed everything else.
process.channel?.unref();
