import * as fs from 'node:fs';
import * as path from 'node:path';
import { TokenService } from '../../ledger-api/src/auth/token.service';
import { ROLES, Role } from '../../ledger-api/src/auth/roles';
import { loadConfig } from '../../ledger-api/src/config/config';
import { ParsedArgs, refuseUnknown, stringOption, UsageError } from './args';

/** The longest an auditor's token may live: a review, not a standing access. */
const AUDITOR_MAX_DAYS = 366;

/**
 * `ledger token --role auditor --coop alpha [--coop beta] [--sub name] [--expires 30d]`: a
 * token signed with the service's own secret, read as the service reads it (AUTH_JWT_SECRET,
 * else `<LEDGER_DATA_DIR>/auth-secret`), for deployments without an identity provider. An
 * auditor's token names its cooperatives (never `*`) and expires.
 */
export function tokenCommand(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): number {
  refuseUnknown(args, ['role', 'coop', 'sub', 'expires', 'data-dir']);
  const role = stringOption(args, 'role');
  if (!role || !ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const coops = (stringOption(args, 'coop') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (coops.length === 0) throw new UsageError('--coop names the cooperatives the token may see (comma-separated; * for all, not for an auditor)');
  for (const c of coops) if (c !== '*' && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(c)) throw new UsageError(`--coop ${c} is not a cooperative id`);
  const expires = stringOption(args, 'expires') ?? (role === 'auditor' ? '30d' : '365d');
  const match = /^(\d{1,4})([dh])$/.exec(expires);
  if (!match || Number(match[1]) === 0) throw new UsageError('--expires is a duration in days or hours: 30d, 12h');
  if (role === 'auditor') {
    if (coops.includes('*')) throw new UsageError('an auditor token names its cooperatives: --coop alpha, not *');
    if ((match[2] === 'd' ? Number(match[1]) : Number(match[1]) / 24) > AUDITOR_MAX_DAYS) throw new UsageError(`an auditor token lives at most ${AUDITOR_MAX_DAYS} days`);
  }
  const config = loadConfig({ ...env, ...(args.options.has('data-dir') ? { LEDGER_DATA_DIR: stringOption(args, 'data-dir') } : {}) });
  if (config.jwtSecret === undefined && !fs.existsSync(path.join(config.dataDir, 'auth-secret'))) {
    throw new UsageError(`no signing secret: set AUTH_JWT_SECRET, or point LEDGER_DATA_DIR (now ${config.dataDir}) at the service's data folder`);
  }
  const { tokens } = TokenService.forDataDir(config.dataDir, config.jwtSecret);
  const sub = stringOption(args, 'sub') ?? `${role}-cli`;
  process.stdout.write(`${tokens.sign({ sub, role: role as Role, coops }, expires as `${number}d`)}\n`);
  return 0;
}
