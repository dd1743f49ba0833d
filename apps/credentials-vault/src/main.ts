import { runService } from '@icims-sync/platform';
import { credentialsVaultService } from './bootstrap';

void runService(credentialsVaultService);
