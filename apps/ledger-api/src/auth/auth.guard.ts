import { CanActivate, ExecutionContext, ForbiddenException, Injectable, NotFoundException, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Caller, Role, canSeeCooperative } from './roles';
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
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <JWT>)');
    const caller = this.tokens.verify(match[1]);
    if (!caller) throw new UnauthorizedException('The bearer token is invalid or expired');
    request.caller = caller;

    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const coopId = request.params?.coopId;
    if (coopId !== undefined && !canSeeCooperative(caller, coopId)) throw new NotFoundException(`Cooperative ${coopId} not found`);
    if (roles.includes(caller.role)) return true;
    // An associate reads their own record, nothing else.
    if (caller.role === 'associate' && this.isOwnRecord(request, caller, targets)) return true;
    throw new ForbiddenException(`Role ${caller.role} may not do this`);
  }

  private isOwnRecord(request: AuthenticatedRequest, caller: Caller, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    return this.reflector.getAllAndOverride<boolean>(OWN_RECORD_KEY, targets) === true && request.params?.associateId === caller.sub;
  }
}

const OWN_RECORD_KEY = 'ledger:own-record';
/** An associate may call this route for their own associateId. */
export const AllowOwnRecord = () => SetMetadata(OWN_RECORD_KEY, true);
