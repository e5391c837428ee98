import type { ConsoleContext, PageResult } from '../console-context.js';
import { page } from '../console-context.js';
import { html } from '../html.js';
import { layout } from '../layout.js';

/** Rejections per rule and per sender, per Dutch calendar day (counted at each decision). */
export async function rejectsPage(
  ctx: ConsoleContext,
  query: Readonly<Record<string, string>>,
): Promise<PageResult> {
  const days = Math.min(Math.max(Number(query['days'] ?? 7) || 7, 1), 60);
  const perDay = await ctx.tools.metrics.rejectsPerDay(ctx.deps.clock(), days);
  const table = (
    caption: string,
    column: string,
    pick: (d: (typeof perDay)[number]) => readonly { value: string; count: number }[],
    link: (value: string, date: string) => string,
  ) =>
    html`<table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">${column}</th>
          <th scope="col" class="num">Rejected messages</th>
        </tr>
      </thead>
      <tbody>
        ${perDay.flatMap((d) => {
          const rows = pick(d);
          return rows.length === 0
            ? [
                html`<tr>
                  <td>${d.date}</td>
                  <td>none</td>
                  <td class="num">0</td>
                </tr>`,
              ]
            : rows.map(
                (r) =>
                  html`<tr>
                    <td>${d.date}</td>
                    <td><a href="${link(r.value, d.date)}">${r.value}</a></td>
                    <td class="num">${r.count}</td>
                  </tr>`,
              );
        })}
      </tbody>
    </table>`;
  const body = html` <form method="get" action="/console/rejects">
      <label for="days">Days to show</label>
      <input id="days" name="days" type="number" min="1" max="60" value="${days}" />
      <button type="submit">Show</button>
    </form>
    <section aria-labelledby="by-rule">
      <h2 id="by-rule">By rule</h2>
      ${table(
        'Rejections per rule per day (level-1 rejections as StUF055)',
        'Rule',
        (d) => d.byRule,
        (_v, date) => `/console/messages?status=rejected&from=${date}&to=${date}`,
      )}
    </section>
    <section aria-labelledby="by-sender">
      <h2 id="by-sender">By sender</h2>
      ${table(
        'Rejections per sender per day',
        'Sender',
        (d) => d.bySender,
        (v, date) =>
          `/console/messages?status=rejected&sender=${encodeURIComponent(v)}&from=${date}&to=${date}`,
      )}
    </section>`;
  return page(layout('Rejects', body, ctx.page, '/console/rejects'));
}
