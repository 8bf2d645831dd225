import Database from 'better-sqlite3';

export interface SqliteConnectionOptions {
  /**
   * FULL: a commit that has returned survives a power cut (events, idempotency answers).
   * NORMAL: it survives a process crash; enough for what can be rebuilt (snapshots).
   */
  synchronous: 'FULL' | 'NORMAL';
  /** Read through a memory map: for connections that read tens of megabytes at once. */
  memoryMapped?: boolean;
}

/**
 * One connection to the ledger's SQLite file, as every part that shares the file opens it:
 * WAL, so a second process reads while the first writes; a busy timeout, so a writer waits for
 * another connection's lock instead of failing with SQLITE_BUSY.
 */
export function openSqlite(file: string, options: SqliteConnectionOptions): Database.Database {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  // Writes still go through the WAL and its fsync; only reads use the map.
  if (options.memoryMapped) db.pragma('mmap_size = 1073741824');
  return db;
}
