/**
 * A test authenticator app: computes TOTP codes from the secret read off the setup page,
 * the way a phone would. The server refuses a step it has already accepted, so each
 * call hands out a step not used before (the window allows one either side of now), and
 * keeps clear of a step boundary so the server sees the same window as the test.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';
import { SecretBox } from '../../src/core/secret-box.js';
import type { TestClient } from './harness.js';

const PERIOD = 30;
/** Margin before a step boundary; covers an argon2 check between computing and verifying. */
const MARGIN_MS = 3_000;

export const TEST_SECRET_BOX = SecretBox.fromKey(Buffer.alloc(32, 7));

export function codeAt(secret: string, timestamp: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD, timestamp });
}

export class Authenticator {
  private lastStep = Number.NEGATIVE_INFINITY;
  last: string | undefined;

  constructor(readonly secret: string) {}

  private async settle(): Promise<number> {
    const remaining = TOTP.remaining({ period: PERIOD });
    if (remaining < MARGIN_MS) await sleep(remaining + 50);
    return TOTP.counter({ period: PERIOD });
  }

  /** A valid code the server has not seen from this user yet. */
  async nextCode(): Promise<string> {
    const current = await this.settle();
    const step = Math.max(this.lastStep + 1, current - 1);
    if (step > current + 1) throw new Error('test needs more TOTP codes than the window allows; use another user');
    this.lastStep = step;
    this.last = codeAt(this.secret, step * PERIOD * 1000);
    return this.last;
  }

  /** Six digits that are not valid anywhere in the window. */
  async wrongCode(): Promise<string> {
    const current = await this.settle();
    const valid = new Set([-1, 0, 1].map((d) => codeAt(this.secret, (current + d) * PERIOD * 1000)));
    for (let n = 0; ; n++) {
      const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  }
}

/** Set up TOTP for the signed-in client; returns its authenticator and the recovery codes shown once. */
export async function enrolTotp(client: TestClient): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
  await client.get('/account/security');
  const setup = await client.post('/account/security/totp/setup');
  if (setup.statusCode !== 303) throw new Error(`setup failed: ${setup.statusCode}`);
  const page = await client.get('/account/security');
  const secret = /id="totp-secret"[^>]*>([A-Z2-7]+)</.exec(page.body)?.[1];
  if (!secret) throw new Error('no secret on the setup page');
  const authenticator = new Authenticator(secret);
  const confirm = await client.post('/account/security/totp/confirm', { code: await authenticator.nextCode() });
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode} ${confirm.body.slice(0, 300)}`);
  return { authenticator, recoveryCodes: recoveryCodesIn(confirm.body) };
}

export function recoveryCodesIn(body: string): string[] {
  return [...body.matchAll(/<code class="recovery-code">([a-z0-9-]+)<\/code>/g)].map((m) => m[1] as string);
}
