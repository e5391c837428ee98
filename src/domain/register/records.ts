/**
 * What the register keeps of accepted traffic (issue #4), per gemeente and aanbieder. Records are
 * stored as JSON in Redis by `src/register/`; this module only defines their shape. A client is
 * never stored by BSN: `clientId` is a keyed HMAC of the BSN (see docs/operations.md).
 *
 * Terminology: toewijzing = allocation (WMO301), levering = delivery reported with start (WMO305)
 * and stop (WMO307), verzoek = request (WMO315 VOT, WMO317 VOW), declaratie = declaration (WMO323).
 */

export interface ProductRef {
  readonly categorie: string;
  readonly code?: string;
}

export interface OmvangRef {
  readonly volume: number;
  readonly eenheid: string;
  readonly frequentie: string;
}

/**
 * One version of a ToegewezenProduct as a WMO301 carried it. The version with the latest
 * Toewijzingsdatum + Toewijzingstijd is the actual one (IV013, OP033x1).
 */
export interface ToewijzingVersion {
  /** ToewijzingNummer in canonical integer form (`007` → `7`). */
  readonly toewijzingNummer: string;
  readonly aanbieder: string;
  readonly clientId: string;
  readonly toewijzingsdatum: string;
  readonly toewijzingstijd: string;
  readonly ingangsdatum: string;
  readonly einddatum?: string;
  readonly redenWijziging?: string;
  readonly product?: ProductRef;
  readonly omvang?: OmvangRef;
  /** Eurocents. */
  readonly budget?: number;
  readonly referentieAanbieder?: string;
  /** BerichtIdentificatie/Identificatie of the WMO301 that carried this version. */
  readonly identificatie: string;
  /** The gateway's id of that message. */
  readonly messageId: string;
}

/** A stop (WMO307 StopProduct) of one start. */
export interface StopRecord {
  readonly redenBeeindiging: string;
  readonly einddatum: string;
  /** Deleted by a later StopProduct with StatusAanlevering 3. */
  readonly deleted: boolean;
  readonly identificatie: string;
}

/** A start (WMO305 StartProduct) with the stops that refer to it. */
export interface StartRecord {
  /** The logical key (ToewijzingNummer, Product, Begindatum; fact sheet §3.7, IV008). */
  readonly key: string;
  readonly toewijzingNummer?: string;
  readonly product?: ProductRef;
  readonly begindatum: string;
  /** Deleted by a later StartProduct with StatusAanlevering 3. */
  readonly deleted: boolean;
  readonly stops: readonly StopRecord[];
  readonly identificatie: string;
}

/**
 * The starts of one toegewezen product of a client: everything reported for one ToewijzingNummer,
 * or for one product when there is no ToewijzingNummer (taakgericht, IV096).
 */
export interface LeveringGroup {
  readonly starts: readonly StartRecord[];
}

/** A VOT product or VOW, keyed by its ReferentieAanbieder. */
export interface VerzoekRecord {
  readonly clientId: string;
  readonly berichtType: 'WMO315' | 'WMO317';
  /** VerzoekAntwoord of every WMO319 on this reference, in order (1 afgewezen, 2 in onderzoek). */
  readonly antwoorden: readonly string[];
  /** A WMO301 has honoured the request (its ToegewezenProduct carried the reference). */
  readonly toegewezen: boolean;
  readonly identificatie: string;
}

/** An approved debet Prestatie. */
export interface DebetPrestatieRecord {
  readonly debetCredit: 'D';
  readonly toewijzingNummer: string;
  /** ProductPeriode + ProductCategorie + ProductCode + ToewijzingNummer (TR389). */
  readonly debetKey: string;
  /** GeleverdVolume in comparable units (see {@link comparableVolume}). */
  readonly volume: number;
  /** IngediendBedrag in eurocents. */
  readonly bedrag: number;
  /** An approved credit refers to it (TR390, OP360). */
  readonly gecrediteerd: boolean;
  readonly declaratieNummer: string;
}

/**
 * An approved debet Prestatie that no credit has cancelled yet, as the contract rules need it
 * (issue #5): one delivery per toewijzing, maintenance never twice for one month. Kept per
 * toewijzing; a granted credit removes its debet.
 */
export interface OpenDebetRecord {
  readonly referentieNummer: string;
  readonly declaratieNummer: string;
  readonly productCategorie: string;
  readonly productCode?: string;
  /** WMO020 Eenheid of the line (e.g. 82 stuks for a delivery, 83 euro for maintenance). */
  readonly eenheid: string;
  /** ProductPeriode Begindatum and Einddatum. */
  readonly begin: string;
  readonly end: string;
  /** GeleverdVolume as declared. */
  readonly volume: number;
  /** IngediendBedrag in eurocents. */
  readonly bedrag: number;
}

/** An approved credit Prestatie. */
export interface CreditPrestatieRecord {
  readonly debetCredit: 'C';
  /** ReferentieNummer of the debet it credits. */
  readonly vorigReferentieNummer: string;
  readonly declaratieNummer: string;
}

export type PrestatieRecord = DebetPrestatieRecord | CreditPrestatieRecord;

/** What has been declared (and granted) against one toewijzing, net of credits. */
export interface DeclaredTotals {
  /** Σ volume in comparable units (debet − credit). */
  readonly volume: number;
  /** Σ IngediendBedrag in eurocents (debet − credit). */
  readonly bedrag: number;
  /** Approved debet Prestaties not credited yet (TR385). */
  readonly openDebets: number;
}

/**
 * GeleverdVolume in a unit that makes minutes and hours comparable (TR341 allows minutes
 * against an hourly toewijzing): time (Eenheid 01 minuut, 04 uur) counts in minutes, every other
 * Eenheid counts as is.
 */
export function comparableVolume(eenheid: string, volume: number): number {
  return eenheid === '04' ? volume * 60 : volume;
}
