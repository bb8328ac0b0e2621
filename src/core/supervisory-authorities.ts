/**
 * The EU/EEA countries and the data protection supervisory authority of each (GDPR art. 51):
 * one table for the statement generator (the complaint section it writes) and the scan (the
 * authority its advice names). In core because the scan may not import the generator. Per authority: the official name in the country's language, the
 * English name, the usual abbreviation and the website. Germany lists the federal authority
 * (BfDI); most companies there fall under their federal state's authority, which the answers
 * can name instead (`supervisoryAuthority`), and the statement says so.
 *
 * Checked against the EDPB's list of members; names change rarely, websites sometimes (the
 * Czech office moved to uoou.gov.cz). Update here and nowhere else.
 */
/** EU member states and the EEA EFTA states (IS, LI, NO), ISO 3166-1 alpha-2 (Greece is GR, not EL). */
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
] as const;
export type EeaCountry = (typeof EEA_COUNTRIES)[number];

export function isEeaCountry(code: string): code is EeaCountry {
  return (EEA_COUNTRIES as readonly string[]).includes(code);
}

export interface SupervisoryAuthority {
  country: EeaCountry;
  /** Official name in the (first) official language of the country. */
  name: string;
  /** The name in other official languages of the country that we generate in (Belgium, Finland, Luxembourg). */
  localNames?: Readonly<Partial<Record<string, string>>>;
  nameEn: string;
  abbreviation?: string;
  website: string;
  /** Germany: the federal authority; companies are mostly supervised by a state (Land) authority. */
  federal?: true;
}

const LIST: SupervisoryAuthority[] = [
  { country: 'AT', name: 'Österreichische Datenschutzbehörde', nameEn: 'Austrian Data Protection Authority', abbreviation: 'DSB', website: 'https://www.dsb.gv.at' },
  {
    country: 'BE',
    name: 'Gegevensbeschermingsautoriteit',
    localNames: { nl: 'Gegevensbeschermingsautoriteit', fr: 'Autorité de protection des données', de: 'Datenschutzbehörde' },
    nameEn: 'Belgian Data Protection Authority',
    website: 'https://www.dataprotectionauthority.be',
  },
  { country: 'BG', name: 'Комисия за защита на личните данни', nameEn: 'Commission for Personal Data Protection', abbreviation: 'CPDP', website: 'https://www.cpdp.bg' },
  { country: 'HR', name: 'Agencija za zaštitu osobnih podataka', nameEn: 'Croatian Personal Data Protection Agency', abbreviation: 'AZOP', website: 'https://azop.hr' },
  { country: 'CY', name: 'Επίτροπος Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', nameEn: 'Commissioner for Personal Data Protection', website: 'https://www.dataprotection.gov.cy' },
  { country: 'CZ', name: 'Úřad pro ochranu osobních údajů', nameEn: 'Office for Personal Data Protection', abbreviation: 'ÚOOÚ', website: 'https://uoou.gov.cz' },
  { country: 'DK', name: 'Datatilsynet', nameEn: 'Danish Data Protection Agency', website: 'https://www.datatilsynet.dk' },
  { country: 'EE', name: 'Andmekaitse Inspektsioon', nameEn: 'Estonian Data Protection Inspectorate', website: 'https://www.aki.ee' },
  {
    country: 'FI',
    name: 'Tietosuojavaltuutetun toimisto',
    localNames: { sv: 'Dataombudsmannens byrå' },
    nameEn: 'Office of the Data Protection Ombudsman',
    website: 'https://tietosuoja.fi',
  },
  { country: 'FR', name: 'Commission nationale de l’informatique et des libertés', nameEn: 'French Data Protection Authority', abbreviation: 'CNIL', website: 'https://www.cnil.fr' },
  {
    country: 'DE',
    name: 'Bundesbeauftragte für den Datenschutz und die Informationsfreiheit',
    nameEn: 'Federal Commissioner for Data Protection and Freedom of Information',
    abbreviation: 'BfDI',
    website: 'https://www.bfdi.bund.de',
    federal: true,
  },
  { country: 'GR', name: 'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', nameEn: 'Hellenic Data Protection Authority', website: 'https://www.dpa.gr' },
  { country: 'HU', name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság', nameEn: 'Hungarian National Authority for Data Protection and Freedom of Information', abbreviation: 'NAIH', website: 'https://naih.hu' },
  { country: 'IE', name: 'Data Protection Commission', nameEn: 'Data Protection Commission', website: 'https://www.dataprotection.ie' },
  { country: 'IT', name: 'Garante per la protezione dei dati personali', nameEn: 'Italian Data Protection Authority', website: 'https://www.garanteprivacy.it' },
  { country: 'LV', name: 'Datu valsts inspekcija', nameEn: 'Data State Inspectorate', website: 'https://www.dvi.gov.lv' },
  { country: 'LT', name: 'Valstybinė duomenų apsaugos inspekcija', nameEn: 'State Data Protection Inspectorate', website: 'https://vdai.lrv.lt' },
  {
    country: 'LU',
    name: 'Commission nationale pour la protection des données',
    localNames: { fr: 'Commission nationale pour la protection des données' },
    nameEn: 'National Commission for Data Protection',
    abbreviation: 'CNPD',
    website: 'https://cnpd.public.lu',
  },
  { country: 'MT', name: 'Information and Data Protection Commissioner', nameEn: 'Information and Data Protection Commissioner', abbreviation: 'IDPC', website: 'https://idpc.org.mt' },
  { country: 'NL', name: 'Autoriteit Persoonsgegevens', nameEn: 'Dutch Data Protection Authority', abbreviation: 'AP', website: 'https://autoriteitpersoonsgegevens.nl' },
  { country: 'PL', name: 'Urząd Ochrony Danych Osobowych', nameEn: 'Personal Data Protection Office', abbreviation: 'UODO', website: 'https://uodo.gov.pl' },
  { country: 'PT', name: 'Comissão Nacional de Proteção de Dados', nameEn: 'National Data Protection Commission', abbreviation: 'CNPD', website: 'https://www.cnpd.pt' },
  {
    country: 'RO',
    name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal',
    nameEn: 'National Supervisory Authority for Personal Data Processing',
    abbreviation: 'ANSPDCP',
    website: 'https://www.dataprotection.ro',
  },
  { country: 'SK', name: 'Úrad na ochranu osobných údajov Slovenskej republiky', nameEn: 'Office for Personal Data Protection of the Slovak Republic', website: 'https://dataprotection.gov.sk' },
  { country: 'SI', name: 'Informacijski pooblaščenec', nameEn: 'Information Commissioner of the Republic of Slovenia', website: 'https://www.ip-rs.si' },
  { country: 'ES', name: 'Agencia Española de Protección de Datos', nameEn: 'Spanish Data Protection Agency', abbreviation: 'AEPD', website: 'https://www.aepd.es' },
  { country: 'SE', name: 'Integritetsskyddsmyndigheten', nameEn: 'Swedish Authority for Privacy Protection', abbreviation: 'IMY', website: 'https://www.imy.se' },
  { country: 'IS', name: 'Persónuvernd', nameEn: 'Icelandic Data Protection Authority', website: 'https://www.personuvernd.is' },
  { country: 'LI', name: 'Datenschutzstelle Liechtenstein', nameEn: 'Data Protection Authority of Liechtenstein', website: 'https://www.datenschutzstelle.li' },
  { country: 'NO', name: 'Datatilsynet', nameEn: 'Norwegian Data Protection Authority', website: 'https://www.datatilsynet.no' },
];

export const SUPERVISORY_AUTHORITIES: Readonly<Record<EeaCountry, SupervisoryAuthority>> = Object.fromEntries(
  LIST.map((authority) => [authority.country, authority]),
) as Record<EeaCountry, SupervisoryAuthority>;

export function authorityFor(country: EeaCountry): SupervisoryAuthority {
  return SUPERVISORY_AUTHORITIES[country];
}

/**
 * The name to print in a text in `lang` (a language code): English in English, else the name
 * in that language where the country has one, else the official name; with the abbreviation.
 */
export function authorityDisplayName(authority: SupervisoryAuthority, lang: string): string {
  const name = lang === 'en' ? authority.nameEn : (authority.localNames?.[lang] ?? authority.name);
  return authority.abbreviation && !name.includes(authority.abbreviation) ? `${name} (${authority.abbreviation})` : name;
}
