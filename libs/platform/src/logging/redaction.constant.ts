/**
 * Paths pino censors wherever they appear in a log line. Request and response
 * serializers already log only an allow-list; this is the second wall.
 */
export const REDACTED_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'res.headers["set-cookie"]',
  'body',
  'rawBody',
  ...['password', 'secret', 'clientSecret', 'hmacKey', 'token', 'accessToken', 'apiKey', 'authorization', 'ssn', 'usssn', 'dateOfBirth', 'birthdate']
    .flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** Ssn and dateOfBirth vanish entirely; secrets show that they were there. */
export const REDACTION_CENSOR = '[redacted]';
