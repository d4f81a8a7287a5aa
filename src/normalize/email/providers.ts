/**
 * Mailbox providers whose address rules are known, and the reference data for typo'd domains. Plain data: the
 * normalizer reads it, nothing here has logic. Sources (see docs/normalization-rules.md for the full list):
 * - Gmail: "Dots don't matter in Gmail addresses" (Gmail Help) and "+" aliases (Gmail Help, "Create task-specific
 *   email addresses"); googlemail.com is the same service under the name Gmail used in Germany and the UK, and
 *   mail to either domain reaches the same mailbox, so it is aliased to gmail.com.
 * - Microsoft (Outlook.com, Hotmail, Live, MSN): plus addressing is delivered to the same mailbox (Microsoft
 *   Support, "Plus addressing in Outlook.com"; Microsoft Learn, "Plus addressing in Exchange Online"). Dots are
 *   significant at Microsoft.
 * - Apple iCloud Mail (icloud.com, me.com, mac.com): "+" address tags are delivered to the base mailbox (receive
 *   only; RFC 5233 sub-addressing). The three domains are not aliased to each other: only accounts created before
 *   2012 hold all three, a newer icloud.com name has no me.com twin that is guaranteed to be the same person.
 * - Proton Mail (protonmail.com, protonmail.ch, proton.me, pm.me): "+" aliases (Proton support, "Addresses and
 *   aliases", plus addressing). The four domains are not aliased to each other (each address is created separately).
 * - Fastmail: "+" sub-addressing (Fastmail help, "Plus addressing and subdomain addressing"). Subdomain addressing
 *   (`user@tag.fastmail.com`) is not folded.
 * - Yandex: "+" aliases (Yandex Mail help, "Create an alias"); ya.ru is a Yandex domain. Yandex also treats "." and
 *   "-" in logins as the same; that is not folded (narrowing: we only fold what every address form shares).
 *
 * Deliberate narrowing:
 * - Dots are folded only for Gmail/Googlemail (the only major provider that documents "dots don't matter").
 * - Yahoo's disposable aliases use "-" (`base-keyword@yahoo.com`) and are separate addresses of one account that
 *   cannot be told apart from an ordinary hyphenated name, so nothing is folded for Yahoo (and Yahoo does not
 *   deliver "+tag" to the base mailbox).
 * - Only the domains listed are folded: `hotmail.*` and `live.*` are listed per country, never matched by wildcard
 *   (a `live.xx` domain is not necessarily Microsoft's).
 * - Google Workspace and Microsoft 365 custom domains honour "+" too, but we cannot know which domains are hosted
 *   there, so their local parts are kept verbatim.
 */
export interface ProviderRule {
  /** Human name of the provider, for docs and explanations. */
  readonly provider: string;
  /** The canonical domain of the provider (googlemail.com → gmail.com); the domain itself when not aliased. */
  readonly canonicalDomain: string;
  /** Dots in the local part are ignored by the provider. */
  readonly dropDots: boolean;
  /** A `+tag` sub-address is delivered to the base mailbox. */
  readonly dropPlusTag: boolean;
}

const GMAIL: ProviderRule = { provider: 'Gmail', canonicalDomain: 'gmail.com', dropDots: true, dropPlusTag: true };

function plusTag(provider: string, domains: readonly string[]): (readonly [string, ProviderRule])[] {
  return domains.map((d) => [d, { provider, canonicalDomain: d, dropDots: false, dropPlusTag: true }] as const);
}

/** Provider rules by lower-case domain. */
export const PROVIDERS: ReadonlyMap<string, ProviderRule> = new Map<string, ProviderRule>([
  ['gmail.com', GMAIL],
  ['googlemail.com', GMAIL],
  ...plusTag('Microsoft', [
    'outlook.com', 'outlook.co.uk', 'outlook.fr', 'outlook.de', 'outlook.es', 'outlook.it', 'outlook.jp', 'outlook.in',
    'outlook.sa', 'outlook.ae', 'outlook.com.au', 'outlook.com.br',
    'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'hotmail.nl', 'hotmail.be',
    'hotmail.ca', 'hotmail.ch', 'hotmail.se', 'hotmail.no', 'hotmail.dk', 'hotmail.gr', 'hotmail.co.jp', 'hotmail.co.in',
    'hotmail.com.au', 'hotmail.com.br', 'hotmail.com.tr', 'hotmail.com.ar', 'hotmail.cl',
    'live.com', 'live.co.uk', 'live.fr', 'live.de', 'live.it', 'live.nl', 'live.be', 'live.ca', 'live.in', 'live.com.au',
    'live.cn', 'live.ie', 'live.jp', 'live.se', 'live.no', 'live.dk', 'msn.com', 'windowslive.com', 'passport.com',
  ]),
  ...plusTag('Apple iCloud', ['icloud.com', 'me.com', 'mac.com']),
  ...plusTag('Proton', ['protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me']),
  ...plusTag('Fastmail', ['fastmail.com', 'fastmail.fm']),
  ...plusTag('Yandex', ['yandex.com', 'yandex.ru', 'yandex.ua', 'yandex.by', 'yandex.kz', 'ya.ru']),
]);

/**
 * Major consumer domains a typo is measured against (the usual targets of `gmial.com`, `hotmial.com`), in order of
 * preference when a domain is equally close to two of them.
 */
export const MAJOR_DOMAINS: readonly string[] = [
  'gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'live.com', 'aol.com', 'msn.com',
  'googlemail.com', 'ymail.com', 'protonmail.com', 'hotmail.co.uk', 'yahoo.co.uk',
];

/**
 * Real domains that sit one or two edits from a major one and must never be "corrected": mail.com and email.com are
 * real providers, not typos of gmail.com; cloud.com is not icloud.com. Provider-table domains and the major domains
 * themselves are never flagged either.
 */
export const REAL_NEAR_DOMAINS: readonly string[] = [
  'mail.com', 'email.com', 'gmx.com', 'gmx.de', 'gmx.net', 'mailo.com', 'cloud.com', 'aim.com', 'inbox.com',
  'ymail.com', 'rocketmail.com', 'live.co.uk', 'aol.co.uk', 'aol.fr', 'aol.de', 'yahoo.fr', 'yahoo.de', 'yahoo.es',
  'yahoo.it', 'yahoo.ca', 'yahoo.in', 'yahoo.co.in', 'yahoo.co.jp', 'yahoo.com.au', 'yahoo.com.sg', 'zoho.com',
  'hushmail.com', 'lavabit.com', 'mail.ru', 'web.de', 'qq.com', '163.com', '126.com',
];

/**
 * Common mistypings of the `.com` top-level domain: a major's name with one of these (`gmail.co`, `gmail.cm`,
 * `hotmail.con`) is flagged as a typo of the `.com` domain.
 */
export const WRONG_COM_SUFFIXES: readonly string[] = [
  'co', 'cm', 'con', 'om', 'cmo', 'ocm', 'comm', 'coom', 'ccom', 'vom', 'xom', 'cpm', 'c0m', 'cim', 'clm', 'cok', 'comn',
  'coml', 'com.com',
];
