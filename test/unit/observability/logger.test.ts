import { describe, expect, it } from 'vitest';

import { createLogger, maskBsnLike } from '../../../src/observability/index.js';
import { LogSink } from '../../helpers/log-sink.js';

describe('createLogger', () => {
  it('redacts BSNs, names and XML passed by mistake', () => {
    const sink = new LogSink();
    const logger = createLogger({ level: 'info', environment: 'test', name: 'test' }, sink);
    logger.info(
      { bsn: '999990019', client: { Bsn: '999990019', Naam: 'Jansen' }, input: { xml: '<a/>' } },
      'unsafe call',
    );
    expect(sink.text).not.toContain('999990019');
    expect(sink.text).not.toContain('Jansen');
    expect(sink.text).not.toContain('<a/>');
    expect(sink.text).toContain('[redacted]');
  });
});

describe('maskBsnLike', () => {
  it('masks runs of exactly nine digits only', () => {
    expect(maskBsnLike("The value '999990019' is not valid; 12345678 and 1234567890 stay")).toBe(
      "The value '*********' is not valid; 12345678 and 1234567890 stay",
    );
  });
});
