import { comparableVolume, type ToewijzingVersion } from '../../../domain/register/index.js';
import {
  calendarMonths,
  calendarWeeks,
  dayNumber,
  daysBetween,
  isSunday,
  sundayOnOrBefore,
  sundaysBetween,
} from './dates-extra.js';

/**
 * The most that may be declared against a toewijzing with an Omvang (TR321, TR322), after
 * IV076–IV078. Results are in comparable units (`comparableVolume`: minutes for time units);
 * undefined means "no limit the gateway can compute" (no Omvang, an open end for a per-period
 * frequency, an unknown Frequentie).
 */

/** Output-oriented units (IV076 "outputgerichte toewijzing"): stuks (output) and euro's. */
function isOutput(eenheid: string): boolean {
  return eenheid === '82' || eenheid === '83';
}

/** The Omvang of a toewijzing as a comparable volume per unit of its Frequentie. */
function unitVolume(toewijzing: ToewijzingVersion): number | undefined {
  const omvang = toewijzing.omvang;
  return omvang === undefined ? undefined : comparableVolume(omvang.eenheid, omvang.volume);
}

/** TR321: the maximum for one ProductPeriode [begin, end] (clipped to the toewijzing). */
export function maxVolumeForPeriod(
  toewijzing: ToewijzingVersion,
  begin: string,
  end: string,
): number | undefined {
  const perUnit = unitVolume(toewijzing);
  const omvang = toewijzing.omvang;
  if (perUnit === undefined || omvang === undefined) {
    return undefined;
  }
  const b = begin > toewijzing.ingangsdatum ? begin : toewijzing.ingangsdatum;
  const einde = toewijzing.einddatum;
  const e = einde !== undefined && einde < end ? einde : end;
  if (e < b) {
    return undefined; // outside the toewijzing: TR307/TR308 report it
  }
  switch (omvang.frequentie) {
    case '1':
      return perUnit * daysBetween(b, e);
    case '2':
      return perUnit * weeksInPeriod(toewijzing, omvang.eenheid, b, e);
    case '4':
    case '6':
      // Per maand: the whole monthly volume, also for a broken month (IV078 example 2).
      // TBGT: never more than the total in one Prestatie; TR322 checks the sum.
      return perUnit;
    default:
      return undefined;
  }
}

function weeksInPeriod(
  toewijzing: ToewijzingVersion,
  eenheid: string,
  b: string,
  e: string,
): number {
  if (!isOutput(eenheid)) {
    // Inspanning: calendar weeks touched; hulp bij het huishouden always 6 weeks (IV077).
    return toewijzing.product?.categorie === '01' ? 6 : calendarWeeks(b, e);
  }
  // Output: Sundays in the period, plus the broken last week when the toewijzing does not end on
  // a Sunday and its last Sunday falls in this period (IV076, IV077).
  let weeks = sundaysBetween(b, e);
  const einde = toewijzing.einddatum;
  if (einde !== undefined && !isSunday(einde)) {
    const lastSunday = sundayOnOrBefore(einde);
    if (lastSunday >= dayNumber(b) && lastSunday <= dayNumber(e)) {
      weeks += 1;
    }
  }
  return weeks;
}

/** TR322: the maximum over the whole toewijzing period. */
export function maxVolumeForToewijzing(toewijzing: ToewijzingVersion): number | undefined {
  const perUnit = unitVolume(toewijzing);
  const omvang = toewijzing.omvang;
  if (perUnit === undefined || omvang === undefined) {
    return undefined;
  }
  if (omvang.frequentie === '6') {
    return perUnit;
  }
  const { ingangsdatum: b, einddatum: e } = toewijzing;
  if (e === undefined || e < b) {
    return undefined;
  }
  switch (omvang.frequentie) {
    case '1':
      return perUnit * daysBetween(b, e);
    case '2':
      return (
        perUnit *
        (isOutput(omvang.eenheid)
          ? sundaysBetween(b, e) + (isSunday(e) ? 0 : 1)
          : calendarWeeks(b, e))
      );
    case '4':
      return perUnit * calendarMonths(b, e);
    default:
      return undefined;
  }
}
