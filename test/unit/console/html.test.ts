import { describe, expect, it } from 'vitest';

import { readCookie, sessionCookie } from '../../../src/console/cookies.js';
import { escapeHtml, html, queryString } from '../../../src/console/html.js';
import { safeNext } from '../../../src/console/pages/login.js';
import { isLoopback } from '../../../src/console/register-operator-routes.js';

describe('html', () => {
  it('escapes every interpolated value, including inside attributes', () => {
    const evil = '"><script>alert(1)</script>';
    expect(html`<a title="${evil}">${evil}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>',
    );
  });

  it('keeps nested templates and lists, and drops null, undefined and booleans', () => {
    const items = ['a', 'b'].map((x) => html`<li>${x}</li>`);
    const list = html`<ul>
      ${items}${null}${undefined}${false}
    </ul>`;
    expect(list.value.replace(/\s+/g, '')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });

  it('builds a query string from the non-empty entries', () => {
    expect(queryString({ a: '1', b: '', c: undefined, d: 'x y' })).toBe('?a=1&d=x+y');
    expect(queryString({})).toBe('');
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to /console and Secure only over https', () => {
    expect(sessionCookie('abc', false)).toBe(
      'iwmo_console=abc; Path=/console; HttpOnly; SameSite=Strict',
    );
    expect(sessionCookie('abc', true, 0)).toBe(
      'iwmo_console=abc; Path=/console; HttpOnly; SameSite=Strict; Secure; Max-Age=0',
    );
  });

  it('is read back from a Cookie header with other cookies', () => {
    expect(readCookie('a=1; iwmo_console=xyz; b=2', 'iwmo_console')).toBe('xyz');
    expect(readCookie(undefined, 'iwmo_console')).toBeUndefined();
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('safeNext', () => {
  it.each([
    ['/console/dead-letters', '/console/dead-letters'],
    ['/console?x=1', '/console?x=1'],
    ['/console', '/console'],
    ['//evil.example/console', '/console'],
    ['https://evil.example/console', '/console'],
    ['/consolex', '/console'],
    ['/console/\\evil', '/console'],
    [undefined, '/console'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
