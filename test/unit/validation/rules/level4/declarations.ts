import type { Wmo323Message, Wmo323Prestatie } from '../../../../../src/model/index.js';
import { client323, prestatie, wmo323 } from '../../../../helpers/rules-messages.js';

/**
 * WMO323 builders for the contract rules: by default supplier 12345678 declares to Hilversum
 * (0402) under the sample Gooi en Vechtstreek contract (samples/contracts).
 */

/** A delivery of a wheelchair (category 1, 11A01) on 2026-01-12 at the 2026 price. */
export function line(overrides: Partial<Wmo323Prestatie> = {}): Wmo323Prestatie {
  const base = prestatie({
    ProductCategorie: '11',
    ProductCode: '11A01',
    ProductPeriode: { Begindatum: '2026-01-12', Einddatum: '2026-01-12' },
    GeleverdVolume: 1,
    Eenheid: '82',
    ProductTarief: 69_967,
    IngediendBedrag: { Bedrag: 69_967, DebetCredit: 'D' },
    ...overrides,
  });
  return base;
}

/** A line whose IngediendBedrag is volume × tariff (TR346 holds). */
export function priced(
  code: string,
  categorie: string,
  tarief: number,
  periode: { readonly Begindatum: string; readonly Einddatum: string },
  overrides: Partial<Wmo323Prestatie> = {},
): Wmo323Prestatie {
  const volume = overrides.GeleverdVolume ?? 1;
  return line({
    ProductCode: code,
    ProductCategorie: categorie,
    ProductPeriode: periode,
    ProductTarief: tarief,
    IngediendBedrag: { Bedrag: volume * tarief, DebetCredit: 'D' },
    ...overrides,
  });
}

/** One day. */
export function on(date: string): { readonly Begindatum: string; readonly Einddatum: string } {
  return { Begindatum: date, Einddatum: date };
}

export function from(
  begin: string,
  end: string,
): { readonly Begindatum: string; readonly Einddatum: string } {
  return { Begindatum: begin, Einddatum: end };
}

export interface DeclarationOptions {
  readonly gemeente?: string;
  readonly supplier?: string;
  readonly dagtekening?: string;
  readonly declaratieDagtekening?: string;
}

/** A WMO323 of one client with these lines; the total matches them. */
export function declaration(
  lines: readonly Wmo323Prestatie[],
  options: DeclarationOptions = {},
): Wmo323Message {
  const msg = wmo323([client323(lines)], {
    dagtekening: options.dagtekening ?? '2026-07-01',
    ...(options.declaratieDagtekening === undefined
      ? {}
      : { declaratieDagtekening: options.declaratieDagtekening }),
  });
  return {
    ...msg,
    header: {
      ...msg.header,
      Afzender: options.supplier ?? '12345678',
      Ontvanger: options.gemeente ?? '0402',
    },
  };
}
