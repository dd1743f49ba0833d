/**
 * Statements per bulk write. FerretDB 1.24 (SQLite) never answers an `update` command of
 * 100 or more statements and keeps that database locked (inserts are kept under it too);
 * MongoDB takes 100,000. Chunks below that limit cost one round trip per 50 instead of one
 * per statement.
 */
export const BULK_WRITE_CHUNK = 50;

export function chunksOf<T>(items: readonly T[], size = BULK_WRITE_CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
