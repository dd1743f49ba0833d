import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Envelope, ExportRequestedPayload, Topic } from '@icims-sync/contracts';
import { MessageContext } from '@icims-sync/platform';
import { RunExportUseCase } from './run-export.usecase';

/** `export.requested` (the admin's export backfill) → the run happens here, on its own consumer. */
@Controller()
export class ExportRequestedConsumer {
  constructor(private readonly runExport: RunExportUseCase) {}

  @EventPattern(Topic.ExportRequested)
  async handle(@Payload() envelope: Envelope<ExportRequestedPayload>, @Ctx() context: MessageContext): Promise<void> {
    await this.runExport.execute(envelope, context.signal);
  }
}
