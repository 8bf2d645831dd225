import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CSV_DIALECTS, fecBytes, fecFileName, fecText, journalCsv } from '@ledger/projections';
import { Allow } from '../auth/auth.guard';
import { READERS } from '../auth/roles';
import { ApiRead } from '../http/api-docs';
import { CSV_CONTENT_TYPE, CSV_DIALECT_DOC, exportRequest } from '../http/csv-request';
import { badQuery } from '../http/query-params';
import { JournalQueries } from './journal-queries';
import { JournalDoc } from './journal.views';

@ApiTags('Accounting')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId')
export class JournalController {
  constructor(private readonly queries: JournalQueries) {}

  @Get('journal')
  @Allow(...READERS)
  @ApiQuery({ name: 'year', required: true, description: 'the fiscal year (it ends on <year>-<fiscalYearEnd>): the entries dated within it' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'fec'], description: '`fec`: the fichier des écritures comptables of LPF art. A47 A-1 (ISO 8859-15, tab-separated), named <siren>FEC<AAAAMMJJ>.txt' })
  @ApiQuery({ name: 'dialect', required: false, enum: CSV_DIALECTS, description: CSV_DIALECT_DOC })
  @ApiRead({ summary: 'The journal of a fiscal year (Plan comptable général): capital movements, part travail, allocation, interest paid', type: JournalDoc, query: true, produces: ['text/csv', 'text/plain'] })
  @ApiResponse({
    status: 422,
    description: '`format=fec` while the statuts have no siren, or interest put in payment on a date no withholding rate covers',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  })
  async journal(
    @Param('coopId') coopId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('year') year?: string,
    @Query('format') format?: string,
    @Query('dialect') dialect?: string,
    @Headers('accept') accept?: string,
  ) {
    if (year === undefined || !/^\d{4}$/.test(year)) throw badQuery('year', 'must be a fiscal year, four digits (e.g. 2024)');
    const wanted = exportRequest(['json', 'csv', 'fec'] as const, { format, dialect }, accept);
    const journal = await this.queries.journal(coopId, Number(year));
    if (wanted.format === 'csv') {
      void reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', `attachment; filename="${coopId}-journal-${year}.csv"`);
      return journalCsv(journal, wanted.dialect);
    }
    if (wanted.format === 'fec') {
      const siren = await this.queries.siren(coopId);
      void reply.header('content-type', 'text/plain; charset=iso-8859-15').header('content-disposition', `attachment; filename="${fecFileName(siren, journal.endsOn)}"`);
      return fecBytes(fecText(journal));
    }
    return journal;
  }
}
