import { isHeenMessageType, MESSAGE_CATALOGUE, type MessageType } from '../domain/message-types.js';
import type { MessageHeader } from '../model/header.js';
import type { ParsedMessage } from '../model/index.js';
import { parseXmlTreeDecoded, type XmlTree } from '../model/xml-tree.js';
import type { ValidationOutcome } from '../validation/outcome.js';
import type { CheckedMessage } from '../validation/pipeline.js';
import type { Violation } from '../validation/violation.js';
import { answerDeclaratieInDetail } from './answer-declaratie.js';
import { buildDeclaratieAntwoord } from './build-declaratie-antwoord.js';
import { buildRetour } from './build-retour.js';
import {
  codesPerClass,
  distinctCodes,
  isHeaderViolation,
  RETOUR_BODY_SPECS,
} from './retour-classes.js';
import type { AnswerContext, RetourDocument } from './retour-document.js';
import { XSLT_VERSIE } from './xslt-version.js';

export type {
  AnswerContext,
  DeclaratieOutcome,
  DeclaratieTotals,
  RetourDocument,
} from './retour-document.js';

const ACCEPTED_HEADER_CODE = '0200';
const LEVEL2_REJECTED = '0001';
const DECLARATIE_VOLLEDIG_TOEGEWEZEN = '8001';

/** The retour type that answers `type`, or undefined when nothing answers it (retours, 325). */
export function retourTypeFor(type: MessageType): MessageType | undefined {
  return isHeenMessageType(type) ? MESSAGE_CATALOGUE[type].answeredBy : undefined;
}

/**
 * Builds the retour that answers a validated heen message (fact sheet §7.1, §7.2), or undefined
 * when none is due: a level-1 (XSD) failure gets no retour, and retours and 325s get no answer.
 * Level-2 rejections are header-only with 0001 and XsltVersie.
 */
export function answerMessage(
  type: MessageType,
  outcome: ValidationOutcome<CheckedMessage>,
  context: AnswerContext,
): RetourDocument | undefined {
  const retourType = retourTypeFor(type);
  if (retourType === undefined || !isHeenMessageType(type)) {
    return undefined;
  }
  if (outcome.kind === 'rejected' && outcome.stage === 'xsd') {
    return undefined;
  }
  const header: MessageHeader = outcome.message.header;
  const level2 = outcome.kind === 'rejected' && outcome.controlLevel === 2;
  if (outcome.kind === 'rejected' && outcome.controlLevel >= 3) {
    if (isDeclaratie(outcome.message)) {
      return answerDeclaratieInDetail(outcome.message, outcome.violations, context, retourType);
    }
    return answerInDetail(type, header, outcome.violations, context, retourType);
  }
  const codes =
    outcome.kind === 'accepted'
      ? []
      : level2
        ? [LEVEL2_REJECTED]
        : [...new Set(outcome.violations.map((v) => v.retourCode))];
  if (type === 'WMO323') {
    const accepted = outcome.kind === 'accepted';
    const declaratie = context.declaratie;
    if (accepted && declaratie === undefined) {
      throw new Error('answering an accepted WMO323 needs its DeclaratieNummer and total');
    }
    const headerCodes = accepted ? [ACCEPTED_HEADER_CODE] : codes;
    const xml = buildDeclaratieAntwoord({
      declaratieHeader: header,
      antwoordId: context.retourId,
      antwoordDate: context.retourDate,
      headerCodes,
      ...(level2 ? { xsltVersie: XSLT_VERSIE } : {}),
      ...(accepted && declaratie
        ? {
            antwoord: {
              DeclaratieNummer: declaratie.DeclaratieNummer,
              TotaalIngediendBedrag: declaratie.TotaalIngediendBedrag,
              TotaalToegekendBedrag: declaratie.TotaalIngediendBedrag,
              codes: [DECLARATIE_VOLLEDIG_TOEGEWEZEN],
            },
          }
        : {}),
    });
    return { type: retourType, id: context.retourId, codes: headerCodes, xml };
  }
  const xml = buildRetour({
    heenType: type,
    heenHeader: header,
    retourId: context.retourId,
    retourDate: context.retourDate,
    headerCodes: codes,
    ...(level2 ? { xsltVersie: XSLT_VERSIE } : {}),
  });
  return { type: retourType, id: context.retourId, codes, xml };
}

/** A parsed WMO323 (a CheckedMessage may also be a message the gateway only checks). */
export function isDeclaratie(message: CheckedMessage): message is ParsedMessage<'WMO323'> {
  return message.type === 'WMO323' && 'Declaratie' in message;
}

/**
 * A level-3 (or 4) rejection of a normal message (fact sheet §7.1): an error in the Header gives
 * a header-only retour with its code; otherwise the Header gets 0200 and the whole Client (or
 * Antwoord) is copied unchanged, each class with its own codes, 0233 below a rejected class, or
 * 0200.
 */
function answerInDetail(
  type: MessageType,
  header: MessageHeader,
  violations: readonly Violation[],
  context: AnswerContext,
  retourType: MessageType,
): RetourDocument {
  if (!isRetourable(type)) {
    throw new Error(`${type} has no retour message`);
  }
  const common = {
    heenType: type,
    heenHeader: header,
    retourId: context.retourId,
    retourDate: context.retourDate,
  };
  const headerViolations = violations.filter(isHeaderViolation);
  if (headerViolations.length > 0) {
    const codes = distinctCodes(headerViolations);
    const xml = buildRetour({ ...common, headerCodes: codes });
    return { type: retourType, id: context.retourId, codes, xml };
  }
  if (context.heenXml === undefined) {
    throw new Error('answering a level-3 rejection needs the heen message');
  }
  const spec = RETOUR_BODY_SPECS[type];
  const bericht = parseXmlTreeDecoded(context.heenXml)['Bericht'] as XmlTree | undefined;
  const heenRoot = bericht?.[spec.root];
  if (heenRoot === undefined || typeof heenRoot === 'string' || Array.isArray(heenRoot)) {
    throw new Error(`the heen message has no single ${spec.root}`);
  }
  const xml = buildRetour({
    ...common,
    headerCodes: [GEEN_OPMERKING_HEADER],
    body: { heenRoot: heenRoot as XmlTree, codes: codesPerClass(violations, spec.classes) },
  });
  return {
    type: retourType,
    id: context.retourId,
    codes: [GEEN_OPMERKING_HEADER, ...distinctCodes(violations)],
    xml,
  };
}

const GEEN_OPMERKING_HEADER = '0200';

function isRetourable(type: MessageType): type is keyof typeof RETOUR_BODY_SPECS {
  return Object.hasOwn(RETOUR_BODY_SPECS, type);
}
