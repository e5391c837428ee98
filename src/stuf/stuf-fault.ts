import type { XsdIssue } from '../validation/xsd/xsd-validator.js';

/**
 * The StUF error codes the gateway answers with (fact sheet §8.2, docs/stuf.md). Two code lists
 * exist and some IB codes mean different things in them; the meaning used here is given per code.
 */
export const STUF_FAULT_CODES = {
  /** Current Foutcodelijst: the envelope does not conform to its XSD (also: not XML, no SOAP). */
  IB001: { plek: 'client', omschrijving: 'Bericht is niet conform XSD (envelop)' },
  /** Current Foutcodelijst (and ISD-keten list): the sending organisation is not authorised. */
  IB002: { plek: 'client', omschrijving: 'Verzendende organisatie is niet geautoriseerd' },
  /** Current Foutcodelijst: the message exceeds 25 MB. */
  IB003: { plek: 'client', omschrijving: 'Bericht is groter dan 25 MB' },
  /** Current Foutcodelijst: functie not supported (e.g. WMO399). */
  IB004: { plek: 'client', omschrijving: 'Functie wordt niet ondersteund' },
  /** Current Foutcodelijst: referentienummer not unique (same zender, other content). */
  IB016: { plek: 'client', omschrijving: 'Referentienummer is niet uniek' },
  /** ISD-keten list: the combination of berichtcode and functie is not allowed (a retour in a Di01). */
  IB240: { plek: 'client', omschrijving: 'Combinatie berichtcode en functie niet toegestaan' },
  /** ISD-keten list: the iWmo payload does not conform to its XSD (level 1). */
  StUF055: { plek: 'client', omschrijving: 'Berichtbody is niet conform schema in sectormodel' },
  /** StUF 03.01: processing failed on the receiving side (e.g. the store is unreachable). */
  StUF058: { plek: 'server', omschrijving: 'Proces voor afhandelen bericht geeft fout' },
} as const satisfies Record<
  string,
  { readonly plek: 'client' | 'server'; readonly omschrijving: string }
>;

export type StufFaultCode = keyof typeof STUF_FAULT_CODES;

/** Why the gateway refuses a Di01: what goes into the Fo01 of the SOAP Fault. */
export interface StufFault {
  readonly code: StufFaultCode;
  readonly plek: 'client' | 'server';
  /** At most 200 characters: the code's text plus, where known, the first finding. */
  readonly omschrijving: string;
  /** The XSD findings (element, line, path) carried in `detailsXML`. */
  readonly issues: readonly XsdIssue[];
}

const OMSCHRIJVING_MAX = 200;

/** A fault with the code's standard text, followed by `reason` when given (cut to 200 chars). */
export function stufFault(
  code: StufFaultCode,
  reason?: string,
  issues: readonly XsdIssue[] = [],
): StufFault {
  const spec = STUF_FAULT_CODES[code];
  const text = reason === undefined ? spec.omschrijving : `${spec.omschrijving}: ${reason}`;
  return {
    code,
    plek: spec.plek,
    omschrijving: text.length > OMSCHRIJVING_MAX ? `${text.slice(0, OMSCHRIJVING_MAX - 1)}…` : text,
    issues,
  };
}

/** "element Geslacht, regel 12: <libxml2 message>" for the first XSD finding. */
export function describeIssue(issue: XsdIssue): string {
  const where = [
    issue.element === undefined ? undefined : `element ${issue.element}`,
    issue.line === undefined ? undefined : `regel ${issue.line}`,
  ].filter((part) => part !== undefined);
  return where.length === 0 ? issue.message : `${where.join(', ')}: ${issue.message}`;
}
