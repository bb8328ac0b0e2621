/**
 * Phrasings found on batch b6 (issue 14, round three), by kind, in all five languages; tried after
 * each language's own, plain-words and everyday patterns:
 * - the one-person shop in its own voice, speaking to "you" or "du" ("ask me what I know about you",
 *   "was ich über dich gespeichert habe", "fråga mig vad jag vet om dig", "if something's wrong, I'll
 *   fix it", "lösche ich deine Daten");
 * - the basis as what was agreed ("to do what we agreed");
 * - the requirement for a field named by itself ("Het verstrekken van uw geboortedatum is een wettelijke
 *   verplichting", "without your date of birth we cannot"), or "if you'd rather not give them";
 * - the authority named by its task ("Landeszentrum für Datenschutz"), a German separable verb with
 *   its recipient in between ("geben sie ... an die Kühlkurier GmbH weiter");
 * - rights asked for in the passive ("vragen dat uw informatie wordt gecorrigeerd of verwijderd");
 * - an FAQ answer that opens with its purpose ("Zodat we je bestelling kunnen versturen");
 * - periods in the number words the first patterns left out ("sept ans", "vier Jahre", "åtta år"),
 *   the future tense ("nous conserverons"), a right as a German compound ("Auskunftsrecht").
 */
import { once } from '../../../core/once.js';
import { u, type PatternKey } from './pattern-types.js';
import type { StatementLang } from './types.js';

type Extra = Partial<Record<PatternKey, RegExp[]>>;

export const OWN_VOICE_PATTERNS = once(
  (): Record<StatementLang, Extra> => ({
    en: {
      retention: [u(/\b(?:four|eight|nine|eleven|twelve|fifteen|twenty|thirty) (?:days?|weeks?|months?|years?)\b/)],
      recipients: [u(/\b(?:is|are) (?:passed|handed|given|sent|forwarded) (?:on )?to (?:the |our |a )?(?:\p{L}+ )?(?:company|carrier|courier|service|provider|partner|firm|bank)\b/u)],
      legalBasis: [u(/\b(?:do|deliver|carry out) (?:what|as) (?:we|you and I|you and we) (?:agreed|arranged)\b/), u(/\bbecause you asked (?:me|us) to\b/)],
      requirement: [
        u(/\b(?:rather|prefer) not (?:to )?(?:give|provide|share|fill in)\b/),
        u(/\bwithout (?:your|the|a) (?:\p{L}+ ){1,3}(?:I|we) (?:cannot|can't|can not|am unable|are unable|won't be able)\b/u),
        u(/\bprovi(?:sion|ding) (?:of )?(?:your|the) (?:\p{L}+ ){1,3}(?:is|are) (?:a )?(?:legal|statutory|contractual) (?:obligation|requirement)\b/u),
      ],
      purposes: [u(/^so (?:that )?(?:we|I) (?:can|could|are able to|am able to)\b/)],
      rightAccess: [u(/\bask (?:me|us)\b[^.;]{0,20}\bwhat (?:I|we) (?:know|have|hold|keep|store)\b/)],
      rightRectification: [u(/\b(?:something|anything)(?:['’]s| is)? (?:wrong|incorrect|out of date)\b[^.;]{0,40}\b(?:fix|correct|change|update|put right)\b/)],
      rightErasure: [u(/\b(?:I|we)(?:['’]ll| will) (?:delete|erase|remove)\b/)],
    },
    nl: {
      retention: [u(/\b(?:vier|acht|negen|elf|twaalf|vijftien|twintig|dertig) (?:dagen|weken|maanden|jaar|jaren)\b/)],
      requirement: [
        u(/\bverstrekken van (?:uw|je|jouw|de) \p{L}+\b[^.;]{0,60}\b(?:verplicht\p{L}*|noodzakelijk|nodig|vrijwillig)\b/u),
        u(/\bzonder (?:uw |je |jouw |de |een )?\p{L}+,? kunnen (?:we|wij|ik)\b[^.;]{0,40}\bniet\b/u),
      ],
      rightAccess: [u(/\b(?:vragen|opvragen|weten) wat (?:ik|we|wij) (?:van|over) (?:u|je|jou) (?:weet|weten|heb|hebben|bewaar|bewaren)\b/)],
      rightRectification: [u(/\b(?:vragen|verzoeken|verlangen|eisen) (?:om |dat )?[^.;]{0,80}\b(?:gecorrigeerd|verbeterd|aangepast|gewijzigd|bijgewerkt|gerectificeerd)\b/), u(/\b(?:klopt|is) (?:er )?(?:iets )?(?:niet|fout|onjuist)\b[^.;]{0,40}\b(?:pas|passen|verbeter\p{L}*|corrigeer\p{L}*|aanpassen)\b/u)],
      rightErasure: [u(/\b(?:verwijder|wis) (?:ik|we|wij)\b/), u(/\b(?:vragen|verzoeken|verlangen|eisen) (?:om |dat )?[^.;]{0,80}\b(?:verwijderd|gewist)\b/)],
      purposes: [u(/^(?:zodat|opdat) (?:we|wij|ik)\b/)],
    },
    de: {
      retention: [u(/\b(?:vier|acht|neun|elf|zwölf|fünfzehn|zwanzig|dreißig) (?:Tagen?|Wochen?|Monaten?|Jahren?|Jahre)\b/)],
      recipients: [u(/\bgeben (?:wir |ich )?(?:sie|diese|Ihre|deine)\b[^.;]{0,80}\ban (?:die|den|das|einen|eine) [^.;]{1,60}\bweiter\b/)],
      requirement: [u(/\bohne (?:Ihre?n?|deine?n?|die|den|das) \p{L}+,? (?:können|kann) (?:wir|ich)\b[^.;]{0,40}\bnicht\b/u)],
      rightAccess: [u(/\bAuskunftsrecht\b/), u(/\bBestätigung darüber\b[^.;]{0,40}\bob\b/), u(/\bfragen,? (?:was|welche (?:\p{L}+ )?Daten) (?:ich|wir) (?:über|von) (?:dich|Sie|dir|Ihnen)\b/u)],
      rightRectification: [u(/\bBerichtigungsrecht\b/), u(/\b(?:verlangen|beantragen|fordern|bitten),? dass\b[^.;]{0,60}\b(?:berichtigt|korrigiert|geändert|aktualisiert)\b/), u(/\b(?:falsch|unrichtig|nicht stimmt|nicht richtig)\b[^.;]{0,40}\b(?:korrigier\p{L}*|berichtig\p{L}*|änder\p{L}*)\b/u)],
      rightErasure: [u(/\bLöschungsrecht\b/), u(/\blösche (?:ich|wir)\b/), u(/\b(?:verlangen|beantragen|fordern|bitten),? dass\b[^.;]{0,60}\bgelöscht\b/)],
      complaint: [u(/\b(?:Landeszentrum|Landesamt|Zentrum|Behörde|Stelle) für (?:den )?Datenschutz\p{L}*\b/u)],
    },
    fr: {
      retention: [
        u(/\b(?:quatre|sept|huit|neuf|onze|douze|quinze|vingt|trente) (?:jours|semaines|mois|ans|années)\b/),
        u(/\bconserv(?:erons|erai|era|eront|e|ent)\b(?=[^.;]{0,120}\b(?:pendant|jusqu|durée|ans|années|mois|jours|semaines|tant que|aussi longtemps)\b)/),
        u(/\baussi longtemps que\b/),
      ],
      purposes: [u(/^(?:pour|afin) (?:que|qu['’]) ?(?:nous|je|on)\b/)],
      rightAccess: [u(/\b(?:me|nous) demander ce que (?:je|nous) (?:sai[st]|savons|conserve|conservons|garde|gardons|ai|avons)\b/)],
      rightRectification: [u(/\bsi (?:quelque chose|une information|une donnée) (?:est|n['’]est plus|n['’]est pas)\b[^.;]{0,40}\b(?:corrige|rectifie)\p{L}*/u)],
      rightErasure: [u(/\b(?:je|nous) (?:les |la |le )?(?:supprime|supprimons|efface|effaçons)\b/)],
    },
    sv: {
      retention: [u(/\b(?:fyra|åtta|nio|elva|tolv|femton|tjugo|trettio) (?:dagar|veckor|månader|år)\b/)],
      // The right as a compound noun ("invändningsrätten gäller inte"), as German "Widerspruchsrecht".
      rightObjection: [u(/\binvändningsrätt(?:en)?\b/)],
      purposes: [u(/^(?:så att|för att) (?:vi|jag)\b/)],
      rightAccess: [u(/\bfråga (?:mig|oss)\b[^.;]{0,20}\bvad (?:jag|vi) (?:vet|har|sparar)\b/)],
      rightRectification: [u(/\b(?:något|det) är fel\b[^.;]{0,40}\b(?:rättar|ändrar|fixar)\b/)],
      rightErasure: [u(/\b(?:raderar|tar bort) jag\b/)],
    },
  }),
);
