import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the shared reference material lives: `../shared` next to the project root (see
 * `../shared/README.md`). It holds the official iWmo 3.2 XSDs, the derived retour XSDs and the
 * example messages. Tests that need it must be reported as skipped when it is absent, never
 * silently passed.
 */
export const SHARED_DIR = resolve(process.cwd(), '../shared');

/** The reference folders the conformance suite reads. */
export const SHARED_REFERENCE = {
  /** Official iWmo 3.2 basisschema and the seven heen XSDs. */
  officialXsdDir: resolve(SHARED_DIR, 'reference/iwmo/3.2/xsd'),
  /** iWmo 3.2 retour XSDs (302…320, 325) derived from iJw 3.2 (fact sheet §3.6); not official. */
  derivedRetourXsdDir: resolve(SHARED_DIR, 'reference/iwmo/3.2/xsd-derived-retour'),
  /** Community-made iWmo 3.2 heen examples, one per heen message (`WMO301.xml` …). */
  iwmoExamplesDir: resolve(SHARED_DIR, 'reference/iwmo/3.2/voorbeeldberichten'),
  /** iJw 3.2 examples (`JW302.xml` …); usable for iWmo after the §3.6 mapping. */
  ijwExamplesDir: resolve(SHARED_DIR, 'reference/iwmo/ijw-3.2/voorbeeldberichten'),
  /** Derived machine-readable iWmo 3.2 code lists (fact sheet §5.1), incl. the 249 LandCodes. */
  codeListsFile: resolve(SHARED_DIR, 'reference/iwmo/3.2/codelijsten/codelijsten-iwmo-3.2.json'),
} as const;

/** True when every folder and file the conformance suite needs is present. */
export function isSharedReferencePresent(): boolean {
  return Object.values(SHARED_REFERENCE).every((dir) => existsSync(dir));
}

/** The sentence a skipped suite shows, so a missing `../shared` is visible in the report. */
export const SHARED_REFERENCE_MISSING_REASON = `skipped: shared reference material not found at ${SHARED_DIR} (needs reference/iwmo/3.2/xsd, xsd-derived-retour and the voorbeeldberichten)`;
