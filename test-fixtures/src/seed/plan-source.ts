// src/ and test/: the product API's own code, the part of the project the image actually needs.
import type { TreeEntry } from '../trees/tree-spec.js';
import { identifier, jsModule, logUniformSize, sentence } from './fake-text.js';
import type { Rng } from './prng.js';
import type { SeedRegion } from './seed-region.js';
import {
  controllerFile, modelFile, resourceActions, resourceFields, routeFile, routeTestFile, serviceFile, validatorFile,
} from './source-templates.js';

/** The API's resources, one route/controller/service/model/validator set each. */
export const SEED_RESOURCES = [
  'products', 'categories', 'orders', 'customers', 'carts', 'reviews', 'inventory', 'suppliers', 'warehouses', 'shipments',
  'payments', 'invoices', 'refunds', 'coupons', 'promotions', 'wishlists', 'addresses', 'users', 'sessions',
  'notifications', 'webhooks', 'reports', 'taxes', 'currencies',
] as const;

/** Where the calibrated product catalogue goes (see calibrate-seed.ts). */
export const PRODUCTS_JSON_PATH = 'src/data/products.json';

const LIB_MODULES = ['cache', 'events', 'mailer', 'queue', 'storage', 'metrics', 'feature-flags', 'pricing', 'search-index',
  'pdf-invoice', 'csv-export', 'currency-rates', 'tax-rules', 'image-resize', 'audit-log', 'idempotency', 'circuit-breaker',
  'sanitize-html', 'webhook-signature', 'rate-table', 'slug', 'sku', 'barcode', 'geo'];
const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl'];
const EMAILS = ['welcome', 'order-confirmation', 'order-shipped', 'password-reset', 'invoice', 'refund-issued', 'cart-reminder', 'review-request'];

/**
 * Plans src/: server and app wiring, one module set per resource, libraries, migrations, locales and e-mail templates.
 * A `.DS_Store` sits in src/: the `.DS_Store` line of SEED_DOCKERIGNORE only matches at the root, so it ships.
 * @returns the src region (without the calibrated products.json)
 */
export function planSource(rng: Rng, mtimes: () => Date): SeedRegion {
  const entries: TreeEntry[] = [];
  const add = (file: string, content: string | Buffer): void => {
    entries.push({ file, content, mtime: mtimes() });
  };
  add('src/server.js', serverJs());
  add('src/app.js', appJs());
  for (const name of ['index', 'database', 'redis', 'logger', 'cors', 'security']) add(`src/config/${name}.js`, jsModule(rng, logUniformSize(rng, 600, 3000)));
  for (const name of ['auth', 'validate', 'error-handler', 'rate-limit', 'request-id', 'not-found', 'cache-control']) add(`src/middleware/${name}.js`, jsModule(rng, logUniformSize(rng, 800, 4000)));
  for (const name of ['logger', 'pagination', 'async-handler', 'http-error', 'dates', 'money', 'retry', 'env']) add(`src/utils/${name}.js`, jsModule(rng, logUniformSize(rng, 600, 5000)));
  for (const name of LIB_MODULES) add(`src/lib/${name}.js`, jsModule(rng, logUniformSize(rng, 5000, 26000)));
  add('src/db/connection.js', jsModule(rng, 1200));
  SEED_RESOURCES.forEach((resource, index) => {
    const actions = resourceActions(rng);
    const fields = resourceFields(rng, resource);
    add(`src/routes/${resource}.routes.js`, routeFile(resource, actions));
    add(`src/controllers/${resource}.controller.js`, controllerFile(resource, actions));
    add(`src/services/${resource}.service.js`, serviceFile(resource, actions, fields));
    add(`src/models/${resource}.model.js`, modelFile(resource, fields));
    add(`src/validators/${resource}.validator.js`, validatorFile(resource, fields));
    const stamp = `2024${String(1 + (index % 4)).padStart(2, '0')}${String(10 + index).padStart(2, '0')}0930${String(index).padStart(2, '0')}`;
    add(`src/db/migrations/${stamp}_create_${resource}.js`, jsModule(rng, logUniformSize(rng, 700, 2400)));
  });
  for (const name of ['send-cart-reminders', 'rebuild-search-index', 'expire-sessions', 'sync-currency-rates', 'nightly-report']) add(`src/jobs/${name}.js`, jsModule(rng, logUniformSize(rng, 1500, 6000)));
  for (const locale of LOCALES) add(`src/locales/${locale}.json`, localeJson(rng));
  for (const email of EMAILS) add(`src/templates/emails/${email}.html`, emailHtml(rng, email));
  // Finder's 6148-byte index file, as macOS leaves it in every folder it opens.
  add('src/.DS_Store', Buffer.concat([Buffer.from('\0\0\0\x01Bud1', 'latin1'), rng.bytes(6148 - 8)]));
  return { name: 'src', ignored: false, entries };
}

/**
 * Plans test/: one supertest file per resource, helpers, and a `.env.test` that `.env.*` does not catch below the root.
 * @returns the test region
 */
export function planTests(rng: Rng, mtimes: () => Date): SeedRegion {
  const entries: TreeEntry[] = SEED_RESOURCES.map((resource) => ({
    file: `test/integration/${resource}.routes.test.js`,
    content: routeTestFile(resource, resourceActions(rng)),
    mtime: mtimes(),
  }));
  entries.push({ file: 'test/helpers/auth.js', content: jsModule(rng, 900), mtime: mtimes() });
  entries.push({ file: 'test/setup.js', content: jsModule(rng, 600), mtime: mtimes() });
  entries.push({ file: 'test/fixtures/.env.test', content: `DATABASE_URL=postgres://test:test@localhost:5432/product_api_test\nJWT_SECRET=${rng.hex(48)}\n`, mtime: mtimes() });
  return { name: 'test', ignored: false, entries };
}

function serverJs(): string {
  return `'use strict';

const app = require('./app');
const config = require('./config');
const logger = require('./utils/logger');

const PORT = process.env.PORT || config.port || 3000;
app.listen(PORT, () => {
  logger.info(\`Server running on port \${PORT}\`);
});
`;
}

function appJs(): string {
  const mounts = SEED_RESOURCES.map((resource) => `app.use('/api/${resource}', require('./routes/${resource}.routes'));`);
  return `'use strict';

const express = require('express');
const compression = require('compression');
const helmet = require('helmet');
const errorHandler = require('./middleware/error-handler');
const notFound = require('./middleware/not-found');

const app = express();

app.use(compression());
app.use(helmet());
app.use(express.json({ limit: '1mb' }));

app.get('/health', (req, res) => {
  res.json({ status: 'healthy', uptime: process.uptime(), timestamp: Date.now() });
});

${mounts.join('\n')}

app.use(notFound);
app.use(errorHandler);

module.exports = app;
`;
}

function localeJson(rng: Rng): string {
  const messages: Record<string, string> = {};
  for (let i = 0; i < 260; i++) messages[`${identifier(rng)}.${identifier(rng)}${i}`] = sentence(rng);
  return `${JSON.stringify(messages, null, 2)}\n`;
}

function emailHtml(rng: Rng, name: string): string {
  const paragraphs = Array.from({ length: rng.int(6, 16) }, () => `      <p style="margin:0 0 16px;font-family:Arial,sans-serif">${sentence(rng)} {{${identifier(rng)}}}</p>`);
  return `<!DOCTYPE html>
<html lang="{{locale}}">
  <head><meta charset="utf-8"><title>{{t '${name}.subject'}}</title></head>
  <body style="background:#f4f4f7">
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td>
${paragraphs.join('\n')}
    </td></tr></table>
  </body>
</html>
`;
}
