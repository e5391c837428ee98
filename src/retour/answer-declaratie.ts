import type { MessageType } from '../domain/message-types.js';
import type { ParsedMessage } from '../model/index.js';
import type { Violation } from '../validation/violation.js';
import {
  buildDeclaratieAntwoord,
  type DeclaratieAntwoordClient,
} from './build-declaratie-antwoord.js';
import { GEEN_OPMERKING, NIET_BEOORDEELD } from './build-retour-body.js';
import {
  type DeclaratieJudgement,
  judgeDeclaratie,
  prestatieKey,
  toSignedTotal,
} from './judge-declaratie.js';
import type { AnswerContext, RetourDocument } from './retour-document.js';

const VOLLEDIG_TOEGEWEZEN = '8001';

/**
 * The WMO325 for a WMO323 judged on level 3 (fact sheet §7.2, IV087, OP303, OP304, TR342):
 * - an error in the Header: header-only with its code(s);
 * - an error in class Declaratie: Header 0200, DeclaratieAntwoord with the code(s) and
 *   TotaalToegekendBedrag 0; no Prestatie is assessed;
 * - otherwise Header 0200, DeclaratieAntwoord 0200 (8001 when everything is granted) with
 *   TotaalToegekendBedrag = Σ granted Prestaties, and only the clients with refusals: a refused
 *   Client with all its Prestaties on 0233, or a Client on 0200 with its refused Prestaties.
 */
export function answerDeclaratieInDetail(
  message: ParsedMessage<'WMO323'>,
  violations: readonly Violation[],
  context: AnswerContext,
  retourType: MessageType,
): RetourDocument {
  const judgement = judgeDeclaratie(message.Declaratie, violations);
  const declaratie = message.Declaratie;
  const common = {
    declaratieHeader: message.header,
    antwoordId: context.retourId,
    antwoordDate: context.retourDate,
  };
  const summary = {
    processed: judgement.processed,
    granted: judgement.granted,
    refused: judgement.refused,
    toegekend: judgement.processed ? judgement.toegekend : 0,
  };
  if (judgement.headerCodes.length > 0) {
    const xml = buildDeclaratieAntwoord({ ...common, headerCodes: judgement.headerCodes });
    return {
      type: retourType,
      id: context.retourId,
      codes: judgement.headerCodes,
      xml,
      declaratie: summary,
    };
  }
  const antwoordCodes = !judgement.processed
    ? judgement.declaratieCodes
    : judgement.refused === 0
      ? [VOLLEDIG_TOEGEWEZEN]
      : [GEEN_OPMERKING];
  const clienten = judgement.processed ? refusedClients(message, judgement) : [];
  const xml = buildDeclaratieAntwoord({
    ...common,
    headerCodes: [GEEN_OPMERKING],
    antwoord: {
      DeclaratieNummer: declaratie.DeclaratieNummer,
      TotaalIngediendBedrag: declaratie.TotaalIngediendBedrag,
      TotaalToegekendBedrag: toSignedTotal(summary.toegekend),
      codes: antwoordCodes,
      ...(clienten.length > 0 ? { clienten } : {}),
    },
  });
  const bodyCodes = [...new Set(violations.map((v) => v.retourCode))];
  return {
    type: retourType,
    id: context.retourId,
    codes: [GEEN_OPMERKING, ...bodyCodes],
    xml,
    declaratie: summary,
  };
}

function refusedClients(
  message: ParsedMessage<'WMO323'>,
  judgement: DeclaratieJudgement,
): DeclaratieAntwoordClient[] {
  const result: DeclaratieAntwoordClient[] = [];
  for (const client of message.Declaratie.Clienten) {
    const clientCodes = judgement.clientCodes.get(client.position);
    const prestaties = client.Prestaties.flatMap((prestatie) => {
      if (clientCodes !== undefined) {
        return [{ prestatie, codes: [NIET_BEOORDEELD] }];
      }
      const codes = judgement.prestatieCodes.get(prestatieKey(client.position, prestatie.position));
      return codes === undefined ? [] : [{ prestatie, codes }];
    });
    if (prestaties.length > 0) {
      result.push({ Bsn: client.Bsn, codes: clientCodes ?? [GEEN_OPMERKING], prestaties });
    }
  }
  return result;
}
