import {
  leveringGroupKey,
  type RegisterView,
  startKey,
  type StartRecord,
  type StopRecord,
} from '../../../domain/register/index.js';
import type { ParsedMessage, Wmo305StartProduct, Wmo307StopProduct } from '../../../model/index.js';
import { CLIENT, clientOf } from './cross-message.js';
import { locate } from './located.js';

/**
 * What the register says about each StartProduct (WMO305) and StopProduct (WMO307) of a message,
 * for TR019, TR063, TR071, TR074, TR326, TR382 and TR413–TR415. Deletions (StatusAanlevering 3)
 * in the message apply before new deliveries (status 1), so a correction may travel in one
 * message when the keys differ (IV008). Linear in the message plus the client's history of the
 * toegewezen products it names.
 */

export const STATUS_NIEUW = '1';
export const STATUS_VERWIJDEREN = '3';

export interface StartFact {
  readonly item: Wmo305StartProduct;
  readonly path: string;
  /** The register's start with the same logical key, deleted or not. */
  readonly registered: StartRecord | undefined;
  /** For a new start: another actual (not stopped, not deleted) start of the same product exists. */
  readonly actualStartExists: boolean;
}

function liveStop(stops: readonly StopRecord[]): boolean {
  return stops.some((stop) => !stop.deleted);
}

export function analyseStarts(msg: ParsedMessage<'WMO305'>, register: RegisterView): StartFact[] {
  const client = clientOf(register, msg.Client.Bsn);
  const located = locate(msg.Client.StartProducten, `${CLIENT}/StartProducten`, 'StartProduct');
  const keyOf = (item: Wmo305StartProduct): string =>
    startKey(item.ToewijzingNummer, item.Product, item.Begindatum);
  const groupOf = (item: Wmo305StartProduct): string =>
    leveringGroupKey(item.ToewijzingNummer, item.Product);
  const deletedHere = new Set(
    located
      .filter(({ item }) => item.StatusAanlevering === STATUS_VERWIJDEREN)
      .map(({ item }) => keyOf(item)),
  );
  const newHere = new Map<string, Set<string>>();
  return located.map(({ item, path }) => {
    const key = keyOf(item);
    const group = groupOf(item);
    const starts = client.leveringen.get(group)?.starts ?? [];
    const registered = starts.find((start) => start.key === key);
    let actualStartExists = false;
    if (item.StatusAanlevering === STATUS_NIEUW) {
      const earlier = newHere.get(group) ?? new Set<string>();
      actualStartExists =
        [...earlier].some((k) => k !== key) ||
        starts.some(
          (start) =>
            start.key !== key &&
            !start.deleted &&
            !deletedHere.has(start.key) &&
            !liveStop(start.stops),
        );
      earlier.add(key);
      newHere.set(group, earlier);
    }
    return { item, path, registered, actualStartExists };
  });
}

/** A stop as the sequencing rules see it. */
export interface ActiveStop {
  readonly redenBeeindiging: string;
  readonly einddatum: string;
}

export interface StopFact {
  readonly item: Wmo307StopProduct;
  readonly path: string;
  /** The register's start this stop names (same key, not deleted). */
  readonly start: StartRecord | undefined;
  /** The register's stop with the same key (deleted or not). */
  readonly registered: StopRecord | undefined;
  /**
   * For a new stop: the live stops of its start before it: the register's, minus those this
   * message deletes, plus the new stops earlier in this message.
   */
  readonly activeStops: readonly ActiveStop[];
}

function stopKey(stop: { readonly redenBeeindiging: string; readonly einddatum: string }): string {
  return `${stop.redenBeeindiging}\u0001${stop.einddatum}`;
}

export function analyseStops(msg: ParsedMessage<'WMO307'>, register: RegisterView): StopFact[] {
  const client = clientOf(register, msg.Client.Bsn);
  const located = locate(msg.Client.StopProducten, `${CLIENT}/StopProducten`, 'StopProduct');
  const startKeyOf = (item: Wmo307StopProduct): string =>
    startKey(item.ToewijzingNummer, item.Product, item.Begindatum);
  const ownKey = (item: Wmo307StopProduct): string =>
    stopKey({ redenBeeindiging: item.RedenBeeindiging, einddatum: item.Einddatum });
  const deletedHere = new Set(
    located
      .filter(({ item }) => item.StatusAanlevering === STATUS_VERWIJDEREN)
      .map(({ item }) => `${startKeyOf(item)}\u0002${ownKey(item)}`),
  );
  const newHere = new Map<string, ActiveStop[]>();
  return located.map(({ item, path }) => {
    const key = startKeyOf(item);
    const starts = client.leveringen.get(
      leveringGroupKey(item.ToewijzingNummer, item.Product),
    )?.starts;
    const start = starts?.find((s) => s.key === key && !s.deleted);
    const registered = starts
      ?.find((s) => s.key === key)
      ?.stops.find((stop) => stopKey(stop) === ownKey(item));
    let activeStops: ActiveStop[] = [];
    if (item.StatusAanlevering === STATUS_NIEUW) {
      const earlier = newHere.get(key) ?? [];
      activeStops = [
        ...(start?.stops ?? []).filter(
          (stop) => !stop.deleted && !deletedHere.has(`${key}\u0002${stopKey(stop)}`),
        ),
        ...earlier,
      ];
      newHere.set(key, [
        ...earlier,
        { redenBeeindiging: item.RedenBeeindiging, einddatum: item.Einddatum },
      ]);
    }
    return { item, path, start, registered, activeStops };
  });
}

/** RedenBeeindiging 20: a temporary stop; every other reason is definitive (§5.1). */
export const TIJDELIJK = '20';
