import { isHeenMessageType, MESSAGE_CATALOGUE, type MessageType } from '../domain/message-types.js';
import type { MessageHeader } from '../model/header.js';
import type { ValidationOutcome } from '../validation/outcome.js';
import type { CheckedMessage } from '../validation/pipeline.js';
import { buildDeclaratieAntwoord, type SignedTotal } from './build-declaratie-antwoord.js';
import { buildRetour } from './build-retour.js';
import { XSLT_VERSIE } from './xslt-version.js';

/** What a WMO325 needs from the declaration besides its header. */
export interface DeclaratieTotals {
  readonly DeclaratieNummer: string;
  readonly TotaalIngediendBedrag: SignedTotal;
}

export interface RetourDocument {
  readonly type: MessageType;
  readonly id: string;
  readonly codes: readonly string[];
  readonly xml: string;
}

export interface AnswerContext {
  readonly retourId: string;
  readonly retourDate: string;
  /** Required to answer an accepted WMO323. */
  readonly declaratie?: DeclaratieTotals;
}

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
