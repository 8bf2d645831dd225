import { Inject, Injectable } from '@nestjs/common';
import {
  AssemblyCommand,
  AssemblyEvent,
  AssemblyRules,
  AssemblyState,
  DomainError,
  ResolutionSpec,
  Statuts,
  Voter,
  assemblyStreamId,
  assemblyView,
  decideAssembly,
  evolveAssembly,
  initialAssemblyState,
  requireAdoptedExtraordinaryResolution,
} from '@ledger/domain';
import { EventStore, canonicalJson, ledgerDigest, sha256Hex } from '@ledger/event-store';
import { CooperativeLedgerState, ProjectionEngine, StreamHeadsState, cooperativeLedgerProjection, cooperativeStateAsOf, streamHeadsOf, streamHeadsProjection } from '@ledger/projections';
import { CommandResult, StreamCommands } from '../commands/stream-commands';
import { RequestContext } from '../http/request-context';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ConveneAssemblyDto } from './assembly.dto';

const assemblyDecider = {
  initialState: initialAssemblyState,
  decide: decideAssembly,
  evolve: evolveAssembly,
  creates: (command: AssemblyCommand) => command.type === 'ConveneAssembly',
  notFound: (streamId: string) => `Assembly ${streamId.slice(streamId.indexOf('.') + 1)} not found`,
};

/**
 * The assembly side of the command path. What the pure decider cannot know comes from here:
 * the voter list fixed from the capital ledger at the record date (AG-VOTERS), the statuts'
 * assembly rules, and at closing the ledger digest over every stream head of the cooperative.
 */
@Injectable()
export class AssemblyCommands {
  private readonly streams: StreamCommands<AssemblyCommand, AssemblyEvent, AssemblyState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly engine: ProjectionEngine,
  ) {
    this.streams = new StreamCommands(store, engine, assemblyDecider);
  }

  async convene(coopId: string, assemblyId: string, dto: ConveneAssemblyDto, ctx: RequestContext): Promise<CommandResult> {
    const recordDate = dto.recordDate ?? dto.convenedOn;
    const coop = (await this.ledger()).coops[coopId];
    if (!coop) throw new DomainError('NOT_FOUND', `Cooperative ${coopId} not found`);
    const state = cooperativeStateAsOf(coop, recordDate);
    if (!state.statuts) throw new DomainError('INVALID_VALUE', `The cooperative was not registered yet on the record date ${recordDate}`);
    if (dto.reconvenes !== undefined) await this.requireFirstCallWithoutQuorum(coopId, dto.reconvenes, dto.kind);
    const voters: Voter[] = state.associateOrder
      .map((id) => state.associates[id])
      .filter((a) => a.status === 'active')
      .map((a) => ({ associateId: a.id, name: a.name, collegeCode: a.collegeCode, employee: a.category === 'employee' }));
    const resolutions: ResolutionSpec[] = dto.resolutions.map((r) => ({ id: r.id, title: r.title, kind: r.kind, boardApproved: r.boardApproved ?? true }));
    return this.streams.execute(
      assemblyStreamId(coopId, assemblyId),
      coopId,
      {
        type: 'ConveneAssembly',
        coopId,
        assemblyId,
        kind: dto.kind,
        title: dto.title,
        convenedOn: dto.convenedOn,
        heldOn: dto.heldOn,
        call: dto.call,
        recordDate,
        reconvenes: dto.reconvenes ?? null,
        resolutions,
        voters,
        votersHash: sha256Hex(canonicalJson(voters)),
        rules: assemblyRulesOf(state.statuts, dto.call),
      },
      ctx,
    );
  }

  record(coopId: string, assemblyId: string, command: AssemblyCommand, ctx: RequestContext): Promise<CommandResult> {
    return this.streams.execute(assemblyStreamId(coopId, assemblyId), coopId, command, ctx);
  }

  /** Closing pins the history: the digest over every stream head of the cooperative now. */
  async close(coopId: string, assemblyId: string, ctx: RequestContext): Promise<CommandResult> {
    await this.engine.catchUp();
    const heads = streamHeadsOf(this.engine.state<StreamHeadsState>(streamHeadsProjection.name), coopId);
    const digest = ledgerDigest(Object.fromEntries(heads.map((h) => [h.streamId, { revision: BigInt(h.revision), hash: h.hash }])));
    return this.record(coopId, assemblyId, { type: 'CloseAssembly', ledgerDigest: digest, streams: heads.length }, ctx);
  }

  /** Statuts amendments need an adopted extraordinary resolution of a closed AG of this cooperative. */
  async requireAmendmentResolution(coopId: string, resolution: { assemblyId: string; resolutionId: string }): Promise<void> {
    const loaded = await this.streams.current(assemblyStreamId(coopId, resolution.assemblyId));
    requireAdoptedExtraordinaryResolution(loaded.revision === undefined ? undefined : loaded.state, coopId, resolution.resolutionId);
  }

  private async requireFirstCallWithoutQuorum(coopId: string, firstCallId: string, kind: string): Promise<void> {
    const { state, revision } = await this.streams.current(assemblyStreamId(coopId, firstCallId));
    if (revision === undefined) throw new DomainError('NOT_FOUND', `Assembly ${firstCallId}, to be reconvened on second call, not found`);
    const first = assemblyView(state);
    if (first.call !== 1 || first.status !== 'convened' || first.kind !== kind) {
      throw new DomainError('INVALID_STATE', `Assembly ${firstCallId} can be reconvened on second call only if it was a first call of the same kind that could not open for want of quorum`);
    }
  }

  private async ledger(): Promise<CooperativeLedgerState> {
    await this.engine.catchUp();
    return this.engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name);
  }
}

/** The statuts as they bear on one AG (AG-QUORUM for the call, AG-MAJORITY, AG-COLLEGE-TALLY, AG-BLANK-PROXY). */
export function assemblyRulesOf(statuts: Statuts, call: 1 | 2): AssemblyRules {
  const quorum = (kind: 'ordinary' | 'extraordinary') => (call === 1 ? statuts.assemblyRules[kind].quorumFirstCallBp : statuts.assemblyRules[kind].quorumSecondCallBp);
  return {
    legalForm: statuts.legalForm,
    companyForm: statuts.companyForm,
    colleges: statuts.colleges.map((c) => ({ ...c })),
    collegeCounting: statuts.collegeCounting,
    quorumRequiredBp: { ordinary: quorum('ordinary'), extraordinary: quorum('extraordinary') },
    majority: { ordinary: { ...statuts.assemblyRules.ordinary.majority }, extraordinary: { ...statuts.assemblyRules.extraordinary.majority } },
    blankProxyVotesWithBoard: statuts.blankProxyVotesWithBoard,
  };
}
