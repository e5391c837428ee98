import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

import { BASISSCHEMA_NAMESPACE, MESSAGE_CATALOGUE } from '../domain/message-types.js';
import type { MessageHeader } from '../model/header.js';
import { basis, OWN_XSD_VERSIE, xsdVersie } from './build-retour.js';

/** A total with its debit/credit sign, as in CDT_TotaalBedragMetDC (amount in eurocents). */
export interface SignedTotal {
  readonly TotaalBedrag: number;
  readonly DebetCredit: 'D' | 'C';
}

export interface DeclaratieAntwoordInput {
  /** Header of the WMO323 being answered. */
  readonly declaratieHeader: MessageHeader;
  /** Identificatie of this 325 (at most 12 characters). */
  readonly antwoordId: string;
  /** Dagtekening of this 325 (YYYY-MM-DD). */
  readonly antwoordDate: string;
  /** Header RetourCodes: 0200, or 0001 on a level-2 failure, or a header rule's code. */
  readonly headerCodes: readonly string[];
  readonly xsltVersie?: string;
  /** Absent when the 325 is header only (level-2 failure or header error). */
  readonly antwoord?: {
    readonly DeclaratieNummer: string;
    readonly TotaalIngediendBedrag: SignedTotal;
    readonly TotaalToegekendBedrag: SignedTotal;
    readonly codes: readonly string[];
  };
}

/**
 * Builds the WMO325 declaratie-antwoord (fact sheet §3.4, §7.2): its own header (Afzender is the
 * gemeente, Ontvanger the aanbieder), DeclaratieIdentificatie and XsdVersieDeclaratie copied
 * from the 323.
 */
export function buildDeclaratieAntwoord(input: DeclaratieAntwoordInput): string {
  const spec = MESSAGE_CATALOGUE.WMO325;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
    .ele(spec.namespace, 'wmo325:Bericht')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:iwmo', BASISSCHEMA_NAMESPACE);
  const el = (parent: XMLBuilder, name: string, value?: string): XMLBuilder => {
    const node = parent.ele(spec.namespace, `wmo325:${name}`);
    return value === undefined ? node : node.txt(value);
  };
  const d = input.declaratieHeader;
  const header = el(root, 'Header');
  el(header, 'BerichtCode', spec.berichtCode);
  el(header, 'BerichtVersie', d.BerichtVersie);
  el(header, 'BerichtSubversie', d.BerichtSubversie);
  el(header, 'Afzender', d.Ontvanger);
  el(header, 'Ontvanger', d.Afzender);
  const own = el(header, 'BerichtIdentificatie');
  basis(own, 'Identificatie', input.antwoordId);
  basis(own, 'Dagtekening', input.antwoordDate);
  xsdVersie(el(header, 'XsdVersie'), OWN_XSD_VERSIE);
  const declaratie = el(header, 'DeclaratieIdentificatie');
  basis(declaratie, 'Identificatie', d.BerichtIdentificatie.Identificatie);
  basis(declaratie, 'Dagtekening', d.BerichtIdentificatie.Dagtekening);
  if (input.xsltVersie !== undefined) {
    el(header, 'XsltVersie', input.xsltVersie);
  }
  xsdVersie(el(header, 'XsdVersieDeclaratie'), d.XsdVersie);
  retourCodes(el(header, 'RetourCodes'), input.headerCodes, el);
  const a = input.antwoord;
  if (a !== undefined) {
    const antwoord = el(root, 'DeclaratieAntwoord');
    el(antwoord, 'DeclaratieNummer', a.DeclaratieNummer);
    total(el(antwoord, 'TotaalIngediendBedrag'), a.TotaalIngediendBedrag);
    total(el(antwoord, 'TotaalToegekendBedrag'), a.TotaalToegekendBedrag);
    retourCodes(el(antwoord, 'RetourCodes'), a.codes, el);
  }
  return doc.end({ prettyPrint: true, newline: '\r\n' });
}

function total(parent: XMLBuilder, value: SignedTotal): void {
  basis(parent, 'TotaalBedrag', String(value.TotaalBedrag));
  basis(parent, 'DebetCredit', value.DebetCredit);
}

function retourCodes(
  parent: XMLBuilder,
  codes: readonly string[],
  el: (parent: XMLBuilder, name: string, value?: string) => XMLBuilder,
): void {
  if (codes.length === 0) {
    throw new Error('a WMO325 RetourCodes element needs at least one code');
  }
  for (const code of codes) {
    el(parent, 'RetourCode', code);
  }
}
