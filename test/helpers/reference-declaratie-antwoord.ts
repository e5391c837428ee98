import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

import { BASISSCHEMA_NAMESPACE, MESSAGE_CATALOGUE } from '../../src/domain/message-types.js';
import { basis, OWN_XSD_VERSIE, xsdVersie } from '../../src/retour/build-retour.js';
import type {
  DeclaratieAntwoordClient,
  DeclaratieAntwoordInput,
  SignedTotal,
} from '../../src/retour/index.js';

/**
 * The WMO325 builder as it was with xmlbuilder2 (a DOM, then serialised): the reference the
 * string builder src/retour/build-declaratie-antwoord.ts must match byte for byte.
 */
export function referenceDeclaratieAntwoord(input: DeclaratieAntwoordInput): string {
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
    if (a.clienten !== undefined && a.clienten.length > 0) {
      const clienten = el(antwoord, 'Clienten');
      for (const client of a.clienten) {
        appendClient(el(clienten, 'Client'), client, el);
      }
    }
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

type Ele = (parent: XMLBuilder, name: string, value?: string) => XMLBuilder;

/** A returned client with its Prestaties, each copied from the 323 (fact sheet §3.4). */
function appendClient(node: XMLBuilder, client: DeclaratieAntwoordClient, el: Ele): void {
  el(node, 'Bsn', client.Bsn);
  const prestaties = el(node, 'Prestaties');
  for (const { prestatie, codes } of client.prestaties) {
    const p = el(prestaties, 'Prestatie');
    const referentie = el(p, 'ProductReferentie');
    basis(referentie, 'ReferentieNummer', prestatie.ProductReferentie.ReferentieNummer);
    const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
    if (vorig !== undefined) {
      basis(referentie, 'VorigReferentieNummer', vorig);
    }
    el(p, 'ToewijzingNummer', prestatie.ToewijzingNummer);
    el(p, 'ProductCategorie', prestatie.ProductCategorie);
    el(p, 'ProductCode', prestatie.ProductCode);
    const periode = el(p, 'ProductPeriode');
    basis(periode, 'Begindatum', prestatie.ProductPeriode.Begindatum);
    basis(periode, 'Einddatum', prestatie.ProductPeriode.Einddatum);
    el(p, 'GeleverdVolume', String(prestatie.GeleverdVolume));
    el(p, 'Eenheid', prestatie.Eenheid);
    if (prestatie.ProductTarief !== undefined) {
      el(p, 'ProductTarief', String(prestatie.ProductTarief));
    }
    const bedrag = el(p, 'IngediendBedrag');
    basis(bedrag, 'Bedrag', String(prestatie.IngediendBedrag.Bedrag));
    basis(bedrag, 'DebetCredit', prestatie.IngediendBedrag.DebetCredit);
    retourCodes(el(p, 'RetourCodes'), codes, el);
  }
  retourCodes(el(node, 'RetourCodes'), client.codes, el);
}
