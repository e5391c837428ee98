/**
 * XPath steps in the form the official XSLT report uses (`printXPath`): a position predicate only
 * when the element has same-named siblings, e.g. `ToegewezenProduct[2]` but `Client` alone.
 */
export function step(name: string, position: number, siblings: number): string {
  return siblings > 1 ? `${name}[${position}]` : name;
}

/** The step of the `index`-th (0-based) item of a list of same-named siblings. */
export function stepAt(name: string, index: number, siblings: number): string {
  return step(name, index + 1, siblings);
}
