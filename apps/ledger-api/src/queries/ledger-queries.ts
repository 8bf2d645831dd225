import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  AssociatesFilter,
  AssociatesQuery,
  AssociateView,
  CapTablePage,
  CapitalMovementsQuery,
  CooperativeLedgerState,
  InvalidCursorError,
  KnownAt,
  ProjectionEngine,
  StreamHeadsState,
  associateAsOf,
  associatesAsOf,
  associatesRegister,
  capTable,
  capitalMovementRow,
  capitalMovementsExport,
  capitalMovementsPage,
  complianceAsOf,
  cooperativeAsOf,
  cooperativeLedgerProjection,
  ledgerKnownAt,
  listCooperatives,
  ownEntry,
  pendingRedemptionsAsOf,
  streamHeadsOf,
  streamHeadsProjection,
} from '@ledger/projections';

/**
 * The read side as HTTP sees it. Every query first catches up with the store, so a second
 * process over the same data folder answers what the first one wrote; unknown ids are 404.
 */
@Injectable()
export class LedgerQueries {
  constructor(private readonly engine: ProjectionEngine) {}

  async listCooperatives() {
    return listCooperatives(await this.ledger());
  }

  async cooperative(coopId: string, asOf: string, known?: KnownAt) {
    return this.found(cooperativeAsOf(await this.ledger(coopId, known), coopId, asOf), `Cooperative ${coopId} not found`);
  }

  async requireCooperative(coopId: string): Promise<void> {
    const ledger = await this.ledger();
    if (!ownEntry(ledger.coops, coopId)) throw new NotFoundException(`Cooperative ${coopId} not found`);
  }

  async associates(coopId: string, query: AssociatesQuery, known?: KnownAt) {
    const ledger = await this.ledger(coopId, known);
    try {
      return this.found(associatesAsOf(ledger, coopId, query), `Cooperative ${coopId} not found`);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new BadRequestException({ errors: [{ field: 'after', message: `after must be the next cursor of a previous page (${error.cursor} is not an associate here)` }] });
      throw error;
    }
  }

  async associate(coopId: string, associateId: string, asOf: string, known?: KnownAt) {
    const ledger = await this.ledger(coopId, known);
    if (!ownEntry(ledger.coops, coopId)) throw new NotFoundException(`Cooperative ${coopId} not found`);
    return this.found(associateAsOf(ledger, coopId, associateId, asOf), `Associate ${associateId} not found in ${coopId} as of ${asOf}`);
  }

  /** The cap table, its rows cut to one page when `page` says so (totals and breakdowns stay whole). */
  async capTable(coopId: string, asOf: string, known?: KnownAt, page: CapTablePage = {}) {
    const ledger = await this.ledger(coopId, known);
    try {
      return this.found(capTable(ledger, coopId, asOf, page), `Cooperative ${coopId} not found`);
    } catch (error) {
      if (error instanceof InvalidCursorError)
        throw new BadRequestException({ errors: [{ field: 'after', message: `after must be the next cursor of a previous page (${error.cursor} is not an associate here as of ${asOf})` }] });
      throw error;
    }
  }

  /** The member register the filter keeps, one associate at a time, for a whole export. */
  async associatesRegister(coopId: string, filter: AssociatesFilter, known?: KnownAt): Promise<Iterable<AssociateView>> {
    return this.found(associatesRegister(await this.ledger(coopId, known), coopId, filter), `Cooperative ${coopId} not found`);
  }

  /** A page of the register (all of it without `limit`): `{ items, next }`. */
  async capitalMovements(coopId: string, query: CapitalMovementsQuery, known?: KnownAt) {
    const ledger = await this.ledger(coopId, known);
    return registerCursorChecked(() => this.found(capitalMovementsPage(ledger, coopId, query), `Cooperative ${coopId} not found`));
  }

  /** The register as text made chunk by chunk while the answer is written (the whole JSON page, NDJSON or CSV): a 404 or a bad cursor is known before the first chunk. */
  async capitalMovementsExport(coopId: string, query: Parameters<typeof capitalMovementsExport>[2], known?: KnownAt): Promise<Iterable<string>> {
    const ledger = await this.ledger(coopId, known);
    return registerCursorChecked(() => this.found(capitalMovementsExport(ledger, coopId, query), `Cooperative ${coopId} not found`));
  }

  async capitalMovement(coopId: string, movementId: string) {
    const row = this.found(capitalMovementRow(await this.ledger(), coopId, movementId), `Cooperative ${coopId} not found`);
    return this.found(row ?? undefined, `Capital movement ${movementId} not found in ${coopId}`);
  }

  async compliance(coopId: string, asOf: string, known?: KnownAt) {
    return this.found(complianceAsOf(await this.ledger(coopId, known), coopId, asOf), `Cooperative ${coopId} not found`);
  }

  async pendingRedemptions(coopId: string, asOf: string, known?: KnownAt) {
    const items = this.found(pendingRedemptionsAsOf(await this.ledger(coopId, known), coopId, asOf), `Cooperative ${coopId} not found`);
    return { asOf, items };
  }

  /** The heads the projections saw, for verification to notice a deleted last event. */
  async streamHeads(coopId: string): Promise<Record<string, { revision: bigint }>> {
    await this.requireCooperative(coopId);
    const heads = streamHeadsOf(this.engine.state<StreamHeadsState>(streamHeadsProjection.name), coopId);
    return Object.fromEntries(heads.map((h) => [h.streamId, { revision: BigInt(h.revision) }]));
  }

  /** With `known`, the cooperative cut to the events recorded by then (knownAt / atPosition): a cooperative not recorded by then is a 404. */
  private async ledger(coopId?: string, known?: KnownAt): Promise<CooperativeLedgerState> {
    await this.engine.catchUp();
    const state = this.engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name);
    return coopId === undefined || known === undefined ? state : ledgerKnownAt(state, coopId, known);
  }

  private found<T>(value: T | undefined, message: string): T {
    if (value === undefined) throw new NotFoundException(message);
    return value;
  }
}

/** A cursor of the register that names no row is a 400 on `after`. */
function registerCursorChecked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new BadRequestException({ errors: [{ field: 'after', message: `after must be the number of a row of the register (it has no row ${error.cursor})` }] });
    throw error;
  }
}
