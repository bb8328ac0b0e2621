// A Stryker ignorer plugin (Stryker >= 7, "ignorers"): leaves out every mutant inside an
// object property named `texts`, the user-facing prose that each check carries inline
// (`texts: { en: {...}, nl: {...}, sv: {...} }`, also when wrapped, e.g. withCommonTexts({...})).
// Mutating that prose only says "no test reads this sentence"; the texts tests check it for
// key and placeholder parity across languages instead. Nothing else is ignored: status
// strings, regular expressions, record names and message keys elsewhere are logic and stay
// mutated (so StringLiteral is NOT excluded globally). Ignored mutants do not count in the score.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

/** @param {{ node: { type: string, computed?: boolean, key?: { type: string, name?: string, value?: unknown } } }} path */
function isTextsProperty(path) {
  const { node } = path;
  if (node.type !== 'ObjectProperty' || node.computed || !node.key) return false;
  return (node.key.type === 'Identifier' && node.key.name === 'texts') || (node.key.type === 'StringLiteral' && node.key.value === 'texts');
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'texts', {
    shouldIgnore: (path) => (isTextsProperty(path) ? 'User-facing prose in a `texts` property: verified by the texts tests, not by mutation' : undefined),
  }),
];
