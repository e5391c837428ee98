export {
  type AnswerContext,
  answerMessage,
  type DeclaratieTotals,
  type RetourDocument,
  retourTypeFor,
} from './answer-message.js';
export {
  buildDeclaratieAntwoord,
  type DeclaratieAntwoordInput,
  type SignedTotal,
} from './build-declaratie-antwoord.js';
export {
  buildRetour,
  OWN_XSD_VERSIE,
  type RetourableHeenType,
  type RetourInput,
} from './build-retour.js';
export { XSLT_VERSIE } from './xslt-version.js';
