import { html, type SafeHtml } from './html.js';

export interface PageContext {
  /** Operator's API client id (shown, so a shared screen says who is logged in). */
  readonly clientId: string;
  readonly csrf: string;
  readonly environment: string;
  readonly allowReplay: boolean;
}

const NAV: readonly [string, string][] = [
  ['/console', 'Overview'],
  ['/console/messages', 'Messages'],
  ['/console/rejects', 'Rejects'],
  ['/console/deadlines', 'Deadlines'],
  ['/console/dead-letters', 'Dead letters'],
  ['/console/alerts', 'Alerts'],
];

/** The page frame: skip link, header with environment badge and navigation, one h1. */
export function layout(
  title: string,
  body: SafeHtml,
  ctx: PageContext | undefined,
  current = '',
  environment = ctx?.environment ?? '',
): string {
  const nav =
    ctx === undefined
      ? html``
      : html`<nav aria-label="Console">
            <ul>
              ${NAV.map(
                ([href, label]) =>
                  html`<li>
                    <a href="${href}" ${href === current ? html`aria-current="page"` : ''}
                      >${label}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
          <span>Signed in as <strong>${ctx.clientId}</strong></span>
          <form class="inline" method="post" action="/console/logout">
            <input type="hidden" name="_csrf" value="${ctx.csrf}" />
            <button class="secondary" type="submit">Sign out</button>
          </form>`;
  return `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · iWmo gateway console</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <span class="brand">iWmo gateway</span>
          <span class="badge env" title="Environment">${environment}</span>
          ${nav}
        </header>
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.value
  }`;
}

/** A hidden CSRF field for a POST form. */
export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}" />`;
}
