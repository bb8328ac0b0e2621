/** The two databases Weerbaar runs on: embedded SQLite (default) or PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres';
