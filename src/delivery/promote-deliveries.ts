import { coerceError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { PartyDirectory } from '../parties/index.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { DeliveryQueue } from './delivery-queue.js';
import type { DeliveryStore } from './delivery-store.js';

export interface PromoteDeliveriesDeps {
  readonly queue: DeliveryQueue;
  readonly deliveries: Pick<DeliveryStore, 'get'>;
  readonly parties: Pick<PartyDirectory, 'routeFor'>;
}

export interface PromoteLimits {
  /** Jobs promoted at most. @defaultValue 1000 */
  readonly max?: number;
  /** Delayed jobs read per page. @defaultValue 200 */
  readonly pageSize?: number;
  /** Delayed jobs looked at at most. @defaultValue 10 000 */
  readonly maxScanned?: number;
  /** Mark the promoted jobs as half-open probes (a failed probe spends no attempt). */
  readonly probe?: boolean;
}

/**
 * Moves the delayed (backing-off) delivery jobs whose party is delivered over HTTP to `url` to
 * the waiting list, so they run now instead of at the end of their backoff. The job and its
 * attempt count stay the same (same Idempotency-Key; a delivered delivery is skipped by the
 * processor), so this changes only when a delivery is tried. Jobs that moved meanwhile (ran,
 * removed) are skipped. Reads the delayed set in pages, earliest first; returns how many it
 * promoted.
 */
export async function promoteDelayedDeliveries(
  deps: PromoteDeliveriesDeps,
  url: string,
  limits: PromoteLimits = {},
): Promise<number> {
  const max = limits.max ?? 1000;
  const pageSize = limits.pageSize ?? 200;
  const maxScanned = limits.maxScanned ?? 10_000;
  const urlOfParty = new Map<string, string | undefined>();
  const targetOf = (party: string): string | undefined => {
    if (!urlOfParty.has(party)) {
      const route = deps.parties.routeFor(party);
      urlOfParty.set(party, route?.delivery.type === 'http' ? route.delivery.url : undefined);
    }
    return urlOfParty.get(party);
  };
  let promoted = 0;
  let scanned = 0;
  let start = 0;
  while (promoted < max && scanned < maxScanned) {
    const page = await deps.queue.getDelayed(start, start + pageSize - 1);
    if (page.length === 0) {
      break;
    }
    scanned += page.length;
    const records = await Promise.all(page.map((job) => deps.deliveries.get(job.data.deliveryId)));
    let promotedInPage = 0;
    for (const [index, job] of page.entries()) {
      const record = records[index];
      if (promoted >= max) {
        break;
      }
      if (record === undefined || record.status !== 'pending' || targetOf(record.party) !== url) {
        continue;
      }
      try {
        if (limits.probe === true) {
          await job.updateData({ ...job.data, probe: true });
        }
        await job.promote();
        promoted += 1;
        promotedInPage += 1;
      } catch {
        // It ran, was removed or was promoted by another worker meanwhile: nothing to do.
      }
    }
    // Promoted jobs left the delayed set, so the next page starts that much earlier.
    start += page.length - promotedInPage;
  }
  return promoted;
}

/**
 * Lets a delivery backlog flow as soon as its endpoint is back: when the breaker sees an endpoint
 * recover, its delayed deliveries are promoted (at most `limits.max` per recovery); when a circuit
 * opens, one delayed delivery to that endpoint is promoted once the cool-down has passed (the
 * half-open probe), so a recovery is noticed without waiting for the longest backoff. Runs beside
 * the deliveries: errors are logged, never thrown.
 */
export function promoteOnRecovery(
  breaker: CircuitBreaker,
  deps: PromoteDeliveriesDeps & { readonly logger: Logger },
  limits: PromoteLimits = {},
): { close(): void } {
  const probes = new Map<string, NodeJS.Timeout>();
  const running = new Set<string>();
  // A recovery seen while a promotion for the endpoint runs (e.g. the probe it promoted already
  // succeeded) is promoted once that one is done, so it is never lost.
  const recoveredMeanwhile = new Set<string>();
  let closed = false;
  const promote = (url: string, reason: 'recovered' | 'probe', max: number) => {
    if (closed) {
      return;
    }
    if (running.has(url)) {
      if (reason === 'recovered') {
        recoveredMeanwhile.add(url);
      }
      return;
    }
    running.add(url);
    promoteDelayedDeliveries(deps, url, { ...limits, max, probe: reason === 'probe' })
      .then((promoted) => {
        if (promoted > 0 || reason === 'recovered') {
          deps.logger.info({ url, promoted, reason }, 'delayed deliveries promoted');
        }
      })
      .catch((caught: unknown) => {
        deps.logger.error({ err: coerceError(caught), url, reason }, 'promoting deliveries failed');
      })
      .finally(() => {
        running.delete(url);
        if (recoveredMeanwhile.delete(url)) {
          promote(url, 'recovered', limits.max ?? 1000);
        }
      });
  };
  const unsubscribe = breaker.subscribe({
    recovered: (url) => {
      clearTimeout(probes.get(url));
      probes.delete(url);
      promote(url, 'recovered', limits.max ?? 1000);
    },
    opened: (url, until) => {
      clearTimeout(probes.get(url));
      const timer = setTimeout(
        () => {
          probes.delete(url);
          promote(url, 'probe', 1);
        },
        Math.max(0, until - Date.now()) + 10,
      );
      timer.unref();
      probes.set(url, timer);
    },
  });
  return {
    close: () => {
      closed = true;
      unsubscribe();
      recoveredMeanwhile.clear();
      for (const timer of probes.values()) {
        clearTimeout(timer);
      }
      probes.clear();
    },
  };
}
