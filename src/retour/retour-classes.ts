import type { Violation } from '../validation/violation.js';
import type { RetourableHeenType } from './build-retour.js';

/**
 * The berichtklassen of each retour body (fact sheet §3.3, the retour XSDs): every class gets a
 * mandatory last child RetourCodes; containers (`ToegewezenProducten`, …) get none. Direct
 * children of classes and containers are in the message namespace; everything deeper belongs to
 * a basisschema CDT (`Geboortedatum/Datum`, `Product/Categorie`) and is in the basisschema
 * namespace.
 */
export interface RetourBodySpec {
  /** The root child: `Client`, or `Antwoord` for WMO320. */
  readonly root: string;
  readonly classes: ReadonlySet<string>;
  readonly containers: ReadonlySet<string>;
}

export const RETOUR_BODY_SPECS: Readonly<Record<RetourableHeenType, RetourBodySpec>> = {
  WMO301: {
    root: 'Client',
    classes: new Set(['Client', 'Relatie', 'Contact', 'ToegewezenProduct']),
    containers: new Set(['Relaties', 'Contactgegevens', 'ToegewezenProducten']),
  },
  WMO305: {
    root: 'Client',
    classes: new Set(['Client', 'StartProduct']),
    containers: new Set(['StartProducten']),
  },
  WMO307: {
    root: 'Client',
    classes: new Set(['Client', 'StopProduct']),
    containers: new Set(['StopProducten']),
  },
  WMO315: {
    root: 'Client',
    classes: new Set(['Client', 'AangevraagdProduct']),
    containers: new Set(['AangevraagdeProducten']),
  },
  WMO317: {
    root: 'Client',
    classes: new Set([
      'Client',
      'Verzoek',
      'OngewijzigdProduct',
      'TeWijzigenProduct',
      'NieuwProduct',
    ]),
    containers: new Set(['OngewijzigdeProducten', 'TeWijzigenProducten', 'NieuweProducten']),
  },
  WMO319: { root: 'Antwoord', classes: new Set(['Antwoord']), containers: new Set() },
};

export const HEADER_PATH = '/Bericht/Header';

/** Whether a violation is about the Header (e.g. TR056): the retour is then header-only. */
export function isHeaderViolation(violation: Violation): boolean {
  return violation.location === HEADER_PATH || violation.location.startsWith(`${HEADER_PATH}/`);
}

/**
 * The XPath of the class a location falls in: the location cut after its deepest class step,
 * e.g. `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum` →
 * `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]`. Undefined outside every class.
 */
export function classPathOf(location: string, classes: ReadonlySet<string>): string | undefined {
  const steps = location.split('/');
  let deepest = -1;
  steps.forEach((step, index) => {
    const name = step.replace(/\[\d+\]$/, '');
    if (classes.has(name)) {
      deepest = index;
    }
  });
  return deepest < 0 ? undefined : steps.slice(0, deepest + 1).join('/');
}

/** Retour codes per class path, in the order the violations report them, without repeats. */
export function codesPerClass(
  violations: readonly Violation[],
  classes: ReadonlySet<string>,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const violation of violations) {
    const path = classPathOf(violation.location, classes);
    if (path === undefined) {
      continue;
    }
    const codes = result.get(path) ?? [];
    if (!codes.includes(violation.retourCode)) {
      codes.push(violation.retourCode);
    }
    result.set(path, codes);
  }
  return result;
}

/** The distinct codes of a list of violations, in order. */
export function distinctCodes(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map((violation) => violation.retourCode))];
}
