import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, NotFoundException, Optional, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Caller, Role, canSeeCooperative } from './roles';
import { decodeProtectedHeader } from 'jose';
import { OidcVerifier } from './oidc-verifier';
import { TokenService } from './token.service';

const ROLES_KEY = 'ledger:roles';
const PUBLIC_KEY = 'ledger:public';

/** The roles allowed on a route. Every route is closed unless it says who may call it. */
export const Allow = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  caller?: Caller;
  method?: string;
  url?: string;
}

/**
 * Bearer JWT, then role, then cooperative scope: a cooperative outside the caller's `coops`
 * answers 404, as if it did not exist, so ids of other cooperatives do not leak.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Optional() private readonly oidc?: OidcVerifier,
  ) {}

  private readonly audit = new Logger('Audit');

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <JWT>)');
    const caller = await this.callerOf(match[1]);
    if (!caller) throw new UnauthorizedException('The bearer token is invalid or expired');
    request.caller = caller;
    // Every request an auditor makes is traced to the person (their token's sub), answered or refused.
    if (caller.role === 'auditor') this.audit.log(`auditor ${caller.sub} ${request.method ?? 'GET'} ${request.url ?? ''}`);

    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const coopId = request.params?.coopId;
    if (coopId !== undefined && !canSeeCooperative(caller, coopId)) throw new NotFoundException(`Cooperative ${coopId} not found`);
    if (roles.includes(caller.role)) return true;
    // An associate reads their own record, nothing else.
    if (caller.role === 'associate' && this.isOwnRecord(request, caller, targets)) return true;
    throw new ForbiddenException(`Role ${caller.role} may not do this`);
  }

  /** The service's own HS256 tokens; an identity provider's (RS256/ES256) when one is configured. */
  private async callerOf(token: string): Promise<Caller | undefined> {
    if (this.oidc && signedByProvider(token)) return this.oidc.verify(token);
    return this.tokens.verify(token);
  }

  private isOwnRecord(request: AuthenticatedRequest, caller: Caller, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    return this.reflector.getAllAndOverride<boolean>(OWN_RECORD_KEY, targets) === true && request.params?.associateId === caller.sub;
  }
}

function signedByProvider(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg !== 'HS256';
  } catch {
    return false;
  }
}

const OWN_RECORD_KEY = 'ledger:own-record';
/** An associate may call this route for their own associateId. */
export const AllowOwnRecord = () => SetMetadata(OWN_RECORD_KEY, true);
