export * from './accounts';
export * from './entries';
export * from './withholding-rates';
export * from './fiscal-year-entries';
export * from './journal.projection';
export * from './journal';
export * from './fec';
export * from './journal-csv';
