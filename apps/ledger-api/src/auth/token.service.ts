import { createSecretKey, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { JwtService } from '@nestjs/jwt';
import { Caller, ROLES, Role } from './roles';

const DEV_TOKEN_ROLES: Role[] = ['admin', 'gerant', 'auditor', 'accountant'];

/**
 * Signs and verifies bearer tokens (HS256). In embedded mode without AUTH_JWT_SECRET the
 * secret is created once in the data folder, so tokens survive restarts, and a token per
 * role is written to dev-tokens.json for a newcomer to call the service at once.
 */
/** Verified tokens remembered at most (a client sends the same token with every request). */
const VERIFIED_TOKENS = 10_000;

export class TokenService {
  private readonly jwt: JwtService;
  /** Token → its caller, until the token expires: the signature is checked once per token. */
  private readonly verified = new Map<string, { caller: Caller; expiresAtMs: number }>();

  constructor(readonly secret: string) {
    // A KeyObject made once: given the string, jsonwebtoken tries to parse it as a PEM public
    // key on every verify (and throws), which cost ~0.5 ms per request.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(secret, 'utf8')), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  static forDataDir(dataDir: string, configuredSecret: string | undefined): { tokens: TokenService; generated: boolean } {
    if (configuredSecret) return { tokens: new TokenService(configuredSecret), generated: false };
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'auth-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    return { tokens: new TokenService(fs.readFileSync(file, 'utf8').trim()), generated: true };
  }

  sign(caller: Caller, expiresIn: `${number}d` | `${number}h` = '365d'): string {
    return this.jwt.sign({ role: caller.role, coops: caller.coops }, { subject: caller.sub, expiresIn });
  }

  /** The caller, or undefined for any token that is not ours, expired or malformed. */
  verify(token: string): Caller | undefined {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.caller;
    try {
      const claims = this.jwt.verify<{ sub?: unknown; role?: unknown; coops?: unknown; exp?: unknown }>(token);
      const { sub, role, coops, exp } = claims;
      if (typeof sub !== 'string' || !ROLES.includes(role as Role)) return undefined;
      if (!Array.isArray(coops) || !coops.every((c) => typeof c === 'string')) return undefined;
      // An auditor's access is for a review: a token of theirs that never expires is refused.
      if (role === 'auditor' && typeof exp !== 'number') return undefined;
      const caller: Caller = Object.freeze({ sub, role: role as Role, coops: Object.freeze([...coops]) as string[] });
      // jsonwebtoken refuses a token from the second of its `exp` on: so does the cache.
      if (typeof exp === 'number') {
        if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
        this.verified.set(token, { caller, expiresAtMs: exp * 1000 });
      }
      return caller;
    } catch {
      return undefined;
    }
  }

  writeDevTokens(dataDir: string): Record<string, string> {
    const tokens = Object.fromEntries(DEV_TOKEN_ROLES.map((role) => [role, this.sign({ sub: `dev-${role}`, role, coops: ['*'] })]));
    fs.writeFileSync(path.join(dataDir, 'dev-tokens.json'), JSON.stringify(tokens, null, 2) + '\n', { mode: 0o600 });
    return tokens;
  }
}
