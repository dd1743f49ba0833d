import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** Access tokens the sandbox issued, and whose customer they belong to. */
@Injectable()
export class TokenRegistry {
  private readonly tokens = new Map<string, { customerId: string; expiresAt: number }>();
  issued = 0;

  issue(customerId: string, ttlSeconds: number): string {
    const token = randomBytes(32).toString('hex');
    this.tokens.set(token, { customerId, expiresAt: Date.now() + ttlSeconds * 1000 });
    this.issued += 1;
    return token;
  }

  customerOf(token: string): string | undefined {
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= Date.now()) return undefined;
    return entry.customerId;
  }
}
