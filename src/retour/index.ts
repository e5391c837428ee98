export {
  type AnswerContext,
  answerMessage,
  type DeclaratieOutcome,
  type DeclaratieTotals,
  type RetourDocument,
  retourTypeFor,
} from './answer-message.js';
export {
  buildDeclaratieAntwoord,
  type DeclaratieAntwoordClient,
  type DeclaratieAntwoordInput,
  type SignedTotal,
} from './build-declaratie-antwoord.js';
export {
  buildRetour,
  OWN_XSD_VERSIE,
  type RetourableHeenType,
  type RetourInput,
} from './build-retour.js';
export {
  type DeclaratieJudgement,
  declaratieScopeOf,
  isGranted,
  judgeDeclaratie,
  signedBedrag,
  toSignedTotal,
} from './judge-declaratie.js';
export { classPathOf, isHeaderViolation, RETOUR_BODY_SPECS } from './retour-classes.js';
export { XSLT_VERSIE } from './xslt-version.js';
