import { runService } from '@icims-sync/platform';
import { schedulerService } from './bootstrap';

void runService(schedulerService);
