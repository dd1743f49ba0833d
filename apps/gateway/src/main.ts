import { runService } from '@icims-sync/platform';
import { gatewayService } from './bootstrap';

void runService(gatewayService);
