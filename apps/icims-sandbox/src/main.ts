import { runService } from '@icims-sync/platform';
import { icimsSandboxService } from './bootstrap';

void runService(icimsSandboxService);
