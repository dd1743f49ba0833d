import { runService } from '@icims-sync/platform';
import { icimsIngestService } from './bootstrap';

void runService(icimsIngestService);
