/**
 * A value built on first use and kept. Modules use it for tables that cost something to
 * build (compiled patterns, parsed lists), so importing a module stays cheap: `weerbaar
 * checks` and `scan --only web` do not pay for the privacy analyser's patterns.
 */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T | undefined;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
