import type { RegisterView } from '../domain/register/index.js';
import type { ParsedMessage } from '../model/index.js';
import { isDeclaratie } from '../retour/answer-message.js';
import { buildDecisionRecord } from './build-decision-record.js';
import type { DecisionRecord } from './decision-record.js';
import type { ExternalSourceSnapshot } from './external-source-stage.js';
import type { ValidationOutcome } from './outcome.js';
import type { CheckedMessage, Pipeline, RuleStage } from './pipeline.js';

/** A stage that remembers what it judged a message with: the level-4 stage. */
interface SnapshotStage {
  snapshotOf(message: ParsedMessage): ExternalSourceSnapshot | undefined;
}

function remembersSnapshots<M extends CheckedMessage>(
  stage: RuleStage<M>,
): stage is RuleStage<M> & SnapshotStage {
  return typeof (stage as Partial<SnapshotStage>).snapshotOf === 'function';
}

/**
 * The decision record of a WMO323 that was judged on level 3 or 4 (issue #5), or undefined for
 * any other outcome (another message type, a rejection on level 1 or 2). The contract snapshot
 * and the date come from the pipeline's level-4 stage, the one the message was judged with;
 * without level 4 the record has no contract terms and is dated `today()`. Shared by the worker
 * and the dry run, so both record the same.
 */
export function decisionRecordOf<M extends CheckedMessage>(
  pipeline: Pipeline<M>,
  outcome: ValidationOutcome<M>,
  view: RegisterView,
  today: () => string,
): DecisionRecord | undefined {
  if (outcome.kind === 'rejected' && outcome.stage === 'xsd') {
    return undefined;
  }
  const message: CheckedMessage = outcome.message;
  if (outcome.controlLevel < 3 || !isDeclaratie(message)) {
    return undefined;
  }
  let snapshot: ExternalSourceSnapshot | undefined;
  for (const stage of pipeline.stages) {
    if (remembersSnapshots(stage)) {
      snapshot = stage.snapshotOf(message);
    }
  }
  return buildDecisionRecord(message, {
    view,
    contracts: snapshot?.contracts,
    today: snapshot?.today ?? today(),
    violations: outcome.kind === 'rejected' ? outcome.violations : [],
  });
}
