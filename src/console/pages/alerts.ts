import type { AlertRecord } from '../../alerts/index.js';
import type { ConsoleContext, PageResult } from '../console-context.js';
import { page } from '../console-context.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { duration, dutchTime } from './format.js';

const PHASE_ORDER: Readonly<Record<string, number>> = { firing: 0, pending: 1, ok: 2 };
const SEVERITY_ORDER: Readonly<Record<string, number>> = { critical: 0, warning: 1, info: 2 };

/** Firing first, then pending, then the rest; within each the most severe first. */
export function sortAlerts(records: readonly AlertRecord[]): AlertRecord[] {
  return [...records].sort(
    (a, b) =>
      (PHASE_ORDER[a.phase] ?? 3) - (PHASE_ORDER[b.phase] ?? 3) ||
      (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
      a.id.localeCompare(b.id),
  );
}

/** A sample as the console shows it: a percentage for rates, "no value" when there is none. */
export function alertValue(kind: string, value: number | null): string {
  if (value === null) {
    return 'no value';
  }
  return kind === 'failure-rate' ? `${value} %` : String(value);
}

export function phaseTag(phase: string): SafeHtml {
  return html`<span class="tag phase-${phase}">${phase}</span>`;
}

/**
 * The alert rules (docs/operations.md#alerts) with their state (firing, pending, ok), the recent
 * phase changes and the recent webhook calls. The worker processes evaluate the rules; this page
 * only reads what they recorded in Redis.
 */
export async function alertsPage(ctx: ConsoleContext): Promise<PageResult> {
  const store = ctx.tools.alerts;
  const [records, meta, history, attempts] = await Promise.all([
    store.states(),
    store.meta(),
    store.history(50),
    store.webhookAttempts(20),
  ]);
  const alerts = sortAlerts(records);
  const count = (phase: string) => alerts.filter((a) => a.phase === phase).length;
  const summary =
    meta === undefined
      ? html`<p class="notice" role="status">
          The alert rules have not been evaluated yet: the worker processes evaluate them every
          <code>ALERT_EVALUATION_SECONDS</code> (30 s by default).
        </p>`
      : html`<p>
          <strong>${count('firing')}</strong> firing, <strong>${count('pending')}</strong> pending,
          ${count('ok')} ok, of ${meta.rules} rules. Last evaluated ${dutchTime(meta.evaluatedAt)}.
          ${
            meta.webhook
              ? 'Firing and resolved alerts are sent to the webhook.'
              : 'No webhook is configured (ALERT_WEBHOOK_URL): alerts are only shown here and in /metrics.'
          }
        </p>`;
  const body = html`${summary}
    <table>
      <caption>
        Alert rules and their state
      </caption>
      <thead>
        <tr>
          <th scope="col">Alert</th>
          <th scope="col">Severity</th>
          <th scope="col">Condition</th>
          <th scope="col">For</th>
          <th scope="col">State</th>
          <th scope="col" class="num">Value</th>
          <th scope="col">Since</th>
          <th scope="col">Last fired</th>
          <th scope="col">Resolved</th>
        </tr>
      </thead>
      <tbody>
        ${alerts.map(
          (a) =>
            html`<tr id="alert-${a.id}" class="alert-${a.phase}">
              <th scope="row">
                ${a.id}${
                  a.description === null
                    ? ''
                    : html`<br /><span class="muted">${a.description}</span>`
                }
              </th>
              <td><span class="tag sev-${a.severity}">${a.severity}</span></td>
              <td>${a.condition}</td>
              <td>${a.forMs === 0 ? 'at once' : duration(a.forMs)}</td>
              <td>${phaseTag(a.phase)}</td>
              <td class="num">${alertValue(a.kind, a.value)}</td>
              <td>${a.phase === 'ok' ? '' : dutchTime(a.since)}</td>
              <td>${dutchTime(a.firedAt)}</td>
              <td>${dutchTime(a.resolvedAt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2 id="history-heading">Recent changes</h2>
    <table>
      <caption>
        State changes, newest first (at most 50)
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Alert</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col" class="num">Value</th>
        </tr>
      </thead>
      <tbody>
        ${history.map((t) => {
          const kind = records.find((r) => r.id === t.id)?.kind ?? '';
          return html`<tr>
            <td>${dutchTime(t.at)}</td>
            <td><a href="#alert-${t.id}">${t.id}</a></td>
            <td>${phaseTag(t.from)}</td>
            <td>${t.notify === 'resolved' ? phaseTag('resolved') : phaseTag(t.to)}</td>
            <td class="num">${alertValue(kind, t.value)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <h2 id="webhook-heading">Webhook calls</h2>
    <table>
      <caption>
        Webhook attempts, newest first (at most 20)
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Alert</th>
          <th scope="col">State</th>
          <th scope="col" class="num">Attempt</th>
          <th scope="col">Outcome</th>
          <th scope="col" class="num">HTTP</th>
          <th scope="col">Error</th>
          <th scope="col" class="num">ms</th>
        </tr>
      </thead>
      <tbody>
        ${attempts.map(
          (w) =>
            html`<tr>
              <td>${dutchTime(w.at)}</td>
              <td><a href="#alert-${w.alert}">${w.alert}</a></td>
              <td>${w.state}</td>
              <td class="num">${w.attempt}</td>
              <td><span class="tag webhook-${w.outcome}">${w.outcome}</span></td>
              <td class="num">${w.status ?? ''}</td>
              <td>${w.error ?? ''}</td>
              <td class="num">${w.ms}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  return page(layout('Alerts', body, ctx.page, '/console/alerts'));
}

/** The overview's banner: the firing alerts with links, or nothing. */
export function firingBanner(records: readonly AlertRecord[]): SafeHtml {
  const firing = sortAlerts(records).filter((a) => a.phase === 'firing');
  if (firing.length === 0) {
    return html``;
  }
  return html`<div class="notice error banner" role="alert">
    <strong>${firing.length} ${firing.length === 1 ? 'alert' : 'alerts'} firing:</strong>
    ${firing.map(
      (a, i) =>
        html`${i === 0 ? '' : ', '}<a href="/console/alerts#alert-${a.id}">${a.id}</a>
          (${a.severity})`,
    )}
  </div>`;
}
