import type { HeenMessageType, RetourMessageType } from '../../src/domain/message-types.js';

/**
 * Turns a heen message into the full-copy retour the receiver would send when rejecting on a
 * level-3 rule (fact sheet §3.3, §7.1): the retour's namespace and BerichtCode, the retour header
 * fields after XsdVersie, and `RetourCodes` (0200, or the given code) as last child of every
 * berichtklasse. For model tests; the result is valid against the retour XSD.
 */
interface RetourSpec {
  readonly retour: RetourMessageType;
  readonly berichtCode: string;
  readonly classes: readonly string[];
}

const RETOURS: Readonly<Partial<Record<HeenMessageType, RetourSpec>>> = {
  WMO301: {
    retour: 'WMO302',
    berichtCode: '415',
    classes: ['Contact', 'Relatie', 'ToegewezenProduct', 'Client'],
  },
  WMO305: { retour: 'WMO306', berichtCode: '419', classes: ['StartProduct', 'Client'] },
  WMO307: { retour: 'WMO308', berichtCode: '421', classes: ['StopProduct', 'Client'] },
  WMO315: { retour: 'WMO316', berichtCode: '445', classes: ['AangevraagdProduct', 'Client'] },
  WMO317: {
    retour: 'WMO318',
    berichtCode: '481',
    classes: ['OngewijzigdProduct', 'TeWijzigenProduct', 'NieuwProduct', 'Verzoek', 'Client'],
  },
  WMO319: { retour: 'WMO320', berichtCode: '483', classes: ['Antwoord'] },
};

export function retourTypeOf(heen: HeenMessageType): RetourMessageType | undefined {
  return RETOURS[heen]?.retour;
}

export function heenToRetour(heen: HeenMessageType, xml: string, code = '0200'): string {
  const spec = RETOURS[heen];
  if (spec === undefined) {
    throw new Error(`${heen} has no retour message`);
  }
  const from = heen.slice(3);
  const to = spec.retour.slice(3);
  const p = `wmo${to}`;
  let result = xml
    .replaceAll(`wmo${from}:`, `${p}:`)
    .replaceAll(`xmlns:wmo${from}=`, `xmlns:${p}=`)
    .replaceAll(`iwmo/3_2/wmo${from}/schema`, `iwmo/3_2/${p}/schema`)
    .replace(/(<[a-z0-9]+:BerichtCode>)\d{3}(<)/, `$1${spec.berichtCode}$2`);
  const retourCodes = `<${p}:RetourCodes><${p}:RetourCode>${code}</${p}:RetourCode></${p}:RetourCodes>`;
  for (const klasse of spec.classes) {
    result = result.replaceAll(`</${p}:${klasse}>`, `${retourCodes}</${p}:${klasse}>`);
  }
  const headerExtra =
    `<${p}:IdentificatieRetour>R-UNIT-0001</${p}:IdentificatieRetour>` +
    `<${p}:DagtekeningRetour>2026-11-02</${p}:DagtekeningRetour>` +
    `<${p}:XsdVersieRetour><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>` +
    `<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></${p}:XsdVersieRetour>` +
    `<${p}:RetourCodes><${p}:RetourCode>0200</${p}:RetourCode></${p}:RetourCodes>`;
  return result.replace(`</${p}:XsdVersie>`, `</${p}:XsdVersie>${headerExtra}`);
}
