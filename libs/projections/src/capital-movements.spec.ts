import { CapitalMovementRow, capitalMovementsCsv } from './capital-movements';

const row: CapitalMovementRow = {
  number: 7,
  movementId: 'c-1',
  type: 'CapitalMovementCancelled',
  effectiveDate: '2024-04-01',
  recordedAt: '2024-07-01T08:00:00.000Z',
  associateId: 'ana',
  toAssociateId: null,
  shares: 10,
  amountCents: 50000,
  paidCents: 50000,
  cancelled: false,
  cancels: 'm-1',
  reason: 'line one\r\nline "two", and three',
};

describe('the capital movements register as CSV (RFC 4180)', () => {
  it('has a header line, CRLF line ends, and empty fields for what a row does not have', () => {
    const csv = capitalMovementsCsv([{ ...row, reason: 'plain' }]);
    expect(csv).toBe(
      'number,movementId,type,effectiveDate,recordedAt,associateId,toAssociateId,shares,amountCents,paidCents,cancelled,cancelledBy,cancels,reason\r\n' +
        '7,c-1,CapitalMovementCancelled,2024-04-01,2024-07-01T08:00:00.000Z,ana,,10,50000,50000,false,,m-1,plain\r\n',
    );
  });

  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(capitalMovementsCsv([row])).toContain(',m-1,"line one\r\nline ""two"", and three"\r\n');
  });

  it('is a header alone for an empty register', () => {
    expect(capitalMovementsCsv([]).split('\r\n')).toEqual([expect.stringMatching(/^number,/), '']);
  });
});
