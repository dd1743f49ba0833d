import { Controller } from '@nestjs/common';
import { EventPattern, Payload, Ctx } from '@nestjs/microservices';
import { EmployeeUpdatedPayload, Envelope, Topic } from '@icims-sync/contracts';
import { MessageContext } from '@icims-sync/platform';
import { ExportEmployeeUseCase } from './export-employee.usecase';

/**
 * `employee.updated` → iCIMS. The consumer coalesces by key: one call per employee per batch,
 * with the earlier saves of the batch beside the newest. Transient failures are retried by the runner.
 */
@Controller()
export class EmployeeUpdatedConsumer {
  constructor(private readonly exportEmployee: ExportEmployeeUseCase) {}

  @EventPattern(Topic.EmployeeUpdated)
  async handle(@Payload() envelope: Envelope<EmployeeUpdatedPayload>, @Ctx() context: MessageContext): Promise<void> {
    await this.exportEmployee.execute([...(context.coalesced as Envelope<EmployeeUpdatedPayload>[]), envelope], context.signal);
  }
}
