export * from './event-store.port';
export * from './canonical-json';
export * from './hash-chain';
export * from './sqlite-event-store';
export * from './postgres-event-store';
export * from './esdb-event-store';
export * from './verification';
export type { SubscriptionErrorHandler } from './sqlite-subscription';
export * from './sqlite-connection';
