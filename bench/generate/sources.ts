/**
 * Source systems of the Majid Al-Futtaim case and what each knows of a customer: the probability that one of its
 * records shows each identifier (when the person has it), and how prone it is to junk and empty records.
 */
export interface SourceModel {
  /** Position in SOURCES. */
  readonly index: number;
  readonly name: string;
  /** Share of all records coming from this source (sums to 1). */
  readonly weight: number;
  readonly email: number;
  readonly phone: number;
  /** Shows exactly one of email or phone (a captive-portal form asks for one). */
  readonly emailOrPhone: boolean;
  readonly login: number;
  readonly loyalty: number;
  /** Each social handle the person has. */
  readonly handles: number;
  /** The person's WhatsApp number, when they give one. */
  readonly whatsapp: number;
  /** Any name at all; then `fullName` is the chance the name comes as one `full_name` cell. */
  readonly names: number;
  readonly fullName: number;
  readonly city: number;
  readonly gender: number;
  readonly birthYear: number;
  /** Both emails (or both phones) of a person in one `|`-separated cell. */
  readonly multiValue: number;
  /** Relative propensity for junk placeholders and for records with no identifier (normalized over sources). */
  readonly junk: number;
  readonly incomplete: number;
}

let nextIndex = 0;
const s = (m: Omit<SourceModel, 'index'>): SourceModel => ({ index: nextIndex++, ...m });

export const SOURCES: readonly SourceModel[] = [
  s({ name: 'share-app', weight: 0.25, email: 0.92, phone: 0.9, emailOrPhone: false, login: 0.8, loyalty: 0.95, handles: 0.05, whatsapp: 0, names: 0.97, fullName: 0.1, city: 0.6, gender: 0.8, birthYear: 0.7, multiValue: 0.25, junk: 0.6, incomplete: 0.2 }),
  s({ name: 'vox-cinemas', weight: 0.18, email: 0.9, phone: 0.75, emailOrPhone: false, login: 0, loyalty: 0.15, handles: 0, whatsapp: 0, names: 0.9, fullName: 0.3, city: 0.2, gender: 0.3, birthYear: 0.2, multiValue: 0.05, junk: 1, incomplete: 0.5 }),
  s({ name: 'pos', weight: 0.22, email: 0.1, phone: 0.85, emailOrPhone: false, login: 0, loyalty: 0.75, handles: 0, whatsapp: 0, names: 0.35, fullName: 0.7, city: 0.1, gender: 0.1, birthYear: 0, multiValue: 0, junk: 1.5, incomplete: 1.5 }),
  s({ name: 'mall-wifi', weight: 0.15, email: 0.45, phone: 0.55, emailOrPhone: true, login: 0, loyalty: 0, handles: 0, whatsapp: 0, names: 0.15, fullName: 0.5, city: 0, gender: 0.2, birthYear: 0.1, multiValue: 0, junk: 3, incomplete: 3 }),
  s({ name: 'ecommerce', weight: 0.12, email: 0.97, phone: 0.85, emailOrPhone: false, login: 0.85, loyalty: 0.3, handles: 0, whatsapp: 0, names: 0.95, fullName: 0.2, city: 0.9, gender: 0.5, birthYear: 0.3, multiValue: 0.15, junk: 0.5, incomplete: 0.2 }),
  s({ name: 'social-campaign', weight: 0.08, email: 0.6, phone: 0.1, emailOrPhone: false, login: 0, loyalty: 0, handles: 0.9, whatsapp: 0.5, names: 0.6, fullName: 0.4, city: 0.3, gender: 0.4, birthYear: 0.2, multiValue: 0, junk: 1, incomplete: 1 }),
];

/** The source of a uniform draw r in [0, 1), by weight. */
export function pickSource(r: number): SourceModel {
  let acc = 0;
  for (const source of SOURCES) {
    acc += source.weight;
    if (r < acc) return source;
  }
  return SOURCES[SOURCES.length - 1]!;
}

/** Per-source probabilities (by index) that give an overall `rate` when each source has relative propensity `weightOf`. */
export function perSourceRates(rate: number, weightOf: (s: SourceModel) => number): Float64Array {
  let mean = 0;
  for (const source of SOURCES) mean += source.weight * weightOf(source);
  return Float64Array.from(SOURCES, (source) => Math.min(1, (rate * weightOf(source)) / mean));
}
