import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { IcimsClient, RequestBudget } from '@icims-sync/icims-client';
import { RemoteIcimsAuthorizer, VaultInternalClient } from '@icims-sync/vault-client';
import { IcimsIngestConfig } from '../config/app.config';
import { MongoBudgetStore } from './mongo-budget.store';

/** One iCIMS client per API host, all signing through the vault and sharing one daily budget (with every replica, in the store). */
@Injectable()
export class IcimsClients implements OnApplicationShutdown {
  private readonly clients = new Map<string, IcimsClient>();
  private readonly budget: RequestBudget;
  private readonly authorizer: RemoteIcimsAuthorizer;

  constructor(@Inject(IcimsIngestConfig) config: IcimsIngestConfig, store: MongoBudgetStore) {
    this.budget = new RequestBudget(() => ({ dailyLimit: config.ICIMS_DAILY_BUDGET, reserveForManual: config.ICIMS_MANUAL_RESERVE }), { store });
    this.authorizer = new RemoteIcimsAuthorizer(new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN));
  }

  forHost(baseUrl: string): IcimsClient {
    let client = this.clients.get(baseUrl);
    if (!client) {
      client = new IcimsClient({ baseUrl, authorizer: this.authorizer, budget: this.budget });
      this.clients.set(baseUrl, client);
    }
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
  }
}
