import type { ContractLine } from '../../../contract/index.js';
import { MESSAGE_CATALOGUE } from '../../../domain/message-types.js';
import type {
  ParsedMessage,
  Product,
  Wmo323Client,
  Wmo323Prestatie,
} from '../../../model/index.js';
import type { Finding } from '../define-rule.js';
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

/** Every product code a heen message other than WMO323 names, with its category (TR381). */
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
      // Large declarations: judged line by line in judgeNamedProducts, not listed here.
      return [];
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
 * Judges every product code a message names: `judge` returns a detail for a wrong one. The
 * Prestaties of a WMO323 are walked without building a list (a declaration may be large).
 */
export function judgeNamedProducts(
  msg: ParsedMessage,
  judge: (categorie: string, code: string) => string | undefined,
): Finding[] {
  const findings: Finding[] = [];
  if (msg.type === 'WMO323') {
    forEachPrestatie(msg, (prestatie, client) => {
      const detail = judge(prestatie.ProductCategorie, prestatie.ProductCode);
      if (detail !== undefined) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/ProductCode`,
          detail,
        });
      }
    });
    return findings;
  }
  for (const product of namedProducts(msg)) {
    const detail = judge(product.categorie, product.code);
    if (detail !== undefined) {
      findings.push({ location: product.codePath(), detail });
    }
  }
  return findings;
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

/** XPath of a Prestatie of a WMO323; built only for a finding. */
export function prestatieXPath(
  msg: ParsedMessage<'WMO323'>,
  client: Wmo323Client,
  prestatie: Wmo323Prestatie,
): string {
  return prestatiePath(DECLARATIE, msg.Declaratie.Clienten.length, client, prestatie);
}

/**
 * Calls `visit` for every Prestatie of a WMO323 in document order. A visitor rather than a list
 * of line objects: a declaration may hold 100 000 lines and several rules walk them.
 */
export function forEachPrestatie(
  msg: ParsedMessage<'WMO323'>,
  visit: (prestatie: Wmo323Prestatie, client: Wmo323Client) => void,
): void {
  for (const client of msg.Declaratie.Clienten) {
    for (const prestatie of client.Prestaties) {
      visit(prestatie, client);
    }
  }
}

const CONTRACT_LINES = new WeakMap<Wmo323Prestatie, ContractLine>();

/**
 * A Prestatie as contract rules see it: who delivered what to which gemeente, when. One frozen
 * object per Prestatie (a Prestatie belongs to one message), so that the five rules and the
 * decision record that resolve the same line find it in ContractSet's memo by identity.
 */
export function contractLineOf(
  msg: ParsedMessage<'WMO323'>,
  prestatie: Wmo323Prestatie,
): ContractLine {
  let line = CONTRACT_LINES.get(prestatie);
  if (line === undefined) {
    line = Object.freeze({
      gemeente: msg.header.Ontvanger,
      supplier: msg.header.Afzender,
      iwmoCategory: prestatie.ProductCategorie,
      iwmoCode: prestatie.ProductCode,
      begin: prestatie.ProductPeriode.Begindatum,
      end: prestatie.ProductPeriode.Einddatum,
    });
    CONTRACT_LINES.set(prestatie, line);
  }
  return line;
}

/**
 * Calls `visit` for every debet Prestatie with its contract line. Credits are not judged against
 * the contract: a credit reverses an approved debet (IV085), which was judged when it came in.
 */
export function forEachDebetLine(
  msg: ParsedMessage<'WMO323'>,
  visit: (prestatie: Wmo323Prestatie, line: ContractLine, client: Wmo323Client) => void,
): void {
  forEachPrestatie(msg, (prestatie, client) => {
    if (prestatie.IngediendBedrag.DebetCredit === 'D') {
      visit(prestatie, contractLineOf(msg, prestatie), client);
    }
  });
}
