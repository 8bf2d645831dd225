import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { LedgerConfig } from './config/config';
import { BODY_LIMIT_BYTES, MAX_PARAM_LENGTH, clientErrorHandler, frameworkErrors, registerBoundedJsonParser, registerProblemSafetyNet } from './http/bounded-input';
import { checkPathIds } from './http/path-ids';
import { ledgerValidationPipe } from './http/validation';

/**
 * Builds the HTTP app exactly as production runs it; tests use this same function with a
 * temporary data folder, so what they exercise is what ships.
 */
export async function createLedgerApp(config: LedgerConfig, options: { logger?: false | Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'> } = {}): Promise<NestFastifyApplication> {
  // Every refusal is problem+json, including those Fastify and Node give before routing.
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false, routerOptions: { maxParamLength: MAX_PARAM_LENGTH }, frameworkErrors, clientErrorHandler });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? levelsFrom(config.logLevel),
    bufferLogs: false,
    // Commands are JSON only: Fastify's own JSON parser, and 415 for any other body type.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  registerBoundedJsonParser(fastify);
  registerProblemSafetyNet(fastify);
  fastify.addHook('preValidation', checkPathIds);
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();

  // Built on the first request for it rather than at every start (scanning every route and DTO).
  const openApi = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Cooperative ledger')
        .setDescription(
          'Event-sourced ledger of capital and democracy for French cooperatives (SCIC, SCOP). Money in integer cents, percentages in basis points, dates YYYY-MM-DD. Errors are application/problem+json; legal refusals name their rule and article.',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build(),
    );
  SwaggerModule.setup('docs', app, openApi, { jsonDocumentUrl: 'openapi.json', swaggerOptions: { persistAuthorization: true } });

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

function levelsFrom(level: LedgerConfig['logLevel']): Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'> {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1) as Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'>;
}
