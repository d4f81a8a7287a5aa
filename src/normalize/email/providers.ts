/**
 * Mailbox providers whose address rules are known. Sources:
 * - Gmail: "dots don't matter" and "+" aliases (Gmail Help, "Use Gmail aliases"); googlemail.com is the same
 *   service (Gmail Help, Germany/UK naming history).
 * - Microsoft (Outlook.com, Hotmail, Live, MSN): plus addressing (Microsoft Learn, "Plus addressing in Exchange
 *   Online" / Outlook.com support). Dots are significant.
 * - Apple iCloud (icloud.com, me.com, mac.com): "+" sub-addressing is delivered to the same mailbox.
 * - Proton (protonmail.com, proton.me, pm.me), Fastmail, Yandex: "+" aliases documented by each provider.
 * Deliberate narrowing: Yahoo's aliases use "-" and are separate mailboxes, so nothing is folded for Yahoo.
 */
export interface ProviderRule {
  /** The canonical domain of the provider (googlemail.com → gmail.com). */
  readonly canonicalDomain: string;
  readonly dropDots: boolean;
  readonly dropPlusTag: boolean;
}

const GMAIL: ProviderRule = { canonicalDomain: 'gmail.com', dropDots: true, dropPlusTag: true };
const plusOnly = (domain: string): ProviderRule => ({ canonicalDomain: domain, dropDots: false, dropPlusTag: true });

export const PROVIDERS: ReadonlyMap<string, ProviderRule> = new Map([
  ['gmail.com', GMAIL],
  ['googlemail.com', GMAIL],
  ...[
    'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'live.com',
    'live.co.uk', 'live.fr', 'msn.com', 'outlook.sa', 'outlook.ae', 'icloud.com', 'me.com', 'mac.com',
    'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me', 'fastmail.com', 'fastmail.fm', 'yandex.com', 'yandex.ru',
  ].map((d) => [d, plusOnly(d)] as const),
]);

/** Major consumer domains a typo is measured against (the usual targets of `gmial.com`, `hotmial.com`). */
export const MAJOR_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'hotmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'live.com', 'aol.com',
  'msn.com', 'ymail.com', 'hotmail.co.uk', 'yahoo.co.uk', 'protonmail.com',
];

/**
 * Real domains that sit one or two edits from a major one and must never be "corrected" (mail.com is a real
 * provider, not a typo of gmail.com).
 */
export const REAL_NEAR_DOMAINS: ReadonlySet<string> = new Set([
  'mail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'live.co.uk', 'live.fr', 'aol.co.uk', 'aim.com', 'me.com', 'mac.com',
  'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'yahoo.ca',
  'yahoo.in', 'ymail.com', 'rocketmail.com', 'outlook.sa', 'outlook.ae', 'outlook.fr', 'outlook.de', 'email.com',
  'inbox.com', 'gmail.co.uk', 'msn.co.uk', 'pm.me', 'proton.me', 'live.ca', 'live.in', 'mail.ru', 'list.ru', 'bk.ru',
  'qq.com', '163.com', '126.com', 'web.de', 'gmial.org',
]);
