import { expect } from 'vitest';

import {
  declaratie323,
  type HeaderValues,
  type PrestatieValues,
} from '../../../../../bench/iwmo-messages.js';
import {
  type ClientRegisterView,
  EMPTY_REGISTER_VIEW,
  type LeveringGroup,
  type PrestatieRecord,
  type RegisterView,
  type ToewijzingVersion,
  type VerzoekRecord,
} from '../../../../../src/domain/register/index.js';
import { type ParsedMessage, parseMessage } from '../../../../../src/model/index.js';
import type { Rule } from '../../../../../src/validation/rules/index.js';

export const GEMEENTE = '0363';
export const AANBIEDER = '12345678';
export const BSN = '999990019';
export const OTHER_BSN = '999990020';

export const toGemeente = (dagtekening = '2026-04-10'): HeaderValues => ({
  afzender: AANBIEDER,
  ontvanger: GEMEENTE,
  identificatie: 'U1',
  dagtekening,
});
export const toAanbieder = (dagtekening = '2026-04-10'): HeaderValues => ({
  afzender: GEMEENTE,
  ontvanger: AANBIEDER,
  identificatie: 'G1',
  dagtekening,
});

/** Overrides; `undefined` removes an optional element (e.g. `omvang: undefined`). */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

export function toewijzing(n: string, extra: Overrides<ToewijzingVersion> = {}): ToewijzingVersion {
  const version: Record<string, unknown> = {
    toewijzingNummer: n,
    aanbieder: AANBIEDER,
    clientId: 'c1',
    toewijzingsdatum: '2025-12-20',
    toewijzingstijd: '09:00:00',
    ingangsdatum: '2026-01-01',
    einddatum: '2026-12-31',
    product: { categorie: '02', code: '02A03' },
    omvang: { volume: 4, eenheid: '04', frequentie: '2' },
    identificatie: 'G0',
    messageId: 'm0',
    ...extra,
  };
  for (const [key, value] of Object.entries(version)) {
    if (value === undefined) {
      delete version[key];
    }
  }
  return version as unknown as ToewijzingVersion;
}

export function client(extra: Partial<ClientRegisterView> = {}): ClientRegisterView {
  return {
    clientId: 'c1',
    known: true,
    toewijzingNummers: [],
    pendingVerzoeken: [],
    leveringen: new Map<string, LeveringGroup>(),
    ...extra,
  };
}

export interface ViewParts {
  readonly identificatieUsed?: boolean;
  readonly toewijzingen?: readonly ToewijzingVersion[];
  readonly clients?: Readonly<Record<string, ClientRegisterView>>;
  readonly verzoeken?: Readonly<Record<string, VerzoekRecord>>;
  readonly prestaties?: Readonly<Record<string, PrestatieRecord>>;
  readonly openDebets?: Readonly<Record<string, number>>;
  readonly declared?: Readonly<
    Record<string, { volume: number; bedrag: number; openDebets: number }>
  >;
  readonly declaratieNummerUsed?: boolean;
  readonly lastDeclaratiePeriode?: string;
}

/** A register view from plain parts; a client with BSN {@link BSN} is known unless overridden. */
export function view(parts: ViewParts = {}): RegisterView {
  return {
    ...EMPTY_REGISTER_VIEW,
    identificatieUsed: parts.identificatieUsed ?? false,
    toewijzingen: new Map((parts.toewijzingen ?? []).map((t) => [t.toewijzingNummer, t])),
    clients: new Map(Object.entries(parts.clients ?? { [BSN]: client() })),
    verzoeken: new Map(Object.entries(parts.verzoeken ?? {})),
    prestaties: new Map(Object.entries(parts.prestaties ?? {})),
    openDebets: new Map(Object.entries(parts.openDebets ?? {})),
    declared: new Map(Object.entries(parts.declared ?? {})),
    declaratieNummerUsed: parts.declaratieNummerUsed ?? false,
    lastDeclaratiePeriode: parts.lastDeclaratiePeriode,
  };
}

export function verzoek(extra: Partial<VerzoekRecord> = {}): VerzoekRecord {
  return {
    clientId: 'c1',
    berichtType: 'WMO317',
    antwoorden: [],
    toegewezen: false,
    identificatie: 'U0',
    ...extra,
  };
}

/** Locations a rule reports for a message against a view. */
export function locations(rule: Rule, message: ParsedMessage, register: RegisterView): string[] {
  return rule.check(message, { register }).map((violation) => {
    expect(violation.retourCode).toBe(rule.retourCode);
    expect(violation.level).toBe(3);
    return violation.location;
  });
}

export function parsed(type: ParsedMessage['type'], xml: string): ParsedMessage {
  return parseMessage(type, xml);
}

/** A February 2026 debet of 4 hours on toewijzing `n` (02/02A03). */
export function debet(
  referentie: string,
  n = '1',
  extra: Partial<PrestatieValues> = {},
): PrestatieValues {
  return {
    referentie,
    nummer: n,
    categorie: '02',
    code: '02A03',
    begindatum: '2026-02-01',
    einddatum: '2026-02-28',
    volume: 4,
    eenheid: '04',
    tarief: 6000,
    debetCredit: 'D',
    ...extra,
  };
}

/** A WMO323 for February 2026 with one client (BSN) holding `prestaties`. */
export function declaratie(
  prestaties: readonly PrestatieValues[],
  extra: { readonly nummer?: string; readonly maand?: string; readonly bsn?: string } = {},
): ParsedMessage {
  return parseMessage(
    'WMO323',
    declaratie323(toGemeente('2026-04-05'), {
      nummer: extra.nummer ?? 'D1',
      maand: extra.maand ?? '2026-02',
      clienten: [{ bsn: extra.bsn ?? BSN, prestaties }],
    }),
  );
}

export const PRESTATIE = (n: number): string =>
  `/Bericht/Declaratie/Clienten/Client/Prestaties/${n === 0 ? 'Prestatie' : `Prestatie[${n}]`}`;
