import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

/** What any HTTP process reads: the services and the sandboxes. */
export class HttpServiceConfig {
  @IsString()
  HOST: string = '127.0.0.1';

  @IsInt({ message: 'PORT must be an integer from 1 to 65535' })
  @Min(1, { message: 'PORT must be an integer from 1 to 65535' })
  @Max(65535, { message: 'PORT must be an integer from 1 to 65535' })
  PORT: number = 3000;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** After SIGTERM the process exits within this, drained or not. */
  @IsInt() @Min(1000) @Max(120_000)
  SHUTDOWN_TIMEOUT_MS: number = 8_000;

  @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES: number = 1024 * 1024;

  /**
   * Proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated), such as the
   * ingress's pod range. Empty: the peer address is the client's, and the header is ignored.
   */
  @Transform(splitList)
  @Matches(/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/, { each: true, message: 'TRUSTED_PROXIES must be IP addresses or CIDR ranges, comma-separated' })
  TRUSTED_PROXIES: string[] = [];
}

/** Variables every product service reads. Apps extend this class with their own. */
export class BaseServiceConfig extends HttpServiceConfig {
  /** Comma-separated host:port list. */
  @Transform(splitList)
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one broker' })
  @Matches(HOST_PORT, { each: true, message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string[];

  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URL must be a mongodb:// or mongodb+srv:// URL' })
  MONGO_URL!: string;

  /** Consumer group; defaults to the service name. Two deployments sharing a cluster need distinct ones. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_GROUP_ID must be 1-100 letters, digits, dots, dashes or underscores' })
  KAFKA_GROUP_ID?: string;

  /** Partitions for topics the service creates when they are missing. */
  @IsInt() @Min(1) @Max(1000)
  KAFKA_TOPIC_PARTITIONS: number = 6;

  /** Partitions of one topic a replica handles at once. */
  @IsInt() @Min(1) @Max(1000)
  KAFKA_PARTITIONS_CONCURRENTLY: number = 6;

  /** Message keys handled at once within one partition; messages of one key stay in order. */
  @IsInt() @Min(1) @Max(1000)
  KAFKA_KEYS_CONCURRENTLY: number = 8;

  @IsInt() @Min(1) @Max(7)
  KAFKA_REPLICATION_FACTOR: number = 1;

  /** A consumer that stops heartbeating (crash, SIGKILL) loses its partitions after this. */
  @IsInt() @Min(6_000) @Max(300_000)
  KAFKA_SESSION_TIMEOUT_MS: number = 10_000;

  /** How many times a transient handler failure is retried before the message goes to the DLQ. */
  @IsInt() @Min(0) @Max(100)
  KAFKA_HANDLER_RETRIES: number = 5;

  @IsInt() @Min(1) @Max(60_000)
  KAFKA_RETRY_INITIAL_MS: number = 200;

  @IsInt() @Min(1) @Max(600_000)
  KAFKA_RETRY_MAX_MS: number = 10_000;

  /** How long a webhook or API call waits for the broker's acknowledgement. */
  @IsInt() @Min(100) @Max(120_000)
  KAFKA_PUBLISH_TIMEOUT_MS: number = 10_000;

  /** Duplicate envelopes are recognised for this long (DESIGN: 7 days or more). */
  @IsInt({ message: 'PROCESSED_EVENTS_TTL_DAYS must be an integer of at least 7' })
  @Min(7, { message: 'PROCESSED_EVENTS_TTL_DAYS must be an integer of at least 7' })
  PROCESSED_EVENTS_TTL_DAYS: number = 7;
}
