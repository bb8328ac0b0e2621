/**
 * web.exposure: no well-known sensitive file (version-control data, secrets, database
 * dumps, diagnostics) can be downloaded, judged by content signatures; and no
 * software version numbers are advertised in headers or a generator tag.
 */
import { msg, verdict, type Check, type CheckVerdict, type MessageRef } from '../../../check.js';
import type { ScanEvidence, WebHostEvidence } from '../../../evidence/index.js';
import { withCommonTexts } from './common-texts.js';
import { BANNER_HEADERS, exposedKind, generatorVersions, hasVersion, type ExposureKind } from './exposure-signatures.js';
import { headerValues, judgedHosts, unreachable } from './hosts.js';

const ADVICE: Record<ExposureKind, string> = {
  git: 'exposedGit',
  env: 'exposedEnv',
  svn: 'exposedSvn',
  dsStore: 'exposedDsStore',
  htpasswd: 'exposedHtpasswd',
  sqlDump: 'exposedSqlDump',
  wpConfig: 'exposedWpConfig',
  phpinfo: 'exposedPhpinfo',
  serverStatus: 'exposedServerStatus',
};
const MAX_BANNERS = 5;

interface Banner {
  host: string;
  header: string;
  value: string;
}

/** Version banners in the answers of our own hosts (not of a payment provider we were redirected to). */
function banners(hosts: WebHostEvidence[]): Banner[] {
  const own = new Set(hosts.map((host) => host.host));
  const found = new Map<string, Banner>();
  for (const host of hosts) {
    for (const hop of [...(host.http?.hops ?? []), ...(host.https?.hops ?? [])]) {
      if (hop.status === undefined || !own.has(new URL(hop.url).hostname)) continue;
      for (const header of BANNER_HEADERS) {
        for (const value of headerValues(hop, header)) {
          if (hasVersion(value)) found.set(`${header}\n${value}`, { host: host.host, header, value });
        }
      }
    }
    const last = host.https?.hops.at(-1);
    if (last?.status !== undefined && own.has(new URL(last.url).hostname)) {
      for (const value of generatorVersions(host.https?.body)) {
        found.set(`generator\n${value}`, { host: host.host, header: '<meta name="generator">', value });
      }
    }
  }
  return [...found.values()];
}

/** What the evidence says of an exposed file: where, which signature matched, the status and the size; never its content. */
interface Exposed {
  host: string;
  path: string;
  url?: string;
  kind: ExposureKind;
  status?: number;
  bytes: number;
}

const unique = (values: string[]): string[] => [...new Set(values)];

interface ExposedFile {
  path: string;
  kind: ExposureKind;
  hosts: string[];
}

/** One entry per file of the shop (path and kind), with every host that serves it. */
function perFile(exposed: Exposed[]): ExposedFile[] {
  const files = new Map<string, ExposedFile>();
  for (const e of exposed) {
    const key = `${e.kind}\n${e.path}`;
    const file = files.get(key) ?? { path: e.path, kind: e.kind, hosts: [] };
    if (!file.hosts.includes(e.host)) file.hosts.push(e.host);
    files.set(key, file);
  }
  return [...files.values()];
}

/** The paths, each naming its hosts only when not every file is on the same hosts. */
function namedPerHost(files: ExposedFile[]): string {
  const everywhere = unique(files.flatMap((file) => file.hosts)).length;
  const same = files.every((file) => file.hosts.length === everywhere);
  return files.map((file) => (same ? file.path : `${file.path} (${file.hosts.join(', ')})`)).join(', ');
}

function run(evidence: ScanEvidence): CheckVerdict {
  const hosts = judgedHosts(evidence);
  const apex = hosts?.find((host) => host.role === 'apex');
  if (!hosts || !apex) return verdict('error', 'noWeb');
  const missing = unreachable(apex, apex.paths ?? apex.https);
  if (missing) return verdict(missing.status, missing.summary.key, missing.summary.params);

  // Every host that was probed (apex and www): a shop may serve its files from either.
  const probed = hosts.flatMap((host) => (host.paths ? host.paths.exposure.map((probe) => ({ host: host.host, origin: host.paths?.exposureOrigin, probe })) : []));
  // A probe whose body broke off before its signature could be read proves nothing either way.
  const unreadable = (probe: (typeof probed)[number]['probe']): boolean => probe.incomplete !== undefined && probe.signature === undefined;
  const unread = probed.filter(({ probe }) => probe.error === undefined && unreadable(probe));
  const answered = probed.filter(({ probe }) => probe.error === undefined && !unreadable(probe));
  const exposed: Exposed[] = probed.flatMap(({ host, origin, probe }) => {
    const kind = exposedKind(probe);
    if (!kind) return [];
    const url = origin === undefined ? {} : { url: `${origin}${probe.path}` };
    return [{ host, path: probe.path, ...url, kind, ...(probe.status === undefined ? {} : { status: probe.status }), bytes: probe.bodyBytes }];
  });
  const shown = banners(hosts);
  const facts = {
    probed: probed.map(({ host, origin, probe }) => ({ host, origin, path: probe.path, status: probe.status, error: probe.error, ...(probe.incomplete ? { incomplete: probe.incomplete } : {}) })),
    exposed,
    banners: shown,
  };

  const bannerAdvice: MessageRef[] = shown.slice(0, MAX_BANNERS).map((b) => msg('hideBanner', { host: b.host, header: b.header, value: b.value }));
  if (shown.length > 0) bannerAdvice.push(msg('hideBannerHow'));
  if (exposed.length > 0) {
    const files = perFile(exposed);
    const advice = [...files.map((file) => msg(ADVICE[file.kind], { host: file.hosts.join(', '), path: file.path })), msg('blockPaths'), ...bannerAdvice];
    return verdict('fail', 'exposed', { host: unique(exposed.map((e) => e.host)).join(', '), count: files.length, paths: namedPerHost(files) }, advice, facts);
  }
  const bannerList = shown.map((b) => `${b.header}: ${b.value}`).join('; ');
  const host = apex.host;
  if (answered.length === 0) {
    const reason = probed[0]?.probe.error ?? 'not collected';
    if (shown.length > 0) return verdict('warn', 'bannerPathsUnchecked', { banners: bannerList, reason }, bannerAdvice, facts);
    // Neither HTTPS nor HTTP answered: nothing to probe, not applicable rather than a failed collection.
    if (apex.https?.hops[0]?.status === undefined && apex.http?.hops[0]?.status === undefined) return verdict('skip', 'noHttps', { host }, [], facts);
    return verdict('error', 'pathsUnchecked', { host, reason }, [], facts);
  }
  if (unread.length > 0) {
    const paths = unique(unread.map(({ probe }) => probe.path));
    const reason = unread[0]?.probe.incomplete ?? '';
    return verdict('warn', 'partlyUnread', { host, count: paths.length, paths: paths.join(', '), reason }, bannerAdvice, facts);
  }
  if (shown.length > 0) return verdict('warn', 'banner', { banners: bannerList }, bannerAdvice, facts);
  // Per shop: the apex and www answering the same twelve paths are twelve files checked, not 24.
  return verdict('pass', 'pass', { host: unique(answered.map((a) => a.host)).join(', '), count: unique(answered.map(({ probe }) => probe.path)).length }, [], facts);
}

export const exposure: Check = {
  id: 'web.exposure',
  texts: withCommonTexts({
    en: {
      title: 'Exposed files and version numbers',
      verifies:
        'Files that must never be public (source-code history, password and settings files, database backups, server diagnostics) cannot be downloaded, and the site does not advertise which software versions it runs.',
      pass_one: 'The one well-known sensitive file checked cannot be downloaded from {{host}}, and no software versions are shown.',
      pass_other: 'None of the {{count}} well-known sensitive files can be downloaded from {{host}}, and no software versions are shown.',
      exposed_one: '{{count}} sensitive file can be downloaded from {{host}}: {{paths}}.',
      exposed_other: '{{count}} sensitive files can be downloaded from {{host}}: {{paths}}.',
      banner: 'The site shows which software versions it runs ({{banners}}), which helps attackers look up known weaknesses.',
      bannerPathsUnchecked:
        'The site shows which software versions it runs ({{banners}}); the sensitive files could not be checked ({{reason}}).',
      partlyUnread_one: 'No sensitive file could be downloaded from {{host}}, but {{count}} answer broke off before it could be read ({{paths}}: {{reason}}), so that file is not proven safe.',
      partlyUnread_other: 'No sensitive file could be downloaded from {{host}}, but {{count}} answers broke off before they could be read ({{paths}}: {{reason}}), so those files are not proven safe.',
      pathsUnchecked: 'The sensitive files on {{host}} could not be checked ({{reason}}).',
      exposedGit:
        'Serious: {{path}} on {{host}} exposes the Git history of your site. Anyone can rebuild your source code from it, often including passwords and keys. Block the /.git folder in the web server, remove it from the web folder, and change any password or key that was ever committed.',
      exposedEnv:
        'Critical: {{path}} on {{host}} is a settings file that usually holds database passwords and API keys. Remove it from the web folder (or block it), then change every password and key in it at once: assume they are known.',
      exposedSvn:
        'Serious: {{path}} on {{host}} exposes Subversion data, from which your source code can be downloaded. Block the /.svn folder in the web server and remove it from the web folder.',
      exposedDsStore:
        'Minor: {{path}} on {{host}} is a Mac folder index that lists file names in that folder, which can point attackers to hidden files. Delete it and block .DS_Store files.',
      exposedHtpasswd:
        'Serious: {{path}} on {{host}} contains user names and password hashes, which can be cracked offline. Move it out of the web folder, block it, and change those passwords.',
      exposedSqlDump:
        'Critical: {{path}} on {{host}} is a database dump, probably with customer and order data. Delete it from the web server now, check your access logs for downloads, and consider whether you must report a data breach (GDPR: within 72 hours).',
      exposedWpConfig:
        'Critical: {{path}} on {{host}} is a readable backup of the WordPress configuration with the database password. Delete it now and change the database password and the security keys in wp-config.php.',
      exposedPhpinfo:
        'Moderate: {{path}} on {{host}} shows the full PHP configuration (versions, paths, settings), a map for attackers. Delete this file; it is only meant for testing.',
      exposedServerStatus:
        'Moderate: {{path}} on {{host}} shows the live server status, including visitor addresses and the pages they open. Restrict it to the server itself (Apache: Require local) or switch it off.',
      blockPaths:
        'Ask your web server to refuse such files: in nginx add location ~ /\\.(?!well-known) { deny all; } and in Apache <FilesMatch "^\\."> Require all denied </FilesMatch> (or ask your hosting provider). Never keep backups or database dumps in the web folder.',
      hideBanner: '{{host}} shows {{header}}: {{value}}. Hide the version number.',
      hideBannerHow:
        'Version numbers are hidden with: nginx server_tokens off; Apache ServerTokens Prod and ServerSignature Off; PHP expose_php = Off (php.ini or the PHP settings of the hosting panel); a generator tag is removed by a CMS security plugin or theme setting. Hiding is no substitute for updating: keep the software itself up to date.',
    },
    nl: {
      title: 'Openbare bestanden en versienummers',
      verifies:
        'Bestanden die nooit openbaar mogen zijn (broncodegeschiedenis, wachtwoord- en instellingenbestanden, databaseback-ups, serverdiagnose) zijn niet te downloaden, en de site vertelt niet welke softwareversies ze draait.',
      pass_one: 'Het ene gecontroleerde bekende gevoelige bestand is niet te downloaden van {{host}}, en er worden geen softwareversies getoond.',
      pass_other: 'Geen van de {{count}} bekende gevoelige bestanden is te downloaden van {{host}}, en er worden geen softwareversies getoond.',
      exposed_one: '{{count}} gevoelig bestand is te downloaden van {{host}}: {{paths}}.',
      exposed_other: '{{count}} gevoelige bestanden zijn te downloaden van {{host}}: {{paths}}.',
      banner: 'De site laat zien welke softwareversies ze draait ({{banners}}); daarmee kunnen aanvallers bekende zwakke plekken opzoeken.',
      bannerPathsUnchecked:
        'De site laat zien welke softwareversies ze draait ({{banners}}); de gevoelige bestanden konden niet worden gecontroleerd ({{reason}}).',
      partlyUnread_one: 'Er was geen gevoelig bestand te downloaden van {{host}}, maar {{count}} antwoord brak af voordat het gelezen kon worden ({{paths}}: {{reason}}), dus van dat bestand is niet aangetoond dat het veilig is.',
      partlyUnread_other: 'Er was geen gevoelig bestand te downloaden van {{host}}, maar {{count}} antwoorden braken af voordat ze gelezen konden worden ({{paths}}: {{reason}}), dus van die bestanden is niet aangetoond dat ze veilig zijn.',
      pathsUnchecked: 'De gevoelige bestanden op {{host}} konden niet worden gecontroleerd ({{reason}}).',
      exposedGit:
        'Ernstig: {{path}} op {{host}} geeft de Git-geschiedenis van uw site prijs. Iedereen kan daaruit uw broncode herstellen, vaak inclusief wachtwoorden en sleutels. Blokkeer de map /.git in de webserver, haal hem weg uit de webmap en verander elk wachtwoord en elke sleutel die er ooit in heeft gestaan.',
      exposedEnv:
        'Kritiek: {{path}} op {{host}} is een instellingenbestand dat meestal databasewachtwoorden en API-sleutels bevat. Haal het weg uit de webmap (of blokkeer het) en verander meteen alle wachtwoorden en sleutels erin: ga ervan uit dat ze bekend zijn.',
      exposedSvn:
        'Ernstig: {{path}} op {{host}} geeft Subversion-gegevens prijs, waarmee uw broncode te downloaden is. Blokkeer de map /.svn in de webserver en haal hem weg uit de webmap.',
      exposedDsStore:
        'Klein: {{path}} op {{host}} is een mapoverzicht van een Mac dat bestandsnamen in die map opsomt, wat aanvallers naar verborgen bestanden kan leiden. Verwijder het en blokkeer .DS_Store-bestanden.',
      exposedHtpasswd:
        'Ernstig: {{path}} op {{host}} bevat gebruikersnamen en wachtwoordhashes, die offline te kraken zijn. Zet het bestand buiten de webmap, blokkeer het en verander die wachtwoorden.',
      exposedSqlDump:
        'Kritiek: {{path}} op {{host}} is een databasedump, waarschijnlijk met klant- en ordergegevens. Verwijder hem nu van de webserver, controleer uw toegangslogs op downloads en ga na of u een datalek moet melden (AVG: binnen 72 uur).',
      exposedWpConfig:
        'Kritiek: {{path}} op {{host}} is een leesbare back-up van de WordPress-configuratie met het databasewachtwoord. Verwijder hem nu en verander het databasewachtwoord en de beveiligingssleutels in wp-config.php.',
      exposedPhpinfo:
        'Matig: {{path}} op {{host}} toont de volledige PHP-configuratie (versies, paden, instellingen), een plattegrond voor aanvallers. Verwijder dit bestand; het is alleen bedoeld om te testen.',
      exposedServerStatus:
        'Matig: {{path}} op {{host}} toont de actuele serverstatus, inclusief bezoekersadressen en de pagina’s die ze openen. Beperk hem tot de server zelf (Apache: Require local) of zet hem uit.',
      blockPaths:
        'Laat uw webserver zulke bestanden weigeren: in nginx voegt u location ~ /\\.(?!well-known) { deny all; } toe en in Apache <FilesMatch "^\\."> Require all denied </FilesMatch> (of vraag het uw hostingprovider). Bewaar nooit back-ups of databasedumps in de webmap.',
      hideBanner: '{{host}} toont {{header}}: {{value}}. Verberg het versienummer.',
      hideBannerHow:
        'Versienummers verbergt u met: nginx server_tokens off; Apache ServerTokens Prod en ServerSignature Off; PHP expose_php = Off (php.ini of de PHP-instellingen in het hostingpaneel); een generator-tag haalt u weg met een beveiligingsplugin of thema-instelling van uw CMS. Verbergen vervangt bijwerken niet: houd de software zelf up-to-date.',
    },
    sv: {
      title: 'Exponerade filer och versionsnummer',
      verifies:
        'Filer som aldrig får vara offentliga (källkodshistorik, lösenords- och inställningsfiler, databassäkerhetskopior, serverdiagnostik) går inte att ladda ner, och webbplatsen visar inte vilka programversioner den kör.',
      pass_one: 'Den enda kontrollerade välkända känsliga filen går inte att ladda ner från {{host}}, och inga programversioner visas.',
      pass_other: 'Ingen av de {{count}} välkända känsliga filerna går att ladda ner från {{host}}, och inga programversioner visas.',
      exposed_one: '{{count}} känslig fil går att ladda ner från {{host}}: {{paths}}.',
      exposed_other: '{{count}} känsliga filer går att ladda ner från {{host}}: {{paths}}.',
      banner: 'Webbplatsen visar vilka programversioner den kör ({{banners}}), vilket hjälper angripare att slå upp kända svagheter.',
      bannerPathsUnchecked:
        'Webbplatsen visar vilka programversioner den kör ({{banners}}); de känsliga filerna kunde inte kontrolleras ({{reason}}).',
      partlyUnread_one: 'Ingen känslig fil gick att ladda ner från {{host}}, men {{count}} svar bröts innan det kunde läsas ({{paths}}: {{reason}}), så den filen är inte bevisat säker.',
      partlyUnread_other: 'Ingen känslig fil gick att ladda ner från {{host}}, men {{count}} svar bröts innan de kunde läsas ({{paths}}: {{reason}}), så de filerna är inte bevisat säkra.',
      pathsUnchecked: 'De känsliga filerna på {{host}} kunde inte kontrolleras ({{reason}}).',
      exposedGit:
        'Allvarligt: {{path}} på {{host}} avslöjar webbplatsens Git-historik. Vem som helst kan återskapa din källkod ur den, ofta med lösenord och nycklar. Blockera mappen /.git i webbservern, ta bort den från webbmappen och byt varje lösenord och nyckel som någonsin har legat där.',
      exposedEnv:
        'Kritiskt: {{path}} på {{host}} är en inställningsfil som oftast innehåller databaslösenord och API-nycklar. Ta bort den från webbmappen (eller blockera den) och byt genast alla lösenord och nycklar i den: utgå från att de är kända.',
      exposedSvn:
        'Allvarligt: {{path}} på {{host}} avslöjar Subversion-data, som din källkod kan laddas ner ur. Blockera mappen /.svn i webbservern och ta bort den från webbmappen.',
      exposedDsStore:
        'Mindre allvarligt: {{path}} på {{host}} är ett mappregister från en Mac som listar filnamnen i mappen, vilket kan leda angripare till dolda filer. Ta bort den och blockera .DS_Store-filer.',
      exposedHtpasswd:
        'Allvarligt: {{path}} på {{host}} innehåller användarnamn och lösenordshashar, som kan knäckas offline. Flytta filen utanför webbmappen, blockera den och byt de lösenorden.',
      exposedSqlDump:
        'Kritiskt: {{path}} på {{host}} är en databasdump, troligen med kund- och orderuppgifter. Ta bort den från webbservern nu, kontrollera åtkomstloggarna efter nedladdningar och ta ställning till om du måste anmäla en personuppgiftsincident (GDPR: inom 72 timmar).',
      exposedWpConfig:
        'Kritiskt: {{path}} på {{host}} är en läsbar säkerhetskopia av WordPress-konfigurationen med databaslösenordet. Ta bort den nu och byt databaslösenordet och säkerhetsnycklarna i wp-config.php.',
      exposedPhpinfo:
        'Måttligt: {{path}} på {{host}} visar hela PHP-konfigurationen (versioner, sökvägar, inställningar), en karta för angripare. Ta bort filen; den är bara avsedd för tester.',
      exposedServerStatus:
        'Måttligt: {{path}} på {{host}} visar serverns aktuella status, med besökarnas adresser och sidorna de öppnar. Begränsa den till servern själv (Apache: Require local) eller stäng av den.',
      blockPaths:
        'Låt webbservern vägra sådana filer: i nginx lägger du till location ~ /\\.(?!well-known) { deny all; } och i Apache <FilesMatch "^\\."> Require all denied </FilesMatch> (eller be ditt webbhotell). Spara aldrig säkerhetskopior eller databasdumpar i webbmappen.',
      hideBanner: '{{host}} visar {{header}}: {{value}}. Dölj versionsnumret.',
      hideBannerHow:
        'Versionsnummer döljs med: nginx server_tokens off; Apache ServerTokens Prod och ServerSignature Off; PHP expose_php = Off (php.ini eller PHP-inställningarna i webbhotellets kontrollpanel); en generator-tagg tas bort med ett säkerhetstillägg eller en temainställning i ditt CMS. Att dölja ersätter inte uppdateringar: håll själva programvaran uppdaterad.',
    },
  }),
  run,
};
