/**
 * The canonical identifier keys of one input row, normalized by idweave's own normalizers: what exact matching
 * on correctly normalized identifiers sees. Junk and invalid values give no key.
 */
import { normalizeEmail } from '../../src/normalize/email/normalizeEmail.js';
import { normalizeExternalId } from '../../src/normalize/externalId/normalizeExternalId.js';
import { normalizeLogin } from '../../src/normalize/login/normalizeLogin.js';
import { normalizePhone } from '../../src/normalize/phone/normalizePhone.js';
import { normalizeHandle } from '../../src/normalize/social/normalizeHandle.js';

export interface IdentifierColumns {
  readonly email: readonly string[];
  readonly phone: readonly string[];
  readonly login: readonly string[];
  /** Column → platform (`x` → `twitter`); `whatsapp` numbers count as phones. */
  readonly handles: Readonly<Record<string, string>>;
  /** Column → external-id namespace. */
  readonly externalIds: Readonly<Record<string, string>>;
}

/** The columns of the generated data (bench/generate). */
export const GENERATED_COLUMNS: IdentifierColumns = {
  email: ['email'],
  phone: ['phone'],
  login: ['login'],
  handles: { instagram: 'instagram', twitter: 'twitter', x: 'twitter', tiktok: 'tiktok', facebook: 'facebook', snapchat: 'snapchat', linkedin: 'linkedin', youtube: 'youtube', telegram: 'telegram', whatsapp: 'whatsapp' },
  externalIds: { loyalty_id: 'loyalty' },
};

/**
 * Keys `e:<email>`, `p:<E.164>` (phones and WhatsApp numbers), `l:global:<login>`, `h:<platform>:<handle>`,
 * `x:<namespace>:<id>`, deduplicated. A cell may hold several values separated by `|`.
 */
export function identifierKeysOf(fields: Readonly<Record<string, unknown>>, columns: IdentifierColumns = GENERATED_COLUMNS, defaultRegion = 'AE'): string[] {
  const keys: string[] = [];
  const add = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
  };
  const each = (column: string, f: (value: string) => void) => {
    const cell = fields[column];
    if (typeof cell !== 'string' || cell === '') return;
    for (const v of cell.split('|')) if (v.trim() !== '') f(v);
  };
  for (const c of columns.email) each(c, (v) => {
    const r = normalizeEmail(v);
    if (r.ok) add(`e:${r.value}`);
  });
  for (const c of columns.phone) each(c, (v) => {
    const r = normalizePhone(v, { defaultRegion: defaultRegion as 'AE' });
    if (r.ok) add(`p:${r.value}`);
  });
  for (const c of columns.login) each(c, (v) => {
    const r = normalizeLogin(v);
    if (r.ok) add(`l:global:${r.value}`);
  });
  for (const [c, platform] of Object.entries(columns.handles)) each(c, (v) => {
    const r = normalizeHandle(platform, v, { defaultRegion: defaultRegion as 'AE' });
    if (r.ok) add(r.platform === 'whatsapp' ? `p:${r.handle}` : `h:${r.value}`);
  });
  for (const [c, namespace] of Object.entries(columns.externalIds)) each(c, (v) => {
    const r = normalizeExternalId(namespace, v);
    if (r.ok) add(`x:${r.value}`);
  });
  return keys;
}
