import type { ContractVersion } from '../contract/index.js';

/**
 * The decision record of a WMO323 (issue #5): for every Prestatie, what the gateway checked it
 * against — the toewijzing, the start and stop of the aid, the contract version, the price and
 * the indexation — so an operator can explain every refusal to a supplier. Stored with the
 * decision (`MessageResult.decisionRecord`) and shown by `GET /v1/messages/{id}`; returned by
 * the dry run `POST /v1/declarations/check`. Holds no personal data: no BSN, no name.
 */
export interface DecisionRecord {
  /** The Dutch calendar date the message was judged on (level 4 "today"). */
  readonly judgedOn: string;
  /** The contracts of the message's gemeente in the snapshot the message was judged with. */
  readonly contractVersions: readonly ContractVersion[];
  readonly prestaties: readonly PrestatieDecision[];
}

/** What one Prestatie was checked against, and what came of it. */
export interface PrestatieDecision {
  /** XPath of the Prestatie, e.g. `/Bericht/Client[2]/Prestatie[1]`. */
  readonly location: string;
  readonly referentieNummer: string;
  readonly debetCredit: 'D' | 'C';
  readonly toewijzingNummer: string;
  readonly productCategorie: string;
  readonly productCode?: string;
  readonly eenheid: string;
  /** ProductPeriode. */
  readonly begin: string;
  readonly end: string;
  /** IngediendBedrag in eurocents (positive; `debetCredit` tells the sign). */
  readonly ingediendBedrag: number;
  readonly outcome: 'granted' | 'refused';
  /** The rules that refused the Prestatie and their retour codes (empty when granted). */
  readonly ruleIds: readonly string[];
  readonly retourCodes: readonly string[];
  /** The actual toewijzing the Prestatie was declared on, when the register knows it. */
  readonly allocation?: AllocationBasis;
  /** The start (WMO305) of the aid or care behind the Prestatie, when reported. */
  readonly start?: { readonly begindatum: string; readonly identificatie: string };
  /** The stop (WMO307) of that start, when reported. */
  readonly stop?: {
    readonly einddatum: string;
    readonly redenBeeindiging: string;
    readonly identificatie: string;
  };
  /** The contract terms applied, when a contract governs the line. */
  readonly contract?: ContractBasis;
  /** Remarks that reject nothing, e.g. `price-by-quote` (categories 7, 13, 16). */
  readonly flags: readonly string[];
}

export interface AllocationBasis {
  /** The gateway id of the WMO301 that carried the actual version. */
  readonly messageId: string;
  readonly identificatie: string;
  readonly ingangsdatum: string;
  readonly einddatum?: string;
  readonly productCategorie?: string;
  readonly productCode?: string;
  /** Budget in eurocents, when allocated as a budget. */
  readonly budget?: number;
}

export interface ContractBasis {
  readonly version: ContractVersion;
  /** The contract's own category label (`1`, `2c`, `16`, `rijles`). */
  readonly category: string;
  readonly supplierRank: number;
  /** What the line is under the contract. */
  readonly kind: 'delivery' | 'maintenance' | 'unit' | 'by-quote' | 'euro-amount';
  /** The base-year price the contract sets (eurocents), when it sets one. */
  readonly basePrice?: number;
  /** That price indexed to `priceYear` (eurocents): the price the line must match. */
  readonly indexedPrice?: number;
  readonly priceYear?: number;
  /** The contract's base year and the percentages applied after it, e.g. `[{2027: 3.1}]`. */
  readonly indexation?: { readonly baseYear: number; readonly applied: readonly IndexStep[] };
  /** Maintenance: the billable months by the 15th-of-the-month rule (`last` open when out). */
  readonly billableMonths?: { readonly first: string; readonly last?: string };
  /** The last day the line could be invoiced on time. */
  readonly invoiceDeadline?: string;
}

export interface IndexStep {
  readonly year: number;
  readonly percent: number;
}
