// Replaying a user's edits onto a file changed on disk meanwhile. `steps` are what the user did
// (0-based line indices in the user's file at that moment); `theirs` is the file as the other
// writer left it. `from` names where the row comes from.

/** What the user did, as the TUI does it. */
export type UserStep =
  | readonly ['append', string]
  | readonly ['insert', number, string]
  | readonly ['remove', number]
  | readonly ['replace', number, string]
  | readonly ['toggle', number]
  | readonly ['move', number, number];

/** One replay case: the merged file, or the conflict's message. */
export interface ReplayVector {
  readonly name: string;
  readonly base: string;
  readonly theirs: string;
  readonly steps: readonly UserStep[];
  readonly expected: { readonly text: string } | { readonly conflict: RegExp };
  readonly from: string;
}

export const REPLAY_VECTORS: readonly ReplayVector[] = [
  {
    name: 'an external append survives a deleted rule (the issue repro)',
    base: '# deps\nnode_modules\n.git\n*.log\n',
    theirs: '# deps\nnode_modules\n.git\n*.log\ntmp/\n',
    steps: [['remove', 1]],
    expected: { text: '# deps\n.git\n*.log\ntmp/\n' },
    from: 'issue 13 point 7',
  },
  {
    name: 'a switched-off rule stays off, external lines above and below stay',
    base: 'a\nb\nc\n',
    theirs: 'x\na\nb\nc\ny\n',
    steps: [['toggle', 1]],
    expected: { text: 'x\na\n# b\nc\ny\n' },
    from: 'toggle',
  },
  {
    name: 'a line the user appended goes after the external appends (it still wins)',
    base: 'a\n',
    theirs: 'a\n!keep\n',
    steps: [['append', 'keep']],
    expected: { text: 'a\n!keep\nkeep\n' },
    from: 'append',
  },
  {
    name: 'a line inserted after a rule follows that rule to where it is now',
    base: 'a\nb\nc\n',
    theirs: 'new\na\nb\nc\n',
    steps: [['insert', 2, 'mine']],
    expected: { text: 'new\na\nb\nmine\nc\n' },
    from: 'insert',
  },
  {
    name: 'a moved rule lands next to the same rule',
    base: 'a\nb\nc\nd\n',
    theirs: 'a\nb\nx\nc\nd\n',
    steps: [['move', 0, 2]],
    expected: { text: 'b\nx\nc\na\nd\n' },
    from: 'move down',
  },
  {
    name: 'moving up lands before the rule it jumped over',
    base: 'a\nb\nc\n',
    theirs: 'a\nb\nx\nc\n',
    steps: [['move', 2, 1]],
    expected: { text: 'a\nc\nb\nx\n' },
    from: 'move up',
  },
  {
    name: 'a rule both sides deleted is deleted once',
    base: 'a\nb\nc\n',
    theirs: 'a\nc\n',
    steps: [['remove', 1]],
    expected: { text: 'a\nc\n' },
    from: 'remove twice',
  },
  {
    name: 'CRLF and a missing final newline are kept on lines nobody touched',
    base: 'a\r\nb\r\nc',
    theirs: 'a\r\nb\r\nc\r\nd',
    steps: [['replace', 0, 'A']],
    expected: { text: 'A\r\nb\r\nc\r\nd' },
    from: 'lossless bytes',
  },
  {
    name: 'switching off a rule changed on disk is refused, naming the line',
    base: 'node_modules\n.git\n',
    theirs: 'node_modules/\n.git\n',
    steps: [['toggle', 0]],
    expected: { conflict: /^you switched "node_modules" to "# node_modules", but "node_modules" was changed or removed on disk$/ },
    from: 'issue 13 point 7: the user edited a line the external edit changed',
  },
  {
    name: 'deleting a rule changed on disk is refused (the change would be lost otherwise)',
    base: 'a\nnode_modules\nb\n',
    theirs: 'a\nnode_modules/\nb\n',
    steps: [['remove', 1]],
    expected: { conflict: /^you deleted "node_modules", but "node_modules" was changed or removed on disk$/ },
    from: 'issue 13 point 7: the user edited a line the external edit changed',
  },
  {
    name: 'changing a rule removed on disk is refused',
    base: 'a\nb\n',
    theirs: 'a\n',
    steps: [['replace', 1, 'B']],
    expected: { conflict: /you changed "b" to "B", but "b" was changed or removed on disk/ },
    from: 'replace vs remove',
  },
  {
    name: 'an insert next to a line removed on disk is refused',
    base: 'a\nb\nc\n',
    theirs: 'a\nc\n',
    steps: [['insert', 2, 'mine']],
    expected: { conflict: /you added "mine" next to "b", but "b" was changed or removed on disk/ },
    from: 'insert vs remove',
  },
  {
    name: 'a duplicated line whose neighbours do not tell which copy is refused',
    base: 'x\na\ny\n',
    theirs: 'x\na\ny\nx\na\ny\n',
    steps: [['toggle', 1]],
    expected: { conflict: /"a" now appears more than once on disk/ },
    from: 'ambiguous anchor',
  },
  {
    name: 'a duplicated line told apart by its neighbours',
    base: 'x\na\ny\n',
    theirs: 'x\na\ny\nz\na\nw\n',
    steps: [['remove', 1]],
    expected: { text: 'x\ny\nz\na\nw\n' },
    from: 'anchor by neighbours',
  },
  {
    name: 'several edits replay in order, each on the result of the one before',
    base: 'a\nb\nc\n',
    theirs: 'a\nb\nc\ntmp/\n',
    steps: [['append', 'd'], ['toggle', 0], ['move', 3, 1], ['remove', 2]],
    expected: { text: '# a\nd\nc\ntmp/\n' },
    from: 'sequence',
  },
];
