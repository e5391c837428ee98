import type { SoapVersion } from './stuf-namespaces.js';

/** A StUF `zender` or `ontvanger`. In a Di01/Du01 the GGk requires `organisatie`. */
export interface StufSysteem {
  /** CBS gemeentecode, AGB code or a fixed party (SVB, CAK, VECOZO, IB, …). */
  readonly organisatie?: string;
  readonly applicatie: string;
  readonly administratie?: string;
  readonly gebruiker?: string;
}

/**
 * What a Di01 says about itself: its stuurgegevens and parameters, without the payload. The
 * gateway stores it with the message to answer with Bv03, Du01 or Fo01 later.
 */
export interface StufHeen {
  readonly zender: StufSysteem;
  readonly ontvanger: StufSysteem;
  /** UUID v4, lower case; with the zender it identifies the transport message. */
  readonly referentienummer: string;
  /** yyyymmdd[hhmmss[fff]]. */
  readonly tijdstipBericht: string;
  /** The payload message name, e.g. WMO301. */
  readonly functie: string;
  readonly applicatieVersie: string;
  readonly applicatieSubversie: string;
  readonly functieVersie: string;
  readonly functieSubversie: string;
}

/** The payload of a Di01: an XML file (iWmo) or a named text file, base64-decoded. */
export type StufBestand =
  | { readonly kind: 'xml'; readonly content: Buffer }
  | { readonly kind: 'tekst'; readonly bestandsnaam: string; readonly content: Buffer };

/** A parsed, schema-valid Di01 request. */
export interface Di01Request {
  readonly soapVersion: SoapVersion;
  readonly heen: StufHeen;
  readonly bestand: StufBestand;
}

/** The stuurgegevens the gateway chose for a message it sends (Bv03, Du01, Fo01). */
export interface StufUitgaand {
  /** UUID v4 of the message the gateway sends. */
  readonly referentienummer: string;
  readonly tijdstipBericht: string;
}
