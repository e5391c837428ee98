const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for element content and attribute values. Characters XML 1.0 forbids (C0 controls
 * other than tab, LF and CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so a hostile value in
 * an error message can never make the answer ill-formed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
