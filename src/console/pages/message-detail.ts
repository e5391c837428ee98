import { coerceError } from '../../errors/index.js';
import { maskBsnLike } from '../../observability/redaction.js';
import type { MessageRecord } from '../../store/index.js';
import { RULES } from '../../validation/rules/index.js';
import type { ConsoleContext, PageResult } from '../console-context.js';
import { page } from '../console-context.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, layout } from '../layout.js';
import { decisionRecordSection } from './decision-record-table.js';
import { dutchTime, statusTag } from './format.js';

const MESSAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RULE_DESCRIPTIONS: ReadonlyMap<string, string> = new Map(
  RULES.map((r) => [r.id as string, r.description]),
);

/** One message: facts, violations with the rule's description, timeline, deliveries. */
export async function messageDetailPage(ctx: ConsoleContext, id: string): Promise<PageResult> {
  return detail(ctx, id, undefined);
}

/**
 * The same page with the raw XML of the message and its retour, after an explicit click (a POST
 * with the CSRF token, so no link prefetch can trigger it); every view is in the audit trail.
 */
export async function rawXmlPage(ctx: ConsoleContext, id: string): Promise<PageResult> {
  const record = MESSAGE_ID.test(id) ? await ctx.deps.store.get(id) : undefined;
  if (record === undefined) {
    return detail(ctx, id, undefined);
  }
  await ctx.deps.audit.record(
    {
      action: 'view-raw-xml',
      clientId: ctx.page.clientId,
      outcome: 'allowed',
      detail: { messageId: id, messageType: record.messageType },
    },
    ctx.deps.clock(),
  );
  let body: string;
  try {
    body = (await ctx.deps.store.getBody(id)).toString('utf8');
  } catch (caught) {
    body = `(not available: ${coerceError(caught).message}; bodies are removed after the retention period)`;
  }
  const retour = await ctx.deps.store.getRetour(id);
  return detail(ctx, id, { body, retour });
}

async function detail(
  ctx: ConsoleContext,
  id: string,
  raw: { body: string; retour: string | undefined } | undefined,
): Promise<PageResult> {
  const record = MESSAGE_ID.test(id) ? await ctx.deps.store.get(id) : undefined;
  if (record === undefined) {
    return page(
      layout(
        'Message not found',
        html`<p>No message with this id.</p>
          <p><a href="/console/messages">Search messages</a></p>`,
        ctx.page,
        '/console/messages',
      ),
      404,
    );
  }
  const [events, deliveries, decisionRecord] = await Promise.all([
    ctx.deps.store.getEvents(id),
    ctx.deps.deliveries.forMessage(id),
    record.messageType === 'WMO323' ? ctx.deps.store.getDecisionRecord(id) : undefined,
  ]);
  const body = html` ${facts(record)} ${violations(record)}
    ${decisionRecord === undefined ? '' : decisionRecordSection(decisionRecord)}
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <table>
        <caption>
          Events of this message, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          ${events.map(
            (e) =>
              html`<tr>
                <td>${dutchTime(e.at)}</td>
                <td>${e.event}</td>
                <td>
                  ${
                    e.detail === undefined
                      ? ''
                      : Object.entries(e.detail)
                          .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                          .join('; ')
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries</h2>
      ${
        deliveries.length === 0
          ? html`<p>No deliveries.</p>`
          : html`<table>
              <caption>
                Where the retour, the forwarded message or the findings went
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Party</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Document</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                ${deliveries.map(
                  (d) =>
                    html`<tr>
                      <td>${d.kind}</td>
                      <td>${d.party}</td>
                      <td>${d.channel}</td>
                      <td>${d.documentType}</td>
                      <td>
                        <span class="tag ${d.status === 'dead' ? 'dead' : ''}">${d.status}</span>
                      </td>
                      <td class="num">${d.attempts}</td>
                      <td>${d.lastError ?? ''}</td>
                      <td>${dutchTime(d.updatedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section aria-labelledby="raw-heading">
      <h2 id="raw-heading">Raw XML</h2>
      ${
        raw === undefined
          ? html`<form method="post" action="/console/messages/${id}/raw">
              ${csrfField(ctx.page)}
              <p>
                The XML holds personal data. Showing it is recorded in the audit trail with your
                name.
              </p>
              <button type="submit">Show raw XML</button>
            </form>`
          : html`<h3>Message</h3>
              <pre class="xml" tabindex="0" aria-label="Message XML">${raw.body}</pre>
              <h3>Retour</h3>
              ${raw.retour === undefined ? html`<p>No retour.</p>` : html`<pre class="xml" tabindex="0" aria-label="Retour XML">${raw.retour}</pre>`}`
      }
    </section>`;
  return page(
    layout(
      `${record.messageType} ${record.berichtIdentificatie ?? ''}`,
      body,
      ctx.page,
      '/console/messages',
    ),
  );
}

function facts(record: MessageRecord): SafeHtml {
  const rows: [string, SafeHtml | string][] = [
    ['Gateway id', record.id],
    ['Status', statusTag(record.status)],
    ['Message type', record.messageType],
    ['Sender', record.sender ?? ''],
    ['Receiver', record.receiver ?? ''],
    ['BerichtIdentificatie', record.berichtIdentificatie ?? ''],
    ['Dagtekening', record.dagtekening ?? ''],
    ['Received', dutchTime(record.receivedAt)],
    ['Updated', dutchTime(record.updatedAt)],
    ['Size', `${record.sizeBytes} bytes`],
    ['Control level', record.controlLevel === undefined ? '' : String(record.controlLevel)],
    [
      'Retour',
      record.retourId === undefined
        ? 'none'
        : `${record.retourType ?? ''} ${record.retourId} (codes ${(record.retourCodes ?? []).join(', ') || 'none'})`,
    ],
    [
      'Transport error',
      record.transportError === undefined
        ? ''
        : `${record.transportError.code} ${record.transportError.description}`,
    ],
    ['Failure', record.failureReason ?? ''],
    ['Attempts', String(record.attempts)],
  ];
  return html`<section aria-labelledby="facts-heading">
    <h2 id="facts-heading">Facts</h2>
    <dl class="facts">
      ${rows
        .filter(([, v]) => v !== '')
        .map(
          ([k, v]) =>
            html`<dt>${k}</dt>
              <dd>${v}</dd>`,
        )}
    </dl>
  </section>`;
}

function violations(record: MessageRecord): SafeHtml {
  const list = record.violations ?? [];
  const issues = record.transportError?.issues ?? [];
  if (list.length === 0 && issues.length === 0) {
    return html``;
  }
  return html`<section aria-labelledby="violations-heading">
    <h2 id="violations-heading">Violations</h2>
    ${
      list.length === 0
        ? ''
        : html`<table>
            <caption>
              Rules this message broke (${list.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Retourcode</th>
                <th scope="col">Description</th>
                <th scope="col">Location</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              ${list.map(
                (v) =>
                  html`<tr>
                    <td>${v.ruleId}</td>
                    <td>${v.retourCode}</td>
                    <td>${RULE_DESCRIPTIONS.get(v.ruleId) ?? ''}</td>
                    <td><code>${v.location}</code></td>
                    <td>${v.detail ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${
      issues.length === 0
        ? ''
        : html`<table>
            <caption>
              Schema errors (level 1, StUF055)
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Element</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              ${issues.map(
                (i) =>
                  html`<tr>
                    <td>${i.line ?? ''}</td>
                    <td>${i.element ?? ''}</td>
                    <td>${maskBsnLike(i.message)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}
