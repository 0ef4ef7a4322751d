// Name pools for random trees: what real projects hold, and what breaks naive matchers.
import type { Rng } from './rng.js';

/** Directory names real contexts carry. */
export const REALISTIC_DIRS = [
  'src', 'lib', 'app', 'docs', 'test', 'tests', 'build', 'dist', 'node_modules', '.git', 'vendor', 'config',
  'scripts', 'assets', 'public', 'tmp', 'logs', 'pkg', 'internal', 'cmd', '.github', 'sub', 'a', 'b', 'd', 'foo',
  'bar', 'x', 'objects', 'refs', '.cache', 'coverage', '__pycache__', 'target',
] as const;

/** File names real contexts carry (nested `Dockerfile` and `.dockerignore` included on purpose). */
export const REALISTIC_FILES = [
  'README.md', 'CHANGELOG.md', 'index.js', 'main.go', 'app.py', 'package.json', 'package-lock.json', '.env',
  '.gitignore', 'Makefile', 'notes.txt', 'a.txt', 'b.md', 'x', 'foo', 'config.yaml', 'id_rsa', 'data.json',
  'Dockerfile', 'docker-compose.yml', '.dockerignore', 'LICENSE', 'app.log', 'yarn.lock', 'go.mod', 'test.ts',
  'style.css', 'image.png', 'HEAD', 'x.md', 'a.md', 'file', 'Dockerfile.dev', 'dockerfile', '.env.local',
] as const;

/** Names with characters that mean something to filepath.Match, RE2, Go's TrimSpace or tar. */
export const HOSTILE_NAMES = [
  'with space.txt', ' lead', 'trail ', 'file[1].txt', '[abc]', ']', '[', 'a+(b)', '(x)', '#hash', '#', '!bang',
  '!', 'back\\slash', '\\', 'star*name', '*', 'q?mark', '?', '*.md', 'é.txt', 'e\u0301.txt', '日本語.md',
  '\u{1F433}.txt', 'emoji-\u{1F600}', '.hidden', '..dots', '...', 'a.b.c', '{brace}', 'dollar$', '^caret',
  'pipe|x', 'tab\tname', 'nbsp\u00a0x', 'nel\u0085x', 'bom\ufeffx', '-dash', '~tilde', "quote'x", 'dq"x',
  'colon:x', '**', 'a**b', 'x.MD', 'UPPER', 'sp ace', 'a\\*b', 'x\u2028y', 'Ωmega', 'aa', 'a.', '.a', 'ab]',
  '\\a', '\\k', 'n\\n', 'z-a', '[z-a]', '[!a]', '[^a]', 'a^b', '\u3000ideo', 'a{2}', 'x{1,2}', 'αβγ.txt', 'c.{js,ts}',
];

/** Names that are legal but rare: control characters that break line-oriented tools. */
export const RARE_NAMES = ['line\nbreak', 'cr\rname', 'trailcr\r', '\r', '\n', 'lf\n'] as const;

/**
 * A long ASCII or unicode name, `bytes` UTF-8 bytes long (at most 255, the Linux name limit).
 * @returns the name
 */
export function longName(rng: Rng, bytes: number): string {
  const target = Math.min(bytes, 255);
  const unit = rng.pick(['l', 'long-', 'é', '日', 'x', 'seg_']);
  let name = rng.pick(['', 'L', '.', '#']);
  while (Buffer.byteLength(name + unit) <= target) name += unit;
  while (Buffer.byteLength(name) < target) name += 'z';
  return name;
}

/**
 * A fresh name for a child of one directory.
 * @param hostility 0..1: the share of hostile names
 * @returns a name not in `taken`
 */
export function pickName(rng: Rng, kind: 'file' | 'dir', hostility: number, taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    let name: string;
    const roll = rng.next();
    const hostile = hostility * 0.55;
    const rare = hostile + hostility * 0.012;
    if (roll < hostile) name = rng.pick(HOSTILE_NAMES);
    else if (roll < rare) name = rng.pick(RARE_NAMES);
    else if (roll < rare + 0.02) name = longName(rng, rng.pick([99, 100, 101, 120, 155, 200, 255]));
    else name = kind === 'dir' ? rng.pick(REALISTIC_DIRS) : rng.pick(REALISTIC_FILES);
    if (attempt > 20) name = `${name}-${attempt}`;
    if (!taken.has(name)) return name;
  }
  throw new Error('pickName: no free name');
}
