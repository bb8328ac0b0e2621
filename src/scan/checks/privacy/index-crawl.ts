/** The privacy checks that read the crawl (issue 5). The lead adds them to the registry. */
import type { Check } from '../../check.js';
import { privacyForms } from './forms.js';
import { statementLinked } from './linked.js';
import { statementReachable } from './reachable.js';

export const privacyCrawlChecks: Check[] = [statementLinked, statementReachable, privacyForms];
