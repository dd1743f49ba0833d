import { runService } from '@icims-sync/platform';
import { hrSandboxService } from './bootstrap';

void runService(hrSandboxService);
