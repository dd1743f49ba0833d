import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HrEmployeesClient } from './hr-employees.client';
import { HrHttp } from './hr-http';
import { HrUsersClient } from './hr-users.client';

/** The HR system's API clients over one keep-alive pool, closed when the app shuts down. */
@Module({})
export class HrClientModule implements OnApplicationShutdown {
  constructor(@Inject(HrHttp) private readonly http: HrHttp) {}

  static forRoot(hrApiUrl: string, options: { timeoutMs?: number; connections?: number } = {}): DynamicModule {
    return {
      module: HrClientModule,
      providers: [
        { provide: HrHttp, useFactory: () => new HrHttp(hrApiUrl, options.timeoutMs, options.connections) },
        { provide: HrUsersClient, useFactory: (http: HrHttp) => new HrUsersClient(http), inject: [HrHttp] },
        { provide: HrEmployeesClient, useFactory: (http: HrHttp) => new HrEmployeesClient(http), inject: [HrHttp] },
      ],
      exports: [HrUsersClient, HrEmployeesClient],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}
