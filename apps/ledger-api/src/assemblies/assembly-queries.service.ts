import { Injectable, NotFoundException } from '@nestjs/common';
import { AssembliesState, ProjectionEngine, assembliesProjection, assemblyViewOf, assemblyVotersOf, listAssemblies, minutesHtml, minutesMarkdown } from '@ledger/projections';
import { LedgerQueries } from '../queries/ledger-queries';

/** Assemblies as the read side answers them, caught up with the store like every query. */
@Injectable()
export class AssemblyQueries {
  constructor(
    private readonly engine: ProjectionEngine,
    private readonly ledger: LedgerQueries,
  ) {}

  async list(coopId: string) {
    await this.ledger.requireCooperative(coopId);
    const items = listAssemblies(this.assemblies(), coopId).map(({ id, kind, title, call, status, convenedOn, heldOn, voters, resolutions }) => ({
      id,
      kind,
      title,
      call,
      status,
      convenedOn,
      heldOn,
      voters,
      resolutions: resolutions.map((r) => ({ id: r.id, kind: r.kind, status: r.status, outcome: r.outcome })),
    }));
    return { items };
  }

  async get(coopId: string, assemblyId: string) {
    await this.ledger.requireCooperative(coopId);
    const found = assemblyViewOf(this.assemblies(), coopId, assemblyId);
    if (!found) throw new NotFoundException(`Assembly ${assemblyId} not found`);
    return found;
  }

  /** docs/api.md `GET …/assemblies/:assemblyId/voters`: the list fixed at convocation, with each weight. */
  async voters(coopId: string, assemblyId: string) {
    await this.ledger.requireCooperative(coopId);
    const found = assemblyVotersOf(this.assemblies(), coopId, assemblyId);
    if (!found) throw new NotFoundException(`Assembly ${assemblyId} not found`);
    return found;
  }

  async minutes(coopId: string, assemblyId: string, format: 'markdown' | 'html', lang: 'fr' | 'en' = 'fr'): Promise<string> {
    const { view } = await this.get(coopId, assemblyId);
    const cooperative = (await this.ledger.cooperative(coopId, view.heldOn)) as { name: string; legalForm: string; companyForm: string; siren?: string | null; registeredOffice?: string | null; rcsCity?: string | null };
    const render = format === 'html' ? minutesHtml : minutesMarkdown;
    return render(
      view,
      {
        coopId,
        name: cooperative.name,
        legalForm: cooperative.legalForm,
        companyForm: cooperative.companyForm,
        siren: cooperative.siren ?? null,
        registeredOffice: cooperative.registeredOffice ?? null,
        rcsCity: cooperative.rcsCity ?? null,
      },
      lang,
    );
  }

  private assemblies(): AssembliesState {
    return this.engine.state<AssembliesState>(assembliesProjection.name);
  }
}
