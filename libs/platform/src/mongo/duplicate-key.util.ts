/** MongoDB's duplicate-key error code (E11000); FerretDB answers the same. */
const DUPLICATE_KEY = 11000;

/** A unique index (or `_id`) refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === DUPLICATE_KEY;
}

/**
 * The indexes in the input of a bulk insert (`ordered: false`) refused only as duplicates;
 * undefined when anything else failed, so the caller rethrows.
 */
export function duplicateIndexesOf(error: unknown): number[] | undefined {
  const failures = (error as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] } | null)?.writeErrors ?? [];
  if (failures.length === 0 || failures.some((failure) => (failure.code ?? failure.err?.code) !== DUPLICATE_KEY)) return undefined;
  return failures.map((failure) => failure.index);
}
