/** The draining consumer stopped the run between pages; the message is redelivered and the run resumes. */
export class RunInterrupted extends Error {
  constructor() {
    super('the import was interrupted by shutdown; it resumes from its checkpoint');
  }
}
