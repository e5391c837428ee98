import type { MessageType } from '../message-types.js';
import { MESSAGE_CATALOGUE } from '../message-types.js';
import type { ToewijzingVersion } from './records.js';

/** Product as the message model carries it (CDT_Product). */
export interface MessageProduct {
  readonly Categorie: string;
  readonly Code?: string;
}

/**
 * Identities the register is keyed on, derived the same way by the rules (which read the view)
 * and by `src/register/` (which writes it). Pure functions of message values.
 */

const SEPARATOR = '\u0001';
const ABSENT = '\u0000';

function tuple(values: readonly (string | undefined)[]): string {
  return values.map((value) => value ?? ABSENT).join(SEPARATOR);
}

/** LDT_Nummer is an xs:integer: `007`, `+7` and `7` are the same ToewijzingNummer. */
export function canonicalNummer(nummer: string): string {
  const value = Number(nummer);
  return Number.isSafeInteger(value) ? String(value) : nummer.trim();
}

/** The gemeente (CBS code) and aanbieder (AGB code) of a heen message, whoever sends it. */
export interface MessageParties {
  readonly gemeente: string;
  readonly aanbieder: string;
}

export function messageParties(
  type: MessageType,
  header: { readonly Afzender: string; readonly Ontvanger: string },
): MessageParties {
  return MESSAGE_CATALOGUE[type].afzender === 'gemeente'
    ? { gemeente: header.Afzender, aanbieder: header.Ontvanger }
    : { gemeente: header.Ontvanger, aanbieder: header.Afzender };
}

/** Start/stop data is grouped per ToewijzingNummer, or per product without one (IV096). */
export function leveringGroupKey(
  toewijzingNummer: string | undefined,
  product?: MessageProduct,
): string {
  return toewijzingNummer === undefined
    ? `p${SEPARATOR}${tuple([product?.Categorie, product?.Code])}`
    : `n${SEPARATOR}${canonicalNummer(toewijzingNummer)}`;
}

/** Logical key of a StartProduct, copied unchanged into its stops (§3.7, IV008, TR382). */
export function startKey(
  toewijzingNummer: string | undefined,
  product: MessageProduct | undefined,
  begindatum: string,
): string {
  return tuple([
    toewijzingNummer === undefined ? undefined : canonicalNummer(toewijzingNummer),
    product?.Categorie,
    product?.Code,
    begindatum,
  ]);
}

/** ProductPeriode + ProductCategorie + ProductCode + ToewijzingNummer of a debet (TR389). */
export function debetKey(prestatie: {
  readonly ToewijzingNummer: string;
  readonly ProductCategorie: string;
  readonly ProductCode: string;
  readonly ProductPeriode: { readonly Begindatum: string; readonly Einddatum: string };
}): string {
  return tuple([
    canonicalNummer(prestatie.ToewijzingNummer),
    prestatie.ProductPeriode.Begindatum,
    prestatie.ProductPeriode.Einddatum,
    prestatie.ProductCategorie,
    prestatie.ProductCode,
  ]);
}

/** Deleted: Einddatum = Ingangsdatum with RedenWijziging 13 (or the retired 01) (OP087, TR302). */
export function isVerwijderd(toewijzing: ToewijzingVersion): boolean {
  return (
    (toewijzing.redenWijziging === '13' || toewijzing.redenWijziging === '01') &&
    toewijzing.einddatum === toewijzing.ingangsdatum
  );
}

/**
 * Actual on `peildatum` (TR349–TR351, OP087): not deleted, and valid on or after that day (no
 * Einddatum, or an Einddatum on or after it; a toewijzing that starts later is actual too).
 */
export function isActueel(toewijzing: ToewijzingVersion, peildatum: string): boolean {
  return (
    !isVerwijderd(toewijzing) &&
    (toewijzing.einddatum === undefined || toewijzing.einddatum >= peildatum)
  );
}

/**
 * Whether `candidate` replaces `current` as the actual version: the later Toewijzingsdatum +
 * Toewijzingstijd wins (IV013); a resend with the same moment replaces it too.
 */
export function supersedes(
  candidate: Pick<ToewijzingVersion, 'toewijzingsdatum' | 'toewijzingstijd'>,
  current: Pick<ToewijzingVersion, 'toewijzingsdatum' | 'toewijzingstijd'> | undefined,
): boolean {
  if (current === undefined) {
    return true;
  }
  const a = `${candidate.toewijzingsdatum}T${candidate.toewijzingstijd}`;
  const b = `${current.toewijzingsdatum}T${current.toewijzingstijd}`;
  return a >= b;
}

/** A verzoek is pending until a WMO319 afgewezen (1) or a WMO301 with its reference (TR374). */
export function isPending(verzoek: {
  readonly antwoorden: readonly string[];
  readonly toegewezen: boolean;
}): boolean {
  return !verzoek.toegewezen && !verzoek.antwoorden.includes('1');
}
