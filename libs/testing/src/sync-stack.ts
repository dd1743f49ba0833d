import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Topic } from '@icims-sync/contracts';
import { ConnectedTenant, adminJwtKey, callJson, connectTenantAsAdmin, gatewayAdminEnv, hrSandboxJwtEnv } from './admin-api';
import { ensureContractTopics, startGroupAtEnd, testKafka } from './kafka';
import { rememberForLogScan } from './log-capture';
import { ServiceProcess, freePort } from './service-process';
import { mongoUrlFor, stackEnv, uniqueName } from './stack-env';

export type StackUrls = Record<'sandbox' | 'hr' | 'vault' | 'gateway' | 'ingest' | 'export', string>;

export interface StackOptions {
  /** Added to icims-ingest's environment (e.g. a short session timeout). */
  ingestEnv?: Record<string, string>;
  vaultEnv?: Record<string, string>;
  /** Starts hr-export too (HR → iCIMS), with this added to its environment. */
  exportEnv?: Record<string, string>;
  /** Added to the gateway's environment (e.g. ADMIN_DEV_SIGN_IN=on for the admin page). */
  gatewayEnv?: Record<string, string>;
}

/**
 * The pipeline as separate processes on the real broker and store: both sandboxes, the
 * vault, the gateway, icims-ingest and, when asked, hr-export (sharing the audit database).
 */
export class SyncStack {
  readonly kafka: Kafka = testKafka();
  readonly serviceToken = randomBytes(24).toString('hex');
  readonly auditDatabase = uniqueName('audit');
  readonly ingestGroup = uniqueName('ingest');
  readonly exportGroup = uniqueName('export');
  urls!: StackUrls;
  ingest!: ServiceProcess;
  private readonly processes: ServiceProcess[] = [];
  /** The latest process of each app, by name (`gateway`, `icims-ingest`...). */
  private readonly byApp = new Map<string, ServiceProcess>();
  private vaultEnv: Record<string, string> = {};
  /** Tenants connected here: their HR employees' SSNs and birth dates go to the log scan on stop. */
  private readonly tenants = new Set<string>();
  private ingestEnv: Record<string, string> = {};
  private exportEnv: Record<string, string> = {};
  exporter?: ServiceProcess;

  static async start(options: StackOptions = {}): Promise<SyncStack> {
    const stack = new SyncStack();
    await stack.boot(options);
    return stack;
  }

  async startService(entry: string, env: Record<string, string>): Promise<{ url: string; process: ServiceProcess }> {
    const port = await freePort();
    // Info when the suite's log scan reads the output; quieter otherwise (benchmarks).
    const child = ServiceProcess.start(entry, { LOG_LEVEL: process.env.TEST_LOG_DIR ? 'info' : 'warn', ...env, PORT: String(port) });
    this.processes.push(child);
    this.byApp.set(entry.split('/')[1], child);
    const url = `http://127.0.0.1:${port}`;
    await child.waitUntilReady(url);
    return { url, process: child };
  }

  /** (Re)starts icims-ingest in the stack's consumer group, as a restarted pod would. */
  async startIngest(): Promise<void> {
    const { url, process } = await this.startService('apps/icims-ingest/dist/main.js', this.ingestEnv);
    this.urls.ingest = url;
    this.ingest = process;
  }

  /** (Re)starts hr-export in the stack's consumer group. */
  async startExport(): Promise<void> {
    const { url, process } = await this.startService('apps/hr-export/dist/main.js', this.exportEnv);
    this.urls.export = url;
    this.exporter = process;
  }

  /**
   * A second icims-ingest in a consumer group of its own, from the topics' end: it is handed
   * every import.requested the stack's own icims-ingest is (two consumers, one run).
   */
  async startIngestInOwnGroup(): Promise<ServiceProcess> {
    const groupId = uniqueName('ingest-twin');
    await startGroupAtEnd(this.kafka, groupId, [Topic.CandidateHired, Topic.ImportRequested]);
    return (await this.startService('apps/icims-ingest/dist/main.js', { ...this.ingestEnv, KAFKA_GROUP_ID: groupId })).process;
  }

  /** The operator enables the tenant; its HR admin then connects it to a new sandbox customer. */
  /** `dailyBudget: 0` switches the sandbox's request budget off (benchmarks). */
  async connectTenant(tenantId: string, customerId: string, options: { profile?: 'hrcloud' | 'namely'; hiredStatusIds?: string[]; dailyBudget?: number } = {}): Promise<ConnectedTenant> {
    const icims = await this.enableTenant(tenantId, customerId, options);
    const connected = await connectTenantAsAdmin({ gatewayUrl: this.urls.gateway, hrUrl: this.urls.hr, tenantId, customerId, ...icims, hiredStatusIds: options.hiredStatusIds ?? ['C38353'] });
    rememberForLogScan('secret', [connected.inbound.password, connected.inbound.hmacKey, connected.inbound.clientSecret]);
    return connected;
  }

  /** The operator's part only: an iCIMS sandbox customer with API credentials, and the tenant enabled. An HR admin connects it. */
  async enableTenant(tenantId: string, customerId: string, options: { profile?: 'hrcloud' | 'namely'; dailyBudget?: number } = {}): Promise<{ clientId: string; clientSecret: string }> {
    const icims = { clientId: `${tenantId}-client`, clientSecret: randomBytes(16).toString('hex') };
    this.tenants.add(tenantId);
    rememberForLogScan('secret', [icims.clientSecret]);
    await callJson('PUT', `${this.urls.sandbox}/sandbox/customers/${customerId}`, { ...icims, dailyBudget: options.dailyBudget });
    const cli = ServiceProcess.start('apps/credentials-vault/dist/cli/tenant.cli.js', this.vaultEnv, ['--tenant', tenantId, '--enable', '--profile', options.profile ?? 'hrcloud']);
    if ((await cli.exited).code !== 0) throw new Error(cli.output.stderr);
    return icims;
  }

  /** The OS process id of each app, by name (CPU figures in benchmarks). */
  get pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.byApp].map(([app, child]) => [app, child.pid]));
  }

  async stop(): Promise<void> {
    await this.rememberEmployeePii().catch(() => undefined);
    await Promise.all(this.processes.map((child) => child.ensureStopped()));
  }

  /** The SSNs and birth dates HR holds for this stack's tenants: no log line may carry one. */
  private async rememberEmployeePii(): Promise<void> {
    if (!process.env.TEST_LOG_DIR || !this.urls?.hr) return;
    for (const tenantId of this.tenants) {
      let afterId: string | undefined;
      do {
        const page = (await callJson('GET', `${this.urls.hr}/tenants/${tenantId}/employees?linked=true&pageSize=500${afterId ? `&afterId=${afterId}` : ''}`)).body as { items: { ssn?: string; dateOfBirth?: string }[]; nextAfterId?: string };
        rememberForLogScan('ssn', page.items.map((employee) => employee.ssn));
        rememberForLogScan('dateOfBirth', page.items.map((employee) => employee.dateOfBirth));
        afterId = page.nextAfterId;
      } while (afterId);
    }
  }

  private async boot(options: StackOptions): Promise<void> {
    await ensureContractTopics(this.kafka);
    const jwtKey = adminJwtKey();
    rememberForLogScan('secret', [jwtKey, this.serviceToken]);
    const [sandbox, hr] = await Promise.all([
      this.startService('apps/icims-sandbox/dist/main.js', {}),
      this.startService('apps/hr-sandbox/dist/main.js', { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('hr')), ...hrSandboxJwtEnv(jwtKey) }),
    ]);
    const kek = randomBytes(32).toString('base64');
    rememberForLogScan('secret', [kek]);
    this.vaultEnv = {
      ...stackEnv(),
      MONGO_URL: mongoUrlFor(uniqueName('vault')),
      VAULT_KEKS: `k1:${kek}`,
      VAULT_SERVICE_TOKEN: this.serviceToken,
      HR_API_URL: hr.url,
      OWNER_CHECK_TTL_MS: '0',
      ICIMS_API_URL_OVERRIDE: sandbox.url,
      ICIMS_TOKEN_URL_OVERRIDE: `${sandbox.url}/oauth/token`,
      ...options.vaultEnv,
    };
    const vault = await this.startService('apps/credentials-vault/dist/main.js', this.vaultEnv);
    const shared = { ...stackEnv(), VAULT_URL: vault.url, VAULT_SERVICE_TOKEN: this.serviceToken, MONGO_URL: mongoUrlFor(this.auditDatabase) };
    const hashKey = randomBytes(32).toString('hex');
    rememberForLogScan('secret', [hashKey]);
    this.ingestEnv = { ...shared, HR_API_URL: hr.url, SYNC_STATE_HASH_KEY: hashKey, KAFKA_GROUP_ID: this.ingestGroup, SETTINGS_CACHE_MS: '0', ...options.ingestEnv };
    await startGroupAtEnd(this.kafka, this.ingestGroup, [Topic.CandidateHired, Topic.ImportRequested]);
    // Tests poll the admin API far faster than people do.
    const gateway = await this.startService('apps/gateway/dist/main.js', { ...shared, ...gatewayAdminEnv(hr.url, jwtKey), ADMIN_RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', PUBLIC_RATE_LIMIT_PER_SENDER_PER_MINUTE: '1000000', ...options.gatewayEnv });
    this.urls = { sandbox: sandbox.url, hr: hr.url, vault: vault.url, gateway: gateway.url, ingest: '', export: '' };
    await this.startIngest();
    if (options.exportEnv) {
      this.exportEnv = { ...shared, HR_API_URL: hr.url, SYNC_STATE_HASH_KEY: hashKey, KAFKA_GROUP_ID: this.exportGroup, SETTINGS_CACHE_MS: '0', ...options.exportEnv };
      await startGroupAtEnd(this.kafka, this.exportGroup, [Topic.EmployeeUpdated]);
      await this.startExport();
    }
  }
}
