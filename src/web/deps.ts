/** What the web app needs from the outside; the CLI's `serve` and the tests build it. */
import type { DatabaseHandle } from '../db/connect.js';
import type { SecretBox } from '../core/secret-box.js';
import type { Mailer } from '../mail/mailer.js';
import type { ScanService } from '../jobs/scan-service.js';

export interface AppConfig {
  /** The public address, used in e-mailed links (e.g. https://weerbaar.example.org). */
  baseUrl: string;
  /** Trust X-Forwarded-* from this proxy (address, CIDR list or true); off by default. */
  trustProxy: boolean | string;
  /** Anyone may create an account at /signup (default true). */
  signupOpen: boolean;
  /**
   * Failed sign-ins: free ones per account and address before the backoff, per account per
   * hour across all addresses, per address in windowMs (src/accounts/login-throttle.ts).
   */
  loginLimit: { perPair: number; perAccount: number; perIp: number; windowMs: number };
  logLevel: string;
  // Features add their own settings to this interface (e.g. src/privacy-statement/index.ts).
}

export interface AppDeps {
  database: DatabaseHandle;
  secretBox: SecretBox;
  mailer: Mailer;
  scans: ScanService;
  config: AppConfig;
  /** Pino destination for tests; stdout otherwise. */
  logStream?: NodeJS.WritableStream;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  baseUrl: 'http://localhost:8080',
  trustProxy: false,
  signupOpen: true,
  loginLimit: { perPair: 5, perAccount: 100, perIp: 20, windowMs: 15 * 60 * 1000 },
  logLevel: 'info',
};
