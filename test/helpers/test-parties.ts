import { newApiKey, type PartiesInput } from '../../src/parties/index.js';

/** API keys of the test clients, and the matching parties file entries. */
export function testClients() {
  const supplier = newApiKey('supplier');
  const gemeente = newApiKey('gemeente');
  const broker = newApiKey('broker');
  const operator = newApiKey('operator');
  const clients: PartiesInput['clients'] = [
    { id: 'supplier', role: 'party', codes: ['12345678'], secretHash: supplier.secretHash },
    { id: 'gemeente', role: 'party', codes: ['0363'], secretHash: gemeente.secretHash },
    { id: 'broker', role: 'party', codes: ['0363', '0384'], secretHash: broker.secretHash },
    { id: 'operator', role: 'operator', secretHash: operator.secretHash },
  ];
  return {
    clients,
    keys: {
      supplier: supplier.apiKey,
      gemeente: gemeente.apiKey,
      broker: broker.apiKey,
      operator: operator.apiKey,
    },
  };
}
