import { ZodError } from 'zod';

import { MESSAGE_TYPES } from '../../domain/message-types.js';
import { MESSAGE_STATUSES } from '../../domain/status.js';
import { isBsnInput, parseSearchQuery, type SearchPage } from '../../search/index.js';
import type { ConsoleContext, PageResult } from '../console-context.js';
import { page } from '../console-context.js';
import { html, queryString } from '../html.js';
import { csrfField, layout } from '../layout.js';
import { dutchTime, messageLink, statusTag } from './format.js';

type Form = Readonly<Record<string, string>>;

const TEXT_FIELDS: readonly [string, string, string][] = [
  ['id', 'Gateway id', ''],
  ['berichtIdentificatie', 'BerichtIdentificatie', ''],
  ['sender', 'Sender (Afzender)', 'AGB or gemeentecode'],
  ['receiver', 'Receiver (Ontvanger)', 'AGB or gemeentecode'],
  ['toewijzingNummer', 'ToewijzingNummer', ''],
  ['declaratieNummer', 'DeclaratieNummer', ''],
];

/**
 * Message search (GET, bookmarkable) and search by BSN (a POST form, so that a BSN never lands in
 * a URL, an access log or the browser history; the result links on with its keyed hash only).
 */
export async function messagesPage(
  ctx: ConsoleContext,
  rawQuery: Form,
  bsnForm?: Form,
): Promise<PageResult> {
  let result: SearchPage | undefined;
  let error: string | undefined;
  const query: Record<string, string> = { ...rawQuery };
  delete query['bsn'];
  delete query['_csrf'];
  if (bsnForm !== undefined) {
    const bsn = (bsnForm['bsn'] ?? '').replace(/\s+/g, '');
    if (isBsnInput(bsn)) {
      query['bsnKey'] = ctx.tools.search.bsnKeyOf(bsn);
    } else {
      error = 'A BSN has 8 or 9 digits.';
    }
  }
  // Without criteria the page lists the newest messages (one ZRANGE on the receipt index).
  if (error === undefined) {
    try {
      result = await ctx.tools.search.search(parseSearchQuery({ limit: '50', ...query }));
    } catch (caught) {
      if (!(caught instanceof ZodError)) {
        throw caught;
      }
      error = caught.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    }
  }
  const kept = { ...query, cursor: undefined };
  const select = (name: string, label: string, options: readonly string[]) =>
    html`<div>
      <label for="f-${name}">${label}</label>
      <select id="f-${name}" name="${name}">
        <option value="">any</option>
        ${options.map((o) => html`<option ${query[name] === o ? html`selected` : ''}>${o}</option>`)}
      </select>
    </div>`;
  const form = html`<form
      class="search"
      method="get"
      action="/console/messages"
      role="search"
      aria-label="Search messages"
    >
      ${TEXT_FIELDS.map(
        ([name, label, hint]) =>
          html`<div>
            <label for="f-${name}">${label}</label>
            <input
              id="f-${name}"
              name="${name}"
              value="${query[name] ?? ''}"
              ${hint === '' ? '' : html`placeholder="${hint}"`}
            />
          </div>`,
      )}
      ${query['bsnKey'] === undefined ? '' : html`<input type="hidden" name="bsnKey" value="${query['bsnKey']}" />`}
      ${select('messageType', 'Message type', MESSAGE_TYPES)}
      ${select('status', 'Status', MESSAGE_STATUSES)}
      <div>
        <label for="f-from">Received from</label
        ><input id="f-from" name="from" type="date" value="${query['from'] ?? ''}" />
      </div>
      <div>
        <label for="f-to">Received to (inclusive)</label
        ><input id="f-to" name="to" type="date" value="${query['to'] ?? ''}" />
      </div>
      <div><button type="submit">Search</button></div>
    </form>
    <form class="search" method="post" action="/console/messages/by-bsn" aria-label="Search by BSN">
      ${csrfField(ctx.page)}
      <div>
        <label for="f-bsn">BSN</label>
        <input
          id="f-bsn"
          name="bsn"
          inputmode="numeric"
          autocomplete="off"
          aria-describedby="bsn-hint"
        />
      </div>
      <div><button type="submit">Search by BSN</button></div>
    </form>
    <p id="bsn-hint">
      A BSN is matched by its keyed hash; it is never shown, logged or put in a link.
      ${query['bsnKey'] === undefined ? '' : html`<strong>Results are limited to one client.</strong> <a href="/console/messages">Clear</a>`}
    </p>`;
  const results =
    result === undefined
      ? html``
      : html`<table>
            <caption>
              ${result.total === null ? `${result.items.length} messages on this page` : `${result.total} matching messages`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Received</th>
                <th scope="col">Type</th>
                <th scope="col">Sender</th>
                <th scope="col">Receiver</th>
                <th scope="col">BerichtIdentificatie</th>
                <th scope="col">Status</th>
                <th scope="col">Rules</th>
              </tr>
            </thead>
            <tbody>
              ${result.items.map(
                (i) =>
                  html`<tr>
                    <td>${messageLink(i.id)}</td>
                    <td>${dutchTime(i.receivedAt)}</td>
                    <td>${i.messageType}</td>
                    <td>${i.sender ?? ''}</td>
                    <td>${i.receiver ?? ''}</td>
                    <td>${i.berichtIdentificatie ?? ''}</td>
                    <td>${statusTag(i.status)}</td>
                    <td>${i.ruleIds.join(', ')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${result.complete ? '' : html`<p class="notice">The search looked at its maximum number of candidates; continue to look further.</p>`}
          ${
            result.nextCursor === null
              ? ''
              : html`<p>
                  <a
                    href="/console/messages${queryString({ ...kept, cursor: result.nextCursor })}"
                    rel="next"
                    >Next page</a
                  >
                </p>`
          }`;
  const body = html`${form}${error === undefined ? '' : html`<p class="notice error" role="alert">${error}</p>`}${results}`;
  return page(
    layout('Messages', body, ctx.page, '/console/messages'),
    error === undefined ? 200 : 400,
  );
}
