import { BASISSCHEMA_NAMESPACE, MESSAGE_CATALOGUE } from '../domain/message-types.js';
import type { MessageHeader, XsdVersie } from '../model/header.js';
import type { Wmo323Prestatie } from '../model/index.js';
import { OWN_XSD_VERSIE } from './build-retour.js';
import { PrettyXmlWriter } from './pretty-xml-writer.js';

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
    /** Clients with refused Prestaties (OP304); absent when every Prestatie is granted. */
    readonly clienten?: readonly DeclaratieAntwoordClient[];
  };
}

/** A client in a WMO325: its Bsn, its codes and the Prestaties returned (only refused ones). */
export interface DeclaratieAntwoordClient {
  readonly Bsn: string;
  readonly codes: readonly string[];
  readonly prestaties: readonly {
    readonly prestatie: Wmo323Prestatie<'heen' | 'retour'>;
    readonly codes: readonly string[];
  }[];
}

/**
 * Builds the WMO325 declaratie-antwoord (fact sheet §3.4, §7.2): its own header (Afzender is the
 * gemeente, Ontvanger the aanbieder), DeclaratieIdentificatie and XsdVersieDeclaratie copied
 * from the 323. Written as text (PrettyXmlWriter), byte for byte what xmlbuilder2 made of the
 * same input before, and linear in the refused Prestaties it copies.
 */
export function buildDeclaratieAntwoord(input: DeclaratieAntwoordInput): string {
  const spec = MESSAGE_CATALOGUE.WMO325;
  const w = new PrettyXmlWriter();
  w.open(
    'wmo325:Bericht',
    ` xmlns:wmo325="${spec.namespace}" xmlns:iwmo="${BASISSCHEMA_NAMESPACE}"`,
  );
  const d = input.declaratieHeader;
  w.open('wmo325:Header');
  w.text('wmo325:BerichtCode', spec.berichtCode);
  w.text('wmo325:BerichtVersie', d.BerichtVersie);
  w.text('wmo325:BerichtSubversie', d.BerichtSubversie);
  w.text('wmo325:Afzender', d.Ontvanger);
  w.text('wmo325:Ontvanger', d.Afzender);
  w.open('wmo325:BerichtIdentificatie');
  w.text('iwmo:Identificatie', input.antwoordId);
  w.text('iwmo:Dagtekening', input.antwoordDate);
  w.close('wmo325:BerichtIdentificatie');
  xsdVersie(w, 'wmo325:XsdVersie', OWN_XSD_VERSIE);
  w.open('wmo325:DeclaratieIdentificatie');
  w.text('iwmo:Identificatie', d.BerichtIdentificatie.Identificatie);
  w.text('iwmo:Dagtekening', d.BerichtIdentificatie.Dagtekening);
  w.close('wmo325:DeclaratieIdentificatie');
  if (input.xsltVersie !== undefined) {
    w.text('wmo325:XsltVersie', input.xsltVersie);
  }
  xsdVersie(w, 'wmo325:XsdVersieDeclaratie', d.XsdVersie);
  retourCodes(w, input.headerCodes);
  w.close('wmo325:Header');
  const a = input.antwoord;
  if (a !== undefined) {
    w.open('wmo325:DeclaratieAntwoord');
    w.text('wmo325:DeclaratieNummer', a.DeclaratieNummer);
    total(w, 'wmo325:TotaalIngediendBedrag', a.TotaalIngediendBedrag);
    total(w, 'wmo325:TotaalToegekendBedrag', a.TotaalToegekendBedrag);
    if (a.clienten !== undefined && a.clienten.length > 0) {
      w.open('wmo325:Clienten');
      for (const client of a.clienten) {
        appendClient(w, client);
      }
      w.close('wmo325:Clienten');
    }
    retourCodes(w, a.codes);
    w.close('wmo325:DeclaratieAntwoord');
  }
  w.close('wmo325:Bericht');
  return w.toString();
}

function xsdVersie(w: PrettyXmlWriter, name: string, versie: XsdVersie): void {
  w.open(name);
  w.text('iwmo:BasisschemaXsdVersie', versie.BasisschemaXsdVersie);
  w.text('iwmo:BerichtXsdVersie', versie.BerichtXsdVersie);
  w.close(name);
}

function total(w: PrettyXmlWriter, name: string, value: SignedTotal): void {
  w.open(name);
  w.text('iwmo:TotaalBedrag', String(value.TotaalBedrag));
  w.text('iwmo:DebetCredit', value.DebetCredit);
  w.close(name);
}

function retourCodes(w: PrettyXmlWriter, codes: readonly string[]): void {
  if (codes.length === 0) {
    throw new Error('a WMO325 RetourCodes element needs at least one code');
  }
  w.open('wmo325:RetourCodes');
  for (const code of codes) {
    w.text('wmo325:RetourCode', code);
  }
  w.close('wmo325:RetourCodes');
}

/** A returned client with its Prestaties, each copied from the 323 (fact sheet §3.4). */
function appendClient(w: PrettyXmlWriter, client: DeclaratieAntwoordClient): void {
  w.open('wmo325:Client');
  w.text('wmo325:Bsn', client.Bsn);
  w.open('wmo325:Prestaties');
  for (const { prestatie, codes } of client.prestaties) {
    w.open('wmo325:Prestatie');
    w.open('wmo325:ProductReferentie');
    w.text('iwmo:ReferentieNummer', prestatie.ProductReferentie.ReferentieNummer);
    const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
    if (vorig !== undefined) {
      w.text('iwmo:VorigReferentieNummer', vorig);
    }
    w.close('wmo325:ProductReferentie');
    w.text('wmo325:ToewijzingNummer', prestatie.ToewijzingNummer);
    w.text('wmo325:ProductCategorie', prestatie.ProductCategorie);
    w.text('wmo325:ProductCode', prestatie.ProductCode);
    w.open('wmo325:ProductPeriode');
    w.text('iwmo:Begindatum', prestatie.ProductPeriode.Begindatum);
    w.text('iwmo:Einddatum', prestatie.ProductPeriode.Einddatum);
    w.close('wmo325:ProductPeriode');
    w.text('wmo325:GeleverdVolume', String(prestatie.GeleverdVolume));
    w.text('wmo325:Eenheid', prestatie.Eenheid);
    if (prestatie.ProductTarief !== undefined) {
      w.text('wmo325:ProductTarief', String(prestatie.ProductTarief));
    }
    w.open('wmo325:IngediendBedrag');
    w.text('iwmo:Bedrag', String(prestatie.IngediendBedrag.Bedrag));
    w.text('iwmo:DebetCredit', prestatie.IngediendBedrag.DebetCredit);
    w.close('wmo325:IngediendBedrag');
    retourCodes(w, codes);
    w.close('wmo325:Prestatie');
  }
  w.close('wmo325:Prestaties');
  retourCodes(w, client.codes);
  w.close('wmo325:Client');
}
