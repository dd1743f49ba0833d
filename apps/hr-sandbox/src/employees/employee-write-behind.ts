import { Logger } from '@nestjs/common';
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Model, UpdateQuery } from 'mongoose';
import { EmployeeDocument } from './employee.schema';

/** How long saves gather before they go to the store together. */
const FLUSH_DELAY_MS = 100;

/**
 * Keeps the store a copy of the sandbox's memory, written behind it: the saves of each
 * 100 ms go in one ordered bulk write (`w:1`). The sandbox stands in for an HR system
 * outside icims-sync, whose storage is not ours to measure, and a write per employee would
 * be most of what the store does in an import. A crash loses the last 100 ms of saves,
 * which a sandbox can afford; a clean stop writes them first.
 */
export class EmployeeWriteBehind {
  private readonly logger = new Logger(EmployeeWriteBehind.name);
  private queued: AnyBulkWriteOperation<EmployeeDocument>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing = Promise.resolve();

  constructor(private readonly model: Model<EmployeeDocument>) {}

  insert(document: EmployeeDocument): void {
    this.enqueue({ insertOne: { document } });
  }

  update(id: string, update: UpdateQuery<EmployeeDocument>): void {
    this.enqueue({ updateOne: { filter: { _id: id }, update: update as never } });
  }

  /** Writes what is queued; resolves once everything queued so far is in the store (or logged as lost). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const operations = this.queued;
    this.queued = [];
    if (operations.length > 0) {
      this.writing = this.writing.then(() =>
        this.model.collection.bulkWrite(operations as AnyBulkWriteOperation[], { ordered: true, writeConcern: { w: 1 } }).then(
          () => undefined,
          (error: unknown) => this.logger.error({ err: error, saves: operations.length }, 'employee saves not written to the store'),
        ),
      );
    }
    return this.writing;
  }

  private enqueue(operation: AnyBulkWriteOperation<EmployeeDocument>): void {
    this.queued.push(operation);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }
}
