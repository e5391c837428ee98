import { type Deadline, deadlineOf, dutchDate } from '../../calendar/index.js';
import { isHeenMessageType } from '../../domain/message-types.js';
import type { MessageRecord } from '../../store/index.js';
import type { ConsoleContext, PageResult } from '../console-context.js';
import { page } from '../console-context.js';
import { answerWorkingDays, openDeadlinesKey } from '../deadline-keys.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { dutchTime, messageLink, statusTag } from './format.js';

/** At most this many open deadlines and undecided messages are looked at per page view. */
const MAX_ROWS = 500;

interface Row {
  readonly record: MessageRecord;
  readonly deadline: Deadline;
  readonly retourStatus: string;
}

/**
 * Heen messages to a local party whose answer is not out yet, by due date (fact sheet §7.3:
 * retour within 3 werkdagen, WMO325 within 10; Dutch working-day calendar). An answer counts as
 * out when its retour delivery is delivered or held in the sender's inbox; such entries are
 * dropped from the open list here.
 */
export async function deadlinesPage(ctx: ConsoleContext): Promise<PageResult> {
  const { deps } = ctx;
  const redis = deps.redis;
  const key = openDeadlinesKey(ctx.tools.settings.prefix);
  const now = deps.clock();
  const today = dutchDate(now);
  const open = await redis.zrange(key, 0, MAX_ROWS - 1);
  const undecided = await deps.store.pendingBefore(now, MAX_ROWS);
  const rows: Row[] = [];
  const done: string[] = [];
  for (const id of new Set([...open, ...undecided])) {
    const record = await deps.store.get(id);
    if (record === undefined) {
      done.push(id);
      continue;
    }
    if (!isHeenMessageType(record.messageType) || !deps.parties.isLocal(record.receiver)) {
      continue;
    }
    const retour = (await deps.deliveries.forMessage(id)).find((d) => d.kind === 'retour');
    if (retour?.status === 'delivered' || retour?.status === 'held') {
      done.push(id);
      continue;
    }
    const retourStatus =
      retour?.status ?? (record.status === 'failed' ? 'no retour (failed)' : 'not built yet');
    rows.push({
      record,
      retourStatus,
      deadline: deadlineOf(
        dutchDate(new Date(record.receivedAt)),
        answerWorkingDays(record.messageType),
        today,
      ),
    });
  }
  if (done.length > 0) {
    await redis.zrem(key, ...done);
  }
  rows.sort(
    (a, b) =>
      a.deadline.dueDate.localeCompare(b.deadline.dueDate) ||
      a.record.receivedAt.localeCompare(b.record.receivedAt),
  );
  const count = (state: string) => rows.filter((r) => r.deadline.state === state).length;
  const body = html` <p>
      Today is ${today}. <strong>${count('overdue')}</strong> overdue,
      <strong>${count('at-risk')}</strong> at risk (at most one working day left), ${count('open')}
      open. Working days skip weekends and Dutch national holidays.
    </p>
    <table>
      <caption>
        Answers due: retour within 3 working days, WMO325 within 10
      </caption>
      <thead>
        <tr>
          <th scope="col">Message</th>
          <th scope="col">Type</th>
          <th scope="col">Sender</th>
          <th scope="col">Receiver</th>
          <th scope="col">Received</th>
          <th scope="col">Status</th>
          <th scope="col">Retour</th>
          <th scope="col">Due</th>
          <th scope="col" class="num">Working days left</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr class="state-${r.deadline.state}">
              <td>${messageLink(r.record.id)}</td>
              <td>${r.record.messageType}</td>
              <td>${r.record.sender ?? ''}</td>
              <td>${r.record.receiver ?? ''}</td>
              <td>${dutchTime(r.record.receivedAt)}</td>
              <td>${statusTag(r.record.status)}</td>
              <td>${r.retourStatus}</td>
              <td>${r.deadline.dueDate}</td>
              <td class="num">${r.deadline.workingDaysLeft}</td>
              <td><strong>${r.deadline.state}</strong></td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  return page(layout('Deadlines', body, ctx.page, '/console/deadlines'));
}
