import { Injectable, NotFoundException } from '@nestjs/common';
import { DomainError } from '@ledger/domain';
import { CooperativeLedgerState, Journal, JournalState, MissingWithholdingRateError, ProjectionEngine, cooperativeLedgerProjection, journalOf, journalProjection, sirenOf } from '@ledger/projections';
import { ProblemException } from '../http/problem';

/** The journal as HTTP asks for it: caught up with the store first, unknown cooperatives 404. */
@Injectable()
export class JournalQueries {
  constructor(private readonly engine: ProjectionEngine) {}

  async journal(coopId: string, year: number): Promise<Journal> {
    await this.engine.catchUp();
    try {
      const journal = journalOf(this.engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name), this.engine.state<JournalState>(journalProjection.name), coopId, year);
      if (!journal) throw new NotFoundException(`Cooperative ${coopId} not found`);
      return journal;
    } catch (error) {
      if (error instanceof MissingWithholdingRateError) throw new DomainError('INVALID_STATE', error.message);
      throw error;
    }
  }

  /** The SIREN that names the FEC file; a 422 while the statuts have none. */
  async siren(coopId: string): Promise<string> {
    const siren = sirenOf(this.engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name), coopId);
    if (!siren) throw new ProblemException(422, 'NO-SIREN', `the statuts of ${coopId} have no siren: the FEC file is named after it (<siren>FEC<AAAAMMJJ>.txt); amend the statuts to add it`);
    return siren;
  }
}
