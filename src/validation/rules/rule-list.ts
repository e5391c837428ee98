import { CD005 } from './cd005.js';
import { CD007 } from './cd007.js';
import { CD009 } from './cd009.js';
import { CD025 } from './cd025.js';
import { CD034 } from './cd034.js';
import { CD041 } from './cd041.js';
import { CD043 } from './cd043.js';
import { CD060 } from './cd060.js';
import { CD066 } from './cd066.js';
import { CD067 } from './cd067.js';
import { CD068 } from './cd068.js';
import { CD075 } from './cd075.js';
import { CD076 } from './cd076.js';
import { CD077 } from './cd077.js';
import { CD078 } from './cd078.js';
import { CD079 } from './cd079.js';
import { CD080 } from './cd080.js';
import { CD085 } from './cd085.js';
import { CD086 } from './cd086.js';
import { CD087 } from './cd087.js';
import { CD095 } from './cd095.js';
import { CD096 } from './cd096.js';
import { CS002 } from './cs002.js';
import { CS003 } from './cs003.js';
import { CS015 } from './cs015.js';
import { CS025 } from './cs025.js';
import { CS050 } from './cs050.js';
import { CS058 } from './cs058.js';
import { CS089 } from './cs089.js';
import { CS100 } from './cs100.js';
import { CS139 } from './cs139.js';
import { CS318 } from './cs318.js';
import { CS319 } from './cs319.js';
import { CS325 } from './cs325.js';
import { CS335 } from './cs335.js';
import { CS336 } from './cs336.js';
import { CS337 } from './cs337.js';
import { CS338 } from './cs338.js';
import { CS339 } from './cs339.js';
import { CS340 } from './cs340.js';
import { CS343 } from './cs343.js';
import type { Rule } from './define-rule.js';
import { TR002 } from './tr002.js';
import { TR006 } from './tr006.js';
import { TR018 } from './tr018.js';
import { TR061 } from './tr061.js';
import { TR101 } from './tr101.js';
import { TR134 } from './tr134.js';
import { TR137 } from './tr137.js';
import { TR302 } from './tr302.js';
import { TR315 } from './tr315.js';
import { TR316 } from './tr316.js';
import { TR319 } from './tr319.js';
import { TR335 } from './tr335.js';
import { TR342 } from './tr342.js';
import { TR352 } from './tr352.js';
import { TR353 } from './tr353.js';
import { TR358 } from './tr358.js';
import { TR380 } from './tr380.js';
import { TR383 } from './tr383.js';
import { TR386 } from './tr386.js';
import { TR410 } from './tr410.js';
import { TR416 } from './tr416.js';

/**
 * Every registered rule, as an explicit static list (STYLE §C13): no directory scanning. Adding a
 * rule means adding its file, a line here and a row in docs/rules.md; the registry test checks
 * all three.
 */
export const RULES: readonly Rule[] = Object.freeze([
  TR002,
  TR006,
  TR018,
  TR061,
  TR101,
  TR134,
  TR137,
  TR302,
  TR315,
  TR316,
  TR319,
  TR335,
  TR342,
  TR352,
  TR353,
  TR358,
  TR380,
  TR383,
  TR386,
  TR410,
  TR416,
  CD005,
  CD007,
  CD009,
  CD025,
  CD034,
  CD041,
  CD043,
  CD060,
  CD066,
  CD067,
  CD068,
  CD075,
  CD076,
  CD077,
  CD078,
  CD079,
  CD080,
  CD085,
  CD086,
  CD087,
  CD095,
  CD096,
  CS002,
  CS003,
  CS015,
  CS025,
  CS050,
  CS058,
  CS089,
  CS100,
  CS139,
  CS318,
  CS319,
  CS325,
  CS335,
  CS336,
  CS337,
  CS338,
  CS339,
  CS340,
  CS343,
]);
