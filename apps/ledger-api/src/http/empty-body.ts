import { BadRequestException } from '@nestjs/common';

/** Opening and closing commands carry nothing: `{}` or no body; anything else is a mistake. */
export function requireEmptyBody(body: unknown): void {
  const empty = body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) throw new BadRequestException({ errors: [{ field: 'body', message: 'this command takes an empty body {}' }] });
}
