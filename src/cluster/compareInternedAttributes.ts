import type { InternedView } from '../_internal/ByteInterner.js';
import { CHUNK_BASE } from '../_internal/chunkString.js';
import { compareAttributeBytes, type AttributeLevels } from '../match/attributes.js';

/**
 * Compares the folded attributes (`match/attributes`) interned as entries `x` and `y` of `view`, on their bytes
 * where they lie: nothing is decoded or split unless a city or an address differs.
 */
export function compareInternedAttributes(view: InternedView, x: number, y: number, out: AttributeLevels): AttributeLevels {
  const sx = view.starts[x]!;
  const sy = view.starts[y]!;
  const cx = Math.floor(sx / CHUNK_BASE);
  const cy = Math.floor(sy / CHUNK_BASE);
  const ox = sx - cx * CHUNK_BASE;
  const oy = sy - cy * CHUNK_BASE;
  return compareAttributeBytes(view.chunks[cx]!, ox, ox + view.lengths[x]!, view.chunks[cy]!, oy, oy + view.lengths[y]!, out);
}
