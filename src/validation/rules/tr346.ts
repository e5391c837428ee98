import { tariffTerm } from '../../contract/index.js';
import type { ParsedMessage, Wmo323Prestatie } from '../../model/index.js';
import { defineRule, type ExternalSourceContext, type Finding } from './define-rule.js';
import {
  contractLineOf,
  forEachPrestatie,
  prestatieXPath,
  TR_EXTERNAL_SOURCE,
} from './support/external-sources.js';

/**
 * The hourly tariff behind a line declared in minutes, when a contract prices the product per
 * hour (IV081); otherwise undefined.
 */
function contractHourTariff(
  msg: ParsedMessage<'WMO323'>,
  prestatie: Wmo323Prestatie,
  { contracts }: ExternalSourceContext,
): number | undefined {
  const resolution = contracts.resolve(contractLineOf(msg, prestatie));
  if (resolution.kind !== 'contracted') {
    return undefined;
  }
  const { contract, supplier, product } = resolution;
  const term = tariffTerm(contract, supplier, product, '01', prestatie.ProductPeriode.Begindatum);
  return term.kind === 'tariff' ? term.hourCents : undefined;
}

/**
 * IngediendBedrag = GeleverdVolume × ProductTarief for every unit but euros. A line in minutes
 * (Eenheid 01) of a product the contract prices per hour is computed as IV081 prescribes:
 * uurtarief × minutes / 60, rounded half up to the cent (not volume × the rounded minute
 * tariff). Lines in euros (83) must have IngediendBedrag = GeleverdVolume, which CS339 already
 * checks on level 2; it is re-verified here. Credits are judged too: the arithmetic holds for
 * both signs.
 */
export const TR346 = defineRule({
  id: 'TR346',
  appliesTo: ['WMO323'],
  level: 4,
  retourCode: '9346',
  description:
    'Indien Eenheid ongelijk is aan waarde 83 (Euro’s), moet IngediendBedrag gelijk zijn aan GeleverdVolume vermenigvuldigd met ProductTarief',
  source: TR_EXTERNAL_SOURCE,
  check(msg, ctx) {
    const findings: Finding[] = [];
    forEachPrestatie(msg, (prestatie, client) => {
      let expected: number;
      if (prestatie.Eenheid === '83') {
        expected = prestatie.GeleverdVolume;
      } else if (prestatie.ProductTarief === undefined) {
        return; // CD087 (level 2) requires a ProductTarief.
      } else {
        const hour =
          prestatie.Eenheid === '01' ? contractHourTariff(msg, prestatie, ctx) : undefined;
        expected =
          hour === undefined
            ? prestatie.GeleverdVolume * prestatie.ProductTarief
            : Math.floor((hour * prestatie.GeleverdVolume + 30) / 60);
      }
      if (prestatie.IngediendBedrag.Bedrag !== expected) {
        findings.push({
          location: `${prestatieXPath(msg, client, prestatie)}/IngediendBedrag/Bedrag`,
          detail: `IngediendBedrag ${prestatie.IngediendBedrag.Bedrag} is niet ${expected}`,
        });
      }
    });
    return findings;
  },
});
