import type { Redis } from 'ioredis';

import {
  canonicalNummer,
  type ClientRegisterView,
  debetKey,
  type DeclaredTotals,
  type LeveringGroup,
  leveringGroupKey,
  messageParties,
  type OpenDebetRecord,
  type PrestatieRecord,
  type RegisterView,
  type ToewijzingVersion,
  type VerzoekRecord,
} from '../domain/register/index.js';
import type { ParsedMessage } from '../model/index.js';
import type { AtomicGuard } from '../store/index.js';
import type { ClientIds } from './client-ids.js';
import { ReadBatch } from './read-batch.js';
import {
  CLIENT_FIELDS,
  DECLARED_FIELDS,
  PAIR_FIELDS,
  type RegisterKeys,
  safeField,
} from './register-keys.js';

/** The view a message's level-3 rules read, plus what its decision must find unchanged. */
export interface RegisterSnapshot {
  readonly view: RegisterView;
  readonly guards: readonly AtomicGuard[];
  /** The clients of the verzoeken a WMO319 answers, by clientId (their pending lists). */
  readonly verzoekClients: ReadonlyMap<string, ClientRegisterView>;
}

interface MutableView {
  identificatieUsed: boolean;
  toewijzingen: Map<string, ToewijzingVersion>;
  clients: Map<string, ClientRegisterView>;
  verzoeken: Map<string, VerzoekRecord>;
  prestaties: Map<string, PrestatieRecord>;
  openDebets: Map<string, number>;
  declared: Map<string, DeclaredTotals>;
  openDebetsByToewijzing: Map<string, readonly OpenDebetRecord[]>;
  declaratieNummerUsed: boolean;
  lastDeclaratiePeriode: string | undefined;
}

function parse<T>(value: string | null | undefined, fallback: T): T {
  return value === null || value === undefined ? fallback : (JSON.parse(value) as T);
}

/**
 * Reads what the register holds for one message: exactly the keys and fields the message refers
 * to, in one pipelined round trip (two for WMO317, WMO319 and WMO323, whose second reads depend
 * on the first). Never a scan; linear in the size of the message.
 */
export async function loadRegisterView(
  redis: Redis,
  keys: RegisterKeys,
  clientIds: ClientIds,
  message: ParsedMessage,
): Promise<RegisterSnapshot> {
  const guards: AtomicGuard[] = [];
  const view: MutableView = {
    identificatieUsed: false,
    toewijzingen: new Map(),
    clients: new Map(),
    verzoeken: new Map(),
    prestaties: new Map(),
    openDebets: new Map(),
    declared: new Map(),
    openDebetsByToewijzing: new Map(),
    declaratieNummerUsed: false,
    lastDeclaratiePeriode: undefined,
  };
  const verzoekClients = new Map<string, ClientRegisterView>();
  const { gemeente: g, aanbieder: a } = messageParties(message.type, message.header);
  let batch = new ReadBatch(redis, guards);

  const readClient = (
    bsn: string,
    fields: readonly string[],
    groups: readonly string[],
    into: (client: ClientRegisterView) => void,
  ): void => {
    const clientId = clientIds.of(bsn);
    const leveringFields = groups.map((group) => CLIENT_FIELDS.levering(group));
    // Every write to a client hash increments its version (plan-register-writes.ts), so the
    // version alone guards all the fields read here.
    batch.hmget(
      keys.client(g, a, clientId),
      [CLIENT_FIELDS.version, CLIENT_FIELDS.known, ...fields, ...leveringFields],
      { versionField: CLIENT_FIELDS.version },
      (values) => {
        const leveringen = new Map<string, LeveringGroup>();
        groups.forEach((group, index) => {
          const raw = values.get(leveringFields[index] ?? '');
          if (raw !== null && raw !== undefined) {
            leveringen.set(group, parse<LeveringGroup>(raw, { starts: [] }));
          }
        });
        into({
          clientId,
          known: values.get(CLIENT_FIELDS.known) === '1',
          toewijzingNummers: parse<string[]>(values.get(CLIENT_FIELDS.toewijzingen), []),
          pendingVerzoeken: parse<string[]>(values.get(CLIENT_FIELDS.pending), []),
          leveringen,
        });
      },
    );
  };
  const readToewijzingen = (nummers: readonly string[]): void =>
    batch.hmget(keys.toewijzingen(g), nummers, true, (values) => {
      for (const [nummer, raw] of values) {
        if (raw !== null) {
          view.toewijzingen.set(nummer, parse<ToewijzingVersion>(raw, undefined as never));
        }
      }
    });
  const readDeclared = (nummers: readonly string[], guard: boolean): void => {
    const fields = nummers.flatMap((n) => [
      DECLARED_FIELDS.volume(n),
      DECLARED_FIELDS.bedrag(n),
      DECLARED_FIELDS.openDebets(n),
    ]);
    batch.hmget(keys.declared(g), fields, guard, (values) => {
      for (const n of nummers) {
        const number = (field: string): number => Number(values.get(field) ?? 0);
        view.declared.set(n, {
          volume: number(DECLARED_FIELDS.volume(n)),
          bedrag: number(DECLARED_FIELDS.bedrag(n)),
          openDebets: number(DECLARED_FIELDS.openDebets(n)),
        });
      }
    });
  };
  const readVerzoeken = (referenties: readonly string[]): void =>
    batch.hmget(keys.verzoeken(g, a), referenties, true, (values) => {
      for (const [referentie, raw] of values) {
        if (raw !== null) {
          view.verzoeken.set(referentie, parse<VerzoekRecord>(raw, undefined as never));
        }
      }
    });
  const setClient = (bsn: string) => (client: ClientRegisterView) => view.clients.set(bsn, client);

  const { Afzender, BerichtCode, BerichtIdentificatie } = message.header;
  batch.sismember(
    keys.identificaties(Afzender, BerichtCode),
    BerichtIdentificatie.Identificatie,
    true,
    (used) => {
      view.identificatieUsed = used;
    },
  );

  switch (message.type) {
    case 'WMO301': {
      const products = message.Client.ToegewezenProducten;
      const nummers = products.map((p) => canonicalNummer(p.ToewijzingNummer));
      readClient(
        message.Client.Bsn,
        [CLIENT_FIELDS.toewijzingen, CLIENT_FIELDS.pending],
        [],
        setClient(message.Client.Bsn),
      );
      readToewijzingen(nummers);
      readDeclared(nummers, true);
      readVerzoeken(
        products.flatMap((p) =>
          p.ReferentieAanbieder === undefined ? [] : [p.ReferentieAanbieder],
        ),
      );
      await batch.run();
      break;
    }
    case 'WMO305':
    case 'WMO307': {
      const items =
        message.type === 'WMO305' ? message.Client.StartProducten : message.Client.StopProducten;
      readClient(
        message.Client.Bsn,
        [],
        items.map((item) => leveringGroupKey(item.ToewijzingNummer, item.Product)),
        setClient(message.Client.Bsn),
      );
      readToewijzingen(
        items.flatMap((item) =>
          item.ToewijzingNummer === undefined ? [] : [canonicalNummer(item.ToewijzingNummer)],
        ),
      );
      await batch.run();
      break;
    }
    case 'WMO315': {
      readClient(message.Client.Bsn, [CLIENT_FIELDS.pending], [], setClient(message.Client.Bsn));
      readVerzoeken(message.Client.AangevraagdeProducten.map((p) => p.ReferentieAanbieder));
      await batch.run();
      break;
    }
    case 'WMO317': {
      const verzoek = message.Client.Verzoek;
      readClient(
        message.Client.Bsn,
        [CLIENT_FIELDS.toewijzingen, CLIENT_FIELDS.pending],
        [],
        setClient(message.Client.Bsn),
      );
      readVerzoeken([verzoek.ReferentieAanbieder]);
      await batch.run();
      batch = new ReadBatch(redis, guards);
      const named = [
        ...(verzoek.OngewijzigdeProducten ?? []),
        ...(verzoek.TeWijzigenProducten ?? []),
      ];
      readToewijzingen([
        ...(view.clients.get(message.Client.Bsn)?.toewijzingNummers ?? []),
        ...named.map((p) => canonicalNummer(p.ToewijzingNummer)),
      ]);
      await batch.run();
      break;
    }
    case 'WMO319': {
      const referentie = message.Antwoord.ReferentieAanbieder;
      readVerzoeken([referentie]);
      await batch.run();
      const verzoek = view.verzoeken.get(referentie);
      if (verzoek !== undefined) {
        batch = new ReadBatch(redis, guards);
        batch.hmget(
          keys.client(g, a, verzoek.clientId),
          [CLIENT_FIELDS.version, CLIENT_FIELDS.pending],
          { versionField: CLIENT_FIELDS.version },
          (values) =>
            verzoekClients.set(verzoek.clientId, {
              clientId: verzoek.clientId,
              known: values.get(CLIENT_FIELDS.known) === '1',
              toewijzingNummers: [],
              pendingVerzoeken: parse<string[]>(values.get(CLIENT_FIELDS.pending), []),
              leveringen: new Map(),
            }),
        );
        await batch.run();
      }
      break;
    }
    case 'WMO323':
      await loadDeclaratie(message, {
        g,
        a,
        keys,
        view,
        readClient,
        readToewijzingen,
        readDeclared,
      });
      break;
    case 'WMO302':
    case 'WMO306':
    case 'WMO308':
    case 'WMO316':
    case 'WMO318':
    case 'WMO320':
    case 'WMO325':
      // Retours and declaratie-antwoorden are never judged on level 3 (docs/rules.md).
      await batch.run();
      break;
  }
  return { view, guards, verzoekClients };

  async function loadDeclaratie(
    msg: ParsedMessage<'WMO323'>,
    ctx: {
      readonly g: string;
      readonly a: string;
      readonly keys: RegisterKeys;
      readonly view: MutableView;
      readonly readClient: typeof readClient;
      readonly readToewijzingen: typeof readToewijzingen;
      readonly readDeclared: typeof readDeclared;
    },
  ): Promise<void> {
    const declaratie = msg.Declaratie;
    const nummers: string[] = [];
    const referenties: string[] = [];
    const debetKeys: string[] = [];
    const creditedDebets: string[] = [];
    const groupsByBsn = new Map<string, Set<string>>();
    for (const client of declaratie.Clienten) {
      const groups = groupsByBsn.get(client.Bsn) ?? new Set<string>();
      groupsByBsn.set(client.Bsn, groups);
      for (const prestatie of client.Prestaties) {
        nummers.push(canonicalNummer(prestatie.ToewijzingNummer));
        groups.add(leveringGroupKey(prestatie.ToewijzingNummer));
        referenties.push(prestatie.ProductReferentie.ReferentieNummer);
        const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
        if (vorig !== undefined) {
          referenties.push(vorig);
          if (prestatie.IngediendBedrag.DebetCredit === 'C') {
            creditedDebets.push(vorig);
          }
        }
        if (prestatie.IngediendBedrag.DebetCredit === 'D') {
          debetKeys.push(debetKey(prestatie));
        }
      }
    }
    // The starts and stops behind each Prestatie (contract rules, issue #5); one read per client.
    for (const [bsn, groups] of groupsByBsn) {
      ctx.readClient(bsn, [], [...groups], setClient(bsn));
    }
    // The declaration state of this gemeente and aanbieder (prestaties, open debets, declared
    // totals, DeclaratieNummers, last period) is guarded as a whole by the pair's version `dv`,
    // which every WMO323 decision increments: one guard instead of one per Prestatie.
    batch.sismember(
      ctx.keys.declaratieNummers(ctx.g, ctx.a),
      declaratie.DeclaratieNummer,
      false,
      (used) => {
        ctx.view.declaratieNummerUsed = used;
      },
    );
    batch.hmget(
      ctx.keys.pair(ctx.g, ctx.a),
      [PAIR_FIELDS.lastPeriode, PAIR_FIELDS.version],
      true,
      (values) => {
        ctx.view.lastDeclaratiePeriode = values.get(PAIR_FIELDS.lastPeriode) ?? undefined;
      },
    );
    ctx.readToewijzingen(nummers);
    ctx.readDeclared(nummers, false);
    batch.hmget(ctx.keys.prestaties(ctx.g, ctx.a), referenties, false, (values) => {
      for (const [referentie, raw] of values) {
        if (raw !== null) {
          ctx.view.prestaties.set(referentie, parse<PrestatieRecord>(raw, undefined as never));
        }
      }
    });
    readOpenDebets(batch, ctx.keys.openDebets(ctx.g, ctx.a), debetKeys, ctx.view);
    const otwKey = ctx.keys.openDebetsByToewijzing(ctx.g, ctx.a);
    readOpenDebetsByToewijzing(batch, otwKey, nummers, ctx.view);
    await batch.run();
    // A granted credit removes its debet from the list of the debet's toewijzing. A credit
    // repeats its debet's ToewijzingNummer (IV091), so that list is normally read already; only
    // when it is not, a second round trip reads it (same pair state, guarded by `dv`).
    const loaded = new Set(nummers);
    const missing = creditedDebets.flatMap((vorig) => {
      const debet = ctx.view.prestaties.get(vorig);
      return debet?.debetCredit === 'D' && !loaded.has(debet.toewijzingNummer)
        ? [debet.toewijzingNummer]
        : [];
    });
    if (missing.length > 0) {
      batch = new ReadBatch(redis, guards);
      readOpenDebetsByToewijzing(batch, otwKey, missing, ctx.view);
      await batch.run();
    }
  }
}

/** Unguarded: part of the pair's declaration state, which `dv` guards as a whole. */
function readOpenDebetsByToewijzing(
  batch: ReadBatch,
  key: string,
  nummers: readonly string[],
  view: MutableView,
): void {
  batch.hmget(key, nummers, false, (values) => {
    for (const [nummer, raw] of values) {
      const debets = parse<OpenDebetRecord[]>(raw, []);
      if (debets.length > 0) {
        view.openDebetsByToewijzing.set(nummer, debets);
      }
    }
  });
}

function readOpenDebets(
  batch: ReadBatch,
  key: string,
  debetKeys: readonly string[],
  view: MutableView,
): void {
  const fields = debetKeys.map(safeField);
  batch.hmget(key, fields, false, (values) => {
    debetKeys.forEach((debet, index) => {
      const count = Number(values.get(fields[index] ?? '') ?? 0);
      if (count !== 0) {
        view.openDebets.set(debet, count);
      }
    });
  });
}
