import { AssociateState } from '@ledger/domain';

/**
 * Which fields of an associate are always there, and which only when they say something
 * (`cooperativeSociety` when true, `withdrawalRank` once withdrawn). Typed against AssociateState
 * as a whole: a field added there and not here does not compile, so no saved fold drops it.
 */
const FIELDS = {
  id: 'always',
  name: 'always',
  personType: 'always',
  category: 'always',
  collegeCode: 'always',
  cooperativeSociety: 'optional',
  status: 'always',
  admittedOn: 'always',
  withdrawnOn: 'always',
  withdrawalReason: 'always',
  shares: 'always',
  subscribedCents: 'always',
  paidUpCents: 'always',
  withdrawalRank: 'optional',
} as const satisfies Record<keyof AssociateState, 'always' | 'optional'>;

type Field = keyof typeof FIELDS;
type OptionalField = { [K in Field]: (typeof FIELDS)[K] extends 'optional' ? K : never }[Field];
type AlwaysField = Exclude<Field, OptionalField>;

const FIELD_NAMES = Object.keys(FIELDS) as Field[];
const OPTIONAL_FIELDS = FIELD_NAMES.filter((field): field is OptionalField => FIELDS[field] === 'optional');

/**
 * Associates in order of admission, a column per field (null where an optional field is absent).
 * 100,000 associates as objects are 27 MB of JSON that repeat each key 100,000 times; as columns,
 * 10 MB that JSON.parse reads in half the time, with a dozen arrays to allocate instead of 100,000
 * objects: the first cap table or member page after a restart reads them (ledger-folds.ts).
 */
export type AssociateColumns = { [K in AlwaysField]: Array<AssociateState[K]> } & { [K in OptionalField]: Array<NonNullable<AssociateState[K]> | null> };

export function associateColumns(order: Iterable<string>, associates: Readonly<Record<string, AssociateState>>): AssociateColumns {
  const columns = Object.fromEntries(FIELD_NAMES.map((field) => [field, [] as unknown[]])) as Record<Field, unknown[]>;
  for (const id of order) {
    const associate = associates[id];
    for (const field of FIELD_NAMES) columns[field].push(associate[field] ?? null);
  }
  return columns as AssociateColumns;
}

/**
 * The associates the columns hold (one set of columns, or the parts of a saved fold in order),
 * keyed by id in a record without prototype (an id such as `constructor` is just an id), and
 * their order.
 */
export function associatesFromColumns(...parts: AssociateColumns[]): { associates: Record<string, AssociateState>; order: string[] } {
  const associates = Object.create(null) as Record<string, AssociateState>;
  const order: string[] = parts.length === 1 ? parts[0].id : [];
  for (const c of parts) {
    if (parts.length > 1) for (const id of c.id) order.push(id);
    for (let i = 0; i < c.id.length; i++) {
      // One literal, one shape for all: building 100,000 objects field by field would be slower than the parse.
      const associate: AssociateState = {
        id: c.id[i],
        name: c.name[i],
        personType: c.personType[i],
        category: c.category[i],
        collegeCode: c.collegeCode[i],
        status: c.status[i],
        admittedOn: c.admittedOn[i],
        withdrawnOn: c.withdrawnOn[i],
        withdrawalReason: c.withdrawalReason[i],
        shares: c.shares[i],
        subscribedCents: c.subscribedCents[i],
        paidUpCents: c.paidUpCents[i],
      };
      for (const field of OPTIONAL_FIELDS) {
        const value = c[field][i];
        if (value !== null) Object.assign(associate, { [field]: value });
      }
      associates[associate.id] = associate;
    }
  }
  return { associates, order };
}
