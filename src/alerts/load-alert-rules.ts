import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { GatewayError } from '../errors/index.js';
import { type AlertRule, ALERTS_FILE_SCHEMA, DEFAULT_ALERT_RULES } from './alert-rules.js';

/**
 * The alert rules: the ALERTS_FILE (JSON) when set, else the built-in defaults. An unreadable or
 * invalid file throws GW_ERR_CONFIG_INVALID listing every problem with its path.
 */
export function loadAlertRules(file: string | undefined): readonly AlertRule[] {
  if (file === undefined) {
    return parseAlertRules(DEFAULT_ALERT_RULES, 'the built-in alert rules');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (caught) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message: `cannot read the alerts file ${file}: ${caught instanceof Error ? caught.message : String(caught)}`,
      cause: caught,
    });
  }
  return parseAlertRules(raw, `alerts file ${file}`);
}

/** Validates parsed JSON as an alerts file. */
export function parseAlertRules(raw: unknown, what: string): readonly AlertRule[] {
  const parsed = ALERTS_FILE_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    throw new GatewayError('GW_ERR_CONFIG_INVALID', {
      message: `invalid ${what}:\n${z.prettifyError(parsed.error)}`,
    });
  }
  return Object.freeze(parsed.data.rules.map((rule) => Object.freeze(rule)));
}
