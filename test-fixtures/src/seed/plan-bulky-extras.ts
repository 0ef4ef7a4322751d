// The other heavyweights a developer's checkout accumulates: logs, database dumps, a build, heap snapshots.
import type { TreeEntry } from '../trees/tree-spec.js';
import { jsModule, sentence } from './fake-text.js';
import type { Rng } from './prng.js';
import { fillBudget } from './seed-region.js';
import type { ElasticFile, SeedRegion } from './seed-region.js';

/** The dump whose size the final calibration sets, so the whole tree prints exactly 1.24GB. */
export const DUMP_SQL_PATH = 'data/dump.sql';

/** The SQL dump's real first bytes; the rest of the file is a hole. */
export const DUMP_SQL_HEAD = `--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6
-- Dumped by pg_dump version 15.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

CREATE TABLE public.products (
    id uuid NOT NULL,
    name text NOT NULL,
    price numeric(10,2) NOT NULL,
    created_at timestamp with time zone DEFAULT now()
);

COPY public.products (id, name, price, created_at) FROM stdin;
`;

/** Byte budgets of the bulky regions, in upload bytes. */
export interface BulkyBudgets {
  readonly logs: number;
  readonly dataWithoutDump: number;
  readonly dist: number;
}

/**
 * Plans logs/, data/ (dump.sql left at its head, for calibration), and dist/.
 * @returns the three regions, each filled to its budget
 */
export function planBulkyExtras(rng: Rng, budgets: BulkyBudgets, mtime: Date): SeedRegion[] {
  const logs: ElasticFile[] = ['app.log', 'error.log', 'access.log', 'combined.log', 'exceptions.log']
    .concat(Array.from({ length: 7 }, (_, i) => `app-2024-05-0${i + 1}.log`))
    .map((name, i) => ({ file: `logs/${name}`, head: logLines(rng, 40), weight: [6, 1.5, 4, 5, 0.3][i] ?? 0.9, mtime }));

  const data: TreeEntry[] = [
    { file: DUMP_SQL_PATH, content: DUMP_SQL_HEAD, mtime },
    { file: 'data/fixtures/products.csv', content: csv(rng, 900), mtime },
    { file: 'data/fixtures/customers.csv', content: csv(rng, 400), mtime },
  ];
  const backups: ElasticFile[] = ['2024-03-31', '2024-04-30'].map((day, i) => ({
    file: `data/backups/product_api-${day}.sql.gz`,
    head: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), rng.bytes(4092)]),
    weight: 1 + i * 0.2,
    mtime,
  }));

  const distFixed: TreeEntry[] = ['en', 'fr', 'de', 'es'].map((locale) => ({ file: `dist/locales/${locale}.json`, content: `{"greeting":"${sentence(rng)}"}\n`, mtime }));
  distFixed.push({ file: 'dist/package.json', content: '{\n  "type": "commonjs"\n}\n', mtime });
  const dist: ElasticFile[] = [
    { file: 'dist/server.js', head: jsModule(rng, 3000, '#!/usr/bin/env node\n"use strict";'), weight: 1, mtime },
    { file: 'dist/server.js.map', head: '{"version":3,"file":"server.js","sources":["../src/server.js",', weight: 3.2, mtime },
    { file: 'dist/vendor.js', head: jsModule(rng, 2000), weight: 0.8, mtime },
    { file: 'dist/vendor.js.map', head: '{"version":3,"file":"vendor.js","sources":[', weight: 2.4, mtime },
  ];
  return [
    { name: 'logs', ignored: true, entries: fillBudget([], logs, budgets.logs) },
    { name: 'data', ignored: true, entries: fillBudget(data, backups, budgets.dataWithoutDump) },
    { name: 'dist', ignored: true, entries: fillBudget(distFixed, dist, budgets.dist) },
  ];
}

function logLines(rng: Rng, count: number): string {
  let time = Date.UTC(2024, 4, 1);
  let text = '';
  for (let i = 0; i < count; i++) {
    time += rng.int(10, 90_000);
    const level = rng.pick([30, 30, 30, 40, 50]);
    text += `{"level":${level},"time":${time},"pid":${rng.int(20, 90)},"hostname":"camille-mbp","reqId":"req-${rng.hex(6)}","msg":"${sentence(rng)}"}\n`;
  }
  return text;
}

function csv(rng: Rng, rows: number): string {
  let text = 'id,name,price,stock\n';
  for (let i = 0; i < rows; i++) text += `${rng.hex(8)}-${rng.hex(4)},${sentence(rng).slice(0, 30)},${rng.int(1, 2000)}.${rng.int(10, 99)},${rng.int(0, 500)}\n`;
  return text;
}
