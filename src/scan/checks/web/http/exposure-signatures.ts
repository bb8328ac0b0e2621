/**
 * What web.exposure judges: a probe counts as an exposed file when it answered 2xx and
 * the collector found the file's signature in it; plus version-banner detection.
 */
import { sharedHtml } from '../../../html.js';
import type { ExposedPathProbe, ExposureKind } from '../../../evidence/index.js';

export type { ExposureKind };

/** The kind of sensitive file this probe really returned, or undefined (absent, error, soft 404). */
export function exposedKind(probe: ExposedPathProbe): ExposureKind | undefined {
  if (probe.error !== undefined || probe.status === undefined || probe.status < 200 || probe.status > 299) return undefined;
  return probe.signature;
}

export const BANNER_HEADERS = ['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version', 'x-generator'];
/** A version number standing on its own: "nginx/1.18.0", "PHP/8.1", "Drupal 10", not "AmazonS3" or "7F84". */
const VERSION = /(^|[^A-Za-z0-9.])v?\d+(\.\d+)*(?![A-Za-z0-9])/;

export function hasVersion(value: string): boolean {
  return VERSION.test(value);
}

/** <meta name="generator"> contents that carry a version number. */
export function generatorVersions(body: string | undefined): string[] {
  if (!body) return [];
  const $ = sharedHtml(body);
  return $('meta[name]')
    .filter((_, element) => ($(element).attr('name') ?? '').trim().toLowerCase() === 'generator')
    .map((_, element) => ($(element).attr('content') ?? '').trim())
    .get()
    .filter(hasVersion);
}
