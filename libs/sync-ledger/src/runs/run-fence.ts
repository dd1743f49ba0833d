import { AppException } from '@icims-sync/platform';

/**
 * Who may write a run's progress: the consumer that claimed it last. Each claim raises the
 * run's generation; every checkpoint write names the generation it holds, so a consumer
 * evicted by a rebalance (or by a lapsed lease) finds its writes refused and stops.
 */
export interface RunFence {
  runId: string;
  generation: number;
}

/** This consumer no longer owns the run: another claimed it, or it was ended. Not retried. */
export class RunFenced extends AppException {
  constructor(fence: RunFence) {
    super('RUN_FENCED', `run ${fence.runId} is no longer owned by this worker (generation ${fence.generation}); it stops here`, 'conflict', { runId: fence.runId });
  }
}
