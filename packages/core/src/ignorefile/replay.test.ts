import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CaseRng } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IgnoreDocument, insertLine, lineText, moveLine, parseDocument, removeLine, replaceLine, serializeDocument, writeDocument } from './edit.js';
import { anchorAt, insertEdit, type LineEdit, moveEdit } from './line-edits.js';
import { replayEdits } from './replay.js';
import { REPLAY_VECTORS, type UserStep } from './replay.vectors.js';

/** Does what the user did, by index as the TUI does, and records it as an edit named by content. */
function userStep(doc: IgnoreDocument, step: UserStep): { doc: IgnoreDocument; edit: LineEdit } {
  switch (step[0]) {
    case 'append':
      return { doc: insertLine(doc, step[1]), edit: insertEdit(doc, step[1]) };
    case 'insert':
      return { doc: insertLine(doc, step[2], step[1]), edit: insertEdit(doc, step[2], step[1]) };
    case 'remove':
      return { doc: removeLine(doc, step[1]), edit: { kind: 'remove', line: anchorAt(doc, step[1]) } };
    case 'replace':
      return { doc: replaceLine(doc, step[1], step[2]), edit: { kind: 'replace', line: anchorAt(doc, step[1]), text: step[2] } };
    case 'toggle': {
      const text = `# ${lineText(doc.lines[step[1]]!)}`;
      return { doc: replaceLine(doc, step[1], text), edit: { kind: 'toggle', line: anchorAt(doc, step[1]), text } };
    }
    case 'move':
      return { doc: moveLine(doc, step[1], step[2]), edit: moveEdit(doc, step[1], step[2]) };
  }
}

function record(base: IgnoreDocument, steps: readonly UserStep[]): { doc: IgnoreDocument; edits: LineEdit[] } {
  let doc = base;
  const edits: LineEdit[] = [];
  for (const step of steps) {
    const done = userStep(doc, step);
    doc = done.doc;
    edits.push(done.edit);
  }
  return { doc, edits };
}

const text = (doc: IgnoreDocument): string => serializeDocument(doc).toString('utf8');

describe('replayEdits', () => {
  it.each(REPLAY_VECTORS.map((v) => [v.name, v] as const))('%s', (_, v) => {
    const mine = record(parseDocument(Buffer.from(v.base)), v.steps);
    const result = replayEdits(parseDocument(Buffer.from(v.theirs)), mine.edits);
    if ('text' in v.expected) {
      expect(result.ok ? text(result.doc) : result.conflict.message).toBe(v.expected.text);
    } else {
      expect(result.ok ? text(result.doc) : result.conflict.message).toMatch(v.expected.conflict);
    }
  });

  it('replays onto the file it was recorded on as the user left it', () => {
    for (const v of REPLAY_VECTORS) {
      const base = parseDocument(Buffer.from(v.base));
      const mine = record(base, v.steps);
      const result = replayEdits(base, mine.edits);
      expect(result.ok && text(result.doc)).toBe(text(mine.doc));
    }
  });

  it('gives back edits that replay the same way again (a second conflict after a reload)', () => {
    const v = REPLAY_VECTORS.find((r) => r.from === 'sequence')!;
    const first = replayEdits(parseDocument(Buffer.from(v.theirs)), record(parseDocument(Buffer.from(v.base)), v.steps).edits);
    if (!first.ok) throw new Error(first.conflict.message);
    const later = parseDocument(Buffer.from(`${v.theirs}later\n`));
    const again = replayEdits(later, first.edits);
    expect(again.ok && text(again.doc)).toBe(`${text(first.doc)}later\n`);
  });
});

// The property of issue 13 point 7: random external edits interleaved with random user edits.
// After each replay, every line either side wrote is in the file written, and no line is lost that
// the other side did not delete; or the replay is refused and the file on disk is the external one.
const CASES = Number(process.env.CTXLENS_CONFORMANCE_CASES ?? 500);
const WORDS = ['a', 'b', 'node_modules', '*.log', '# deps', '', 'tmp/', '!keep', 'dist', '**/.env'];

function randomLine(rng: CaseRng, tag: string): string {
  return rng.chance(0.5) ? rng.pick(WORDS) : tag;
}

function externalEdit(rng: CaseRng, doc: IgnoreDocument, tag: string): IgnoreDocument {
  const n = doc.lines.length;
  const kind = n === 0 ? 'insert' : rng.pick(['insert', 'insert', 'remove', 'replace'] as const);
  if (kind === 'insert') return insertLine(doc, randomLine(rng, tag), rng.int(0, n));
  if (kind === 'remove') return removeLine(doc, rng.int(0, n - 1));
  return replaceLine(doc, rng.int(0, n - 1), randomLine(rng, tag));
}

function randomStep(rng: CaseRng, doc: IgnoreDocument, tag: string): UserStep {
  const n = doc.lines.length;
  const kind = n === 0 ? 'append' : rng.pick(['append', 'insert', 'remove', 'replace', 'toggle', 'move'] as const);
  const at = rng.int(0, Math.max(0, n - 1));
  switch (kind) {
    case 'append':
      return ['append', randomLine(rng, tag)];
    case 'insert':
      return ['insert', rng.int(0, n), randomLine(rng, tag)];
    case 'remove':
    case 'toggle':
      return [kind, at];
    case 'replace':
      return ['replace', at, randomLine(rng, tag)];
    case 'move':
      return ['move', at, rng.int(0, n - 1)];
  }
}

function counts(doc: IgnoreDocument): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of doc.lines) out.set(lineText(line), (out.get(lineText(line)) ?? 0) + 1);
  return out;
}

/** Texts of the lines the user wrote (inserted, or changed a line to). */
function written(steps: readonly UserStep[], doc: IgnoreDocument): Map<string, number> {
  const out = new Map<string, number>();
  let current = doc;
  for (const step of steps) {
    const edit = userStep(current, step).edit;
    if (edit.kind === 'insert' || edit.kind === 'replace' || edit.kind === 'toggle') out.set(edit.text, (out.get(edit.text) ?? 0) + 1);
    current = userStep(current, step).doc;
  }
  return out;
}

/**
 * Line counts the merge must respect: every line either side added is there, none is lost that the
 * other side did not delete, and none is there more often than the external file has it plus the
 * user wrote it (a line the user deleted and wrote again elsewhere counts as written).
 */
function checkMerge(base: IgnoreDocument, theirs: IgnoreDocument, mine: IgnoreDocument, merged: IgnoreDocument, steps: readonly UserStep[], context: string): void {
  const wrote = written(steps, base);
  const [cb, ct, cm, cr] = [base, theirs, mine, merged].map(counts) as [Map<string, number>, Map<string, number>, Map<string, number>, Map<string, number>];
  for (const line of new Set([...cb.keys(), ...ct.keys(), ...cm.keys(), ...cr.keys()])) {
    const [b, t, m, r] = [cb, ct, cm, cr].map((c) => c.get(line) ?? 0) as [number, number, number, number];
    const removed = { theirs: Math.max(0, b - t), mine: Math.max(0, b - m) };
    const added = { theirs: Math.max(0, t - b), mine: Math.max(0, m - b) };
    const got = `${context}: ${JSON.stringify(line)}: base ${b}, theirs ${t}, mine ${m}, merged ${r}\nbase ${JSON.stringify(serializeDocument(base).toString())}\ntheirs ${JSON.stringify(serializeDocument(theirs).toString())}\nmerged ${JSON.stringify(serializeDocument(merged).toString())}`;
    expect(r, got).toBeGreaterThanOrEqual(Math.max(t - removed.mine, m - removed.theirs, added.theirs + added.mine));
    expect(r, got).toBeLessThanOrEqual(Math.min(t + Math.max(added.mine, wrote.get(line) ?? 0), m + added.theirs));
  }
}

describe(`replaying random edits onto random external changes (${CASES} seeded cases)`, () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-replay-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every line either side wrote, or refuses and leaves the external file as it is', () => {
    const file = path.join(dir, '.dockerignore');
    let refused = 0;
    let merged = 0;
    for (let seed = 0; seed < CASES; seed++) {
      const rng = new CaseRng(seed);
      const newline = rng.chance(0.3) ? '\r\n' : '\n';
      const lines = Array.from({ length: rng.int(0, 6) }, () => rng.pick(WORDS));
      let disk = Buffer.from(lines.join(newline) + (lines.length > 0 && rng.chance(0.8) ? newline : ''));
      fs.writeFileSync(file, disk);
      // Rounds of: the user edits, somebody edits the file, the save conflicts, the user reloads and
      // restores the edits (the replay), and saves the result.
      for (let round = 0; round < 3; round++) {
        const base = parseDocument(disk);
        const steps: UserStep[] = [];
        let mine = base;
        for (let k = rng.int(1, 4); k > 0; k--) {
          const step = randomStep(rng, mine, `mine-${seed}-${round}-${k}`);
          steps.push(step);
          mine = userStep(mine, step).doc;
        }
        let theirs = base;
        for (let k = rng.int(1, 3); k > 0; k--) theirs = externalEdit(rng, theirs, `theirs-${seed}-${round}-${k}`);
        const external = serializeDocument(theirs);
        fs.writeFileSync(file, external);
        const replayed = replayEdits(parseDocument(fs.readFileSync(file)), record(base, steps).edits);
        if (!replayed.ok) {
          refused++;
          expect(replayed.conflict.message).toContain(JSON.stringify(replayed.conflict.line ?? ''));
          expect(fs.readFileSync(file).equals(external), `seed ${seed}`).toBe(true);
          break;
        }
        merged++;
        writeDocument(file, replayed.doc, external);
        disk = fs.readFileSync(file);
        expect(disk.equals(serializeDocument(replayed.doc)), `seed ${seed}`).toBe(true);
        checkMerge(base, theirs, mine, parseDocument(disk), steps, `seed ${seed} round ${round} steps ${JSON.stringify(steps)}`);
      }
    }
    // Both outcomes are exercised (small files of a few words: equal lines and conflicts are common).
    expect(refused).toBeGreaterThan(CASES / 20);
    expect(merged).toBeGreaterThan(CASES / 2);
  });
});
