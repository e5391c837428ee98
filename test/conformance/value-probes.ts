/**
 * Replacement values for one simple-typed element, chosen from the shape of its current value.
 * They aim at every facet kind of the basisschema (fact sheet §4): lengths around each maxLength
 * in use, the patterns (digits only, no timezone, no line breaks, letters only, n.n.n), integer
 * ranges and lexical forms, and enumerations (values inside and outside the code lists). The
 * probe lists do not look at any schema, so they judge both schema sets the same way.
 */

/** Every maxLength in the basisschema is one of these (RS008…RS028 and the code lists). */
const MAX_LENGTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 20, 24, 25, 35, 36, 64, 80, 200];

/** Integer bounds in use (RS001…RS040) and the values just past them. */
const INTEGER_BOUNDS = [
  '0',
  '99',
  '100',
  '99999',
  '100000',
  '99999999',
  '100000000',
  '999999999',
  '1000000000',
  '999999999999',
  '1000000000000',
];

/**
 * Codes next to the code lists, by length: values just outside them, iJw-only codes (fact sheet
 * §9.2), iWmo 2.x codes (§2.3, §5.2) and every BerichtCode (§2.1, §2.2). The code lists
 * themselves are probed in full when the current value belongs to them (see `valueProbes`).
 */
const CODES_BY_LENGTH: Readonly<Record<number, readonly string[]>> = {
  1: ['0', '5', '7', '8', 'A', 'C', 'D', 'X', 'c'],
  2: ['00', '15', '19', '26', '27', '31', '32', '40', '45', '55', '99', 'ab', 'XX', 'nl', 'A1'],
  3: [
    ...['414', '415', '418', '419', '420', '421', '444', '445', '480', '481', '482', '483'],
    ...['484', '485', '436', '437', '446', '490', '491', '416', '417', '448', '449', '000', 'ABC'],
  ],
  4: ['0001', '0002', '0200', '8002', '9416', '9999', 'S330', 'CC11', 's300', '0363'],
};

const DATE = /^-?\d{4,}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}(\.\d+)?$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const DIGITS = /^\d+$/;
const CODE = /^[0-9A-Z]{1,4}$/;

/** The values of each iWmo code list (fact sheet §5.1), e.g. all 249 LandCodes. */
export type CodeLists = readonly (readonly string[])[];

/**
 * Probes for one leaf. When the current value belongs to one or more code lists, every value of
 * those lists is probed as well, so a missing or extra enumeration value cannot go unnoticed.
 */
export function valueProbes(value: string, codeLists: CodeLists = []): string[] {
  const probes = ['', ' ', '\n', ` ${value} `, `${value}\n`, `${value}X`, `X${value}`, `${value}0`];
  if (DATE.test(value)) {
    probes.push(...dateProbes(value));
  } else if (TIME.test(value)) {
    probes.push(...timeProbes(value));
  } else if (VERSION.test(value)) {
    probes.push(...['01.0.0', '1.0', '1.0.0.0', '10.20.30', '1.a.0', '0.0.0', '1.0.0-1']);
  } else {
    if (CODE.test(value)) {
      probes.push(...(CODES_BY_LENGTH[value.length] ?? []));
    }
    for (const list of codeLists) {
      if (list.includes(value)) {
        probes.push(...list);
      }
    }
    if (DIGITS.test(value)) {
      probes.push(...integerProbes(value));
    } else {
      probes.push(...lengthProbes(), ...textProbes());
    }
  }
  return [...new Set(probes)].filter((probe) => probe !== value);
}

function dateProbes(value: string): string[] {
  return [
    `${value}Z`,
    `${value}+01:00`,
    `${value}-05:00`,
    `${value}T00:00:00`,
    '2023-02-29',
    '2024-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '26-01-01',
    '01-01-2026',
    '2026/01/01',
    '0000-01-01',
    '-0001-01-01',
    '12026-01-01',
    '1900-01-01',
  ];
}

function timeProbes(value: string): string[] {
  return [
    `${value}Z`,
    `${value}+01:00`,
    `${value}-01:00`,
    `${value}.5`,
    '24:00:00',
    '23:59:60',
    '25:00:00',
    '12:34',
    '1:2:3',
    '00:00:00',
  ];
}

/**
 * Integer ranges and lexical forms. Digit strings of 4 or more characters are usually
 * identifiers typed as patterned strings (BSN, AGB, gemeente, Identificatie), so they also get
 * digit strings at and one past every maxLength.
 */
function integerProbes(value: string): string[] {
  const digitLengths =
    value.length >= 4 ? MAX_LENGTHS.flatMap((n) => ['9'.repeat(n), '9'.repeat(n + 1)]) : [];
  return [
    ...INTEGER_BOUNDS,
    '-1',
    '-0',
    `+${value}`,
    `0${value}`,
    `00${value}`,
    `${value}.0`,
    `${value}.5`,
    '1e3',
    `${value.slice(0, -1)}O`,
    '１２',
    ...digitLengths,
  ];
}

/** Texts exactly at and one past every maxLength (digit strings get `integerProbes`). */
function lengthProbes(): string[] {
  return MAX_LENGTHS.flatMap((n) => ['a'.repeat(n), 'a'.repeat(n + 1)]);
}

/** Texts aimed at the string patterns (`.*[^\s].*`, Commentaar, Voorletters, digits-only). */
function textProbes(): string[] {
  return [
    'a\nb',
    'a\r\nb',
    '\n a \n',
    'a\tb',
    '\t',
    '  \n  ',
    ' a',
    'a.b',
    'A B',
    'É',
    'Éö',
    'ÀỳZ',
    'ỹ',
    'ß',
    '\u00a0',
    '&amp;',
    'a&#10;b',
    '1-2',
  ];
}
