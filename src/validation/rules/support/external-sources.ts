import type { ContractLine } from '../../../contract/index.js';
import { MESSAGE_CATALOGUE } from '../../../domain/message-types.js';
import type {
  ParsedMessage,
  Product,
  Wmo323Client,
  Wmo323Prestatie,
} from '../../../model/index.js';
import { DECLARATIE, locate, prestatiePath } from './located.js';

/**
 * What the level-4 rules (controleniveau 4, "externe bron": system date, CBS list, contract
 * data) share: where the gemeentecode stands, which products a message names, and the lines of
 * a declaration as contract rules see them.
 */
export const TR_EXTERNAL_SOURCE = 'regelrapport iWmo 3.2 (TR, controleniveau 4 externe bron)';

/** Where the gemeente's CBS code stands in a message: Afzender or Ontvanger. */
export interface GemeenteCode {
  readonly code: string;
  readonly location: '/Bericht/Header/Afzender' | '/Bericht/Header/Ontvanger';
}

/** The gemeente of a message: its sender for 301/319/325 (and their retours), else its receiver. */
export function gemeenteOf(msg: ParsedMessage): GemeenteCode {
  return MESSAGE_CATALOGUE[msg.type].afzender === 'gemeente'
    ? { code: msg.header.Afzender, location: '/Bericht/Header/Afzender' }
    : { code: msg.header.Ontvanger, location: '/Bericht/Header/Ontvanger' };
}

/** A Product (Categorie + Code) or a Prestatie's ProductCategorie + ProductCode, with its path. */
export interface NamedProduct {
  readonly categorie: string;
  readonly code: string;
  /** XPath of the code element, built only for a finding. */
  readonly codePath: () => string;
}

const CLIENT = '/Bericht/Client';

function withCode(
  located: readonly { readonly item: { readonly Product?: Product }; readonly path: string }[],
): NamedProduct[] {
  const named: NamedProduct[] = [];
  for (const { item, path } of located) {
    if (item.Product?.Code !== undefined) {
      named.push({
        categorie: item.Product.Categorie,
        code: item.Product.Code,
        codePath: () => `${path}/Product/Code`,
      });
    }
  }
  return named;
}

/** Every product code a heen message names, with its category (TR381). */
export function namedProducts(msg: ParsedMessage): NamedProduct[] {
  switch (msg.type) {
    case 'WMO301':
      return withCode(
        locate(
          msg.Client.ToegewezenProducten,
          `${CLIENT}/ToegewezenProducten`,
          'ToegewezenProduct',
        ),
      );
    case 'WMO305':
      return withCode(
        locate(msg.Client.StartProducten, `${CLIENT}/StartProducten`, 'StartProduct'),
      );
    case 'WMO307':
      return withCode(locate(msg.Client.StopProducten, `${CLIENT}/StopProducten`, 'StopProduct'));
    case 'WMO315':
      return withCode(
        locate(
          msg.Client.AangevraagdeProducten,
          `${CLIENT}/AangevraagdeProducten`,
          'AangevraagdProduct',
        ),
      );
    case 'WMO317':
      return withCode(
        locate(
          msg.Client.Verzoek.NieuweProducten,
          `${CLIENT}/Verzoek/NieuweProducten`,
          'NieuwProduct',
        ),
      );
    case 'WMO323':
      return declaratieLines(msg).map(({ prestatie, path }) => ({
        categorie: prestatie.ProductCategorie,
        code: prestatie.ProductCode,
        codePath: () => `${path()}/ProductCode`,
      }));
    case 'WMO302':
    case 'WMO306':
    case 'WMO308':
    case 'WMO316':
    case 'WMO318':
    case 'WMO319':
    case 'WMO320':
    case 'WMO325':
      return [];
  }
}

/**
 * The dates on which TR378 accepts a gemeentecode besides the Dagtekening: after a herindeling an
 * older CBS list may be used, the one current on the toewijzing's Ingangsdatum (301) or
 * ToewijzingIngangsdatum (315, and 305/307 when given); for a declaration the first day of each
 * ProductPeriode (a period before the merger was delivered to the old gemeente).
 */
export function* referenceDates(msg: ParsedMessage): Generator<string> {
  switch (msg.type) {
    case 'WMO301':
      for (const product of msg.Client.ToegewezenProducten) {
        yield product.Ingangsdatum;
      }
      return;
    case 'WMO315':
      for (const product of msg.Client.AangevraagdeProducten) {
        yield product.ToewijzingIngangsdatum;
      }
      return;
    case 'WMO305':
    case 'WMO307': {
      const producten =
        msg.type === 'WMO305' ? msg.Client.StartProducten : msg.Client.StopProducten;
      for (const product of producten) {
        if (product.ToewijzingIngangsdatum !== undefined) {
          yield product.ToewijzingIngangsdatum;
        }
      }
      return;
    }
    case 'WMO323':
      for (const client of msg.Declaratie.Clienten) {
        for (const prestatie of client.Prestaties) {
          yield prestatie.ProductPeriode.Begindatum;
        }
      }
      return;
    case 'WMO302':
    case 'WMO306':
    case 'WMO308':
    case 'WMO316':
    case 'WMO317':
    case 'WMO318':
    case 'WMO319':
    case 'WMO320':
    case 'WMO325':
      return;
  }
}

/** One Prestatie of a WMO323 with a lazily built path (paths are built only for findings). */
export interface DeclaratieLine {
  readonly client: Wmo323Client;
  readonly prestatie: Wmo323Prestatie;
  readonly path: () => string;
}

/** Every Prestatie of a WMO323, in document order. */
export function declaratieLines(msg: ParsedMessage<'WMO323'>): DeclaratieLine[] {
  const clienten = msg.Declaratie.Clienten;
  const lines: DeclaratieLine[] = [];
  for (const client of clienten) {
    for (const prestatie of client.Prestaties) {
      lines.push({
        client,
        prestatie,
        path: () => prestatiePath(DECLARATIE, clienten.length, client, prestatie),
      });
    }
  }
  return lines;
}

/**
 * The debet lines of a declaration as contract rules see them. Credits are not judged against
 * the contract: a credit reverses an approved debet (IV085), which was judged when it came in.
 */
export function contractLines(
  msg: ParsedMessage<'WMO323'>,
): { readonly line: DeclaratieLine; readonly contractLine: ContractLine }[] {
  const { Afzender: supplier, Ontvanger: gemeente } = msg.header;
  return declaratieLines(msg)
    .filter(({ prestatie }) => prestatie.IngediendBedrag.DebetCredit === 'D')
    .map((line) => ({
      line,
      contractLine: {
        gemeente,
        supplier,
        iwmoCategory: line.prestatie.ProductCategorie,
        iwmoCode: line.prestatie.ProductCode,
        begin: line.prestatie.ProductPeriode.Begindatum,
        end: line.prestatie.ProductPeriode.Einddatum,
      },
    }));
}
