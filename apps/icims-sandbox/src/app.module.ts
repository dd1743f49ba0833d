import { DynamicModule, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ObservabilityModule } from '@icims-sync/platform';
import { SandboxAdminController } from './admin/sandbox-admin.controller';
import { OAuthController, TOKEN_TTL_SECONDS } from './auth/oauth.controller';
import { TokenRegistry } from './auth/token-registry.service';
import { IcimsSandboxConfig } from './config/app.config';
import { PeopleController } from './people/people.controller';
import { generatePeople } from './people/person-generator';
import { SandboxStore } from './people/sandbox-store.service';

export const SERVICE_NAME = 'icims-sandbox';

/** Creates the DEMO_* customer, with seeded people, when configured. */
@Injectable()
class DemoCustomer implements OnModuleInit {
  private readonly logger = new Logger(DemoCustomer.name);

  constructor(
    private readonly store: SandboxStore,
    @Inject(IcimsSandboxConfig) private readonly config: IcimsSandboxConfig,
  ) {}

  onModuleInit(): void {
    const { DEMO_CUSTOMER_ID: customerId, DEMO_SEED_COUNT: count } = this.config;
    if (!customerId) return;
    const { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USERNAME, DEMO_PASSWORD, DEMO_HMAC_KEY, DEMO_DAILY_BUDGET } = this.config;
    const customer = this.store.upsertCustomer(
      customerId,
      { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, username: DEMO_USERNAME, password: DEMO_PASSWORD, hmacKey: DEMO_HMAC_KEY },
      DEMO_DAILY_BUDGET,
    );
    for (const person of generatePeople({ count, seed: 1, firstId: customer.nextPersonId, invalidEvery: 50, now: new Date() })) this.store.insert(customerId, person);
    this.logger.log({ customerId, people: count }, 'demo customer ready');
  }
}

/** A faithful stand-in for iCIMS: OAuth, people, search, budget, faults and hire events. */
@Module({})
export class IcimsSandboxModule {
  static forRoot(config: IcimsSandboxConfig): DynamicModule {
    return {
      module: IcimsSandboxModule,
      imports: [ObservabilityModule.standalone({ service: SERVICE_NAME, logLevel: config.LOG_LEVEL })],
      controllers: [OAuthController, PeopleController, SandboxAdminController],
      providers: [
        SandboxStore,
        TokenRegistry,
        DemoCustomer,
        { provide: IcimsSandboxConfig, useValue: config },
        { provide: TOKEN_TTL_SECONDS, useValue: config.TOKEN_TTL_SECONDS },
      ],
    };
  }
}
