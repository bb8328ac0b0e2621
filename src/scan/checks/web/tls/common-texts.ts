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

/**
 * Where TLS settings usually live, for advice texts. No pointer to ready-made generators:
 * Mozilla's "intermediate" setting keeps DHE with ffdhe2048, which these checks fail.
 */
export const WHERE_TLS_LIVES: Record<Lang, string> = {
  en: 'These lines go in the server block (nginx) or virtual host (Apache) that serves HTTPS, replacing any line with the same name; reload the web server afterwards. Many hosting control panels have the same settings; on shared hosting, ask your hosting provider.',
  nl: 'Deze regels horen in het server-blok (nginx) of de virtual host (Apache) die HTTPS levert, in plaats van een regel met dezelfde naam; laad de webserver daarna opnieuw. Veel controlepanelen van hosting hebben dezelfde instellingen; bij gedeelde hosting vraagt u het aan uw hostingprovider.',
  sv: 'Raderna hör hemma i det server-block (nginx) eller den virtual host (Apache) som levererar HTTPS och ersätter en rad med samma namn; ladda sedan om webbservern. Många kontrollpaneler hos webbhotell har samma inställningar; på delat webbhotell ber du din leverantör.',
};
