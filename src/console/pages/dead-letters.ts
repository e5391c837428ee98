import { DELIVERY_KINDS, type DeliveryRecord } from '../../delivery/index.js';
import type { ConsoleContext, PageResult } from '../console-context.js';
import { page, redirect } from '../console-context.js';
import { html, queryString } from '../html.js';
import { csrfField, layout } from '../layout.js';
import { replayDeadLetter } from '../replay-dead-letter.js';
import { dutchTime, messageLink } from './format.js';

type Form = Readonly<Record<string, string>>;

/** Dead letters shown (and replayable as a batch) per page view. */
const MAX_DEAD = 500;

function matches(d: DeliveryRecord, filter: Form): boolean {
  return (
    (filter['party'] === undefined || filter['party'] === '' || d.party === filter['party']) &&
    (filter['kind'] === undefined || filter['kind'] === '' || d.kind === filter['kind'])
  );
}

/** Dead letters with a filter; replay one or the filtered batch when CONSOLE_ALLOW_REPLAY is on. */
export async function deadLettersPage(ctx: ConsoleContext, query: Form): Promise<PageResult> {
  const all = await ctx.deps.deliveries.deadLetters(MAX_DEAD);
  const shown = all.filter((d) => matches(d, query));
  const replayed = query['replayed'];
  const replay = ctx.page.allowReplay;
  const body = html` ${replayed === undefined ? '' : html`<p class="notice" role="status">Replayed ${replayed} dead letter(s); they are pending again.</p>`}
    ${replay ? '' : html`<p class="notice">The console is read-only: replay is off (<code>CONSOLE_ALLOW_REPLAY=false</code>).</p>`}
    <form
      class="search"
      method="get"
      action="/console/dead-letters"
      aria-label="Filter dead letters"
    >
      <div>
        <label for="f-party">Party</label
        ><input id="f-party" name="party" value="${query['party'] ?? ''}" />
      </div>
      <div>
        <label for="f-kind">Kind</label>
        <select id="f-kind" name="kind">
          <option value="">any</option>
          ${DELIVERY_KINDS.map((k) => html`<option ${query['kind'] === k ? html`selected` : ''}>${k}</option>`)}
        </select>
      </div>
      <div><button type="submit">Filter</button></div>
    </form>
    <table>
      <caption>
        ${shown.length} dead letters${shown.length === all.length ? '' : ` (of ${all.length})`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Delivery</th>
          <th scope="col">Message</th>
          <th scope="col">Kind</th>
          <th scope="col">Party</th>
          <th scope="col">Channel</th>
          <th scope="col">Document</th>
          <th scope="col" class="num">Attempts</th>
          <th scope="col">Last error</th>
          <th scope="col">Died</th>
          ${replay ? html`<th scope="col">Replay</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (d) =>
            html`<tr>
              <td>${d.id.slice(-16)}</td>
              <td>${messageLink(d.messageId)}</td>
              <td>${d.kind}</td>
              <td>${d.party}</td>
              <td>${d.channel}</td>
              <td>${d.documentType}</td>
              <td class="num">${d.attempts}</td>
              <td>${d.lastError ?? ''}</td>
              <td>${dutchTime(d.updatedAt)}</td>
              ${
                replay
                  ? html`<td>
                      <form method="post" action="/console/dead-letters/replay">
                        ${csrfField(ctx.page)}<input type="hidden" name="id" value="${d.id}" />
                        <button
                          type="submit"
                          aria-label="Replay ${d.kind} delivery to ${d.party} of message ${d.messageId.slice(0, 8)}"
                        >
                          Replay
                        </button>
                      </form>
                    </td>`
                  : ''
              }
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      replay && shown.length > 0
        ? html`<form method="post" action="/console/dead-letters/replay">
            ${csrfField(ctx.page)}
            <input type="hidden" name="batch" value="1" />
            <input type="hidden" name="party" value="${query['party'] ?? ''}" />
            <input type="hidden" name="kind" value="${query['kind'] ?? ''}" />
            <button type="submit">Replay all ${shown.length} shown</button>
          </form>`
        : ''
    }`;
  return page(layout('Dead letters', body, ctx.page, '/console/dead-letters'));
}

/** POST: replays one dead letter (`id`) or every one matching the filter (`batch`). */
export async function replayPage(ctx: ConsoleContext, form: Form): Promise<PageResult> {
  if (!ctx.page.allowReplay) {
    return page(
      layout(
        'Replay is off',
        html`<p class="notice error">Replay is disabled on this gateway (CONSOLE_ALLOW_REPLAY).</p>
          <p><a href="/console/dead-letters">Back to dead letters</a></p>`,
        ctx.page,
        '/console/dead-letters',
      ),
      403,
    );
  }
  const ids =
    form['batch'] === '1'
      ? (await ctx.deps.deliveries.deadLetters(MAX_DEAD))
          .filter((d) => matches(d, form))
          .map((d) => d.id)
      : form['id'] === undefined
        ? []
        : [form['id']];
  let replayed = 0;
  for (const id of ids) {
    if (await replayDeadLetter(ctx.deps, id, ctx.page.clientId, ctx.requestId)) {
      replayed += 1;
    }
  }
  if (form['batch'] === '1') {
    await ctx.deps.audit.record(
      {
        action: 'replay-batch',
        clientId: ctx.page.clientId,
        outcome: 'allowed',
        detail: {
          party: form['party'] ?? '',
          kind: form['kind'] ?? '',
          replayed: String(replayed),
        },
      },
      ctx.deps.clock(),
    );
  }
  return redirect(
    `/console/dead-letters${queryString({ party: form['party'], kind: form['kind'], replayed: String(replayed) })}`,
  );
}
