import {
  canonicalNummer,
  comparableVolume,
  type CreditPrestatieRecord,
  debetKey,
  type DebetPrestatieRecord,
  type LeveringGroup,
  leveringGroupKey,
  messageParties,
  type OpenDebetRecord,
  startKey,
  type StartRecord,
  supersedes,
  type ToewijzingVersion,
  type VerzoekRecord,
} from '../domain/register/index.js';
import type {
  ParsedMessage,
  Wmo301ToegewezenProduct,
  Wmo305StartProduct,
  Wmo307StopProduct,
  Wmo323Prestatie,
} from '../model/index.js';
import { isGranted, judgeDeclaratie } from '../retour/index.js';
import type { AtomicWrite } from '../store/index.js';
import type { Violation } from '../validation/violation.js';
import type { RegisterSnapshot } from './load-register-view.js';
import {
  CLIENT_FIELDS,
  DECLARED_FIELDS,
  PAIR_FIELDS,
  type RegisterKeys,
  safeField,
} from './register-keys.js';
import { WriteSet } from './write-set.js';

/** What was decided about a message, as far as the register is concerned. */
export interface RegisterDecision {
  readonly messageId: string;
  /** The level-3 violations (none when the message passed every level). */
  readonly violations: readonly Violation[];
}

interface Scope {
  readonly g: string;
  readonly a: string;
  readonly keys: RegisterKeys;
  readonly snapshot: RegisterSnapshot;
  readonly writes: WriteSet;
  readonly identificatie: string;
}

/**
 * The register writes of a decided message (pure: the same inputs give the same writes). Only
 * fully accepted messages change the register (OP286); a WMO323 changes it per granted Prestatie,
 * and not at all when the declaration as a whole is refused. The writes are applied in the same
 * atomic step as the decision (MessageStore.finishGuarded).
 */
export function planRegisterWrites(
  message: ParsedMessage,
  snapshot: RegisterSnapshot,
  keys: RegisterKeys,
  decision: RegisterDecision,
): AtomicWrite[] {
  const { gemeente: g, aanbieder: a } = messageParties(message.type, message.header);
  const writes = new WriteSet();
  const identificatie = message.header.BerichtIdentificatie.Identificatie;
  const scope: Scope = { g, a, keys, snapshot, writes, identificatie };
  if (message.type === 'WMO323') {
    if (!planDeclaratie(message, scope, decision.violations)) {
      return [];
    }
  } else if (decision.violations.length > 0) {
    return [];
  } else {
    switch (message.type) {
      case 'WMO301':
        planToewijzing(message, scope, decision.messageId);
        break;
      case 'WMO305':
        planStarts(message, scope);
        break;
      case 'WMO307':
        planStops(message, scope);
        break;
      case 'WMO315':
        planVerzoeken(
          scope,
          message.Client.Bsn,
          'WMO315',
          message.Client.AangevraagdeProducten.map((p) => p.ReferentieAanbieder),
        );
        break;
      case 'WMO317':
        planVerzoeken(scope, message.Client.Bsn, 'WMO317', [
          message.Client.Verzoek.ReferentieAanbieder,
        ]);
        break;
      case 'WMO319':
        planAntwoord(message, scope);
        break;
      case 'WMO302':
      case 'WMO306':
      case 'WMO308':
      case 'WMO316':
      case 'WMO318':
      case 'WMO320':
      case 'WMO325':
        return [];
    }
  }
  writes.sadd(
    keys.identificaties(message.header.Afzender, message.header.BerichtCode),
    identificatie,
  );
  return writes.toWrites();
}

function clientKey(scope: Scope, bsn: string): { key: string; clientId: string } {
  const client = scope.snapshot.view.clients.get(bsn);
  if (client === undefined) {
    throw new Error('the register view has no entry for a client of the message');
  }
  return { key: scope.keys.client(scope.g, scope.a, client.clientId), clientId: client.clientId };
}

function versionOf(
  product: Wmo301ToegewezenProduct,
  aanbieder: string,
  clientId: string,
  identificatie: string,
  messageId: string,
): ToewijzingVersion {
  return {
    toewijzingNummer: canonicalNummer(product.ToewijzingNummer),
    aanbieder,
    clientId,
    toewijzingsdatum: product.Toewijzingsdatum,
    toewijzingstijd: product.Toewijzingstijd,
    ingangsdatum: product.Ingangsdatum,
    ...(product.Einddatum === undefined ? {} : { einddatum: product.Einddatum }),
    ...(product.RedenWijziging === undefined ? {} : { redenWijziging: product.RedenWijziging }),
    ...(product.Product === undefined
      ? {}
      : {
          product: {
            categorie: product.Product.Categorie,
            ...(product.Product.Code === undefined ? {} : { code: product.Product.Code }),
          },
        }),
    ...(product.Omvang === undefined
      ? {}
      : {
          omvang: {
            volume: product.Omvang.Volume,
            eenheid: product.Omvang.Eenheid,
            frequentie: product.Omvang.Frequentie,
          },
        }),
    ...(product.Budget === undefined ? {} : { budget: product.Budget }),
    ...(product.ReferentieAanbieder === undefined
      ? {}
      : { referentieAanbieder: product.ReferentieAanbieder }),
    identificatie,
    messageId,
  };
}

/**
 * WMO301: every ToegewezenProduct is a version; the one with the latest Toewijzingsdatum +
 * Toewijzingstijd is the actual one (IV013). A shorter period, an Einddatum before the old one
 * or RedenWijziging 13 are changes of the same toewijzing (OP033x1) and are kept as versions.
 */
function planToewijzing(message: ParsedMessage<'WMO301'>, scope: Scope, messageId: string): void {
  const { view } = scope.snapshot;
  const { key, clientId } = clientKey(scope, message.Client.Bsn);
  const client = view.clients.get(message.Client.Bsn);
  const nummers = new Set(client?.toewijzingNummers ?? []);
  let pending = [...(client?.pendingVerzoeken ?? [])];
  for (const product of message.Client.ToegewezenProducten) {
    const version = versionOf(product, scope.a, clientId, scope.identificatie, messageId);
    const n = version.toewijzingNummer;
    const json = JSON.stringify(version);
    scope.writes.rpush(scope.keys.toewijzingHistory(scope.g, n), json);
    if (supersedes(version, view.toewijzingen.get(n))) {
      scope.writes.hset(scope.keys.toewijzingen(scope.g), n, json);
    }
    nummers.add(n);
    const referentie = product.ReferentieAanbieder;
    const verzoek = referentie === undefined ? undefined : view.verzoeken.get(referentie);
    if (referentie !== undefined && verzoek !== undefined) {
      const honoured: VerzoekRecord = { ...verzoek, toegewezen: true };
      scope.writes.hset(
        scope.keys.verzoeken(scope.g, scope.a),
        referentie,
        JSON.stringify(honoured),
      );
      pending = pending.filter((r) => r !== referentie);
    }
  }
  scope.writes.hset(key, CLIENT_FIELDS.known, '1');
  scope.writes.hset(key, CLIENT_FIELDS.toewijzingen, JSON.stringify([...nummers].sort()));
  scope.writes.hset(key, CLIENT_FIELDS.pending, JSON.stringify(pending));
  scope.writes.hincrby(key, CLIENT_FIELDS.version, 1);
}

type Groups = Map<string, StartRecord[]>;

function groupsOf(scope: Scope, bsn: string): Groups {
  const groups: Groups = new Map();
  const client = scope.snapshot.view.clients.get(bsn);
  for (const [group, levering] of client?.leveringen ?? []) {
    groups.set(group, [...levering.starts]);
  }
  return groups;
}

function writeGroups(
  scope: Scope,
  bsn: string,
  groups: Groups,
  touched: ReadonlySet<string>,
): void {
  const { key } = clientKey(scope, bsn);
  for (const group of touched) {
    const levering: LeveringGroup = { starts: groups.get(group) ?? [] };
    scope.writes.hset(key, CLIENT_FIELDS.levering(group), JSON.stringify(levering));
  }
  scope.writes.hincrby(key, CLIENT_FIELDS.version, 1);
}

function productRef(item: Wmo305StartProduct | Wmo307StopProduct) {
  return item.Product === undefined
    ? {}
    : {
        product: {
          categorie: item.Product.Categorie,
          ...(item.Product.Code === undefined ? {} : { code: item.Product.Code }),
        },
      };
}

/** WMO305: deletions first, then new starts (IV008). */
function planStarts(message: ParsedMessage<'WMO305'>, scope: Scope): void {
  const groups = groupsOf(scope, message.Client.Bsn);
  const touched = new Set<string>();
  const items = [...message.Client.StartProducten].sort(
    (x, y) => Number(y.StatusAanlevering === '3') - Number(x.StatusAanlevering === '3'),
  );
  for (const item of items) {
    const group = leveringGroupKey(item.ToewijzingNummer, item.Product);
    const key = startKey(item.ToewijzingNummer, item.Product, item.Begindatum);
    const starts = groups.get(group) ?? [];
    touched.add(group);
    if (item.StatusAanlevering === '3') {
      groups.set(
        group,
        starts.map((start) =>
          start.key === key && !start.deleted ? { ...start, deleted: true } : start,
        ),
      );
    } else {
      groups.set(group, [
        ...starts,
        {
          key,
          ...(item.ToewijzingNummer === undefined
            ? {}
            : { toewijzingNummer: canonicalNummer(item.ToewijzingNummer) }),
          ...productRef(item),
          begindatum: item.Begindatum,
          deleted: false,
          stops: [],
          identificatie: scope.identificatie,
        },
      ]);
    }
  }
  writeGroups(scope, message.Client.Bsn, groups, touched);
}

/** WMO307: deletions first, then new stops on the start they name (TR382). */
function planStops(message: ParsedMessage<'WMO307'>, scope: Scope): void {
  const groups = groupsOf(scope, message.Client.Bsn);
  const touched = new Set<string>();
  const items = [...message.Client.StopProducten].sort(
    (x, y) => Number(y.StatusAanlevering === '3') - Number(x.StatusAanlevering === '3'),
  );
  for (const item of items) {
    const group = leveringGroupKey(item.ToewijzingNummer, item.Product);
    const key = startKey(item.ToewijzingNummer, item.Product, item.Begindatum);
    touched.add(group);
    const same = (stop: { redenBeeindiging: string; einddatum: string }): boolean =>
      stop.redenBeeindiging === item.RedenBeeindiging && stop.einddatum === item.Einddatum;
    groups.set(
      group,
      (groups.get(group) ?? []).map((start) => {
        if (start.key !== key || start.deleted) {
          return start;
        }
        const stops =
          item.StatusAanlevering === '3'
            ? start.stops.map((stop) =>
                same(stop) && !stop.deleted ? { ...stop, deleted: true } : stop,
              )
            : [
                ...start.stops,
                {
                  redenBeeindiging: item.RedenBeeindiging,
                  einddatum: item.Einddatum,
                  deleted: false,
                  identificatie: scope.identificatie,
                },
              ];
        return { ...start, stops };
      }),
    );
  }
  writeGroups(scope, message.Client.Bsn, groups, touched);
}

/** WMO315/WMO317: the verzoek is pending from now on (TR374). */
function planVerzoeken(
  scope: Scope,
  bsn: string,
  berichtType: 'WMO315' | 'WMO317',
  referenties: readonly string[],
): void {
  const { key, clientId } = clientKey(scope, bsn);
  for (const referentie of referenties) {
    const verzoek: VerzoekRecord = {
      clientId,
      berichtType,
      antwoorden: [],
      toegewezen: false,
      identificatie: scope.identificatie,
    };
    scope.writes.hset(scope.keys.verzoeken(scope.g, scope.a), referentie, JSON.stringify(verzoek));
  }
  const pending = scope.snapshot.view.clients.get(bsn)?.pendingVerzoeken ?? [];
  scope.writes.hset(key, CLIENT_FIELDS.pending, JSON.stringify([...pending, ...referenties]));
  scope.writes.hincrby(key, CLIENT_FIELDS.version, 1);
}

/** WMO319: the answer is recorded; afgewezen (1) ends the pending state (TR374). */
function planAntwoord(message: ParsedMessage<'WMO319'>, scope: Scope): void {
  const { ReferentieAanbieder: referentie, VerzoekAntwoord: antwoord } = message.Antwoord;
  const verzoek = scope.snapshot.view.verzoeken.get(referentie);
  if (verzoek === undefined) {
    return;
  }
  const answered: VerzoekRecord = { ...verzoek, antwoorden: [...verzoek.antwoorden, antwoord] };
  scope.writes.hset(scope.keys.verzoeken(scope.g, scope.a), referentie, JSON.stringify(answered));
  if (antwoord === '1') {
    const client = scope.snapshot.verzoekClients.get(verzoek.clientId);
    const key = scope.keys.client(scope.g, scope.a, verzoek.clientId);
    const pending = (client?.pendingVerzoeken ?? []).filter((r) => r !== referentie);
    scope.writes.hset(key, CLIENT_FIELDS.pending, JSON.stringify(pending));
    scope.writes.hincrby(key, CLIENT_FIELDS.version, 1);
  }
}

/**
 * WMO323: the DeclaratieNummer and period are recorded when the declaration is processed; each
 * granted Prestatie updates the prestatie index, the open debets and the declared totals of its
 * toewijzing. Credits are applied before debets (OP366). Returns false when nothing is written.
 */
function planDeclaratie(
  message: ParsedMessage<'WMO323'>,
  scope: Scope,
  violations: readonly Violation[],
): boolean {
  const declaratie = message.Declaratie;
  const judgement = judgeDeclaratie(declaratie, violations);
  if (!judgement.processed) {
    return false;
  }
  const { g, a, keys, writes } = scope;
  const { view } = scope.snapshot;
  writes.sadd(keys.declaratieNummers(g, a), declaratie.DeclaratieNummer);
  const periode = declaratie.DeclaratiePeriode.Begindatum;
  const last = view.lastDeclaratiePeriode;
  writes.hset(
    keys.pair(g, a),
    PAIR_FIELDS.lastPeriode,
    last !== undefined && last > periode ? last : periode,
  );
  writes.hincrby(keys.pair(g, a), PAIR_FIELDS.version, 1);
  // The keys once, not per Prestatie: a declaration may hold 100,000 of them.
  const prestatieKey = keys.prestaties(g, a);
  const openDebetsKey = keys.openDebets(g, a);
  const declaredKey = keys.declared(g);
  const granted = declaratie.Clienten.flatMap((client) =>
    client.Prestaties.filter((p) => isGranted(judgement, client.position, p.position)),
  );
  const credits = granted.filter((p) => p.IngediendBedrag.DebetCredit === 'C');
  const debets = granted.filter((p) => p.IngediendBedrag.DebetCredit === 'D');
  const entry = (n: string, value: object): void =>
    writes.rpush(keys.toewijzingPrestaties(g, n), JSON.stringify(value));
  const open = new OpenDebetLists(view.openDebetsByToewijzing);
  for (const prestatie of credits) {
    const vorig = prestatie.ProductReferentie.VorigReferentieNummer ?? '';
    const debet = view.prestaties.get(vorig);
    if (debet?.debetCredit !== 'D') {
      continue; // TR323 refused it; never reached for a granted credit
    }
    const credit: CreditPrestatieRecord = {
      debetCredit: 'C',
      vorigReferentieNummer: vorig,
      declaratieNummer: declaratie.DeclaratieNummer,
    };
    writes.hset(prestatieKey, prestatie.ProductReferentie.ReferentieNummer, JSON.stringify(credit));
    writes.hset(prestatieKey, vorig, JSON.stringify({ ...debet, gecrediteerd: true }));
    writes.hincrby(openDebetsKey, safeField(debet.debetKey), -1);
    writes.hincrby(declaredKey, DECLARED_FIELDS.volume(debet.toewijzingNummer), -debet.volume);
    writes.hincrby(declaredKey, DECLARED_FIELDS.bedrag(debet.toewijzingNummer), -debet.bedrag);
    writes.hincrby(declaredKey, DECLARED_FIELDS.openDebets(debet.toewijzingNummer), -1);
    open.remove(debet.toewijzingNummer, vorig);
    entry(debet.toewijzingNummer, {
      referentieNummer: prestatie.ProductReferentie.ReferentieNummer,
      vorigReferentieNummer: vorig,
      debetCredit: 'C',
      productPeriode: prestatie.ProductPeriode,
      volume: -debet.volume,
      bedrag: -debet.bedrag,
      declaratieNummer: declaratie.DeclaratieNummer,
    });
  }
  for (const prestatie of debets) {
    const n = canonicalNummer(prestatie.ToewijzingNummer);
    const record: DebetPrestatieRecord = {
      debetCredit: 'D',
      toewijzingNummer: n,
      debetKey: debetKey(prestatie),
      volume: comparableVolume(prestatie.Eenheid, prestatie.GeleverdVolume),
      bedrag: prestatie.IngediendBedrag.Bedrag,
      gecrediteerd: false,
      declaratieNummer: declaratie.DeclaratieNummer,
    };
    writes.hset(prestatieKey, prestatie.ProductReferentie.ReferentieNummer, JSON.stringify(record));
    writes.hincrby(openDebetsKey, safeField(record.debetKey), 1);
    writes.hincrby(declaredKey, DECLARED_FIELDS.volume(n), record.volume);
    writes.hincrby(declaredKey, DECLARED_FIELDS.bedrag(n), record.bedrag);
    writes.hincrby(declaredKey, DECLARED_FIELDS.openDebets(n), 1);
    open.add(n, openDebetOf(prestatie, declaratie.DeclaratieNummer));
    entry(n, {
      referentieNummer: prestatie.ProductReferentie.ReferentieNummer,
      debetCredit: 'D',
      productPeriode: prestatie.ProductPeriode,
      volume: record.volume,
      bedrag: record.bedrag,
      declaratieNummer: declaratie.DeclaratieNummer,
    });
  }
  open.write(writes, keys.openDebetsByToewijzing(g, a));
  return true;
}

function openDebetOf(prestatie: Wmo323Prestatie, declaratieNummer: string): OpenDebetRecord {
  return {
    referentieNummer: prestatie.ProductReferentie.ReferentieNummer,
    declaratieNummer,
    productCategorie: prestatie.ProductCategorie,
    productCode: prestatie.ProductCode,
    eenheid: prestatie.Eenheid,
    begin: prestatie.ProductPeriode.Begindatum,
    end: prestatie.ProductPeriode.Einddatum,
    volume: prestatie.GeleverdVolume,
    bedrag: prestatie.IngediendBedrag.Bedrag,
  };
}

/**
 * The open debets per toewijzing as a WMO323 changes them: starts from the view's lists, applies
 * every granted Prestatie in order, and writes each changed list once (the field is deleted when
 * its list becomes empty). The lists are part of the pair's declaration state: the same decision
 * increments `dv`.
 */
class OpenDebetLists {
  readonly #lists = new Map<string, OpenDebetRecord[]>();
  readonly #view: ReadonlyMap<string, readonly OpenDebetRecord[]>;
  /** Lists a credit took a debet from (or tried to): only these may end up unchanged. */
  readonly #removed = new Set<string>();

  constructor(view: ReadonlyMap<string, readonly OpenDebetRecord[]>) {
    this.#view = view;
  }

  add(n: string, debet: OpenDebetRecord): void {
    this.#list(n).push(debet);
  }

  remove(n: string, referentieNummer: string): void {
    const list = this.#list(n);
    this.#removed.add(n);
    const index = list.findIndex((debet) => debet.referentieNummer === referentieNummer);
    if (index >= 0) {
      list.splice(index, 1);
    }
  }

  write(writes: WriteSet, key: string): void {
    for (const [n, list] of this.#lists) {
      const json = JSON.stringify(list);
      // A list only added to differs from the view's; one a credit touched may not.
      if (this.#removed.has(n) && json === JSON.stringify(this.#view.get(n) ?? [])) {
        continue; // unchanged, e.g. a credit of a debet granted before these lists were kept
      }
      if (list.length === 0) {
        writes.hdel(key, n);
      } else {
        writes.hset(key, n, json);
      }
    }
  }

  #list(n: string): OpenDebetRecord[] {
    let list = this.#lists.get(n);
    if (list === undefined) {
      list = [...(this.#view.get(n) ?? [])];
      this.#lists.set(n, list);
    }
    return list;
  }
}
