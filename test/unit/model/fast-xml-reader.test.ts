import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readXmlTree, UnsupportedXmlError } from '../../../src/model/fast-xml-reader.js';
import { parseXmlTreeDecoded } from '../../../src/model/xml-tree.js';
import { listRuleSamples } from '../../helpers/rules-samples.js';

const RETOUR_SAMPLES = join(import.meta.dirname, '../../../samples/retours');

/** Plain JSON shape, so prototype differences do not matter. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('readXmlTree', () => {
  describe('when reading the project samples', () => {
    const files = [
      ...listRuleSamples().samples.map((sample) => sample.file),
      ...readdirSync(RETOUR_SAMPLES)
        .filter((name) => name.endsWith('.xml'))
        .map((name) => join(RETOUR_SAMPLES, name)),
    ];

    it('builds the same tree as fast-xml-parser for every one of them', () => {
      expect(files.length).toBeGreaterThan(100);
      for (const file of files) {
        const xml = readFileSync(file, 'utf8');
        expect(plain(readXmlTree(xml)), file).toEqual(plain(parseXmlTreeDecoded(xml)));
      }
    });
  });

  describe('when a document uses the less common XML features', () => {
    it('strips prefixes, ignores attributes, comments and processing instructions', () => {
      const xml =
        '\uFEFF<?xml version="1.0"?><!-- c --><p:A xmlns:p="urn:x" b=">"><?pi x?><p:B q=\'a>b\'>1</p:B><C/><!-- d --></p:A>';
      expect(readXmlTree(xml)).toEqual({ A: { B: '1', C: '' } });
    });

    it('decodes predefined entities and character references, and keeps CDATA literal', () => {
      const xml =
        '<A><B>Jansen &amp; Zn &lt;3&gt; &#233;&#xE9; &quot;&apos;</B><C><![CDATA[a &amp; <b>]]></C></A>';
      expect(readXmlTree(xml)).toEqual({ A: { B: 'Jansen & Zn <3> éé "\'', C: 'a &amp; <b>' } });
    });

    it('trims XML whitespace only and normalises line ends', () => {
      const xml = '<A><B>\r\n  regel 1\r\nregel 2\rregel 3\u00a0 \n</B></A>';
      expect(readXmlTree(xml)).toEqual({ A: { B: 'regel 1\nregel 2\nregel 3\u00a0' } });
    });

    it('collects repeated siblings into an array in document order', () => {
      expect(readXmlTree('<A><B>1</B><C>x</C><B>2</B><B>3</B></A>')).toEqual({
        A: { B: ['1', '2', '3'], C: 'x' },
      });
    });
  });

  describe('when a document needs the general parser', () => {
    it.each([
      ['a DOCTYPE', '<!DOCTYPE A [<!ENTITY e "x">]><A>&e;</A>'],
      ['an unknown entity', '<A>&nbsp;</A>'],
      ['an unclosed element', '<A><B>1</B>'],
      ['a prototype key as element name', '<A><__proto__>1</__proto__></A>'],
    ])('gives up on %s', (_what, xml) => {
      expect(() => readXmlTree(xml)).toThrow(UnsupportedXmlError);
    });
  });
});
