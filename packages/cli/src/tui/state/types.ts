// The TUI's state: plain data the reducer replaces, never mutates. Heavy results (evaluations,
// previews) arrive from hooks as actions and are stored by reference.
import type { Builder, ContextSizes, ScanProgressEvent, UnusedGroup } from '@ctxlens/core';
import type { OffenderGroups, OffenderRow, ProposedRule } from '@ctxlens/core/live';
import type { Session } from '../session/session.js';
import type { Evaluation } from './derive.js';
import type { RulesModel } from './rules-model.js';

/** The focused pane. */
export type Pane = 'tree' | 'rules';

/** How the tree lists a directory's entries. */
export type SortMode = 'size' | 'name';

/** What covers the panes, if anything: dialogs, overlays and text inputs. */
export type Mode =
  | { readonly kind: 'browse' }
  | { readonly kind: 'help'; readonly scroll: number }
  | { readonly kind: 'filter'; readonly text: string }
  | { readonly kind: 'add-rule'; readonly text: string }
  | { readonly kind: 'confirm-ignore'; readonly index: number; readonly choice: number; readonly confirmed?: boolean }
  | { readonly kind: 'confirm-include'; readonly index: number; readonly confirmed?: boolean }
  | { readonly kind: 'explain'; readonly index: number }
  | { readonly kind: 'offenders'; readonly cursor: number }
  | { readonly kind: 'builder-diff'; readonly from: Builder; readonly cursor: number }
  | { readonly kind: 'save' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'save-failed'; readonly message: string; readonly hint: string | undefined }
  | { readonly kind: 'confirm-quit' };

/** Figures a dialog or overlay needs that take a core call to compute; tagged with what they are for. */
export type ModeData =
  | {
      readonly kind: 'ignore-preview';
      readonly index: number;
      readonly key: string;
      readonly options: readonly IgnoreOption[];
      /** Proposals left out because they would exclude what the Dockerfile uses (the build would break or the image change). */
      readonly withheld: number;
    }
  | { readonly kind: 'include-preview'; readonly index: number; readonly key: string; readonly rule: ProposedRule | undefined; readonly addsBytes: number | undefined; readonly legacyHonours: boolean; readonly buildkitHonours: boolean }
  | {
      readonly kind: 'offenders';
      readonly key: string;
      readonly offenders: OffenderGroups;
      /** Under BuildKit: bloat and secrets the ignore file lets through but the Dockerfile does not ask for (a `COPY . .` would send them). */
      readonly notRequested: readonly OffenderRow[];
      /** Under BuildKit with a Dockerfile: what is sent but never used, by top-level entry, biggest first. */
      readonly sentUnused: readonly UnusedGroup[] | undefined;
    }
  | { readonly kind: 'builder-diff'; readonly key: string; readonly other: Builder; readonly otherSizes: ContextSizes; readonly rows: readonly BuilderDiffRow[]; readonly more: number };

/** One proposed rule for "ignore this path", with its effect. */
export interface IgnoreOption {
  readonly rule: ProposedRule;
  /** Upload bytes the rule would remove; undefined when it could not be evaluated. */
  readonly savesBytes: number | undefined;
}

/** A path one builder sends and the other does not. */
export interface BuilderDiffRow {
  readonly index: number;
  readonly path: string;
  readonly sentBy: Builder;
  /** Upload bytes involved. */
  readonly bytes: number;
}

/** I/O the reducer asks the hooks to do. */
export type Request =
  /** `thenExit`: quit once written (the quit dialog's "save and quit"). */
  | { readonly kind: 'write'; readonly thenExit?: boolean }
  | { readonly kind: 'reload' }
  /** Read the tree, the ignore file and the Dockerfile again. */
  | { readonly kind: 'rescan' }
  /** Leave with this exit status (0 when absent), printing `message` on stderr. */
  | { readonly kind: 'exit'; readonly code?: number; readonly message?: string };

/** A one-line message in the footer. */
export interface Status {
  readonly text: string;
  readonly tone: 'info' | 'success' | 'warn' | 'error';
}

/** Where the tree is. */
export interface TreeState {
  /** Inventory index of the directory shown. */
  readonly dir: number;
  /** Position of the selected row in the directory's listing. */
  readonly cursor: number;
  readonly sort: SortMode;
  /** Case-insensitive name filter; '' for none. */
  readonly filter: string;
  /** Lists only entries that send files the Dockerfile never uses (BuildKit with a Dockerfile). */
  readonly unusedOnly: boolean;
}

/** Effect of switching each rule, by document line. */
export interface RuleImpacts {
  /** Evaluation key the impacts were computed against. */
  readonly key: string;
  /** Per document line: change in upload bytes if the rule on that line were switched (negative: it shrinks the context). */
  readonly deltas: ReadonlyMap<number, number>;
}

/** The whole TUI state. */
export interface TuiState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly progress: ScanProgressEvent | undefined;
  /** What to print when loading failed, and the exit code for it. */
  readonly failure: { readonly lines: readonly string[]; readonly code: number } | undefined;
  readonly session: Session | undefined;
  readonly builder: Builder;
  readonly rules: RulesModel;
  /** Earlier rule models, most recent last (undo). */
  readonly history: readonly RulesModel[];
  /** The latest good evaluation (may lag behind the rules while one is computed). */
  readonly evaluation: Evaluation | undefined;
  /** Docker's error for the current rules, when they do not evaluate. */
  readonly evaluationError: { readonly key: string; readonly message: string; readonly line: number | undefined } | undefined;
  /** Sizes of the first evaluation: the reference for "since the session started". */
  readonly startSizes: ContextSizes | undefined;
  readonly impacts: RuleImpacts | undefined;
  /** Key of the last evaluation whose usage analysis arrived (state/usage.ts holds it): a change repaints the marks. */
  readonly usageKey: string | undefined;
  readonly pane: Pane;
  readonly tree: TreeState;
  /** Selected row of the rules pane. */
  readonly rulesCursor: number;
  readonly mode: Mode;
  readonly modeData: ModeData | undefined;
  readonly request: Request | undefined;
  readonly status: Status | undefined;
  readonly viewport: { readonly columns: number; readonly rows: number };
  readonly color: boolean;
}
