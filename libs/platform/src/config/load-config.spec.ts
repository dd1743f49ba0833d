import { IsString } from 'class-validator';
import { BaseServiceConfig } from './base-service.config';
import { ConfigValidationError, describeConfig, loadConfig } from './load-config';
import { Secret } from './secret.decorator';

class ExampleConfig extends BaseServiceConfig {
  @Secret()
  @IsString()
  API_SECRET: string = 'dev-secret';
}

const VALID = { KAFKA_BROKERS: 'localhost:9092, kafka-1:9092', MONGO_URL: 'mongodb://localhost:27017/app' };

describe(loadConfig.name, () => {
  it('converts, splits lists and applies defaults', () => {
    const sut = loadConfig(ExampleConfig, { ...VALID, PORT: '8080' });

    expect(sut).toMatchObject({ PORT: 8080, KAFKA_BROKERS: ['localhost:9092', 'kafka-1:9092'], LOG_LEVEL: 'info', PROCESSED_EVENTS_TTL_DAYS: 7 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(ExampleConfig, { ...VALID, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it.each([
    ['PORT', '70000', /^PORT: PORT must be an integer from 1 to 65535$/],
    ['PORT', '3.5', /^PORT: /],
    ['KAFKA_BROKERS', 'no-port-here', /^KAFKA_BROKERS: KAFKA_BROKERS must be a comma-separated list of host:port$/],
    ['MONGO_URL', 'http://x', /^MONGO_URL: MONGO_URL must be a mongodb:\/\/ or mongodb\+srv:\/\/ URL$/],
    ['PROCESSED_EVENTS_TTL_DAYS', '3', /at least 7/],
    ['KAFKA_GROUP_ID', 'has spaces', /^KAFKA_GROUP_ID: /],
  ])('names %s when it is %p', (variable, value, problem) => {
    const attempt = () => loadConfig(ExampleConfig, { ...VALID, [variable]: value });

    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigValidationError).problems).toEqual([expect.stringMatching(problem)]);
    }
  });

  it('reports every missing required variable at once', () => {
    const attempt = () => loadConfig(ExampleConfig, {});

    expect(attempt).toThrow(/KAFKA_BROKERS.*MONGO_URL/);
  });
});

describe(describeConfig.name, () => {
  it('masks variables marked secret', () => {
    const sut = describeConfig(loadConfig(ExampleConfig, { ...VALID, API_SECRET: 's3cr3t-value' }));

    expect(sut.API_SECRET).toBe('[secret]');
    expect(JSON.stringify(sut)).not.toContain('s3cr3t-value');
  });

  it('masks the credentials inside a connection string and keeps where it points', () => {
    const sut = describeConfig(loadConfig(ExampleConfig, { ...VALID, API_SECRET: 'x', MONGO_URL: 'mongodb://icims-app:hunter2@db-1:27017,db-2:27017/icims?replicaSet=rs0' }));

    expect(sut.MONGO_URL).toBe('mongodb://[credentials]@db-1:27017,db-2:27017/icims?replicaSet=rs0');
    expect(JSON.stringify(sut)).not.toMatch(/hunter2|icims-app/);
  });

  it('leaves a URL without credentials as it is', () => {
    expect(describeConfig(loadConfig(ExampleConfig, { ...VALID, API_SECRET: 'x' })).MONGO_URL).toBe(VALID.MONGO_URL);
  });
});
