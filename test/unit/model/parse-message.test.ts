import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseMessage, type Wmo323Message } from '../../../src/model/index.js';
import { ijwToIwmo } from '../../helpers/rules-ijw.js';
import { listRuleSamples, RULE_SAMPLES_DIR } from '../../helpers/rules-samples.js';
import { SHARED_DIR } from '../../helpers/shared-reference.js';

const sample = (relative: string): string => readFileSync(join(RULE_SAMPLES_DIR, relative), 'utf8');

/** Every key of an object graph whose value is `undefined` (exactOptionalPropertyTypes). */
function undefinedKeys(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [`${path}/${key}`] : undefinedKeys(child, `${path}/${key}`),
  );
}

describe('parseMessage', () => {
  describe('when given every sample', () => {
    it('builds a model with the sample type, a header and no undefined properties', () => {
      for (const s of listRuleSamples().samples) {
        const msg = parseMessage(s.type, readFileSync(s.file, 'utf8'));
        expect(msg.type, s.relativePath).toBe(s.type);
        expect(msg.header.BerichtVersie, s.relativePath).toBe('3');
        expect(undefinedKeys(msg), s.relativePath).toEqual([]);
      }
    });
  });

  describe('when reading a WMO323', () => {
    const msg = parseMessage('WMO323', sample('WMO323/invalid/TR315.xml')) as Wmo323Message;

    it('keeps amounts as integer eurocents and dates as calendar date strings', () => {
      const [client] = msg.Declaratie.Clienten;
      const [first] = client?.Prestaties ?? [];
      expect(msg.Declaratie.TotaalIngediendBedrag).toEqual({
        TotaalBedrag: 10000,
        DebetCredit: 'C',
      });
      expect(first).toMatchObject({
        position: 1,
        GeleverdVolume: 4,
        ProductTarief: 1250,
        IngediendBedrag: { Bedrag: 5000, DebetCredit: 'C' },
        ProductPeriode: { Begindatum: '2026-03-01', Einddatum: '2026-03-31' },
        ProductReferentie: { ReferentieNummer: 'RN-0001', VorigReferentieNummer: 'RN-2025-01' },
      });
      expect(client?.Prestaties.map((p) => p.position)).toEqual([1, 2]);
    });
  });

  describe('when a repeated element occurs once', () => {
    it('still gives an array, and leaves an absent optional container undefined', () => {
      const msg = parseMessage('WMO301', sample('WMO301/invalid/CS002.xml'));
      expect(msg.type).toBe('WMO301');
      if (msg.type !== 'WMO301') {
        return;
      }
      expect(msg.Client.ToegewezenProducten).toHaveLength(1);
      expect(msg.Client.Contactgegevens[0]?.position).toBe(1);
      expect('Relaties' in msg.Client).toBe(false);
      expect(msg.Client.ToegewezenProducten[0]).toMatchObject({
        Omvang: { Volume: 4, Eenheid: '04', Frequentie: '2' },
      });
    });
  });

  describe('when reading a WMO325', () => {
    it('reads its own header and RetourCodes on every class', () => {
      const msg = parseMessage('WMO325', sample('WMO325/invalid/TR342.xml'));
      expect(msg.type).toBe('WMO325');
      if (msg.type !== 'WMO325') {
        return;
      }
      expect(msg.header).toMatchObject({
        BerichtCode: '485',
        DeclaratieIdentificatie: { Identificatie: 'T323-0001', Dagtekening: '2026-04-06' },
        XsltVersie: '2.10.5',
        RetourCodes: ['0200'],
      });
      expect(msg.DeclaratieAntwoord?.RetourCodes).toEqual(['0200']);
      expect(msg.DeclaratieAntwoord?.Clienten?.[0]?.RetourCodes).toEqual(['0200']);
      expect(msg.DeclaratieAntwoord?.Clienten?.[0]?.Prestaties[0]?.RetourCodes).toEqual(['9339']);
    });
  });

  describe('when reading a retour', () => {
    const WMO306 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo306:Bericht xmlns:wmo306="http://www.istandaarden.nl/iwmo/3_2/wmo306/schema" xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">
  <wmo306:Header>
    <wmo306:BerichtCode>419</wmo306:BerichtCode><wmo306:BerichtVersie>3</wmo306:BerichtVersie><wmo306:BerichtSubversie>2</wmo306:BerichtSubversie>
    <wmo306:Afzender>87654321</wmo306:Afzender><wmo306:Ontvanger>0363</wmo306:Ontvanger>
    <wmo306:BerichtIdentificatie><iwmo:Identificatie>T305-0001</iwmo:Identificatie><iwmo:Dagtekening>2026-03-06</iwmo:Dagtekening></wmo306:BerichtIdentificatie>
    <wmo306:XsdVersie><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></wmo306:XsdVersie>
    <wmo306:IdentificatieRetour>R306-0001</wmo306:IdentificatieRetour><wmo306:DagtekeningRetour>2026-03-07</wmo306:DagtekeningRetour>
    <wmo306:XsdVersieRetour><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></wmo306:XsdVersieRetour>
    <wmo306:RetourCodes><wmo306:RetourCode>0200</wmo306:RetourCode></wmo306:RetourCodes>
  </wmo306:Header>
  <wmo306:Client>
    <wmo306:Bsn>999990019</wmo306:Bsn><wmo306:Geboortedatum><iwmo:Datum>1955-04-12</iwmo:Datum></wmo306:Geboortedatum>
    <wmo306:Geslacht>1</wmo306:Geslacht><wmo306:Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>Test</iwmo:Achternaam></iwmo:Geslachtsnaam></wmo306:Naam>
    <wmo306:StartProducten>
      <wmo306:StartProduct><wmo306:ToewijzingNummer>5001</wmo306:ToewijzingNummer><wmo306:Begindatum>2026-03-03</wmo306:Begindatum><wmo306:StatusAanlevering>3</wmo306:StatusAanlevering>
        <wmo306:RetourCodes><wmo306:RetourCode>9063</wmo306:RetourCode><wmo306:RetourCode>9019</wmo306:RetourCode></wmo306:RetourCodes></wmo306:StartProduct>
    </wmo306:StartProducten>
    <wmo306:RetourCodes><wmo306:RetourCode>0200</wmo306:RetourCode></wmo306:RetourCodes>
  </wmo306:Client>
</wmo306:Bericht>`;

    it('reads the retour header and the RetourCodes of each class', () => {
      const msg = parseMessage('WMO306', WMO306);
      expect(msg.type).toBe('WMO306');
      if (msg.type !== 'WMO306') {
        return;
      }
      expect(msg.header).toMatchObject({
        BerichtCode: '419',
        IdentificatieRetour: 'R306-0001',
        DagtekeningRetour: '2026-03-07',
        RetourCodes: ['0200'],
      });
      expect('XsltVersie' in msg.header).toBe(false);
      expect(msg.Client?.RetourCodes).toEqual(['0200']);
      expect(msg.Client?.StartProducten[0]).toMatchObject({
        position: 1,
        StatusAanlevering: '3',
        RetourCodes: ['9063', '9019'],
      });
    });

    it('accepts a retour that is only a header', () => {
      const headerOnly = WMO306.replace(/<wmo306:Client>[\s\S]*<\/wmo306:Client>/, '');
      const msg = parseMessage('WMO306', headerOnly);
      expect('Client' in msg).toBe(false);
    });
  });

  describe.skipIf(!existsSync(join(SHARED_DIR, 'reference/iwmo/ijw-3.2/voorbeeldberichten')))(
    'when reading iJw retour examples mapped onto iWmo',
    () => {
      const ijw = (name: string): string =>
        ijwToIwmo(
          readFileSync(join(SHARED_DIR, 'reference/iwmo/ijw-3.2/voorbeeldberichten', name), 'utf8'),
        );

      it('reads the AangevraagdProduct RetourCodes of JW316 and the Antwoord of JW320', () => {
        const wmo316 = parseMessage('WMO316', ijw('JW316.xml'));
        expect(
          wmo316.type === 'WMO316' && wmo316.Client?.AangevraagdeProducten[0]?.RetourCodes.length,
        ).toBeGreaterThan(0);
        const wmo320 = parseMessage('WMO320', ijw('JW320.xml'));
        expect(wmo320.type === 'WMO320' && wmo320.Antwoord?.RetourCodes).toEqual(['9360']);
      });
    },
  );
});
