import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import * as path from 'path';
import { TokenService } from './auth/token.service';
import { ConfigError, loadConfig } from './config/config';
import { createLedgerApp } from './app.factory';

async function main(): Promise<void> {
  const logger = new Logger('Ledger');
  const config = loadConfig();
  const app = await createLedgerApp(config);
  // Embedded mode without a configured secret: the secret lives in the data folder, and a
  // newcomer gets a token per role at once.
  if (config.jwtSecret === undefined) {
    const tokens = app.get(TokenService).writeDevTokens(config.dataDir);
    logger.log(`Development tokens (coops ["*"]) written to ${path.join(config.dataDir, 'dev-tokens.json')}:`);
    for (const [role, token] of Object.entries(tokens)) logger.log(`  ${role.padEnd(10)} ${token}`);
  }
  await app.listen(config.port, config.host);
  logger.log(`Cooperative ledger on http://localhost:${config.port} — API docs at http://localhost:${config.port}/docs — data in ${config.dataDir}`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
