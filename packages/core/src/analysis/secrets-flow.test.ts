import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline } from '../context/compute-context.js';
import { secretMount, secretsFlow, type SecretReach } from './secrets-flow.js';

const project: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}' },
  { file: 'src/index.ts', content: 'export {}' },
  { file: 'src/.env.local', content: 'TOKEN=1' },
  { file: '.env', content: 'SECRET=1' },
  { file: '.env.example', content: 'SECRET=' },
  { file: '.npmrc', content: '//registry.npmjs.org/:_authToken=4f9d2c7e1a8b3c5d6e7f\n' },
  { file: 'deploy/id_ed25519', content: 'key' },
  { file: '.config/gcloud/credentials.db', content: 'db' },
];

interface FlowRow {
  readonly name: string;
  readonly dockerfile: string;
  readonly ignore?: string;
  readonly builder?: 'buildkit' | 'legacy';
  /** path -> how far it gets. */
  readonly reach: Readonly<Record<string, SecretReach>>;
  readonly variables?: readonly string[];
}

const NONE_SENT = { '.config/gcloud': 'not-sent', '.env': 'not-sent', '.npmrc': 'not-sent', 'deploy/id_ed25519': 'not-sent' } as const;

const ROWS: readonly FlowRow[] = [
  {
    name: 'a subset copied: the secret inside it ships, the others are not even sent',
    dockerfile: 'FROM scratch\nCOPY package.json src /app/\n',
    reach: { ...NONE_SENT, 'src/.env.local': 'shipped' },
  },
  {
    name: 'COPY . . ships every secret the ignore file lets through',
    dockerfile: 'FROM scratch\nCOPY . /app/\n',
    ignore: 'deploy\n',
    reach: { '.config/gcloud': 'shipped', '.env': 'shipped', '.npmrc': 'shipped', 'src/.env.local': 'shipped' },
  },
  {
    name: 'a build stage copies .npmrc, the image takes only the build output',
    dockerfile: 'FROM busybox AS build\nCOPY .npmrc /root/\nCOPY src /src\nFROM scratch\nCOPY --from=build /src/index.ts /app/\n',
    reach: { ...NONE_SENT, '.npmrc': 'build-stage', 'src/.env.local': 'build-stage' },
  },
  {
    name: 'COPY --from takes the whole directory: the secret follows it into the image',
    dockerfile: 'FROM busybox AS build\nCOPY . /app\nFROM scratch\nCOPY --from=build /app/src /src\n',
    reach: { '.config/gcloud': 'build-stage', '.env': 'build-stage', '.npmrc': 'build-stage', 'deploy/id_ed25519': 'build-stage', 'src/.env.local': 'shipped' },
  },
  {
    name: 'a bind mount reads the secret without shipping it',
    dockerfile: 'FROM busybox\nRUN --mount=type=bind,source=.npmrc,target=/root/.npmrc true\nCOPY package.json /\n',
    reach: { ...NONE_SENT, '.npmrc': 'build-stage', 'src/.env.local': 'not-sent' },
  },
  {
    name: 'the legacy builder sends everything eligible; its use is not known',
    dockerfile: 'FROM scratch\nCOPY package.json /\n',
    ignore: '.npmrc\n',
    builder: 'legacy',
    reach: { '.config/gcloud': 'sent', '.env': 'sent', 'deploy/id_ed25519': 'sent', 'src/.env.local': 'sent' },
  },
  {
    name: 'secret-looking ARG and ENV names',
    dockerfile: 'FROM busybox\nARG NPM_TOKEN\nENV PUBLIC_KEY=1 DB_PASSWORD=x\nCOPY package.json /\n',
    reach: { ...NONE_SENT, 'src/.env.local': 'not-sent' },
    variables: ['ARG NPM_TOKEN:2', 'ENV DB_PASSWORD:3'],
  },
];

describe('secretsFlow', () => {
  describe.each(ROWS)('$name', (row) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-secrets-');
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: row.dockerfile }, ...(row.ignore === undefined ? [] : [{ file: '.dockerignore', content: row.ignore }])]);
    });
    afterAll(() => tmp.cleanup());

    it('follows each secret as far as it goes', async () => {
      const { context } = await computeContextWithBaseline(tmp.path, { builder: row.builder ?? 'buildkit' });
      const report = secretsFlow(context);
      expect(Object.fromEntries(report.files.map((f) => [f.path, f.reach]))).toEqual(row.reach);
      expect(report.usageKnown).toBe(row.builder !== 'legacy');
      for (const f of report.files) {
        expect(f.shipped).toBe(f.reach === 'shipped');
        expect(f.buildStageOnly).toBe(f.reach === 'build-stage');
        expect(f.sent).toBe(f.reach !== 'not-sent');
        if (f.reach === 'shipped' || f.reach === 'build-stage') expect(f.use).toBeDefined();
      }
      // Furthest first.
      const order = report.files.map((f) => ['shipped', 'build-stage', 'sent', 'not-sent'].indexOf(f.reach));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(report.variables.map((v) => `${v.instruction} ${v.name}:${v.line}`)).toEqual(row.variables ?? []);
    });
  });

  it('proposes a secret mount for a copied secret, an ignore line for an unused one', async () => {
    const tmp = await makeTempDir('ctxlens-secrets-');
    try {
      await buildTree(tmp.path, [...project, { file: 'Dockerfile', content: 'FROM busybox\nCOPY .npmrc package.json /app/\n' }]);
      const { context } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
      const npmrc = secretsFlow(context).files.find((f) => f.path === '.npmrc')!;
      expect(npmrc.use?.request.instruction).toMatchObject({ line: 2, text: 'COPY .npmrc package.json /app/' });
      expect(npmrc.fix).toContain('RUN --mount=type=secret,id=npmrc,target=/root/.npmrc');
      expect(npmrc.fix).toContain('--secret id=npmrc,src=.npmrc');
      expect(npmrc.fix).toContain('`.npmrc`');
      expect(secretsFlow(context).files.find((f) => f.path === '.env')!.fix).toBe('Not sent today; add `.env` to the ignore file so a later `COPY . .` or the legacy builder does not send it.');
      const legacy = await computeContextWithBaseline(tmp.path, { builder: 'legacy' });
      expect(secretsFlow(legacy.context).files.find((f) => f.path === '.env')!.fix).toBe('Sent to the builder: add `.env` to the ignore file, unless the Dockerfile copies it.');
    } finally {
      await tmp.cleanup();
    }
  });

  it.each([
    ['.npmrc', '--mount=type=secret,id=npmrc,target=/root/.npmrc', '--secret id=npmrc,src=.npmrc'],
    ['config/.env.production', '--mount=type=secret,id=env.production', '--secret id=env.production,src=config/.env.production'],
    ['keys/id rsa', '--mount=type=secret,id=id_rsa', '--secret id=id_rsa,src=keys/id rsa'],
  ])('secretMount(%s)', (path, flag, buildOption) => {
    expect(secretMount(path)).toEqual({ flag, buildOption });
  });
});
