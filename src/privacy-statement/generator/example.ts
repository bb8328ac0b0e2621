/**
 * Example answers: a small Dutch webshop selling tea. Printed by `weerbaar privacy-statement
 * --example` as a starting point, and used by the tests. The domain and addresses are
 * reserved example names.
 */
import type { StatementAnswers } from './answers-schema.js';

export const EXAMPLE_ANSWERS: StatementAnswers = {
  controller: {
    name: 'Theehuis De Linde B.V.',
    address: 'Lindengracht 12, 1015 KK Amsterdam',
    country: 'NL',
    email: 'privacy@theehuis-delinde.example',
    phone: '+31 20 123 4567',
    website: 'https://theehuis-delinde.example',
    registrationNumber: 'KvK 12345678',
  },
  activities: [
    {
      purpose: 'orders',
      dataCategories: ['name', 'address', 'email', 'phone', 'orderHistory'],
      legalBasis: 'contract',
      retention: { months: 24, from: 'lastOrder' },
    },
    {
      purpose: 'payment',
      dataCategories: ['name', 'paymentDetails'],
      legalBasis: 'contract',
      retention: { months: 24, from: 'lastOrder' },
    },
    {
      purpose: 'delivery',
      dataCategories: ['name', 'address', 'email', 'phone'],
      legalBasis: 'contract',
      retention: { months: 3, from: 'collection' },
    },
    {
      purpose: 'newsletter',
      dataCategories: ['email', 'name'],
      legalBasis: 'consent',
      retention: { until: 'unsubscribe' },
    },
    {
      purpose: 'fraudPrevention',
      dataCategories: ['ipAddress', 'orderHistory', 'paymentDetails'],
      legalBasis: 'legitimateInterests',
      retention: { months: 12, from: 'collection' },
    },
    {
      purpose: 'bookkeeping',
      dataCategories: ['name', 'address', 'orderHistory', 'paymentDetails'],
      legalBasis: 'legalObligation',
      retention: {
        months: 84,
        from: 'endOfFinancialYear',
        criterion: {
          en: 'Dutch tax law requires us to keep our records for 7 years',
          nl: 'De Nederlandse belastingwet verplicht ons om onze administratie 7 jaar te bewaren',
          sv: 'Nederländsk skattelag kräver att vi sparar vår bokföring i 7 år',
          de: 'Das niederländische Steuerrecht verpflichtet uns, unsere Buchhaltung 7 Jahre lang aufzubewahren',
          fr: 'Le droit fiscal néerlandais nous oblige à conserver notre comptabilité pendant 7 ans',
        },
      },
    },
  ],
  recipients: {
    categories: ['paymentProvider', 'logistics', 'hosting', 'emailProvider', 'accountant', 'authorities'],
  },
  transfers: [],
  breachPolicy: { include: true },
  lastUpdated: '2025-03-01',
  languages: ['nl', 'en'],
};
