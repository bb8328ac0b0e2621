/**
 * Encryption at rest for the few secrets the app must read back (TOTP seeds):
 * AES-256-GCM under the instance key. The key comes from WEERBAAR_SECRET (64 hex
 * characters) or from `instance.key` in the data folder, created on first start
 * with mode 0600. Losing the key loses the TOTP seeds, not the passwords.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('the instance key must be 32 bytes');
    return new SecretBox(key);
  }

  /** WEERBAAR_SECRET wins; otherwise the key file in dataDir, created when missing. */
  static load(dataDir: string, envSecret: string | undefined): SecretBox {
    if (envSecret) {
      if (!/^[0-9a-fA-F]{64}$/.test(envSecret)) throw new Error('WEERBAAR_SECRET must be 64 hexadecimal characters (32 bytes)');
      return SecretBox.fromKey(Buffer.from(envSecret, 'hex'));
    }
    const file = join(dataDir, 'instance.key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`${file} does not hold a 64-character hex key`);
    return SecretBox.fromKey(Buffer.from(hex, 'hex'));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
