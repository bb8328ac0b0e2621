/** Crawl evidence. OWNER: the crawl part. Flesh out freely; keep the names and fields marked "used by others". */
export interface StatementEvidence {
  /** Where the statement was found (final URL after redirects). used by others */
  url: string;
  /** 'html' | 'pdf' | 'other'. used by others */
  format: 'html' | 'pdf' | 'other';
  /** The statement's readable text (HTML: visible text with block boundaries as newlines), capped. used by others */
  text: string;
  /** The page's declared language (<html lang>, Content-Language), if any. used by others */
  declaredLang?: string;
  error?: string;
  /** The URL the pages link to (before redirects). */
  linkedUrl?: string;
  /** HTTP status of the last hop. */
  status?: number;
  /** The Content-Type of the answer, if any. */
  contentType?: string;
  /** Every URL requested on the way, in order (redirects included). */
  chain?: string[];
  /** True when the text was cut at the cap. */
  textTruncated?: boolean;
  /** What limited the reading, e.g. 'PDF: read the first 30 of 500 pages'. */
  note?: string;
  /** PDF: pages in the file, when it could be opened. */
  pages?: number;
  /** PDF: pages whose text was read (at most 30). */
  pagesRead?: number;
  /** PDF: protected with a password, so it could not be read. */
  encrypted?: boolean;
  /** PDF: how long reading the text took. */
  pdfReadMs?: number;
}

/** A link on a page that looks like the privacy statement. */
export interface StatementLink {
  /** Absolute URL, without fragment. */
  url: string;
  /** The link's visible text (or title/aria-label), trimmed and capped. */
  text: string;
}

export interface FormEvidence {
  /** Absolute action URL (the page's own URL when the form has no action). */
  action: string;
  method: 'get' | 'post' | 'dialog';
  /** Inputs that reveal personal data: types email/password/tel, names like name/address/phone. */
  personalFields: string[];
  collectsPersonalData: boolean;
  /** The action URL is https:. */
  postsOverHttps: boolean;
}

export interface PageEvidence {
  /** The URL requested (after redirects, when they stayed on the site). */
  url: string;
  status?: number;
  title?: string;
  /** The statement link on this page that matches the chosen statement URL, if any. */
  statementLink?: StatementLink;
  /** Every statement-like link on the page (capped). */
  statementCandidates: StatementLink[];
  forms: FormEvidence[];
  error?: string;
  /** Why the page's body is not whole (cut off, broken, over the cap): its missing links and forms prove nothing. */
  incomplete?: string;
}

export interface CrawlEvidence {
  statement?: StatementEvidence;
  error?: string;
  /** Where the crawl started: https://<target>/ or http://<target>/ when HTTPS did not answer. */
  start?: string;
  /** HTML pages crawled, in the order visited. */
  pages?: PageEvidence[];
  maxPages?: number;
  /** True when more same-site pages were found than maxPages allowed. */
  truncated?: boolean;
  /** URLs not fetched because robots.txt disallows them (capped). */
  robotsDisallowed?: string[];
  /** Whether a robots.txt was found (status 200) at the start origin. */
  robotsFound?: boolean;
  /** Statement links tried before the chosen one because they led to an error page (status, or a "page not found" page). */
  brokenCandidates?: { url: string; status?: number }[];
}
