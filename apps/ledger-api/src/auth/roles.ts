export const ROLES = ['admin', 'gerant', 'auditor', 'accountant', 'associate'] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller, as the JWT says. */
export interface Caller {
  sub: string;
  role: Role;
  /** Cooperative ids the caller may see, or ['*']. */
  coops: string[];
}

export function canSeeCooperative(caller: Caller, coopId: string): boolean {
  return caller.coops.includes('*') || caller.coops.includes(coopId);
}

/** Who may do what (docs/architecture.md, Auth). */
export const WRITERS: Role[] = ['admin', 'gerant'];
export const READERS: Role[] = ['admin', 'gerant', 'auditor', 'accountant'];
export const AUDITORS: Role[] = ['admin', 'auditor'];
