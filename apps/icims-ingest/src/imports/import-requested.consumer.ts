import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Envelope, ImportRequestedPayload, Topic } from '@icims-sync/contracts';
import { MessageContext } from '@icims-sync/platform';
import { RunImportUseCase } from './run-import.usecase';

/** `import.requested` (manual or scheduled) → the import runs here, on its own consumer. */
@Controller()
export class ImportRequestedConsumer {
  constructor(private readonly runImport: RunImportUseCase) {}

  @EventPattern(Topic.ImportRequested)
  async handle(@Payload() envelope: Envelope<ImportRequestedPayload>, @Ctx() context: MessageContext): Promise<void> {
    await this.runImport.execute(envelope, context.signal);
  }
}
