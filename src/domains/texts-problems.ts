import type { UiTexts } from '../web/i18n.js';

/**
 * What is wrong with a domain name or a list of DKIM selectors, by the codes that
 * parseTarget (src/scan/target.ts) and parseSelectorList give; the CLI and the API keep
 * their English messages.
 */
export const DOMAIN_PROBLEM_TEXTS: UiTexts = {
  en: {
    'domainProblem.empty': 'no domain given; enter the shop’s domain name, for example shop.example.',
    'domainProblem.ipAddress': 'this is an IP address; enter a domain name instead.',
    'domainProblem.pointsAtIp': 'this web address points at an IP address; enter a domain name instead.',
    'domainProblem.notAddress': 'this is neither a domain name nor a web address.',
    'domainProblem.noHost': 'this web address has no host name.',
    'domainProblem.noAscii': 'this name cannot be written as an internationalised (punycode) domain name.',
    'domainProblem.tooLong': 'it is {{length}} characters long; a domain name has at most {{max}}.',
    'domainProblem.emptyLabel': 'it has two dots in a row, or a dot at the start.',
    'domainProblem.longLabel': 'the part “{{label}}” is {{length}} characters long; each part between dots has at most {{max}}.',
    'domainProblem.badCharacter': 'it contains “{{character}}”; a domain name has only letters, digits, hyphens and dots.',
    'domainProblem.hyphen': 'the part “{{label}}” starts or ends with a hyphen.',
    'domainProblem.singleLabel': 'it has no dot; enter the full domain name, for example shop.example.',
    'domain.dkimProblem.notSelector': '“{{selector}}” is not a selector; a selector has only letters, digits, hyphens, underscores and dots, for example selector1.',
    'domain.dkimProblem.tooMany': 'enter at most {{max}} selectors.',
  },
  nl: {
    'domainProblem.empty': 'er is geen domein ingevuld; vul de domeinnaam van de winkel in, bijvoorbeeld winkel.example.',
    'domainProblem.ipAddress': 'dit is een IP-adres; vul in plaats daarvan een domeinnaam in.',
    'domainProblem.pointsAtIp': 'dit webadres verwijst naar een IP-adres; vul in plaats daarvan een domeinnaam in.',
    'domainProblem.notAddress': 'dit is geen domeinnaam en ook geen webadres.',
    'domainProblem.noHost': 'dit webadres heeft geen hostnaam.',
    'domainProblem.noAscii': 'deze naam kan niet als internationale (punycode) domeinnaam worden geschreven.',
    'domainProblem.tooLong': 'de naam is {{length}} tekens lang; een domeinnaam heeft er hoogstens {{max}}.',
    'domainProblem.emptyLabel': 'er staan twee punten achter elkaar, of een punt aan het begin.',
    'domainProblem.longLabel': 'het deel “{{label}}” is {{length}} tekens lang; elk deel tussen punten heeft er hoogstens {{max}}.',
    'domainProblem.badCharacter': 'de naam bevat “{{character}}”; een domeinnaam bestaat alleen uit letters, cijfers, koppeltekens en punten.',
    'domainProblem.hyphen': 'het deel “{{label}}” begint of eindigt met een koppelteken.',
    'domainProblem.singleLabel': 'de naam heeft geen punt; vul de volledige domeinnaam in, bijvoorbeeld winkel.example.',
    'domain.dkimProblem.notSelector': '“{{selector}}” is geen selector; een selector bestaat alleen uit letters, cijfers, koppeltekens, lage streepjes en punten, bijvoorbeeld selector1.',
    'domain.dkimProblem.tooMany': 'vul hoogstens {{max}} selectors in.',
  },
  sv: {
    'domainProblem.empty': 'ingen domän angiven; ange butikens domännamn, till exempel butik.example.',
    'domainProblem.ipAddress': 'detta är en IP-adress; ange ett domännamn i stället.',
    'domainProblem.pointsAtIp': 'webbadressen pekar på en IP-adress; ange ett domännamn i stället.',
    'domainProblem.notAddress': 'detta är varken ett domännamn eller en webbadress.',
    'domainProblem.noHost': 'webbadressen har inget värdnamn.',
    'domainProblem.noAscii': 'namnet kan inte skrivas som ett internationaliserat (punycode) domännamn.',
    'domainProblem.tooLong': 'namnet är {{length}} tecken långt; ett domännamn har högst {{max}}.',
    'domainProblem.emptyLabel': 'det har två punkter i rad, eller en punkt i början.',
    'domainProblem.longLabel': 'delen ”{{label}}” är {{length}} tecken lång; varje del mellan punkterna har högst {{max}}.',
    'domainProblem.badCharacter': 'det innehåller ”{{character}}”; ett domännamn har bara bokstäver, siffror, bindestreck och punkter.',
    'domainProblem.hyphen': 'delen ”{{label}}” börjar eller slutar med ett bindestreck.',
    'domainProblem.singleLabel': 'namnet har ingen punkt; ange hela domännamnet, till exempel butik.example.',
    'domain.dkimProblem.notSelector': '”{{selector}}” är ingen selektor; en selektor har bara bokstäver, siffror, bindestreck, understreck och punkter, till exempel selector1.',
    'domain.dkimProblem.tooMany': 'ange högst {{max}} selektorer.',
  },
};
