import type { AppDeps } from '../../intake/build-app.js';
import type { PageResult } from '../console-context.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import type { OperatorTools } from '../operator-tools.js';

/** The sign-in form: one password field for the operator API key. */
export function loginPage(
  environment: string,
  query: Readonly<Record<string, string>>,
  error?: string,
): PageResult {
  const notice =
    error !== undefined
      ? html`<p class="notice error" role="alert" id="login-error">${error}</p>`
      : query['signedOut'] !== undefined
        ? html`<p class="notice" role="status">You are signed out.</p>`
        : html``;
  const body = html`${notice}
    <form method="post" action="/console/login">
      ${safeNext(query['next']) === '/console' ? '' : html`<input type="hidden" name="next" value="${query['next'] ?? ''}" />`}
      <p>
        <label for="apiKey">Operator API key</label>
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autocomplete="off"
          required
          ${error !== undefined ? html`aria-describedby="login-error" aria-invalid="true"` : ''}
        />
      </p>
      <p><button type="submit">Sign in</button></p>
    </form>
    <p>
      The key is checked once and never stored; the browser keeps only a random session id (HttpOnly
      cookie) for this console.
    </p>`;
  return {
    kind: 'html',
    status: error === undefined ? 200 : 401,
    html: layout('Sign in', body, undefined, '', environment),
  };
}

/** Checks the key: an operator (or development mode) gets a session; anyone else the form again. */
export async function submitLogin(
  deps: AppDeps,
  tools: OperatorTools,
  form: Readonly<Record<string, string>>,
): Promise<PageResult | { kind: 'session'; sessionId: string }> {
  const caller = deps.parties.authenticate((form['apiKey'] ?? '').trim());
  const now = deps.clock();
  if (caller === undefined || caller.kind === 'party') {
    await deps.audit
      .record(
        {
          action: 'console-login',
          clientId: caller?.clientId ?? 'unknown',
          outcome: 'refused',
          detail: { reason: caller === undefined ? 'unknown key' : 'not an operator' },
        },
        now,
      )
      .catch(() => undefined);
    return loginPage(
      tools.settings.environment,
      {},
      caller === undefined ? 'This key is not valid.' : 'This key does not have the operator role.',
    );
  }
  const { id } = await tools.sessions.create(caller.clientId, now);
  await deps.audit.record(
    { action: 'console-login', clientId: caller.clientId, outcome: 'allowed', detail: {} },
    now,
  );
  return { kind: 'session', sessionId: id };
}

/**
 * Where to go after signing in: a console path only (never another host: `//evil`, `/\\evil`
 * and absolute URLs fall back to the overview).
 */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/console(?:[/?]|$)/.test(next) && !/[\\\s]/.test(next)
    ? next
    : '/console';
}
