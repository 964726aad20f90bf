// PostgreSQL (a real server, started on a free local port by test/sql/postgres-server.ts and
// stopped after): the SQL measures equal the in-memory ones.
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { equivalenceTests, referenceTests } from './equivalence.js';
import { errorTests } from './errors.js';
import { type TestPostgres, startPostgres } from './postgres-server.js';
import type { Sample } from './samples.js';

let server: TestPostgres | undefined;
let client: pg.Client;
const loaded = new Map<string, string>();

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client({ host: '127.0.0.1', port: server.port, user: server.user, database: 'postgres' });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  server?.stop();
});

async function load(s: Sample): Promise<string> {
  if (loaded.has(s.name)) return loaded.get(s.name)!;
  const name = `sample ${s.name}`;
  await client.query(`CREATE TABLE "${name}" (g TEXT, h TEXT, x DOUBLE PRECISION, w DOUBLE PRECISION)`);
  await client.query(`INSERT INTO "${name}" SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[])`, [
    s.g,
    s.h,
    s.x,
    s.w ?? s.x.map(() => 1),
  ]);
  loaded.set(s.name, name);
  return name;
}

describe('PostgreSQL', () => {
  equivalenceTests({ connection: () => client, load });
  referenceTests({ connection: () => client, load });
  describe('bad input', () => errorTests({ connection: () => client, exec: async (sql) => void (await client.query(sql)) }));
});
