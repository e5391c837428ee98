import type { Redis } from 'ioredis';

import {
  canonicalNummer,
  type LeveringGroup,
  leveringGroupKey,
  type ToewijzingVersion,
} from '../domain/register/index.js';
import { CLIENT_FIELDS, DECLARED_FIELDS, type RegisterKeys } from './register-keys.js';

/** A version of the toewijzing as the API shows it: no client id, no BSN. */
export type AllocationVersion = Omit<ToewijzingVersion, 'clientId'> & { readonly actual: boolean };

/** A granted Prestatie on the toewijzing (debet, or credit with negative volume and amount). */
export interface AllocationPrestatie {
  readonly referentieNummer: string;
  readonly vorigReferentieNummer?: string;
  readonly debetCredit: 'D' | 'C';
  readonly productPeriode: { readonly Begindatum: string; readonly Einddatum: string };
  readonly volume: number;
  readonly bedrag: number;
  readonly declaratieNummer: string;
}

/** Everything the register knows about one toewijzing of one gemeente (GET /v1/allocations). */
export interface AllocationView {
  readonly gemeente: string;
  readonly toewijzingNummer: string;
  readonly aanbieder: string;
  readonly actual: AllocationVersion;
  /** Every version a WMO301 carried, in arrival order (the actual one by IV013 is marked). */
  readonly history: readonly AllocationVersion[];
  /** Starts with their stops (WMO305/WMO307), deleted ones included and marked. */
  readonly leveringen: LeveringGroup['starts'];
  readonly declared: {
    /** Net granted volume; time units (Eenheid 01, 04) in minutes. */
    readonly volume: number;
    /** Net granted amount in eurocents. */
    readonly bedrag: number;
    /** Granted debets not credited yet. */
    readonly openDebets: number;
    readonly prestaties: readonly AllocationPrestatie[];
  };
}

function withoutClient(version: ToewijzingVersion, actual: ToewijzingVersion): AllocationVersion {
  const { clientId: _clientId, ...rest } = version;
  return {
    ...rest,
    actual:
      version.messageId === actual.messageId &&
      version.toewijzingsdatum === actual.toewijzingsdatum &&
      version.toewijzingstijd === actual.toewijzingstijd,
  };
}

/** Reads one toewijzing with its history, starts/stops and declarations; two round trips. */
export async function readAllocation(
  redis: Redis,
  keys: RegisterKeys,
  gemeente: string,
  toewijzingNummer: string,
): Promise<AllocationView | undefined> {
  const n = canonicalNummer(toewijzingNummer);
  const results = await redis
    .pipeline()
    .hget(keys.toewijzingen(gemeente), n)
    .lrange(keys.toewijzingHistory(gemeente, n), 0, -1)
    .lrange(keys.toewijzingPrestaties(gemeente, n), 0, -1)
    .hmget(
      keys.declared(gemeente),
      DECLARED_FIELDS.volume(n),
      DECLARED_FIELDS.bedrag(n),
      DECLARED_FIELDS.openDebets(n),
    )
    .exec();
  if (results === null) {
    throw new Error('the register read was aborted');
  }
  for (const [error] of results) {
    if (error !== null) {
      throw error;
    }
  }
  const [actualRaw, historyRaw, prestatiesRaw, declaredRaw] = results.map(([, value]) => value) as [
    string | null,
    string[],
    string[],
    (string | null)[],
  ];
  if (actualRaw === null) {
    return undefined;
  }
  const actual = JSON.parse(actualRaw) as ToewijzingVersion;
  const group = await redis.hget(
    keys.client(gemeente, actual.aanbieder, actual.clientId),
    CLIENT_FIELDS.levering(leveringGroupKey(n)),
  );
  const number = (index: number): number => Number(declaredRaw[index] ?? 0);
  return {
    gemeente,
    toewijzingNummer: n,
    aanbieder: actual.aanbieder,
    actual: withoutClient(actual, actual),
    history: historyRaw.map((raw) => withoutClient(JSON.parse(raw) as ToewijzingVersion, actual)),
    leveringen: group === null ? [] : (JSON.parse(group) as LeveringGroup).starts,
    declared: {
      volume: number(0),
      bedrag: number(1),
      openDebets: number(2),
      prestaties: prestatiesRaw.map((raw) => JSON.parse(raw) as AllocationPrestatie),
    },
  };
}
