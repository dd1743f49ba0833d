import { runService } from '@icims-sync/platform';
import { hrExportService } from './bootstrap';

void runService(hrExportService);
