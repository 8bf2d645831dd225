import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ASSEMBLY_KINDS, ATTENDANCE_MODES, RESOLUTION_KINDS } from '@ledger/domain';
import { CommandAnswerDoc } from '../http/api-docs';

/* The shapes the assembly endpoints answer (libs/domain/src/assembly/assembly-view.ts), for /openapi.json. */

const ASSEMBLY_STATUSES = ['convened', 'open', 'closed', 'adjourned'];
const RESOLUTION_STATUSES = ['pending', 'open', 'closed'];
const OUTCOMES = ['adopted', 'rejected', 'not_voted'];

export class ExactFractionDoc {
  @ApiProperty({ example: '2' }) numerator!: string;
  @ApiProperty({ example: '3' }) denominator!: string;
}

export class CollegeResultDoc {
  @ApiProperty({ type: String, nullable: true, description: 'null: no collèges, one associate one vote' }) code!: string | null;
  @ApiProperty({ type: 'integer' }) weightBp!: number;
  @ApiProperty({ type: 'integer', description: 'after collèges with no vote dropped out (AG-COLLEGE-TALLY), rounded down for display' }) effectiveWeightBp!: number;
  @ApiProperty({ type: 'integer' }) for!: number;
  @ApiProperty({ type: 'integer' }) against!: number;
  @ApiProperty({ type: 'integer' }) abstain!: number;
  @ApiProperty({ type: 'integer' }) blank!: number;
  @ApiProperty() dropped!: boolean;
}

export class ResolutionResultDoc {
  @ApiProperty({ enum: ['ballots', 'show_of_hands'] }) method!: string;
  @ApiProperty({ type: 'integer', description: 'weighted share of votes for, rounded down for display; the outcome is decided on `exact`' }) forBp!: number;
  @ApiProperty({ type: 'integer', description: 'the majority required, rounded up for display' }) requiredBp!: number;
  @ApiProperty({ type: Object, description: '{ numerator, denominator, strict }' }) majority!: object;
  @ApiProperty({ type: ExactFractionDoc }) exact!: ExactFractionDoc;
  @ApiProperty({ type: [CollegeResultDoc] }) colleges!: CollegeResultDoc[];
  @ApiProperty({ type: [String] }) droppedColleges!: string[];
  @ApiProperty({ type: 'integer' }) blankProxies!: number;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'SCOP-VOTES-65: { factor, nonEmployeeVotesCast, employeeVotesCast, base, cooperatorsOnList, outsidersOnList, cooperativeSocietyFactor } — base "register": the weights fixed on the voter list; no base: a result recorded before edition 2026-12, reduced on the votes cast — or null',
  })
  scopReduction!: object | null;
  @ApiPropertyOptional({ type: 'integer' }) votesCast?: number;
  @ApiPropertyOptional() quorumMet?: boolean;
}

export class AttendanceSummaryDoc {
  @ApiProperty({ type: 'integer' }) present!: number;
  @ApiProperty({ type: 'integer' }) remote!: number;
  @ApiProperty({ type: 'integer' }) represented!: number;
  @ApiProperty({ type: 'integer' }) mail!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'total / voters, rounded down; null before opening' }) quorumBp!: number | null;
  @ApiProperty({ type: 'integer' }) quorumRequiredBp!: number;
  @ApiProperty({ type: Boolean, nullable: true }) quorumMet!: boolean | null;
  @ApiPropertyOptional({ type: 'integer' }) blankProxies?: number;
  @ApiPropertyOptional({ type: Boolean, nullable: true }) extraordinaryQuorumMet?: boolean | null;
}

export class AttendeeDoc {
  @ApiProperty() associateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) collegeCode!: string | null;
  @ApiProperty({ enum: ATTENDANCE_MODES }) mode!: string;
  @ApiProperty({ type: String, nullable: true }) proxyHolderId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'a late arrival, recorded after opening: the first resolution it counts for' }) countsFrom?: string | null;
}

export class BureauMemberDoc {
  @ApiProperty({ type: String, nullable: true, description: 'an associate of the voter list, or null for a person named outright' }) associateId!: string | null;
  @ApiProperty() name!: string;
}

export class BureauDoc {
  @ApiProperty({ type: BureauMemberDoc, description: 'président de séance' }) president!: BureauMemberDoc;
  @ApiProperty({ type: BureauMemberDoc, description: 'secrétaire' }) secretary!: BureauMemberDoc;
  @ApiProperty({ type: [BureauMemberDoc], description: 'scrutateurs' }) scrutineers!: BureauMemberDoc[];
}

export class KindQuorumDoc {
  @ApiProperty({ type: 'integer', nullable: true, description: 'attending ÷ voters (SCOP: weighted votes), rounded down; null before opening' }) attendingBp!: number | null;
  @ApiProperty({ type: 'integer' }) requiredBp!: number;
  @ApiProperty({ type: Boolean, nullable: true }) met!: boolean | null;
}

export class QuorumByKindDoc {
  @ApiPropertyOptional({ type: KindQuorumDoc }) ordinary?: KindQuorumDoc;
  @ApiPropertyOptional({ type: KindQuorumDoc }) extraordinary?: KindQuorumDoc;
}

export class ResolutionViewDoc {
  @ApiProperty({ example: 'r1' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'the text put to the vote (the title for a resolution convened before texts were recorded)' }) text!: string;
  @ApiProperty({ enum: RESOLUTION_KINDS }) kind!: string;
  @ApiProperty() boardApproved!: boolean;
  @ApiProperty({ enum: RESOLUTION_STATUSES }) status!: string;
  @ApiProperty({ type: String, enum: OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiPropertyOptional({ enum: ['AG-QUORUM', 'ADJOURNED'], description: 'why it was not put to the vote (outcome not_voted)' }) reason?: string;
  @ApiProperty({ type: ResolutionResultDoc, nullable: true, description: 'null until the resolution is closed, and when it was not put to the vote' }) result!: ResolutionResultDoc | null;
  @ApiPropertyOptional({ type: String, enum: ['ballots', 'show_of_hands'], nullable: true }) method?: string | null;
  @ApiPropertyOptional({ type: 'integer' }) ballots?: number;
}

@ApiSchema({ name: 'AssemblyView' })
export class AssemblyViewDoc {
  @ApiProperty({ example: 'ag-2025' }) id!: string;
  @ApiProperty() coopId!: string;
  @ApiProperty({ enum: ASSEMBLY_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: [1, 2] }) call!: number;
  @ApiProperty({ enum: ASSEMBLY_STATUSES }) status!: string;
  @ApiProperty({ format: 'date' }) convenedOn!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty({ type: String, nullable: true, description: 'where the AG is held, or "à distance"; null for a convocation recorded before it was asked' }) place!: string | null;
  @ApiProperty({ type: String, enum: ['letter', 'email', 'notice', 'hand'], nullable: true }) convocationMethod!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'AG-NOTICE: the whole days of notice this call needed' }) noticeDays!: number | null;
  @ApiProperty({ type: BureauDoc, nullable: true, description: 'null until recorded: the procès-verbal then prints blank lines' }) bureau!: BureauDoc | null;
  @ApiProperty({ type: Object, nullable: true, description: '{ reason } of an adjourned AG' }) adjournment!: object | null;
  @ApiProperty({ type: QuorumByKindDoc, description: 'AG-QUORUM per kind of resolution on the agenda' }) quorum!: QuorumByKindDoc;
  @ApiProperty({ format: 'date' }) recordDate!: string;
  @ApiProperty({ type: String, nullable: true }) reconvenes!: string | null;
  @ApiProperty({ type: 'integer', description: 'associates who could vote (the list fixed at the record date)' }) voters!: number;
  @ApiProperty() votersHash!: string;
  @ApiProperty({ type: AttendanceSummaryDoc }) attendance!: AttendanceSummaryDoc;
  @ApiProperty({ type: [AttendeeDoc] }) attendees!: AttendeeDoc[];
  @ApiProperty({ type: [ResolutionViewDoc] }) resolutions!: ResolutionViewDoc[];
  @ApiProperty({ type: Object, isArray: true, description: '[{ code, name, weightBp }]' }) colleges!: object[];
  @ApiProperty({ enum: ['proportional', 'majority'] }) collegeCounting!: string;
  @ApiProperty({ type: String, nullable: true, description: 'hash over every stream head of the cooperative when the AG closed' }) ledgerDigest!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the global position of the last event the digest covers: GET …/verification?at=<it> recomputes it' }) ledgerPosition!: string | null;
}

export class ResolutionSummaryDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RESOLUTION_KINDS }) kind!: string;
  @ApiProperty({ enum: RESOLUTION_STATUSES }) status!: string;
  @ApiProperty({ type: String, enum: OUTCOMES, nullable: true }) outcome!: string | null;
}

export class AssemblySummaryDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ASSEMBLY_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: [1, 2] }) call!: number;
  @ApiProperty({ enum: ASSEMBLY_STATUSES }) status!: string;
  @ApiProperty({ format: 'date' }) convenedOn!: string;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty({ type: 'integer' }) voters!: number;
  @ApiProperty({ type: [ResolutionSummaryDoc] }) resolutions!: ResolutionSummaryDoc[];
}

@ApiSchema({ name: 'AssemblyList' })
export class AssemblyListDoc {
  @ApiProperty({ type: [AssemblySummaryDoc] }) items!: AssemblySummaryDoc[];
}

@ApiSchema({ name: 'ResolutionClosedAnswer' })
export class ResolutionClosedAnswerDoc extends CommandAnswerDoc {
  @ApiProperty({ enum: OUTCOMES }) outcome!: string;
  @ApiProperty({ type: ResolutionResultDoc, nullable: true, description: 'null when not put to the vote' }) result!: ResolutionResultDoc | null;
  @ApiPropertyOptional({ enum: ['AG-QUORUM'] }) reason?: string;
}

@ApiSchema({ name: 'AssemblyClosedAnswer' })
export class AssemblyClosedAnswerDoc extends CommandAnswerDoc {
  @ApiProperty({ description: 'hash over every stream head of the cooperative, printed in the minutes' }) ledgerDigest!: string;
  @ApiProperty({ description: 'the global position of the last event the digest covers: GET …/verification?at=<it> recomputes the digest' }) ledgerPosition!: string;
}

export class VoterDoc {
  @ApiProperty() associateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) collegeCode!: string | null;
  @ApiProperty({ description: 'SCOP-VOTES-65: an employee-associate, or a former employee still an associate' }) cooperator!: boolean;
  @ApiProperty({ description: 'SCOP-VOTES-65: an outsider that is itself a cooperative society (the 49 % tier)' }) cooperativeSociety!: boolean;
  @ApiProperty({ type: ExactFractionDoc, description: 'the weight of this voter’s vote fixed on the list: 1/1 unless SCOP-VOTES-65 reduces it (digits as strings)', example: { numerator: '35', denominator: '52' } })
  weight!: ExactFractionDoc;
}

@ApiSchema({ name: 'VoterList' })
export class VoterListDoc {
  @ApiProperty({ format: 'date', description: 'the record date the list was fixed on (AG-VOTERS)' }) recordDate!: string;
  @ApiProperty({ description: 'sha256 of the canonical JSON of the list as recorded' }) votersHash!: string;
  @ApiProperty({ type: [VoterDoc] }) voters!: VoterDoc[];
}
