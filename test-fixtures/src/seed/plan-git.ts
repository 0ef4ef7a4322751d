// .git/: the repository of a project with a couple of years of history, ~120 MB, mostly two pack files.
import type { TreeEntry } from '../trees/tree-spec.js';
import { logUniformSize, sentence } from './fake-text.js';
import type { Rng } from './prng.js';
import { fillBudget } from './seed-region.js';
import type { ElasticFile, SeedRegion } from './seed-region.js';

// Sizes of the hook samples `git init` writes, so the directory looks like the real thing.
const HOOK_SAMPLES: ReadonlyArray<[string, number]> = [
  ['applypatch-msg', 478], ['commit-msg', 896], ['fsmonitor-watchman', 4726], ['post-update', 189],
  ['pre-applypatch', 424], ['pre-commit', 1643], ['pre-merge-commit', 416], ['pre-push', 1374], ['pre-rebase', 4898],
  ['pre-receive', 544], ['prepare-commit-msg', 1492], ['push-to-checkout', 2783], ['sendemail-validate', 2308], ['update', 3650],
];
const AUTHORS = ['Camille Martin <camille@acme-shop.dev>', 'Lucas Bernard <lucas@acme-shop.dev>', 'Inès Moreau <ines@acme-shop.dev>'];
const LOOSE_OBJECTS = 1400;

/**
 * Plans .git/: HEAD, config, hooks, refs, reflogs, index, ~1,400 loose objects and two packs sized to fill `budgetBytes`.
 * @returns the .git region
 */
export function planGit(rng: Rng, budgetBytes: number, mtime: Date): SeedRegion {
  const fixed: TreeEntry[] = [];
  const add = (file: string, content: string | Buffer, mode?: number): void => {
    fixed.push({ file: `.git/${file}`, content, mtime, ...(mode !== undefined && { mode }) });
  };
  const commits = Array.from({ length: 40 }, () => rng.hex(40));
  const head = commits[commits.length - 1]!;
  add('HEAD', 'ref: refs/heads/main\n');
  add('config', GIT_CONFIG);
  add('description', "Unnamed repository; edit this file 'description' to name the repository.\n");
  add('COMMIT_EDITMSG', `${sentence(rng)}\n`);
  add('ORIG_HEAD', `${commits[commits.length - 2]}\n`);
  add('FETCH_HEAD', `${head}\t\tbranch 'main' of github.com:acme-shop/product-api\n`);
  add('info/exclude', "# git ls-files --others --exclude-from=.git/info/exclude\n# Lines that start with '#' are comments.\n# For a project mostly in C, the following would be a good set of\n# exclude patterns (uncomment them if you want to use them):\n# *.[oa]\n# *~\n");
  for (const [name, size] of HOOK_SAMPLES) add(`hooks/${name}.sample`, hookSample(rng, name, size), 0o755);
  add('refs/heads/main', `${head}\n`);
  add('refs/heads/feature/cart-reminders', `${rng.hex(40)}\n`);
  add('refs/heads/fix/invoice-rounding', `${rng.hex(40)}\n`);
  add('refs/remotes/origin/HEAD', 'ref: refs/remotes/origin/main\n');
  add('refs/remotes/origin/main', `${head}\n`);
  fixed.push({ dir: '.git/refs/tags', mtime });
  add('packed-refs', `# pack-refs with: peeled fully-peeled sorted \n${commits.slice(0, 12).map((sha, i) => `${sha} refs/tags/v1.${i}.0`).join('\n')}\n`);
  const reflog = reflogLines(rng, commits);
  add('logs/HEAD', reflog);
  add('logs/refs/heads/main', reflog);
  add('logs/refs/remotes/origin/main', reflog.split('\n').slice(-9).join('\n'));
  add('index', Buffer.concat([Buffer.from('DIRC\0\0\0\x02\0\0\x01\xf3', 'latin1'), rng.bytes(86_000)]));
  for (let i = 0; i < LOOSE_OBJECTS; i++) {
    // zlib streams start with 0x78 0x01; the rest of a deflated object is as good as random.
    add(`objects/${rng.hex(2)}/${rng.hex(38)}`, Buffer.concat([Buffer.from([0x78, 0x01]), rng.bytes(logUniformSize(rng, 40, 6000))]));
  }

  const packs: ElasticFile[] = [];
  for (const [weight, sha] of [[0.88, rng.hex(40)], [0.1, rng.hex(40)]] as const) {
    packs.push({ file: `.git/objects/pack/pack-${sha}.pack`, head: Buffer.from('PACK\0\0\0\x02', 'latin1'), weight, mtime, mode: 0o444 });
    packs.push({ file: `.git/objects/pack/pack-${sha}.idx`, head: Buffer.from('\xfftOc\0\0\0\x02', 'latin1'), weight: weight / 40, mtime, mode: 0o444 });
    packs.push({ file: `.git/objects/pack/pack-${sha}.rev`, head: Buffer.from('RIDX\0\0\0\x01', 'latin1'), weight: weight / 400, mtime, mode: 0o444 });
  }
  const infoPacks = packs.filter((pack) => pack.file.endsWith('.pack')).map((pack) => `P ${pack.file.split('/').pop()}\n`);
  add('objects/info/packs', `${infoPacks.join('')}\n`);
  return { name: '.git', ignored: true, entries: fillBudget(dedupe(fixed), packs, budgetBytes) };
}

const GIT_CONFIG = `[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
\tlogallrefupdates = true
[remote "origin"]
\turl = git@github.com:acme-shop/product-api.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
\tmerge = refs/heads/main
`;

function hookSample(rng: Rng, name: string, size: number): string {
  let text = `#!/bin/sh\n#\n# An example hook script to verify what is about to be committed.\n# To enable this hook, rename this file to "${name}".\n`;
  while (text.length < size) text += `# ${sentence(rng)}\n`;
  return text.slice(0, size - 1) + '\n';
}

function reflogLines(rng: Rng, commits: readonly string[]): string {
  let previous = '0'.repeat(40);
  let time = 1_688_000_000;
  return commits
    .map((sha) => {
      time += rng.int(3_600, 600_000);
      const line = `${previous} ${sha} ${rng.pick(AUTHORS)} ${time} +0200\tcommit: ${sentence(rng)}\n`;
      previous = sha;
      return line;
    })
    .join('');
}

// Two random 38-hex names could collide in theory; the spec forbids duplicates, so drop them.
function dedupe(entries: TreeEntry[]): TreeEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = 'file' in entry ? entry.file : 'dir' in entry ? entry.dir : '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
