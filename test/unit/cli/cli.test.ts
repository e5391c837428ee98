import { describe, expect, it } from 'vitest';

import { csvLine, table } from '../../../src/cli/format.js';
import { EXIT, runCli } from '../../../src/cli/index.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), interactive: false },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('runCli', () => {
  describe('when no command is given', () => {
    it('prints the usage on stderr and exits 2', async () => {
      const s = io();
      expect(await runCli([], s.io, {})).toBe(EXIT.usage);
      expect(s.err()).toContain('Commands');
    });
  });

  describe('when asked for help', () => {
    it('prints the usage on stdout and exits 0', async () => {
      const s = io();
      expect(await runCli(['--help'], s.io, {})).toBe(EXIT.ok);
      expect(s.out()).toContain('Exit codes');
    });
  });

  describe('when a command is unknown or misses its argument', () => {
    it('exits 2', async () => {
      expect(await runCli(['frobnicate'], io().io, {})).toBe(EXIT.usage);
      expect(await runCli(['status'], io().io, {})).toBe(EXIT.usage);
      expect(await runCli(['audit', '--from', '2026-01-01'], io().io, {})).toBe(EXIT.usage);
    });
  });

  describe('when the gateway cannot be reached', () => {
    it('exits 3 and says where it tried', async () => {
      const s = io();
      expect(await runCli(['dead-letters', '--url', 'http://127.0.0.1:9'], s.io, {})).toBe(
        EXIT.unreachable,
      );
      expect(s.err()).toContain('cannot reach the gateway at http://127.0.0.1:9');
    });
  });
});

describe('csvLine', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', '=SUM(A1)'])).toBe(
      'a,"b,c","say ""hi""",\'=SUM(A1)\r\n',
    );
  });
});

describe('table', () => {
  it('aligns columns', () => {
    expect(table(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\n---  --\nxxx  y\n');
  });
});
