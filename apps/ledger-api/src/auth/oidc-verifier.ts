import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { Caller, ROLES, Role } from './roles';
import { OidcConfig } from './oidc.config';

/** The algorithms an identity provider may sign with: asymmetric only, so the service holds no secret of theirs. */
const ALGORITHMS = ['RS256', 'ES256'];

/**
 * Verifies an identity provider's tokens (jose): the signature against the keys of its JWKS
 * (fetched, cached and refetched on an unknown `kid` by jose), RS256 or ES256, the issuer, the
 * audience, `exp` (required) and `nbf`; then reads the role and the cooperatives from the
 * configured claims. Anything short of that is no caller.
 */
export class OidcVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: OidcConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<Caller | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { issuer: this.config.issuer, audience: this.config.audience, algorithms: ALGORITHMS, requiredClaims: ['exp', 'sub'], clockTolerance: 5 }));
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
      throw error;
    }
    const role = roleOf(claimAt(payload, this.config.roleClaim));
    const coops = coopsOf(claimAt(payload, this.config.coopsClaim));
    if (!role || !coops || typeof payload.sub !== 'string') return undefined;
    return Object.freeze({ sub: payload.sub, role, coops: Object.freeze(coops) as string[] });
  }
}

function claimAt(payload: JWTPayload, claim: string): unknown {
  if (Object.prototype.hasOwnProperty.call(payload, claim)) return payload[claim];
  let value: unknown = payload;
  for (const part of claim.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A role claim is a ledger role, or a list (a provider's groups) holding exactly one. */
function roleOf(value: unknown): Role | undefined {
  if (typeof value === 'string') return ROLES.includes(value as Role) ? (value as Role) : undefined;
  if (!Array.isArray(value)) return undefined;
  const roles = value.filter((v): v is Role => typeof v === 'string' && ROLES.includes(v as Role));
  return roles.length === 1 ? roles[0] : undefined;
}

function coopsOf(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? value.split(/[\s,]+/).filter((c) => c !== '') : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === 'string')) return undefined;
  return [...(list as string[])];
}
