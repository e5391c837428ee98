import type {
  Geboortedatum,
  Positioned,
  VolledigeNaam,
  Wmo301Client,
  Wmo301Contact,
  Wmo323Prestatie,
} from '../../../model/index.js';
import { step } from './xpath.js';

/** A model element together with its XPath in the message. */
export interface Located<T> {
  readonly item: T;
  readonly path: string;
}

/** The items of a repeated element with their paths, e.g. `…/ToegewezenProduct[2]`. */
export function locate<T extends Positioned>(
  items: readonly T[] | undefined,
  parentPath: string,
  name: string,
): Located<T>[] {
  if (items === undefined) {
    return [];
  }
  return items.map((item) => ({
    item,
    path: `${parentPath}/${step(name, item.position, items.length)}`,
  }));
}

export const WMO301_CLIENT = '/Bericht/Client';

/**
 * Every `Contact` of a WMO301 client in document order: the one of each Relatie, then those
 * under Contactgegevens (the XSLT matches `wmo301:Contact` in both places).
 */
export function contactsOf301(client: Wmo301Client): Located<Wmo301Contact>[] {
  const result: Located<Wmo301Contact>[] = [];
  for (const relatie of locate(client.Relaties, `${WMO301_CLIENT}/Relaties`, 'Relatie')) {
    result.push({ item: relatie.item.Contact, path: `${relatie.path}/Contact` });
  }
  result.push(...locate(client.Contactgegevens, `${WMO301_CLIENT}/Contactgegevens`, 'Contact'));
  return result;
}

/** A person with a full name and maybe a birth date: the WMO301 Client and each Relatie. */
export interface Persoon {
  readonly Naam: VolledigeNaam;
  readonly Geboortedatum?: Geboortedatum;
}

export function personenOf301(client: Wmo301Client): Located<Persoon>[] {
  return [
    { item: client, path: WMO301_CLIENT },
    ...locate(client.Relaties, `${WMO301_CLIENT}/Relaties`, 'Relatie'),
  ];
}

/** A WMO323/WMO325 client: a position and its Prestaties. */
export interface DeclaratieClient extends Positioned {
  readonly Bsn: string;
  readonly Prestaties: readonly Wmo323Prestatie<'heen' | 'retour'>[];
}

/** XPath of a client in `Clienten` under `root` (`/Bericht/Declaratie` or `/Bericht/DeclaratieAntwoord`). */
export function clientPath(root: string, clientCount: number, client: Positioned): string {
  return `${root}/Clienten/${step('Client', client.position, clientCount)}`;
}

/** XPath of a Prestatie; built only when a rule reports one, never for every line. */
export function prestatiePath(
  root: string,
  clientCount: number,
  client: DeclaratieClient,
  prestatie: Positioned,
): string {
  return `${clientPath(root, clientCount, client)}/Prestaties/${step('Prestatie', prestatie.position, client.Prestaties.length)}`;
}

export const DECLARATIE = '/Bericht/Declaratie';
export const DECLARATIE_ANTWOORD = '/Bericht/DeclaratieAntwoord';
