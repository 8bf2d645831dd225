import { Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CooperativeCommand } from '@ledger/domain';
import { RequestContext } from '../http/request-context';
import { CommandResult, CooperativeCommands } from './cooperative-commands';

/** A domain command for the cooperative stream, as it travels on the CommandBus. */
export class RecordCooperativeCommand {
  constructor(
    readonly coopId: string,
    readonly command: CooperativeCommand,
    readonly ctx: RequestContext,
  ) {}
}

@CommandHandler(RecordCooperativeCommand)
export class RecordCooperativeCommandHandler implements ICommandHandler<RecordCooperativeCommand, CommandResult> {
  constructor(private readonly commands: CooperativeCommands) {}

  execute({ coopId, command, ctx }: RecordCooperativeCommand): Promise<CommandResult> {
    return this.commands.execute(coopId, command, ctx);
  }
}

/** What controllers use: one line per command. */
@Injectable()
export class Commands {
  constructor(private readonly bus: CommandBus) {}

  record(coopId: string, command: CooperativeCommand, ctx: RequestContext): Promise<CommandResult> {
    return this.bus.execute(new RecordCooperativeCommand(coopId, command, ctx));
  }
}
