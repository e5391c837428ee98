import type { ContractSet } from '../contract/index.js';
import type { RegisterView, ToewijzingVersion } from '../domain/register/index.js';
import type { ParsedMessage, Wmo323Client, Wmo323Prestatie } from '../model/index.js';
import { declaratieScopeOf, prestatieKey } from '../retour/judge-declaratie.js';
import { contractFlags } from './contract-flags.js';
import type {
  AllocationBasis,
  ContractBasis,
  DecisionRecord,
  PrestatieDecision,
} from './decision-record.js';
import {
  type ContractLineFacts,
  contractLineFacts,
  lineRegisterFacts,
} from './rules/support/contract-line-facts.js';
import { gemeenteOf, prestatieXPath } from './rules/support/external-sources.js';
import type { Violation } from './violation.js';

/** What a WMO323 was judged with, besides the message itself. */
export interface DecisionInputs {
  /** The register view levels 3 and 4 read (loaded before the rules ran). */
  readonly view: RegisterView;
  /** The contract snapshot level 4 judged the message with; absent when level 4 did not run. */
  readonly contracts?: ContractSet | undefined;
  /** The Dutch calendar date the message was judged on. */
  readonly today: string;
  /** Every violation of levels 3 and 4 (levels 1–2 reject before a record is made). */
  readonly violations: readonly Violation[];
}

interface Refusal {
  readonly ruleIds: string[];
  readonly retourCodes: string[];
}

/**
 * The decision record of a WMO323 (issue #5, docs/contracts.md "Decision record"): for every
 * Prestatie, debet and credit, granted and refused, what it was checked against. A pure function
 * of the message, the register view, the contract snapshot and the violations, so the worker and
 * the dry run (POST /v1/declarations/check) build the same record. Linear in the Prestaties.
 *
 * Which Prestaties are refused follows the WMO325 (fact sheet §7.2): an error in the Header or in
 * class Declaratie refuses all of them, an error in a Client all of that client's, an error in a
 * Prestatie that one. The codes listed per Prestatie are those that refuse it.
 */
export function buildDecisionRecord(
  msg: ParsedMessage<'WMO323'>,
  inputs: DecisionInputs,
): DecisionRecord {
  const refusals = groupViolations(inputs.violations);
  const flags = flagsByLocation(msg, inputs.contracts);
  const prestaties: PrestatieDecision[] = [];
  for (const client of msg.Declaratie.Clienten) {
    for (const prestatie of client.Prestaties) {
      prestaties.push(decisionOf(msg, client, prestatie, inputs, refusals, flags));
    }
  }
  return {
    judgedOn: inputs.today,
    contractVersions: inputs.contracts?.versionsFor(gemeenteOf(msg).code) ?? [],
    prestaties,
  };
}

/**
 * The record of one Prestatie. Built field by field (no spreads: a declaration may hold 100,000
 * lines); the fields are set in the order the JSON shows them.
 */
function decisionOf(
  msg: ParsedMessage<'WMO323'>,
  client: Wmo323Client,
  prestatie: Wmo323Prestatie,
  inputs: DecisionInputs,
  refusals: ReturnType<typeof groupViolations>,
  flags: ReadonlyMap<string, string[]>,
): PrestatieDecision {
  const location = prestatieXPath(msg, client, prestatie);
  const refusal = refusals.of(client.position, prestatie.position);
  // Credits are not judged against the contract (IV085): contractLineFacts leaves them out.
  const facts =
    inputs.contracts === undefined
      ? undefined
      : contractLineFacts(msg, client, prestatie, {
          contracts: inputs.contracts,
          register: inputs.view,
        });
  // The facts hold the line's register facts already (the same view), else they are read here.
  const { toewijzing, start, stop } =
    facts?.register ?? lineRegisterFacts(msg, client, prestatie, inputs.view);
  // `flags` comes last in the JSON, so it is set last.
  const decision: Writable<Omit<PrestatieDecision, 'flags'>> & { flags?: readonly string[] } = {
    location,
    referentieNummer: prestatie.ProductReferentie.ReferentieNummer,
    debetCredit: prestatie.IngediendBedrag.DebetCredit,
    toewijzingNummer: prestatie.ToewijzingNummer,
    productCategorie: prestatie.ProductCategorie,
    productCode: prestatie.ProductCode,
    eenheid: prestatie.Eenheid,
    begin: prestatie.ProductPeriode.Begindatum,
    end: prestatie.ProductPeriode.Einddatum,
    ingediendBedrag: prestatie.IngediendBedrag.Bedrag,
    outcome: refusal === undefined ? 'granted' : 'refused',
    ruleIds: refusal === undefined ? [] : [...refusal.ruleIds],
    retourCodes: refusal === undefined ? [] : [...refusal.retourCodes],
  };
  if (toewijzing !== undefined) {
    decision.allocation = allocationBasis(toewijzing);
  }
  if (start !== undefined) {
    decision.start = { begindatum: start.begindatum, identificatie: start.identificatie };
  }
  if (stop !== undefined) {
    decision.stop = {
      einddatum: stop.einddatum,
      redenBeeindiging: stop.redenBeeindiging,
      identificatie: stop.identificatie,
    };
  }
  if (facts !== undefined) {
    decision.contract = contractBasis(facts);
  }
  decision.flags = flags.get(location) ?? [];
  return decision as PrestatieDecision;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The violations grouped by what they refuse: everything, one Client, one Prestatie. */
function groupViolations(violations: readonly Violation[]) {
  const all: Refusal = { ruleIds: [], retourCodes: [] };
  const perClient = new Map<number, Refusal>();
  const perPrestatie = new Map<string, Refusal>();
  const add = (refusal: Refusal, violation: Violation): void => {
    if (!refusal.ruleIds.includes(violation.ruleId)) {
      refusal.ruleIds.push(violation.ruleId);
    }
    if (!refusal.retourCodes.includes(violation.retourCode)) {
      refusal.retourCodes.push(violation.retourCode);
    }
  };
  const entry = <K>(map: Map<K, Refusal>, key: K): Refusal => {
    let refusal = map.get(key);
    if (refusal === undefined) {
      refusal = { ruleIds: [], retourCodes: [] };
      map.set(key, refusal);
    }
    return refusal;
  };
  for (const violation of violations) {
    const scope = declaratieScopeOf(violation);
    if (scope.kind === 'header' || scope.kind === 'declaratie') {
      add(all, violation);
    } else if (scope.kind === 'client') {
      add(entry(perClient, scope.client), violation);
    } else {
      add(entry(perPrestatie, prestatieKey(scope.client, scope.prestatie)), violation);
    }
  }
  return {
    /** The rules that refuse the Prestatie, or undefined when it is granted. */
    of(clientPosition: number, prestatiePosition: number): Refusal | undefined {
      const client = perClient.size === 0 ? undefined : perClient.get(clientPosition);
      const prestatie =
        perPrestatie.size === 0
          ? undefined
          : perPrestatie.get(prestatieKey(clientPosition, prestatiePosition));
      // A client's or a Prestatie's entry always holds a rule; `all` may be empty.
      const whole = all.ruleIds.length > 0 ? all : undefined;
      const parts = [whole, client, prestatie].filter(
        (refusal): refusal is Refusal => refusal !== undefined,
      );
      if (parts.length <= 1) {
        return parts[0];
      }
      return {
        ruleIds: [...new Set(parts.flatMap((refusal) => refusal.ruleIds))],
        retourCodes: [...new Set(parts.flatMap((refusal) => refusal.retourCodes))],
      };
    },
  };
}

function flagsByLocation(
  msg: ParsedMessage<'WMO323'>,
  contracts: ContractSet | undefined,
): Map<string, string[]> {
  const byLocation = new Map<string, string[]>();
  if (contracts === undefined) {
    return byLocation;
  }
  for (const flag of contractFlags(msg, contracts)) {
    const list = byLocation.get(flag.location) ?? [];
    if (!list.includes(flag.kind)) {
      list.push(flag.kind);
    }
    byLocation.set(flag.location, list);
  }
  return byLocation;
}

function allocationBasis(toewijzing: ToewijzingVersion): AllocationBasis {
  return {
    messageId: toewijzing.messageId,
    identificatie: toewijzing.identificatie,
    ingangsdatum: toewijzing.ingangsdatum,
    ...(toewijzing.einddatum === undefined ? {} : { einddatum: toewijzing.einddatum }),
    ...(toewijzing.product === undefined
      ? {}
      : {
          productCategorie: toewijzing.product.categorie,
          ...(toewijzing.product.code === undefined
            ? {}
            : { productCode: toewijzing.product.code }),
        }),
    ...(toewijzing.budget === undefined ? {} : { budget: toewijzing.budget }),
  };
}

/** The contract terms applied to a debet line, as the contract rules judged it (GW-C04…). */
function contractBasis(facts: ContractLineFacts): ContractBasis {
  const { price } = facts;
  const months = facts.billableMonths;
  return {
    version: facts.contract.version,
    category: facts.product.category,
    supplierRank: facts.supplier.rank,
    kind: facts.kind,
    ...(price === undefined
      ? {}
      : {
          basePrice: price.baseCents,
          indexedPrice: price.cents,
          priceYear: price.year,
          ...(price.indexation === undefined ? {} : { indexation: price.indexation }),
        }),
    ...(months === undefined
      ? {}
      : {
          billableMonths: {
            first: months.first,
            ...(months.last === undefined ? {} : { last: months.last }),
          },
        }),
    ...(facts.invoiceDeadline === undefined ? {} : { invoiceDeadline: facts.invoiceDeadline }),
  };
}
