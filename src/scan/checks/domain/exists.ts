/**
 * domain.exists: the scanned name exists in DNS. The engine runs this check alone when DNS
 * answers NXDOMAIN for the name (collect/dns/existence.ts): a scan of a name that does not
 * exist is one finding, not a list of web, mail and privacy verdicts about nothing, and it
 * gets no scores (all null), so nothing suggests health. The scan did run: exit code 0.
 * docs/decisions.md ("A domain that does not exist").
 */
import { msg, verdict, type Check } from '../../check.js';

export const domainExists: Check = {
  id: 'domain.exists',
  texts: {
    en: {
      title: 'The domain exists',
      verifies:
        'The scanned name exists in DNS. When DNS answers that it does not (NXDOMAIN), that is the only finding: there is no website, no e-mail and nothing else to scan, and the scan gets no scores.',
      exists: '{{domain}} exists in DNS.',
      nxdomain:
        '{{domain}} does not exist: DNS answers that there is no such name (NXDOMAIN). There is no website, no e-mail and nothing else to scan at this name, so this scan has no scores.',
      checkName:
        'Check the spelling of {{domain}}. If it is your domain, check at your registrar that it is registered, paid and uses the right name servers (a domain that has expired or lost its delegation disappears like this), then scan again.',
    },
    nl: {
      title: 'Het domein bestaat',
      verifies:
        'De gescande naam bestaat in de DNS. Antwoordt de DNS dat die niet bestaat (NXDOMAIN), dan is dat de enige bevinding: er is geen website, geen e-mail en niets anders om te scannen, en de scan krijgt geen scores.',
      exists: '{{domain}} bestaat in de DNS.',
      nxdomain:
        '{{domain}} bestaat niet: de DNS antwoordt dat deze naam er niet is (NXDOMAIN). Er is onder deze naam geen website, geen e-mail en niets anders om te scannen, dus deze scan heeft geen scores.',
      checkName:
        'Controleer de spelling van {{domain}}. Is het uw domein, controleer dan bij uw registrar dat het geregistreerd en betaald is en de juiste naamservers gebruikt (een verlopen domein of een domein zonder delegatie verdwijnt zo), en scan daarna opnieuw.',
    },
    sv: {
      title: 'Domänen finns',
      verifies:
        'Det skannade namnet finns i DNS. Om DNS svarar att det inte finns (NXDOMAIN) är det det enda fyndet: det finns ingen webbplats, ingen e-post och inget annat att skanna, och skanningen får inga poäng.',
      exists: '{{domain}} finns i DNS.',
      nxdomain:
        '{{domain}} finns inte: DNS svarar att namnet inte finns (NXDOMAIN). Det finns ingen webbplats, ingen e-post och inget annat att skanna under det här namnet, så skanningen har inga poäng.',
      checkName:
        'Kontrollera stavningen av {{domain}}. Om det är din domän, kontrollera hos din registrar att den är registrerad, betald och använder rätt namnservrar (en domän som har gått ut eller förlorat sin delegering försvinner så här), och skanna sedan igen.',
    },
  },
  run(evidence) {
    const domain = evidence.target;
    const missing = evidence.nonexistent;
    if (!missing) return verdict('pass', 'exists', { domain });
    return verdict('fail', 'nxdomain', { domain }, [msg('checkName', { domain })], { ...missing });
  },
};
