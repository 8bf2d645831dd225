import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TokenService } from './token.service';

describe('tokens in embedded mode', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-auth-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the secret on first start and keeps it, so tokens survive a restart', () => {
    const first = TokenService.forDataDir(dir, undefined);
    const token = first.tokens.sign({ sub: 'g', role: 'gerant', coops: ['alpha'] });
    const second = TokenService.forDataDir(dir, undefined);
    expect(first.generated).toBe(true);
    expect(second.tokens.verify(token)).toEqual({ sub: 'g', role: 'gerant', coops: ['alpha'] });
    expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o077).toBe(0);
  });

  it('writes a development token per role, each valid for every cooperative', () => {
    const { tokens } = TokenService.forDataDir(dir, undefined);
    tokens.writeDevTokens(dir);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'dev-tokens.json'), 'utf8'));
    expect(Object.keys(written)).toEqual(['admin', 'gerant', 'auditor', 'accountant']);
    for (const [role, token] of Object.entries(written)) expect(tokens.verify(token as string)).toMatchObject({ role, coops: ['*'] });
  });

  it('refuses tokens signed with another secret, unknown roles and malformed claims', () => {
    const ours = new TokenService('a'.repeat(40));
    const theirs = new TokenService('b'.repeat(40));
    expect(ours.verify(theirs.sign({ sub: 'x', role: 'admin', coops: ['*'] }))).toBeUndefined();
    expect(ours.verify('not-a-jwt')).toBeUndefined();
    expect(ours.verify(ours.sign({ sub: 'x', role: 'root' as never, coops: ['*'] }))).toBeUndefined();
    expect(ours.verify(ours.sign({ sub: 'x', role: 'admin', coops: 'alpha' as never }))).toBeUndefined();
  });

  it('checks a token once, then answers from memory until the token expires, not after', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    try {
      const tokens = new TokenService('d'.repeat(40));
      const token = tokens.sign({ sub: 'g', role: 'gerant', coops: ['alpha'] }, '1h');
      expect(tokens.verify(token)).toEqual({ sub: 'g', role: 'gerant', coops: ['alpha'] });
      jest.setSystemTime(new Date('2026-01-01T10:59:59Z'));
      expect(tokens.verify(token)).toEqual({ sub: 'g', role: 'gerant', coops: ['alpha'] });
      jest.setSystemTime(new Date('2026-01-01T11:00:00Z'));
      expect(tokens.verify(token)).toBeUndefined();
      expect(tokens.verify(token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'))).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('uses AUTH_JWT_SECRET when given and writes nothing', () => {
    const { generated } = TokenService.forDataDir(dir, 'c'.repeat(40));
    expect(generated).toBe(false);
    expect(fs.existsSync(path.join(dir, 'auth-secret'))).toBe(false);
  });
});
