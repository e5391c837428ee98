import {
  canonicalNummer,
  type ClientRegisterView,
  type DebetPrestatieRecord,
  type MessageParties,
  type RegisterView,
  type ToewijzingVersion,
} from '../../../domain/register/index.js';
import type { ParsedMessage, Wmo323Client, Wmo323Prestatie } from '../../../model/index.js';
import { clientPath, DECLARATIE, prestatiePath } from './located.js';

/** Where the level-3 rules and their retourcodes come from (fact sheet §6.2, §5.2). */
export const TR_CROSS_MESSAGE_SOURCE =
  'regelrapport iWmo 3.2 (TR, controleniveau 3 berichtoverstijgend)';

export const CLIENT = '/Bericht/Client';

const UNKNOWN_CLIENT: ClientRegisterView = Object.freeze({
  clientId: '',
  known: false,
  toewijzingNummers: [],
  pendingVerzoeken: [],
  leveringen: new Map(),
});

/** The register's view of a client of the message; an unknown client when nothing was loaded. */
export function clientOf(register: RegisterView, bsn: string): ClientRegisterView {
  return register.clients.get(bsn) ?? UNKNOWN_CLIENT;
}

/** The actual toewijzing with this number, if it is one of `clientId` with `aanbieder`. */
export function toewijzingOf(
  register: RegisterView,
  aanbieder: string,
  clientId: string,
  toewijzingNummer: string,
): ToewijzingVersion | undefined {
  const toewijzing = register.toewijzingen.get(canonicalNummer(toewijzingNummer));
  return toewijzing !== undefined &&
    toewijzing.aanbieder === aanbieder &&
    toewijzing.clientId === clientId &&
    clientId !== ''
    ? toewijzing
    : undefined;
}

/**
 * How a Prestatie relates to the toewijzing it names (TR338, TR304): one of this client
 * (`own`), one of another client of the same aanbieder (`other-client`), or none this aanbieder
 * can see (`missing`: unknown, or another aanbieder's, which the sender cannot see, OP095).
 */
export type PrestatieToewijzing =
  | { readonly kind: 'own'; readonly toewijzing: ToewijzingVersion }
  | { readonly kind: 'other-client' }
  | { readonly kind: 'missing' };

export function prestatieToewijzing(
  register: RegisterView,
  parties: MessageParties,
  client: ClientRegisterView,
  prestatie: Wmo323Prestatie,
): PrestatieToewijzing {
  const toewijzing = register.toewijzingen.get(canonicalNummer(prestatie.ToewijzingNummer));
  if (toewijzing === undefined || toewijzing.aanbieder !== parties.aanbieder) {
    return { kind: 'missing' };
  }
  return client.known && toewijzing.clientId === client.clientId
    ? { kind: 'own', toewijzing }
    : { kind: 'other-client' };
}

/** One Prestatie of a WMO323 with what the rules need around it. */
export interface DeclaratieLine {
  readonly client: Wmo323Client;
  readonly clientView: ClientRegisterView;
  readonly prestatie: Wmo323Prestatie;
  readonly relation: PrestatieToewijzing;
  /** XPath of the Prestatie; built lazily, only for lines a rule reports. */
  readonly path: () => string;
}

/**
 * The lines of a declaration per register view: about twenty level-3 rules walk the same lines,
 * so they are built once per message and view. A WeakMap keyed by the (immutable) view and
 * message: entries vanish with them, and the result is the same whether cached or not.
 */
const LINES = new WeakMap<RegisterView, WeakMap<ParsedMessage<'WMO323'>, DeclaratieLine[]>>();

/** Every Prestatie of a WMO323 in document order, with its client's view and its toewijzing. */
export function declaratieLines(
  msg: ParsedMessage<'WMO323'>,
  register: RegisterView,
  parties: MessageParties,
): readonly DeclaratieLine[] {
  let perMessage = LINES.get(register);
  if (perMessage === undefined) {
    perMessage = new WeakMap();
    LINES.set(register, perMessage);
  }
  let lines = perMessage.get(msg);
  if (lines === undefined) {
    lines = buildLines(msg, register, parties);
    perMessage.set(msg, lines);
  }
  return lines;
}

function buildLines(
  msg: ParsedMessage<'WMO323'>,
  register: RegisterView,
  parties: MessageParties,
): DeclaratieLine[] {
  const clienten = msg.Declaratie.Clienten;
  const lines: DeclaratieLine[] = [];
  for (const client of clienten) {
    const clientView = clientOf(register, client.Bsn);
    for (const prestatie of client.Prestaties) {
      lines.push({
        client,
        clientView,
        prestatie,
        relation: prestatieToewijzing(register, parties, clientView, prestatie),
        path: () => prestatiePath(DECLARATIE, clienten.length, client, prestatie),
      });
    }
  }
  return lines;
}

/** XPath of a client's Bsn in a WMO323. */
export function declaratieClientPath(msg: ParsedMessage<'WMO323'>, client: Wmo323Client): string {
  return `${clientPath(DECLARATIE, msg.Declaratie.Clienten.length, client)}/Bsn`;
}

/** The approved debet a credit Prestatie refers to, if the register has one. */
export function creditedDebet(
  register: RegisterView,
  prestatie: Wmo323Prestatie,
): DebetPrestatieRecord | undefined {
  const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
  if (prestatie.IngediendBedrag.DebetCredit !== 'C' || vorig === undefined) {
    return undefined;
  }
  const record = register.prestaties.get(vorig);
  return record?.debetCredit === 'D' ? record : undefined;
}

/**
 * Credits of this message that release an open debet: the debet is approved and not credited
 * yet (TR323, TR390), so the credit is processed first (OP366). Keyed by the debet's ReferentieNummer.
 */
export function releasingCredits(
  register: RegisterView,
  lines: readonly DeclaratieLine[],
): Map<string, DebetPrestatieRecord> {
  const released = new Map<string, DebetPrestatieRecord>();
  for (const { prestatie } of lines) {
    const debet = creditedDebet(register, prestatie);
    const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
    if (debet !== undefined && vorig !== undefined && !debet.gecrediteerd && !released.has(vorig)) {
      released.set(vorig, debet);
    }
  }
  return released;
}

/** TR341: the Prestatie's Eenheid fits the toegewezen Eenheid (minutes may be declared on hours). */
export function eenheidPast(toegewezen: string, gedeclareerd: string): boolean {
  return toegewezen === gedeclareerd || (toegewezen === '04' && gedeclareerd === '01');
}
