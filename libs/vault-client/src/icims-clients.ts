import { OnApplicationShutdown } from '@nestjs/common';
import { IcimsClient, RequestBudget, SharedBudgetStore } from '@icims-sync/icims-client';
import { RemoteIcimsAuthorizer } from './remote-icims-authorizer';
import { VaultInternalClient } from './vault-internal.client';

export interface IcimsClientsOptions {
  vaultUrl: string;
  vaultServiceToken: string;
  /** iCIMS requests per tenant and UTC day, shared by every service and replica through `store`. */
  dailyBudget: number;
  reserveForManual: number;
  store: SharedBudgetStore;
}

/** One iCIMS client per API host, all signing through the vault and sharing one daily budget (with every replica, in the store). */
export class IcimsClients implements OnApplicationShutdown {
  private readonly clients = new Map<string, IcimsClient>();
  private readonly budget: RequestBudget;
  private readonly authorizer: RemoteIcimsAuthorizer;

  constructor(options: IcimsClientsOptions) {
    this.budget = new RequestBudget(() => ({ dailyLimit: options.dailyBudget, reserveForManual: options.reserveForManual }), { store: options.store });
    this.authorizer = new RemoteIcimsAuthorizer(new VaultInternalClient(options.vaultUrl, options.vaultServiceToken));
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
