import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CandidateHiredPayload, Envelope, Topic } from '@icims-sync/contracts';
import { ImportHireUseCase } from './import-hire.usecase';

/** `candidate.hired` → the hire lands in the HR system. Transient failures are retried by the runner. */
@Controller()
export class CandidateHiredConsumer {
  constructor(private readonly importHire: ImportHireUseCase) {}

  @EventPattern(Topic.CandidateHired)
  async handle(@Payload() envelope: Envelope<CandidateHiredPayload>): Promise<void> {
    await this.importHire.execute(envelope);
  }
}
