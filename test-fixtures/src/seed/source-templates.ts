// Templates for the product API's own code: one route/controller/service/model/validator/test set per resource.
import type { Rng } from './prng.js';

const EXTRA_ACTIONS = ['search', 'exportCsv', 'archive', 'restore', 'bulkUpdate', 'stats', 'duplicate', 'publish', 'history', 'count'];
const FIELD_TYPES = ['string', 'integer', 'decimal', 'boolean', 'timestamp', 'uuid', 'text', 'jsonb'];

/**
 * Picks a resource's actions: the five CRUD ones, plus a few drawn at random.
 * @returns action names, CRUD first
 */
export function resourceActions(rng: Rng): string[] {
  const extras = EXTRA_ACTIONS.filter(() => rng.chance(0.35));
  return ['list', 'getById', 'create', 'update', 'remove', ...extras];
}

/**
 * Picks a resource's table columns.
 * @returns [name, type] pairs, id and timestamps first
 */
export function resourceFields(rng: Rng, resource: string): Array<[string, string]> {
  const base: Array<[string, string]> = [['id', 'uuid'], ['createdAt', 'timestamp'], ['updatedAt', 'timestamp']];
  const count = rng.int(4, 14);
  for (let i = 0; i < count; i++) base.push([`${singular(resource)}${['Name', 'Code', 'Status', 'Amount', 'Ref', 'Label', 'Note', 'Flag'][i % 8]}${i}`, rng.pick(FIELD_TYPES)]);
  return base;
}

/**
 * Renders routes/<resource>.routes.js: an Express router, auth and validation on writes.
 * @returns the file's source
 */
export function routeFile(resource: string, actions: readonly string[]): string {
  const verbs: Record<string, string> = { list: "get('/'", getById: "get('/:id'", create: "post('/'", update: "put('/:id'", remove: "delete('/:id'" };
  const lines = actions.map((action) => {
    const route = verbs[action] ?? `post('/:id/${kebab(action)}'`;
    const guard = action === 'list' || action === 'getById' ? '' : 'requireAuth, ';
    const validation = action === 'create' || action === 'update' ? `validate(schemas.${action}), ` : '';
    return `router.${route}, ${guard}${validation}controller.${action});`;
  });
  return `'use strict';

const { Router } = require('express');
const controller = require('../controllers/${resource}.controller');
const { validate } = require('../middleware/validate');
const { requireAuth } = require('../middleware/auth');
const schemas = require('../validators/${resource}.validator');

const router = Router();

${lines.join('\n')}

module.exports = router;
`;
}

/**
 * Renders controllers/<resource>.controller.js: one async handler per action.
 * @returns the file's source
 */
export function controllerFile(resource: string, actions: readonly string[]): string {
  const methods = actions.map(
    (action) => `/**
 * ${action} handler for /api/${resource}.
 * Errors go to the central error middleware so responses keep one shape.
 */
async function ${action}(req, res, next) {
  try {
    const { page = 1, limit = 20, sort = '-createdAt' } = req.query;
    const result = await service.${action}({
      id: req.params.id,
      body: req.body,
      user: req.user,
      page: Number(page),
      limit: Math.min(Number(limit), 100),
      sort,
    });
    if (result == null) {
      return res.status(404).json({ error: '${singular(resource)} not found' });
    }
    logger.debug({ action: '${action}', resource: '${resource}' }, 'request handled');
    return res.status(${action === 'create' ? 201 : 200}).json(result);
  } catch (err) {
    return next(err);
  }
}
`,
  );
  return `'use strict';

const service = require('../services/${resource}.service');
const logger = require('../utils/logger');

${methods.join('\n')}
module.exports = { ${actions.join(', ')} };
`;
}

/**
 * Renders services/<resource>.service.js: one query per action.
 * @returns the file's source
 */
export function serviceFile(resource: string, actions: readonly string[], fields: ReadonlyArray<[string, string]>): string {
  const columns = fields.map(([name]) => `'${name}'`).join(', ');
  const methods = actions.map(
    (action) => `async function ${action}({ id, body, user, page, limit, sort }) {
  const query = db('${resource}').select(COLUMNS);
  if (id) {
    query.where({ id });
  }
  if (user && !user.roles.includes('admin')) {
    query.where('ownerId', user.id);
  }
  const [column, direction] = sort.startsWith('-') ? [sort.slice(1), 'desc'] : [sort, 'asc'];
  const rows = await query.orderBy(column, direction).limit(limit).offset((page - 1) * limit);
  await cache.del(\`${resource}:\${id ?? 'all'}\`);
  events.emit('${resource}.${action}', { id, body, count: rows.length });
  return id ? rows[0] ?? null : { data: rows, page, limit };
}
`,
  );
  return `'use strict';

const db = require('../db/connection');
const cache = require('../lib/cache');
const events = require('../lib/events');

const COLUMNS = [${columns}];

${methods.join('\n')}
module.exports = { ${actions.join(', ')} };
`;
}

/**
 * Renders models/<resource>.model.js: the table definition.
 * @returns the file's source
 */
export function modelFile(resource: string, fields: ReadonlyArray<[string, string]>): string {
  const defs = fields.map(([name, type]) => `  ${name}: { type: '${type}', nullable: ${name === 'id' ? 'false' : 'true'} },`).join('\n');
  return `'use strict';

/** Table definition shared by migrations, validators and the OpenAPI generator. */
module.exports = {
  table: '${resource}',
  primaryKey: 'id',
  fields: {
${defs}
  },
  indexes: [['createdAt'], ['ownerId', 'createdAt']],
};
`;
}

/**
 * Renders validators/<resource>.validator.js: JSON schemas for create and update.
 * @returns the file's source
 */
export function validatorFile(resource: string, fields: ReadonlyArray<[string, string]>): string {
  const props = fields
    .filter(([name]) => name !== 'id' && name !== 'createdAt' && name !== 'updatedAt')
    .map(([name, type]) => `    ${name}: { type: '${type === 'integer' || type === 'decimal' ? 'number' : 'string'}' },`)
    .join('\n');
  return `'use strict';

const create = {
  type: 'object',
  additionalProperties: false,
  properties: {
${props}
  },
};

const update = { ...create, required: [] };

module.exports = { create, update, resource: '${resource}' };
`;
}

/**
 * Renders test/integration/<resource>.routes.test.js: one supertest case per action.
 * @returns the file's source
 */
export function routeTestFile(resource: string, actions: readonly string[]): string {
  const cases = actions.map(
    (action) => `  it('${action} answers with JSON', async () => {
    const res = await request(app).get('/api/${resource}').set('Authorization', \`Bearer \${token}\`);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/json/);
  });
`,
  );
  return `const request = require('supertest');
const app = require('../../src/app');
const { issueToken } = require('../helpers/auth');

describe('/api/${resource}', () => {
  let token;
  beforeAll(async () => {
    token = await issueToken({ roles: ['admin'] });
  });

${cases.join('\n')}});
`;
}

function singular(resource: string): string {
  return resource.replace(/ies$/, 'y').replace(/s$/, '');
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
