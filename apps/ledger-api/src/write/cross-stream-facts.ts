import { Injectable } from '@nestjs/common';
import { AssemblyCommandOf, ConvocationRequest, CooperativeCommandOf, FiscalYearCommandOf, DomainError, ResolutionRef, assemblyDecider, convocationCommand, firstCallOf, resolutionRecordOf } from '@ledger/domain';
import { canonicalJson, ledgerDigest, sha256Hex } from '@ledger/event-store';
import { CooperativeLedgerState, ProjectionEngine, StreamHeadsState, cooperativeLedgerProjection, cooperativeStateAsOf, ownEntry, streamHeadsOf, streamHeadsProjection } from '@ledger/projections';
import { LedgerCommands } from './stream-command';

/**
 * The facts a command of one stream needs from others, loaded and handed to the domain as data:
 * the deciding is done by pure functions of libs/domain (convocation.ts, adopted-resolution.ts)
 * and by the deciders. Nothing here decides anything.
 */
@Injectable()
export class CrossStreamFacts {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly engine: ProjectionEngine,
  ) {}

  /** ConveneAssembly: the voter list and the statuts on the record date, a second call's first call. */
  async convocation(request: ConvocationRequest): Promise<AssemblyCommandOf<'ConveneAssembly'>> {
    const { coopId } = request;
    const coop = ownEntry((await this.ledger()).coops, coopId);
    if (!coop) throw new DomainError('NOT_FOUND', `Cooperative ${coopId} not found`);
    const onRecordDate = cooperativeStateAsOf(coop, request.recordDate ?? request.convenedOn);
    const firstCall = request.reconvenes ? firstCallOf(await this.commands.current(assemblyDecider, { coopId, assemblyId: request.reconvenes })) : null;
    return convocationCommand(request, onRecordDate, firstCall, (voters) => sha256Hex(canonicalJson(voters)));
  }

  /** AmendStatuts: what the named assembly says of the resolution that amends the statuts. */
  async amendment(coopId: string, command: Omit<CooperativeCommandOf<'AmendStatuts'>, 'adoption'>): Promise<CooperativeCommandOf<'AmendStatuts'>> {
    return { ...command, adoption: await this.resolution(coopId, command.resolution) };
  }

  /** AllocateSurplus: what the named assembly says of the resolution that allocates the year's result. */
  async allocation(coopId: string, command: Omit<FiscalYearCommandOf<'AllocateSurplus'>, 'adoption'>): Promise<FiscalYearCommandOf<'AllocateSurplus'>> {
    return { ...command, adoption: await this.resolution(coopId, command.resolution) };
  }

  /**
   * CloseAssembly: the digest over every stream head of the cooperative once the projections
   * have caught up, pinned in the minutes with the global position of the last event it covers,
   * so that an auditor recomputes it later with `GET …/verification?at=<position>`. The heads and
   * their positions are read in one synchronous step: no event slips in between.
   */
  async closing(coopId: string): Promise<AssemblyCommandOf<'CloseAssembly'>> {
    await this.engine.catchUp();
    const heads = streamHeadsOf(this.engine.state<StreamHeadsState>(streamHeadsProjection.name), coopId);
    const digest = ledgerDigest(Object.fromEntries(heads.map((h) => [h.streamId, { revision: BigInt(h.revision), hash: h.hash }])));
    const position = heads.reduce((last, h) => (BigInt(h.position) > last ? BigInt(h.position) : last), 0n);
    return { type: 'CloseAssembly', ledgerDigest: digest, streams: heads.length, position: position.toString() };
  }

  private async resolution(coopId: string, ref: ResolutionRef) {
    if (typeof ref?.assemblyId !== 'string' || typeof ref.resolutionId !== 'string') return null;
    return resolutionRecordOf(await this.commands.current(assemblyDecider, { coopId, assemblyId: ref.assemblyId }), ref.resolutionId);
  }

  private async ledger(): Promise<CooperativeLedgerState> {
    await this.engine.catchUp();
    return this.engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name);
  }
}
