import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'vitest';

import type { MessageType } from '../../../src/domain/message-types.js';
import {
  buildDi01,
  type GgkEnvelopeInput,
  renderDocument,
  SOAP11_NAMESPACE,
  soapEnvelope,
  type SoapVersion,
  type StufHeen,
} from '../../../src/stuf/index.js';

/**
 * Shared test data for the StUF-GGk transport: a gemeente (0363) sends a WMO301 through the GGk
 * to an aanbieder (12345678), whose gateway receives it. Synthetic values only.
 */
export const STUF_SAMPLES_DIR = join(import.meta.dirname, '../../../samples/stuf');
export const IWMO_SAMPLES_DIR = join(import.meta.dirname, '../../../samples/iwmo/3.2');

export const HEEN: StufHeen = {
  zender: { organisatie: '0363', applicatie: 'Wmo Applicatie' },
  ontvanger: { organisatie: '12345678', applicatie: 'GGk' },
  referentienummer: '3f2b8c1e-7d4a-4b9e-9c1d-2a6f8e0b5c47',
  tijdstipBericht: '20261102101500',
  functie: 'WMO301',
  applicatieVersie: '0004',
  applicatieSubversie: '0003',
  functieVersie: '0003',
  functieSubversie: '0002',
};

/** A Di01 as a sender would build it: the fixture's stuurgegevens around `payload`. */
export function di01Input(
  payload: string | Uint8Array,
  overrides: Partial<StufHeen> = {},
): GgkEnvelopeInput {
  const heen = { ...HEEN, ...overrides };
  return {
    zender: heen.zender,
    ontvanger: heen.ontvanger,
    uitgaand: { referentienummer: heen.referentienummer, tijdstipBericht: heen.tijdstipBericht },
    functie: heen.functie,
    applicatie: { versie: heen.applicatieVersie, subversie: heen.applicatieSubversie },
    functieVersie: { versie: heen.functieVersie, subversie: heen.functieSubversie },
    xmlBestand: typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload,
  };
}

/** A SOAP request carrying a Di01 around `payload`. */
export function di01Request(
  payload: string | Uint8Array,
  overrides: Partial<StufHeen> = {},
  version: SoapVersion = '1.1',
): string {
  return renderDocument(soapEnvelope(version, buildDi01(di01Input(payload, overrides))));
}

/** Wraps an already rendered message (e.g. an official example) in a SOAP 1.1 envelope. */
export function inSoap11(messageXml: string): string {
  const inner = messageXml.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${SOAP11_NAMESPACE}">
<soap:Body>
${inner}
</soap:Body>
</soap:Envelope>
`;
}

/** The first valid sample of a message type in samples/iwmo/3.2. */
export function iwmoSample(type: MessageType): string {
  const dir = join(IWMO_SAMPLES_DIR, type, 'valid');
  const first = readdirSync(dir)
    .filter((n) => n.endsWith('.xml'))
    .sort()[0];
  if (first === undefined) {
    throw new Error(`no sample in ${dir}`);
  }
  return readFileSync(join(dir, first), 'utf8');
}

/** Compares with the golden file in samples/stuf; UPDATE_GOLDEN=1 rewrites it (review the diff!). */
export function expectStufGolden(name: string, xml: string): void {
  const file = join(STUF_SAMPLES_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    writeFileSync(file, xml);
  }
  expect(xml).toBe(readFileSync(file, 'utf8'));
}
