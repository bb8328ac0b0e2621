/**
 * Texts every web HTTP check may need for hosts it cannot judge (no address, no
 * HTTPS, nothing collected). Spread into each check's own texts with `withCommonTexts`.
 */
import { mergeTexts, type CheckTexts } from '../../../check.js';
import { WEB_SHARED_TEXTS } from '../host-verdicts.js';
import type { Lang } from '../../../../core/lang.js';

const COMMON: Record<Lang, Record<string, string>> = {
  en: {
    ...WEB_SHARED_TEXTS.en,
    noAddress: '{{host}} has no IPv4 or IPv6 address, so there is no website there to check.',
    noAddressDns: '{{host}} could not be looked up in DNS ({{reason}}), so there is no website to check.',
    refused: '{{host}} only points to private or reserved network addresses, which this scan does not contact.',
    notCollected: '{{host}} was not checked: the scan did not collect this information.',
    noHttps:
      '{{host}} does not answer over HTTPS (the secure, encrypted connection), so this cannot be checked; see the HTTPS check.',
    chainBroken: 'The HTTPS page of {{host}} could not be loaded to the end ({{reason}}).',
  },
  nl: {
    ...WEB_SHARED_TEXTS.nl,
    noAddress: '{{host}} heeft geen IPv4- of IPv6-adres, dus daar is geen website om te controleren.',
    noAddressDns: '{{host}} kon niet in de DNS worden opgezocht ({{reason}}), dus er is geen website om te controleren.',
    refused: '{{host}} verwijst alleen naar privé- of gereserveerde netwerkadressen; daar maakt deze scan geen verbinding mee.',
    notCollected: '{{host}} is niet gecontroleerd: de scan heeft deze gegevens niet verzameld.',
    noHttps:
      '{{host}} antwoordt niet via HTTPS (de beveiligde, versleutelde verbinding), dus dit kan niet worden gecontroleerd; zie de HTTPS-controle.',
    chainBroken: 'De HTTPS-pagina van {{host}} kon niet volledig worden geladen ({{reason}}).',
  },
  sv: {
    ...WEB_SHARED_TEXTS.sv,
    noAddress: '{{host}} har ingen IPv4- eller IPv6-adress, så där finns ingen webbplats att kontrollera.',
    noAddressDns: '{{host}} kunde inte slås upp i DNS ({{reason}}), så det finns ingen webbplats att kontrollera.',
    refused: '{{host}} pekar bara på privata eller reserverade nätverksadresser, som den här skanningen inte ansluter till.',
    notCollected: '{{host}} kontrollerades inte: skanningen samlade inte in den här informationen.',
    noHttps:
      '{{host}} svarar inte över HTTPS (den säkra, krypterade anslutningen), så detta kan inte kontrolleras; se HTTPS-kontrollen.',
    chainBroken: 'HTTPS-sidan för {{host}} kunde inte laddas helt ({{reason}}).',
  },
};

export function withCommonTexts(texts: Record<Lang, CheckTexts>): Record<Lang, CheckTexts> {
  return mergeTexts(COMMON, texts);
}
