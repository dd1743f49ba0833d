/** MongoDB's duplicate-key error code (E11000). */
const DUPLICATE_KEY = 11000;

/** A unique index (or `_id`) refused the write; for a bulk write, every failure in it was that. */
export function isDuplicateKey(error: unknown): boolean {
  // The driver's write errors carry `code`; Mongoose's `insertMany` wraps each in `err`.
  const failures = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] } | null)?.writeErrors;
  if (Array.isArray(failures) && failures.length > 0) return failures.every((failure) => (failure.code ?? failure.err?.code) === DUPLICATE_KEY);
  return (error as { code?: number } | null)?.code === DUPLICATE_KEY;
}
