/**
 * Paths pino censors (STYLE §F25). The gateway never logs XML bodies or personal data on
 * purpose; these paths are the safety net for mistakes, e.g. an object passed whole.
 */
export const REDACT_PATHS: readonly string[] = [
  'xml',
  'body',
  'payload',
  'bsn',
  'Bsn',
  '*.xml',
  '*.body',
  '*.payload',
  '*.bsn',
  '*.Bsn',
  '*.Naam',
  '*.naam',
  '*.Geboortedatum',
  '*.Adres',
  '*.Telefoon',
  '*.Emailadres',
  'input.*',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.body',
];

export const REDACTION_CENSOR = '[redacted]';

const NINE_DIGITS = /(?<![0-9])[0-9]{9}(?![0-9])/g;

/**
 * Masks anything that looks like a BSN (nine digits in a row) in free text such as an XSD error
 * message, which can quote element values.
 */
export function maskBsnLike(text: string): string {
  return text.replace(NINE_DIGITS, '*********');
}
