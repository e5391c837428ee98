import { describe, expect, it } from 'vitest';

import {
  list,
  node,
  opt,
  optInt,
  optNode,
  req,
  reqInt,
  textList,
} from '../../../src/model/tree-access.js';
import type { XmlTree } from '../../../src/model/xml-tree.js';

const tree: XmlTree = {
  Tekst: 'waarde',
  Getal: '+007',
  Fout: '12.5',
  Klasse: { Kind: 'x' },
  Lijst: [{ A: '1' }, { A: '2' }],
  Teksten: ['0200', '8001'],
  Gemengd: ['tekst', { A: '1' }],
};

describe('tree access', () => {
  describe('when the structure matches', () => {
    it('reads text, integers, classes and lists', () => {
      expect(req(tree, 'Tekst')).toBe('waarde');
      expect(opt(tree, 'Ontbreekt')).toBeUndefined();
      expect(reqInt(tree, 'Getal')).toBe(7);
      expect(optInt(tree, 'Ontbreekt')).toBeUndefined();
      expect(node(tree, 'Klasse')).toEqual({ Kind: 'x' });
      expect(optNode(tree, 'Ontbreekt')).toBeUndefined();
      expect(list(tree, 'Klasse')).toEqual([{ Kind: 'x' }]);
      expect(list(tree, 'Lijst')).toHaveLength(2);
      expect(list(tree, 'Ontbreekt')).toEqual([]);
      expect(textList(tree, 'Tekst')).toEqual(['waarde']);
      expect(textList(tree, 'Teksten')).toEqual(['0200', '8001']);
      expect(textList(tree, 'Ontbreekt')).toEqual([]);
    });
  });

  describe('when the structure does not match the schema (a gateway bug)', () => {
    it.each([
      ['a missing mandatory element', () => req(tree, 'Ontbreekt')],
      ['a class read as text', () => req(tree, 'Klasse')],
      ['a class read as optional text', () => opt(tree, 'Klasse')],
      ['a non-integer', () => reqInt(tree, 'Fout')],
      ['a missing class', () => node(tree, 'Ontbreekt')],
      ['text read as a class', () => node(tree, 'Tekst')],
      ['a list read as one class', () => node(tree, 'Lijst')],
      ['text read as a list of classes', () => list(tree, 'Tekst')],
      ['mixed items in a list of classes', () => list(tree, 'Gemengd')],
      ['a class read as a list of texts', () => textList(tree, 'Klasse')],
      ['mixed items in a list of texts', () => textList(tree, 'Gemengd')],
    ])('throws on %s', (_what, read) => {
      expect(read).toThrow(/element/);
    });
  });
});
