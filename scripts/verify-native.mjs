// Runs after `npm ci` / `npm install`: fails the install loudly when an XML binding is unusable,
// e.g. when npm skipped libxmljs2's install script (npm 11 may block install scripts that are
// not allowed in package.json "allowScripts").
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const problems = [];
try {
  const libxmljs = require('libxmljs2');
  libxmljs.parseXml('<ok/>');
} catch (error) {
  problems.push(
    `libxmljs2 native addon is not usable (${error.message}). ` +
      'Its install script must run: check "allowScripts" in package.json and run `npm rebuild libxmljs2`.',
  );
}
try {
  const { XmlDocument } = await import('libxml2-wasm');
  XmlDocument.fromString('<ok/>').dispose();
} catch (error) {
  problems.push(`libxml2-wasm is not usable (${error.message}).`);
}
if (problems.length > 0) {
  console.error(`\n[verify-native] ${problems.join('\n[verify-native] ')}\n`);
  process.exit(1);
}
