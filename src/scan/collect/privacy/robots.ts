/**
 * A small robots.txt reader (RFC 9309): the group for `weerbaar` if there is one, else
 * the `*` group; Allow/Disallow by longest match, Allow winning a tie; `*` and `$` in paths.
 */
const OUR_AGENT = 'weerbaar';
const MAX_LINES = 2_000;

interface Rule {
  allow: boolean;
  pattern: string;
}

export interface Robots {
  isAllowed(pathAndQuery: string): boolean;
}

export const ALLOW_ALL: Robots = { isAllowed: () => true };

export function parseRobots(text: string): Robots {
  const groups = new Map<string, Rule[]>();
  let agents: string[] = [];
  let inRules = false;
  for (const raw of text.split(/\r?\n|\r/).slice(0, MAX_LINES)) {
    const line = raw.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim();
    if (key === 'user-agent') {
      // A user-agent line after rules starts a new group.
      if (inRules) {
        agents = [];
        inRules = false;
      }
      agents.push(value.toLowerCase());
      continue;
    }
    if (key !== 'allow' && key !== 'disallow') continue;
    inRules = true;
    // An empty Disallow allows everything: no rule.
    if (value === '') continue;
    for (const agent of agents) {
      const rules = groups.get(agent) ?? [];
      rules.push({ allow: key === 'allow', pattern: value });
      groups.set(agent, rules);
    }
  }
  // RFC 9309 2.2.1: the product token, case-insensitively ("Weerbaar", "weerbaar/0.1"); an empty or partial name is not us.
  const ours = [...groups.entries()].find(([agent]) => /^[a-z_-]+/.exec(agent)?.[0] === OUR_AGENT)?.[1];
  const rules = ours ?? groups.get('*') ?? [];
  return { isAllowed: (path) => decide(rules, path) };
}

function decide(rules: Rule[], path: string): boolean {
  let best: Rule | undefined;
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
  }
  return best ? best.allow : true;
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}${anchored ? '$' : ''}`).test(safeDecode(path)) || new RegExp(`^${regex}${anchored ? '$' : ''}`).test(path);
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
