import { validSample } from './sample-messages.js';

/**
 * A valid WMO301 with `products` allocations of category 14 (aids: exempt from the overlap rules),
 * each with its own ToewijzingNummer; about 430 bytes per product.
 */
export function largeAllocation(products: number): string {
  const xml = validSample('WMO301');
  const open = xml.indexOf('<wmo301:ToegewezenProducten>') + '<wmo301:ToegewezenProducten>'.length;
  const close = xml.indexOf('</wmo301:ToegewezenProducten>');
  const parts: string[] = [];
  for (let i = 0; i < products; i += 1) {
    parts.push(`
      <wmo301:ToegewezenProduct>
        <wmo301:ToewijzingNummer>${700000 + i}</wmo301:ToewijzingNummer>
        <wmo301:Product><iwmo:Categorie>14</iwmo:Categorie></wmo301:Product>
        <wmo301:Toewijzingsdatum>2026-03-02</wmo301:Toewijzingsdatum>
        <wmo301:Toewijzingstijd>09:15:00</wmo301:Toewijzingstijd>
        <wmo301:Ingangsdatum>2026-03-09</wmo301:Ingangsdatum>
        <wmo301:Einddatum>2026-12-31</wmo301:Einddatum>
        <wmo301:Budget>${1000 + (i % 500)}</wmo301:Budget>
      </wmo301:ToegewezenProduct>`);
  }
  return `${xml.slice(0, open)}${parts.join('')}\n    ${xml.slice(close)}`;
}
