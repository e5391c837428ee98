import { addDays, addWorkingDays, dutchDate, dutchDayStart } from '../calendar/index.js';
import type { DecisionFacts, DecisionObserver } from '../metrics/index.js';
import type { AtomicWrite } from '../store/index.js';
import { answerWorkingDays, openDeadlinesKey } from './deadline-keys.js';

/**
 * Tracks the answer deadline of every heen message the gateway answers (fact sheet §7.3): added
 * in the decision's atomic step, scored by the end of the due day; the deadlines page drops an
 * entry once its retour is delivered (or held in the sender's inbox). A level-1 rejection has no
 * retour (a transport error answers it), so it has no deadline.
 */
export function deadlinesObserver(prefix: string): DecisionObserver {
  return {
    decisionWrites(facts: DecisionFacts): readonly AtomicWrite[] {
      const { record, result, answering } = facts;
      if (!answering || (result.status === 'rejected' && result.controlLevel === 1)) {
        return [];
      }
      const received = dutchDate(new Date(record.receivedAt));
      const due = addWorkingDays(received, answerWorkingDays(record.messageType));
      const endOfDue = dutchDayStart(addDays(due, 1)).getTime() - 1;
      return [{ op: 'zadd', key: openDeadlinesKey(prefix), score: endOfDue, member: record.id }];
    },
  };
}
