import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Loads one export of a project module that may not exist yet (work in progress elsewhere in the
 * tree). The specifier is built at run time so that the type checker does not depend on it.
 * Returns the reason instead when the module or the export is missing or fails to load.
 */
export async function optionalExport<T>(
  relativeToBench: string,
  name: string,
  isExpected: (value: unknown) => value is T,
): Promise<{ value: T } | { missing: string }> {
  const url = new URL(relativeToBench, import.meta.url);
  const shown = relativeToBench.replace(/^\.\.\//, '');
  if (!existsSync(fileURLToPath(url).replace(/\.js$/, '.ts'))) {
    return { missing: `${shown} does not exist` };
  }
  let module: Record<string, unknown>;
  try {
    module = (await import(url.href)) as Record<string, unknown>;
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
    return { missing: `cannot load ${shown}: ${reason}` };
  }
  const value = module[name];
  return isExpected(value) ? { value } : { missing: `${shown} does not export ${name}` };
}

/** A type guard for "some function": the benchmarks call it with the documented arguments. */
export function isFunction<F extends (...args: never[]) => unknown>(value: unknown): value is F {
  return typeof value === 'function';
}
