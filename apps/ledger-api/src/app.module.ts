import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { JournalController } from './accounting/journal.controller';
import { JournalQueries } from './accounting/journal-queries';
import { AssembliesController } from './assemblies/assemblies.controller';
import { AssemblyQueries } from './assemblies/assembly-queries.service';
import { AuditController } from './audit/audit.controller';
import { ReplaysController } from './audit/replays.controller';
import { AuditBundleController } from './audit/audit-bundle.controller';
import { AuthGuard } from './auth/auth.guard';
import { OidcVerifier } from './auth/oidc-verifier';
import { AssociatesController } from './capital/associates.controller';
import { CapitalController } from './capital/capital.controller';
import { LedgerConfig } from './config/config';
import { CooperativesController } from './cooperatives/cooperatives.controller';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { LedgerCoreModule } from './infrastructure/ledger-core.module';
import { JOB_CONTROLLERS, jobProviders } from './jobs/jobs.module';
import { LedgerQueries } from './queries/ledger-queries';
import { CrossStreamFacts } from './write/cross-stream-facts';
import { FiscalYearFacts } from './write/fiscal-year-facts';
import { FiscalYearQueries } from './fiscal-years/fiscal-year-queries';
import { FiscalYearsController, TmoController } from './fiscal-years/fiscal-years.controller';
import { LedgerCommands, StreamCommandHandler } from './write/stream-command';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), TerminusModule, LedgerCoreModule.forRoot(config)],
      controllers: [
        HealthController,
        CooperativesController,
        AssociatesController,
        CapitalController,
        AssembliesController,
        AuditController,
        AuditBundleController,
        FiscalYearsController,
        TmoController,
        JournalController,
        ...JOB_CONTROLLERS,
        ReplaysController,
        ExportsController,
      ],
      providers: [
        StreamCommandHandler,
        LedgerCommands,
        CrossStreamFacts,
        FiscalYearFacts,
        FiscalYearQueries,
        JournalQueries,
        LedgerQueries,
        AssemblyQueries,
        ...jobProviders(config),
        { provide: OidcVerifier, useFactory: () => (config.oidc ? new OidcVerifier(config.oidc) : null) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
