/** An identity provider whose tokens the service accepts (OpenID Connect, keys from its JWKS). */
export interface OidcConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Claim holding the role (a dotted path, e.g. `realm_access.roles`): a string, or an array with exactly one ledger role. */
  roleClaim: string;
  /** Claim holding the cooperative ids: an array, or a string separated by spaces or commas. */
  coopsClaim: string;
}

const CLAIM_PATH = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$|^https?:\/\/\S+$/;

/**
 * AUTH_OIDC_ISSUER, AUTH_OIDC_AUDIENCE, AUTH_OIDC_JWKS_URL (all three, or none),
 * AUTH_OIDC_ROLE_CLAIM (default `role`), AUTH_OIDC_COOPS_CLAIM (default `coops`). Problems are
 * pushed for loadConfig to report with the others at boot.
 */
export function oidcConfigFrom(env: NodeJS.ProcessEnv, problems: string[]): OidcConfig | undefined {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_AUDIENCE: audience, AUTH_OIDC_JWKS_URL: jwksUrl } = env;
  const roleClaim = env.AUTH_OIDC_ROLE_CLAIM ?? 'role';
  const coopsClaim = env.AUTH_OIDC_COOPS_CLAIM ?? 'coops';
  const given = [issuer, audience, jwksUrl, env.AUTH_OIDC_ROLE_CLAIM, env.AUTH_OIDC_COOPS_CLAIM].some((v) => v !== undefined);
  if (!given) return undefined;
  const before = problems.length;
  if (!issuer) problems.push('AUTH_OIDC_ISSUER is needed with the other AUTH_OIDC_* variables (the iss every token must carry)');
  if (!audience) problems.push('AUTH_OIDC_AUDIENCE is needed with the other AUTH_OIDC_* variables (the aud every token must carry)');
  if (!jwksUrl) problems.push('AUTH_OIDC_JWKS_URL is needed with the other AUTH_OIDC_* variables (where the provider publishes its keys)');
  else if (!isHttpUrl(jwksUrl)) problems.push(`AUTH_OIDC_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
  else if (new URL(jwksUrl).protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(jwksUrl).hostname)) problems.push('AUTH_OIDC_JWKS_URL must use https (plain http only on localhost)');
  for (const [name, value] of [
    ['AUTH_OIDC_ROLE_CLAIM', roleClaim],
    ['AUTH_OIDC_COOPS_CLAIM', coopsClaim],
  ] as const) {
    if (!CLAIM_PATH.test(value)) problems.push(`${name} must be a claim name or a dotted path (e.g. realm_access.roles), got "${value}"`);
  }
  if (problems.length > before) return undefined;
  return { issuer: issuer!, audience: audience!, jwksUrl: jwksUrl!, roleClaim, coopsClaim };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
