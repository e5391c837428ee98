import { GGK_NAMESPACE, STUF_NAMESPACE } from './stuf-namespaces.js';
import { systeemNode } from './stuf-systeem.js';
import type { StufSysteem, StufUitgaand } from './stuf-types.js';
import { branch, leaf, type XmlNode } from './xml-node.js';

/** The version pair of the sending application or of the payload message type (`0004`, `0003`). */
export interface StufVersie {
  readonly versie: string;
  readonly subversie: string;
}

/** What every GGk envelope carries, besides its berichtcode and crossRefnummer. */
export interface GgkEnvelopeInput {
  readonly zender: StufSysteem;
  readonly ontvanger: StufSysteem;
  readonly uitgaand: StufUitgaand;
  /** The payload message name, e.g. WMO302. */
  readonly functie: string;
  readonly applicatie: StufVersie;
  readonly functieVersie: StufVersie;
  /** The payload (an iWmo message), sent base64-encoded as xmlBestand. */
  readonly xmlBestand: Uint8Array;
}

/**
 * A Di01 (envelopHeenbericht-ggk_Di01): how an initiating iWmo message travels through the GGk,
 * including the WMO325 declaratie-antwoord (fact sheet §8.1).
 */
export function buildDi01(input: GgkEnvelopeInput): XmlNode {
  return ggkEnvelope('GGK:envelopHeenbericht-ggk_Di01', 'Di01', input, undefined);
}

/**
 * A Du01 (envelopRetourbericht-ggk_Du01): how an iWmo retour travels; `crossRefnummer` is the
 * referentienummer of the Di01 it answers (fact sheet §8.1).
 */
export function buildDu01(input: GgkEnvelopeInput & { readonly crossRefnummer: string }): XmlNode {
  return ggkEnvelope('GGK:envelopRetourbericht-ggk_Du01', 'Du01', input, input.crossRefnummer);
}

function ggkEnvelope(
  root: string,
  berichtcode: 'Di01' | 'Du01',
  input: GgkEnvelopeInput,
  crossRefnummer: string | undefined,
): XmlNode {
  return branch(
    root,
    [
      branch('GGK:stuurgegevens', [
        leaf('StUF:berichtcode', berichtcode),
        systeemNode('zender', input.zender),
        systeemNode('ontvanger', input.ontvanger),
        leaf('StUF:referentienummer', input.uitgaand.referentienummer),
        leaf('StUF:tijdstipBericht', input.uitgaand.tijdstipBericht),
        leaf('StUF:crossRefnummer', crossRefnummer),
        leaf('StUF:functie', input.functie),
      ]),
      branch('GGK:parameters', [
        leaf('GGK:applicatieVersie', input.applicatie.versie),
        leaf('GGK:applicatieSubversie', input.applicatie.subversie),
        leaf('GGK:functieVersie', input.functieVersie.versie),
        leaf('GGK:functieSubversie', input.functieVersie.subversie),
        branch('GGK:bericht', [
          leaf('GGK:xmlBestand', Buffer.from(input.xmlBestand).toString('base64')),
        ]),
      ]),
    ],
    { 'xmlns:GGK': GGK_NAMESPACE, 'xmlns:StUF': STUF_NAMESPACE },
  );
}
