import { MESSAGE_CATALOGUE, MESSAGE_TYPES, type MessageType } from '../domain/message-types.js';
import { GatewayError } from '../errors/index.js';
import type { XsdValidator } from '../validation/xsd/xsd-validator.js';
import { inspectMessage, type MessageIdentity } from '../xml/inspect-message.js';
import { describeIssue, type StufFault, stufFault } from './stuf-fault.js';
import type { Di01Request } from './stuf-types.js';

/** The payload of a Di01, judged at intake: an iWmo message to store, or the Fo01 to answer. */
export type PayloadCheck =
  | { readonly kind: 'accepted'; readonly identity: MessageIdentity; readonly payload: Buffer }
  | { readonly kind: 'refused'; readonly fault: StufFault };

/**
 * Checks what a Di01 carries before the gateway acknowledges it:
 * 1. `functie` names an iWmo 3.2 message that travels as Di01: a heen message or WMO325 (fact
 *    sheet §8.1); another name is IB004, a retour (which travels as Du01) is IB240;
 * 2. the payload is an xmlBestand holding that message, safely readable (UTF-8 without BOM, no
 *    DTD) and valid against its XSD (level 1); anything else is StUF055 with the XSD findings.
 * Level 2 and up stay asynchronous: their result is the retour, sent as Du01.
 */
export function checkDi01Payload(request: Di01Request, xsd: XsdValidator): PayloadCheck {
  const functie = request.heen.functie;
  const type = MESSAGE_TYPES.find((t) => t === functie);
  if (type === undefined) {
    return refused(stufFault('IB004', `functie ${functie} is geen iWmo 3.2-bericht`));
  }
  if (!travelsAsDi01(type)) {
    return refused(stufFault('IB240', `${type} is een retourbericht en reist als Du01`));
  }
  if (request.bestand.kind !== 'xml') {
    return refused(stufFault('StUF055', `een ${type} reist als xmlBestand, niet als tekstBestand`));
  }
  const payload = request.bestand.content;
  let identity: MessageIdentity;
  try {
    identity = inspectMessage(payload);
  } catch (caught) {
    if (caught instanceof GatewayError) {
      return refused(stufFault('StUF055', caught.message));
    }
    throw caught;
  }
  if (identity.messageType !== type) {
    return refused(
      stufFault('StUF055', `functie is ${type}, maar het bericht is een ${identity.messageType}`),
    );
  }
  const result = xsd.validate(type, payload);
  if (!result.valid) {
    const first = result.issues[0];
    return refused(stufFault('StUF055', first ? describeIssue(first) : undefined, result.issues));
  }
  return { kind: 'accepted', identity, payload };
}

/** Heen messages and the WMO325 declaratie-antwoord travel as Di01; retours as Du01. */
export function travelsAsDi01(type: MessageType): boolean {
  const spec = MESSAGE_CATALOGUE[type];
  return spec.answeredBy !== undefined || type === 'WMO325';
}

function refused(fault: StufFault): PayloadCheck {
  return { kind: 'refused', fault };
}
