import { Controller, Get, Inject, NotFoundException, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { EventStore, ledgerDigest } from '@ledger/event-store';
import { AuditBundleWriter, BundleHead, ProjectionEngine, StreamHeadsState, streamHeadsOf, streamHeadsProjection } from '@ledger/projections';
import { Allow } from '../auth/auth.guard';
import { AUDITORS } from '../auth/roles';
import { ApiRead } from '../http/api-docs';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * `GET …/audit-bundle`: the cooperative's whole history as NDJSON, for `ledger verify` to check
 * with no server (libs/projections/src/audit-bundle.ts has the format). The manifest announces
 * the heads the projections hold; the events are then read from the store up to that position,
 * so what the file says and what it holds are checked against each other, and a store edited
 * behind the service's back gives a bundle that fails verification where it was edited.
 */
@ApiTags('Audit')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId')
export class AuditBundleController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
  ) {}

  @Get('audit-bundle')
  @Allow(...AUDITORS)
  @ApiRead({
    summary: 'The cooperative’s whole history as NDJSON: a manifest (heads, digest, counts, generation time), every event with its metadata and hashes, an end line with the file’s sha256 — for `ledger verify`',
    produces: ['application/x-ndjson'],
  })
  async bundle(@Param('coopId') coopId: string): Promise<StreamableFile> {
    await this.engine.catchUp();
    const found = streamHeadsOf(this.engine.state<StreamHeadsState>(streamHeadsProjection.name), coopId);
    if (found.length === 0) throw new NotFoundException(`Cooperative ${coopId} not found`);
    const heads: Record<string, BundleHead> = {};
    let position = 0n;
    let events = 0;
    for (const head of found) {
      heads[head.streamId] = { revision: head.revision, hash: head.hash, position: head.position };
      if (BigInt(head.position) > position) position = BigInt(head.position);
      events += head.revision + 1;
    }
    const digest = ledgerDigest(Object.fromEntries(found.map((h) => [h.streamId, { revision: BigInt(h.revision), hash: h.hash }])));
    const writer = new AuditBundleWriter();
    const manifest = writer.manifest({ coopId, generatedAt: new Date().toISOString(), position: position.toString(), streams: found.length, events, heads, digest });
    const store = this.store;
    async function* lines(): AsyncGenerator<string> {
      yield manifest;
      for await (const page of store.readAllPages({ coopId })) {
        let chunk = '';
        for (const event of page) {
          if (event.position > position) break;
          chunk += writer.event(event);
        }
        if (chunk !== '') yield chunk;
        if (page.length > 0 && page[page.length - 1].position >= position) break;
      }
      yield writer.end();
    }
    return new StreamableFile(Readable.from(lines()), { type: 'application/x-ndjson', disposition: `attachment; filename="${coopId}-audit-bundle.ndjson"` });
  }
}
