import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/auth.guard';
import { Caller, READERS } from '../auth/roles';
import { ApiRead } from '../http/api-docs';
import { CurrentCaller } from '../http/command-meta';
import { JobViewDoc } from './job.views';
import { LedgerJobs } from './ledger-jobs';

@ApiTags('Jobs')
@ApiBearerAuth()
@Controller('v1/jobs')
export class JobsController {
  constructor(private readonly jobs: LedgerJobs) {}

  @Get(':jobId')
  @Allow(...READERS)
  @ApiRead({ summary: 'A job: its state, progress 0–100, result once completed, error when an attempt failed (404 when it belongs to a cooperative the token does not cover)', type: JobViewDoc })
  get(@Param('jobId') jobId: string, @CurrentCaller() caller: Caller) {
    return this.jobs.view(jobId, caller);
  }
}
