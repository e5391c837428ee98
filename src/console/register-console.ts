import type { FastifyReply, FastifyRequest } from 'fastify';

import type { AppDeps } from '../intake/build-app.js';
import type { GatewayApp } from '../intake/gateway-app.js';
import { CONSOLE_CSS } from './assets/console-css.js';
import type { ConsoleContext, PageResult } from './console-context.js';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { html } from './html.js';
import { layout } from './layout.js';
import type { OperatorTools } from './operator-tools.js';
import { alertsPage } from './pages/alerts.js';
import { deadLettersPage, replayPage } from './pages/dead-letters.js';
import { deadlinesPage } from './pages/deadlines.js';
import { loginPage, safeNext, submitLogin } from './pages/login.js';
import { messageDetailPage, rawXmlPage } from './pages/message-detail.js';
import { messagesPage } from './pages/messages.js';
import { overviewPage } from './pages/overview.js';
import { rejectsPage } from './pages/rejects.js';
import { type ConsoleSession, csrfMatches } from './session-store.js';

type Form = Record<string, string>;
type Handler = (ctx: ConsoleContext, request: FastifyRequest) => Promise<PageResult>;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts.
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
};

/**
 * The web console under /console (docs/console.md): server-rendered pages in an encapsulated
 * Fastify scope with its own form parser. Every page needs a session (log in with an operator
 * API key); every POST needs the session's CSRF token and, when the browser sends one, a matching
 * Origin.
 */
export function registerConsole(app: GatewayApp, deps: AppDeps, tools: OperatorTools): void {
  const sessions = new WeakMap<FastifyRequest, { id: string; session: ConsoleSession }>();
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    scope.addHook('onSend', async (_request, reply) => {
      void reply.headers(SECURITY_HEADERS);
    });
    scope.get('/console/assets/console.css', async (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'max-age=3600')
        .send(CONSOLE_CSS),
    );
    scope.get('/console/login', async (request, reply) =>
      send(reply, loginPage(tools.settings.environment, request.query as Form)),
    );
    scope.post('/console/login', async (request, reply) => {
      if (!sameOrigin(request)) {
        return send(reply, forbidden(tools));
      }
      const outcome = await submitLogin(deps, tools, (request.body ?? {}) as Form);
      if (outcome.kind !== 'session') {
        return send(reply, outcome);
      }
      void reply.header(
        'set-cookie',
        sessionCookie(outcome.sessionId, request.protocol === 'https'),
      );
      return reply.redirect(safeNext((request.body as Form | undefined)?.['next']), 303);
    });

    const guarded = (method: 'GET' | 'POST', url: string, handler: Handler) => {
      scope.route({
        method,
        url,
        handler: async (request, reply) => {
          const id = readCookie(request.headers.cookie, SESSION_COOKIE);
          const session = await tools.sessions.get(id);
          if (session === undefined || id === undefined) {
            return method === 'GET'
              ? reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303)
              : send(reply, forbidden(tools, 401));
          }
          if (
            method === 'POST' &&
            (!sameOrigin(request) ||
              !csrfMatches(session, (request.body as Form | undefined)?.['_csrf']))
          ) {
            return send(reply, forbidden(tools));
          }
          sessions.set(request, { id, session });
          const ctx: ConsoleContext = {
            deps,
            tools,
            requestId: request.id,
            page: {
              clientId: session.clientId,
              csrf: session.csrf,
              environment: tools.settings.environment,
              allowReplay: tools.settings.allowReplay,
            },
          };
          return send(reply, await handler(ctx, request));
        },
      });
    };

    guarded('GET', '/console', (ctx) => overviewPage(ctx));
    guarded('GET', '/console/messages', (ctx, r) => messagesPage(ctx, r.query as Form));
    guarded('POST', '/console/messages/by-bsn', (ctx, r) =>
      messagesPage(ctx, {}, (r.body ?? {}) as Form),
    );
    guarded('GET', '/console/messages/:id', (ctx, r) =>
      messageDetailPage(ctx, (r.params as { id: string }).id),
    );
    guarded('POST', '/console/messages/:id/raw', (ctx, r) =>
      rawXmlPage(ctx, (r.params as { id: string }).id),
    );
    guarded('GET', '/console/rejects', (ctx, r) => rejectsPage(ctx, r.query as Form));
    guarded('GET', '/console/deadlines', (ctx) => deadlinesPage(ctx));
    guarded('GET', '/console/alerts', (ctx) => alertsPage(ctx));
    guarded('GET', '/console/dead-letters', (ctx, r) => deadLettersPage(ctx, r.query as Form));
    guarded('POST', '/console/dead-letters/replay', (ctx, r) =>
      replayPage(ctx, (r.body ?? {}) as Form),
    );
    guarded('POST', '/console/logout', async (_ctx, request) => {
      await tools.sessions.destroy(sessions.get(request)?.id);
      return { kind: 'redirect', location: '/console/login?signedOut=1' };
    });
    done();
  });
}

async function send(reply: FastifyReply, result: PageResult): Promise<FastifyReply> {
  if (result.kind === 'redirect') {
    if (result.location.startsWith('/console/login?signedOut')) {
      void reply.header('set-cookie', sessionCookie('', false, 0));
    }
    return reply.redirect(result.location, 303);
  }
  return reply.status(result.status).type('text/html; charset=utf-8').send(result.html);
}

/** A POST from another origin is refused (browsers send Origin on every POST). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    return true;
  }
  return origin === `${request.protocol}://${request.headers.host ?? ''}`;
}

function forbidden(tools: OperatorTools, status = 403): PageResult {
  return {
    kind: 'html',
    status,
    html: layout(
      status === 401 ? 'Signed out' : 'Refused',
      html`<p class="notice error">
          ${
            status === 401
              ? 'Your session has ended. Sign in again.'
              : 'This form has expired or came from another site. Go back, reload the page and try again.'
          }
        </p>
        <p><a href="/console/login">Sign in</a></p>`,
      undefined,
      '',
      tools.settings.environment,
    ),
  };
}
