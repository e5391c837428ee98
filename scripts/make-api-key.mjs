// Prints a new API key for a client and the hash to put in the parties file:
//   npm run make-api-key -- <clientId>
import { createHash, randomBytes } from 'node:crypto';

const clientId = process.argv[2];
if (!clientId || !/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) {
  console.error('usage: npm run make-api-key -- <clientId>   (letters, digits, _ and -)');
  process.exit(2);
}
const secret = randomBytes(32).toString('base64url');
const secretHash = `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
console.log(`API key (give to the client, store nowhere else): ${clientId}.${secret}`);
console.log(`parties file entry: "id": "${clientId}", "secretHash": "${secretHash}"`);
