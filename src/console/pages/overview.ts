import type { ConsoleContext, PageResult } from '../console-context.js';
import { page } from '../console-context.js';
import { html, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { firingBanner } from './alerts.js';
import { duration, dutchTime, messageLink } from './format.js';

const HOUR = 3_600_000;

/** Queue depths, throughput and outcomes of the last hour and day, workers, Redis, oldest wait. */
export async function overviewPage(ctx: ConsoleContext): Promise<PageResult> {
  const { metrics } = ctx.tools;
  const now = ctx.deps.clock();
  const [gauges, hour, day, oldest, alerts] = await Promise.all([
    metrics.gauges(),
    metrics.decisionsSince(now, HOUR),
    metrics.decisionsSince(now, 24 * HOUR),
    ctx.deps.store.pendingBefore(now, 1),
    ctx.tools.alerts.states(),
  ]);
  const firing = alerts.filter((a) => a.phase === 'firing').length;
  const pending = alerts.filter((a) => a.phase === 'pending').length;
  const card = (label: string, value: string | number, note: string | SafeHtml = '') =>
    html`<div class="card">
      <div>${label}</div>
      <div class="value">${value}</div>
      <div>${note}</div>
    </div>`;
  const oldestId = oldest[0];
  const states = ['waiting', 'active', 'delayed', 'failed'];
  const body = html`${firingBanner(alerts)}
    <section aria-labelledby="now-heading">
      <h2 id="now-heading">Now</h2>
      <div class="cards">
        ${card(
          'Alerts firing',
          firing,
          html`${pending} pending · <a href="/console/alerts">alerts</a>`,
        )}
        ${card('Workers alive', gauges.workers, gauges.workers === 0 ? 'no worker is connected' : '')}
        ${card('Messages not decided yet', gauges.undecided)}
        ${card(
          'Oldest waiting message',
          gauges.oldestUndecidedAt === null
            ? 'none'
            : duration(now.getTime() - gauges.oldestUndecidedAt.getTime()),
          gauges.oldestUndecidedAt === null
            ? ''
            : `received ${dutchTime(gauges.oldestUndecidedAt.toISOString())}`,
        )}
        ${card('Deliveries pending', gauges.deliveriesPending)}
        ${card('Deliveries failing', gauges.deliveriesFailing, 'last attempt failed, retrying')}
        ${card('Dead letters', gauges.deadLetters)}
        ${card('Redis memory', `${(gauges.redisUsedMemoryBytes / 2 ** 20).toFixed(1)} MB`)}
      </div>
      ${oldestId === undefined ? '' : html`<p>Oldest waiting message: ${messageLink(oldestId)}</p>`}
    </section>
    <section aria-labelledby="throughput-heading">
      <h2 id="throughput-heading">Decisions</h2>
      <table>
        <caption>
          Messages decided (10-minute buckets)
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" class="num">Total</th>
            <th scope="col" class="num">Accepted</th>
            <th scope="col" class="num">Rejected</th>
            <th scope="col" class="num">Failed</th>
          </tr>
        </thead>
        <tbody>
          ${[
            ['Last hour', hour],
            ['Last 24 hours', day],
          ].map(([label, c]) => {
            const counts = c as typeof hour;
            return html`<tr>
              <th scope="row">${label as string}</th>
              <td class="num">${counts.accepted + counts.rejected + counts.failed}</td>
              <td class="num">${counts.accepted}</td>
              <td class="num">${counts.rejected}</td>
              <td class="num">${counts.failed}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="queues-heading">
      <h2 id="queues-heading">Queues</h2>
      <table>
        <caption>
          BullMQ jobs per queue
        </caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            ${states.map((s) => html`<th scope="col" class="num">${s}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${Object.entries(gauges.queues).map(
            ([name, counts]) =>
              html`<tr>
                <th scope="row">${name}</th>
                ${states.map((s) => html`<td class="num">${counts[s] ?? 0}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  return page(layout('Overview', body, ctx.page, '/console'));
}
