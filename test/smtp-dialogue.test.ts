/**
 * The SMTP dialogue (src/scan/collect/smtp) against scripted raw servers on 127.0.13.x:25:
 * well-behaved ones (with and without STARTTLS) and hostile ones (a banner that never
 * ends, endless 250- lines, 421 and 450 banners, a drop after EHLO, STARTTLS refused,
 * garbage, silence, an endless line). Every case ends within a small bound, records an
 * error instead of throwing, and the servers never see MAIL, RCPT or DATA.
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { smtpStarttls, type SmtpDialogueOptions } from '../src/scan/collect/smtp/dialogue.js';
import { MAX_REPLY_LINES } from '../src/scan/collect/smtp/replies.js';

const ADDRESS = (n: number): string => `127.0.13.${n}`;
/** Every line any scripted server received, to prove we never send anything that could start a mail transaction. */
const received: string[] = [];
const servers: net.Server[] = [];

type Script = (socket: net.Socket, line: string) => void;

/** A raw server: `greet` runs on connect, `onLine` for every line the client sends. */
async function rawServer(n: number, greet: (socket: net.Socket) => void, onLine: Script = () => undefined): Promise<void> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let newline = buffer.indexOf('\r\n');
      while (newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        received.push(line);
        onLine(socket, line);
        newline = buffer.indexOf('\r\n');
      }
    });
    greet(socket);
  });
  await new Promise<void>((resolve) => server.listen(25, ADDRESS(n), resolve));
  servers.push(server);
}

const say = (socket: net.Socket, text: string): void => {
  if (!socket.destroyed) socket.write(text);
};

/** A polite, ordinary server: banner, EHLO with or without STARTTLS, QUIT. */
function ordinary(starttls: boolean | number): Script {
  return (socket, line) => {
    const verb = line.split(' ')[0]?.toUpperCase();
    if (verb === 'EHLO') say(socket, `250-mx.shop.test Hello\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n${starttls !== false ? '250-STARTTLS\r\n' : ''}250 8BITMIME\r\n`);
    else if (verb === 'STARTTLS') say(socket, starttls === true ? '220 2.0.0 Ready to start TLS\r\n' : `${starttls} 4.7.0 TLS not available\r\n`);
    else if (verb === 'QUIT') {
      say(socket, '221 2.0.0 Bye\r\n');
      socket.end();
    } else say(socket, '502 5.5.2 Error: command not recognized\r\n');
  };
}

const timers: NodeJS.Timeout[] = [];

function options(n: number, overrides: Partial<SmtpDialogueOptions> = {}): SmtpDialogueOptions {
  return { address: ADDRESS(n), port: 25, connectTimeoutMs: 1000, replyTimeoutMs: 800, signal: new AbortController().signal, ...overrides };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

const ready = Promise.all([
  rawServer(10, (socket) => say(socket, '220 mx.shop.test ESMTP\r\n'), ordinary(true)),
  rawServer(11, (socket) => say(socket, '220 mx.shop.test ESMTP\r\n'), ordinary(false)),
  // Banner that never finishes: a "220-" line every 100 ms, forever.
  rawServer(12, (socket) => {
    const timer = setInterval(() => say(socket, '220-still greeting you\r\n'), 100);
    timers.push(timer);
    socket.on('close', () => clearInterval(timer));
  }),
  // Endless multi-line EHLO reply.
  rawServer(
    13,
    (socket) => say(socket, '220 mx.shop.test ESMTP\r\n'),
    (socket, line) => {
      if (!line.startsWith('EHLO')) return;
      const flood = (): void => {
        if (socket.destroyed) return;
        if (socket.write('250-AN-EXTENSION-THAT-NEVER-ENDS\r\n'.repeat(50))) setImmediate(flood);
        else socket.once('drain', flood);
      };
      flood();
    },
  ),
  rawServer(14, (socket) => say(socket, '421 4.3.2 Service not available, closing channel\r\n'), ordinary(true)),
  rawServer(15, (socket) => say(socket, '450 4.7.1 Greylisted, please try again later\r\n'), ordinary(true)),
  // Drops the connection as soon as EHLO arrives.
  rawServer(
    16,
    (socket) => say(socket, '220 mx.shop.test ESMTP\r\n'),
    (socket, line) => {
      if (line.startsWith('EHLO')) socket.destroy();
    },
  ),
  rawServer(17, (socket) => say(socket, '220 mx.shop.test ESMTP\r\n'), ordinary(454)),
  rawServer(18, (socket) => say(socket, 'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')),
  rawServer(19, () => undefined),
  // One endless line without a newline.
  rawServer(20, (socket) => {
    const flood = (): void => {
      if (!socket.destroyed && socket.write('2'.repeat(1024))) setImmediate(flood);
      else if (!socket.destroyed) socket.once('drain', flood);
    };
    flood();
  }),
  // Multi-line banner, then a 554 to EHLO.
  rawServer(
    21,
    (socket) => say(socket, '220-mx.shop.test ESMTP\r\n220-no UCE\r\n220 welcome\r\n'),
    (socket, line) => {
      if (line.startsWith('EHLO')) say(socket, '554 5.7.1 You are not welcome here\r\n');
      if (line.startsWith('QUIT')) say(socket, '221 Bye\r\n');
    },
  ),
]);

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('smtpStarttls', () => {
  it('reaches STARTTLS on an ordinary server and hands over the socket with nothing attached', async () => {
    await ready;
    const { evidence, socket } = await smtpStarttls(options(10));
    expect(evidence.error).toBeUndefined();
    expect(evidence.banner).toEqual({ code: 220, text: 'mx.shop.test ESMTP', lines: 1 });
    expect(evidence.ehlo?.extensions).toEqual(['PIPELINING', 'SIZE 10240000', 'STARTTLS', '8BITMIME']);
    expect(evidence.starttlsOffered).toBe(true);
    expect(evidence.starttls?.code).toBe(220);
    expect(evidence.readyForTls).toBe(true);
    expect(evidence.transcript.map((line) => `${line.from}: ${line.line}`)).toEqual([
      'S: 220 mx.shop.test ESMTP',
      'C: EHLO weerbaar.invalid',
      'S: 250 mx.shop.test Hello',
      'C: STARTTLS',
      'S: 220 2.0.0 Ready to start TLS',
    ]);
    expect(socket).toBeDefined();
    expect(socket?.listenerCount('data')).toBe(0);
    socket?.destroy();
  });

  it('records "no STARTTLS" without an error and says QUIT', async () => {
    const { evidence, socket } = await smtpStarttls(options(11, { ehloName: 'scanner.example' }));
    expect(socket).toBeUndefined();
    expect(evidence.starttlsOffered).toBe(false);
    expect(evidence.readyForTls).toBe(false);
    expect(evidence.error).toBeUndefined();
    expect(evidence.transcript.map((line) => line.line)).toEqual(['220 mx.shop.test ESMTP', 'EHLO scanner.example', '250 mx.shop.test Hello', 'QUIT', '221 2.0.0 Bye']);
  });

  const hostile: { name: string; n: number; stage: string; failure: string; error: RegExp }[] = [
    { name: 'a banner that never finishes', n: 12, stage: 'banner', failure: 'timeout', error: /did not finish its reply in time/ },
    { name: 'endless 250- lines', n: 13, stage: 'ehlo', failure: 'too-long', error: new RegExp(`more than ${MAX_REPLY_LINES} lines`) },
    { name: 'a 421 banner', n: 14, stage: 'banner', failure: 'rejected', error: /greeting with 421 4\.3\.2 Service not available/ },
    { name: 'a 450 greylisting banner', n: 15, stage: 'banner', failure: 'greylisted', error: /greeting with 450 4\.7\.1 Greylisted/ },
    { name: 'a drop after EHLO', n: 16, stage: 'ehlo', failure: 'closed', error: /closed|reset/ },
    { name: 'STARTTLS refused with 454', n: 17, stage: 'starttls', failure: 'greylisted', error: /reply to STARTTLS with 454/ },
    { name: 'garbage (an HTTP server)', n: 18, stage: 'banner', failure: 'protocol', error: /did not answer in SMTP: "HTTP\/1\.1 400 Bad Request"/ },
    { name: 'a silent server', n: 19, stage: 'banner', failure: 'timeout', error: /in time/ },
    { name: 'an endless line', n: 20, stage: 'banner', failure: 'too-long', error: /line longer than 4096 bytes/ },
    { name: 'a 554 to EHLO after a multi-line banner', n: 21, stage: 'ehlo', failure: 'rejected', error: /reply to EHLO with 554/ },
    { name: 'nothing listening', n: 22, stage: 'connect', failure: 'connect', error: /Could not connect to port 25/ },
  ];
  for (const { name, n, stage, failure, error } of hostile) {
    it(`records an error, bounded in time, for ${name}`, async () => {
      const { value, ms } = await timed(smtpStarttls(options(n)));
      expect(value.socket).toBeUndefined();
      expect(value.evidence.readyForTls).toBe(false);
      expect(value.evidence.stage).toBe(stage);
      expect(value.evidence.failure).toBe(failure);
      expect(value.evidence.error).toMatch(error);
      expect(ms).toBeLessThan(3000);
      expect(value.evidence.transcript.length).toBeLessThanOrEqual(40);
    });
  }

  it('says QUIT after a refusal it can answer', async () => {
    const { evidence } = await smtpStarttls(options(17));
    expect(evidence.starttls).toEqual({ code: 454, text: '4.7.0 TLS not available', lines: 1 });
    expect(evidence.transcript.at(-2)).toEqual({ from: 'C', line: 'QUIT' });
    expect(evidence.transcript.at(-1)).toEqual({ from: 'S', line: '221 2.0.0 Bye' });
  });

  it('stops at once when the scan is aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { value, ms } = await timed(smtpStarttls(options(19, { replyTimeoutMs: 10_000, signal: controller.signal })));
    expect(value.evidence.failure).toBe('aborted');
    expect(ms).toBeLessThan(1000);
  });

  it('never sent anything but EHLO, STARTTLS and QUIT', () => {
    expect(received.length).toBeGreaterThan(10);
    for (const line of received) expect(line).toMatch(/^(EHLO [a-z0-9.-]+|STARTTLS|QUIT)$/);
    expect(received.some((line) => /^(MAIL|RCPT|DATA|RSET|VRFY|EXPN|AUTH)/i.test(line))).toBe(false);
  });
});
