interface Waiter<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted in the same turn, or while a commit is in flight, go
 * together in the next one, in arrival order. Many concurrent callers cost one round trip,
 * with no fixed delay; each caller resolves with its own result, or rejects with the
 * commit's error.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiter<I, O>[] = [];
  private flushing = false;

  /** `commit` answers one result per item, in the order given. */
  constructor(
    private readonly commit: (items: I[]) => Promise<O[]>,
    private readonly maxItems = Number.MAX_SAFE_INTEGER,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      // After the current turn, with its promise callbacks: items of many callers started together commit together.
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxItems);
      try {
        const results = await this.commit(group.map((waiter) => waiter.item));
        group.forEach((waiter, index) => waiter.resolve(results[index]));
      } catch (error) {
        for (const waiter of group) waiter.reject(error);
      }
    }
    // In the same turn as the emptiness check, so an item submitted next always finds a flusher.
    this.flushing = false;
  }
}
