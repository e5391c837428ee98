import { describe, expect, it } from 'vitest';

import { CircuitBreaker } from '../../../src/delivery/index.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets a trial through after the cool-down and tells its listeners', () => {
    const breaker = new CircuitBreaker(2, 1_000);
    const events: string[] = [];
    const unsubscribe = breaker.subscribe({
      opened: (url, until) => events.push(`opened ${url} ${until}`),
      recovered: (url) => events.push(`recovered ${url}`),
    });
    breaker.failed('http://a', 0);
    expect(breaker.allows('http://a', 1)).toBe(true);
    breaker.failed('http://a', 10);
    expect(breaker.allows('http://a', 500)).toBe(false);
    expect(breaker.allows('http://a', 1_010)).toBe(true);
    breaker.succeeded('http://a');
    breaker.succeeded('http://a');
    expect(events).toEqual(['opened http://a 1010', 'recovered http://a']);
    unsubscribe();
    breaker.failed('http://a', 0);
    breaker.succeeded('http://a');
    expect(events).toHaveLength(2);
  });

  it('ignores a listener that throws', () => {
    const breaker = new CircuitBreaker(1, 1_000);
    breaker.subscribe({
      opened: () => {
        throw new Error('boom');
      },
    });
    expect(() => breaker.failed('http://a')).not.toThrow();
    expect(breaker.allows('http://a')).toBe(false);
  });
});
