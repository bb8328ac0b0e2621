/**
 * Texts every web TLS check may need for hosts it cannot judge. Spread into each
 * check's own texts with `withTlsTexts`.
 */
import { mergeTexts, type CheckTexts } from '../../../check.js';
import { WEB_SHARED_TEXTS } from '../host-verdicts.js';
import type { Lang } from '../../../../core/lang.js';

const COMMON: Record<Lang, Record<string, string>> = {
  en: {
    ...WEB_SHARED_TEXTS.en,
    noTls: 'No host of this website answers over HTTPS (the encrypted connection), so there is no TLS setup to check; see the HTTPS check.',
    noHttpsHost: '{{host}} does not accept HTTPS connections, so its TLS setup cannot be checked; see the HTTPS check.',
    probeFailed: 'The TLS setup of {{host}} could not be examined: {{reason}}',
    noCertificate: 'The certificate of {{host}} could not be examined: {{reason}}',
  },
  nl: {
    ...WEB_SHARED_TEXTS.nl,
    noTls: 'Geen enkele host van deze website antwoordt via HTTPS (de versleutelde verbinding), dus er is geen TLS-instelling om te controleren; zie de HTTPS-controle.',
    noHttpsHost: '{{host}} accepteert geen HTTPS-verbindingen, dus de TLS-instelling kan niet worden gecontroleerd; zie de HTTPS-controle.',
    probeFailed: 'De TLS-instelling van {{host}} kon niet worden onderzocht: {{reason}}',
    noCertificate: 'Het certificaat van {{host}} kon niet worden onderzocht: {{reason}}',
  },
  sv: {
    ...WEB_SHARED_TEXTS.sv,
    noTls: 'Ingen värd för den här webbplatsen svarar över HTTPS (den krypterade anslutningen), så det finns ingen TLS-konfiguration att kontrollera; se HTTPS-kontrollen.',
    noHttpsHost: '{{host}} tar inte emot HTTPS-anslutningar, så dess TLS-konfiguration kan inte kontrolleras; se HTTPS-kontrollen.',
    probeFailed: 'TLS-konfigurationen för {{host}} kunde inte undersökas: {{reason}}',
    noCertificate: 'Certifikatet för {{host}} kunde inte undersökas: {{reason}}',
  },
};

export function withTlsTexts(texts: Record<Lang, CheckTexts>): Record<Lang, CheckTexts> {
  return mergeTexts(COMMON, texts);
}

/** Where TLS settings usually live, for advice texts. */
export const WHERE_TLS_LIVES: Record<Lang, string> = {
  en: 'This is set in the web server configuration (nginx: ssl_protocols and ssl_ciphers; Apache: SSLProtocol and SSLCipherSuite) or in your hosting control panel; on shared hosting, ask your hosting provider. Mozilla\'s SSL Configuration Generator ("intermediate") gives a good, ready-made setting.',
  nl: 'Dit stelt u in in de configuratie van de webserver (nginx: ssl_protocols en ssl_ciphers; Apache: SSLProtocol en SSLCipherSuite) of in het controlepaneel van uw hosting; bij gedeelde hosting vraagt u het aan uw hostingprovider. De SSL Configuration Generator van Mozilla ("intermediate") geeft een goede, kant-en-klare instelling.',
  sv: 'Detta ställs in i webbserverns konfiguration (nginx: ssl_protocols och ssl_ciphers; Apache: SSLProtocol och SSLCipherSuite) eller i webbhotellets kontrollpanel; på delat webbhotell ber du din leverantör. Mozillas SSL Configuration Generator ("intermediate") ger en bra, färdig inställning.',
};
