#!/usr/bin/env node
/* global URL */
// The iwmo-gateway command (docs/cli.md): `serve` runs the gateway, every other command talks to
// a running gateway's HTTP API. Runs the compiled code in dist/ (npm run build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${dist}cli/main.js`)) {
  process.stderr.write('iwmo-gateway: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const args = process.argv.slice(2);
if (args[0] === 'serve') {
  await import(new URL('../dist/main/gateway.js', import.meta.url).href);
} else {
  const { runCli } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
  process.exitCode = await runCli(args, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  });
}
