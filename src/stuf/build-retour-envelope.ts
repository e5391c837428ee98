import type { MessageType } from '../domain/message-types.js';
import { buildDi01, buildDu01, type GgkEnvelopeInput } from './build-ggk-envelope.js';
import { travelsAsDi01 } from './check-payload.js';
import { deriveReferentienummer } from './derive-referentienummer.js';
import { GATEWAY_APPLICATIE, GATEWAY_APPLICATIE_VERSIE } from './gateway-applicatie.js';
import { GGK_APPLICATIE } from './stuf-namespaces.js';
import { formatTijdstip } from './stuf-tijdstip.js';
import type { StufHeen } from './stuf-types.js';
import type { XmlNode } from './xml-node.js';

export interface RetourEnvelopeInput {
  /** The Di01 the heen message arrived in. */
  readonly heen: StufHeen;
  /** The gateway's id of the heen message: seeds the envelope's referentienummer. */
  readonly messageId: string;
  readonly retourType: MessageType;
  readonly retourXml: string;
  /** When the retour was made (the envelope's tijdstipBericht). */
  readonly decidedAt: Date;
}

/**
 * The envelope around the answer to a Di01 (fact sheet §8.1):
 * - a retour (WMO302, 306, 308, 316, 318, 320) travels as Du01 with `crossRefnummer` = the
 *   Di01's referentienummer and `functie` = the retour name;
 * - the WMO325 declaratie-antwoord is an initiating message of its own and travels as Di01.
 * It is addressed from the Di01's ontvanger organisatie to its zender organisatie, with the
 * ontvanger applicatie fixed to "GGk"; functieVersie/-Subversie are the heen message's (same
 * release). The referentienummer is derived from the message id, so the same answer fetched
 * twice is the same message.
 */
export function buildRetourEnvelope(input: RetourEnvelopeInput): XmlNode {
  const { heen } = input;
  const common: GgkEnvelopeInput = {
    zender: {
      ...(heen.ontvanger.organisatie === undefined
        ? {}
        : { organisatie: heen.ontvanger.organisatie }),
      applicatie: GATEWAY_APPLICATIE,
    },
    ontvanger: {
      ...(heen.zender.organisatie === undefined ? {} : { organisatie: heen.zender.organisatie }),
      applicatie: GGK_APPLICATIE,
    },
    uitgaand: {
      referentienummer: deriveReferentienummer(`retour:${input.messageId}`),
      tijdstipBericht: formatTijdstip(input.decidedAt),
    },
    functie: input.retourType,
    applicatie: GATEWAY_APPLICATIE_VERSIE,
    functieVersie: { versie: heen.functieVersie, subversie: heen.functieSubversie },
    xmlBestand: Buffer.from(input.retourXml, 'utf8'),
  };
  return travelsAsDi01(input.retourType)
    ? buildDi01(common)
    : buildDu01({ ...common, crossRefnummer: heen.referentienummer });
}
