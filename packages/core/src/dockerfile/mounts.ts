// `RUN --mount=…` as BuildKit reads it (instructions/commands_runmount.go). BuildKit reads each
// mount twice: when the Dockerfile is parsed, only the CSV shape and `from` are checked (values are
// not expanded yet, so even `type` is unknown then); when the stage is dispatched, every value is
// expanded with the stage's variables and the whole mount is validated.

import { goQuote } from './go-text.js';
import { withSuggestion } from './flags.js';

/** A mount type BuildKit knows. */
export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

/** One `--mount` after expansion and validation. */
export interface RunMount {
  readonly type: MountType;
  /** A stage name, stage index or image; empty for the build context (bind, tmpfs) or nothing. */
  readonly from: string;
  /** `source`/`src`: the path inside `from` (or the build context); empty for its root. */
  readonly source: string;
  /** `target`/`dst`/`destination`. */
  readonly target: string;
  readonly readOnly: boolean;
  /** `id` (cache and secret mounts). */
  readonly id: string;
  readonly required: boolean;
}

const MOUNT_TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = new Set(['shared', 'private', 'locked']);
const KNOWN_KEYS = ['type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'mode', 'uid', 'gid', 'src', 'dst', 'ro', 'rw', 'readwrite'];

/**
 * Splits a `--mount` value into its comma-separated fields the way Go's encoding/csv reads one record
 * (double quotes group, `""` is a quote).
 * @throws Error `failed to parse csv mounts: …`
 */
export function mountFields(value: string): string[] {
  if (value === '') throw new Error('failed to parse csv mounts: EOF');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) throw new Error(`failed to parse csv mounts: parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',') {
        throw new Error(`failed to parse csv mounts: parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
      }
    } else {
      while (i < value.length && value[i] !== ',') {
        if (value[i] === '"') throw new Error(`failed to parse csv mounts: parse error on line 1, column ${i + 1}: bare " in non-quoted-field`);
        field += value[i++];
      }
    }
    fields.push(field);
    if (i >= value.length) return fields;
    i++;
  }
}

/**
 * The checks BuildKit makes on a mount while parsing the Dockerfile (no expansion yet).
 * @returns the unexpanded `from` value, empty when none
 * @throws Error with BuildKit's message for a malformed field or a variable in `from`
 */
export function preParseMount(value: string): string {
  let from = '';
  for (const field of mountFields(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro' || key === 'readwrite' || key === 'rw' || key === 'required') continue;
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    if (key === 'from') {
      from = field.slice(eq + 1);
      if (/\$./s.test(from)) throw new Error(`'${key}' doesn't support variable expansion, define alias stage instead`);
    }
  }
  return from;
}

/**
 * Reads a mount at dispatch time: each value expanded, then validated as BuildKit does.
 * @param expand the stage's word expansion
 * @returns the mount
 * @throws Error with BuildKit's message (unsupported type, unknown key, bad value…)
 */
export function parseMount(value: string, expand: (word: string) => string): RunMount {
  let type: MountType = 'bind';
  let from = '';
  let source = '';
  let target = '';
  let readOnly = false;
  let roAuto = true;
  let id = '';
  let sharing = '';
  let required = false;
  const fileInfo = new Set<string>();
  const parseBool = (key: string, v: string): boolean => {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
    throw new Error(`invalid value for ${key}: ${v}`);
  };
  for (const field of mountFields(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') {
        readOnly = true;
        roAuto = false;
        continue;
      }
      if (key === 'readwrite' || key === 'rw') {
        readOnly = false;
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (type === 'secret' || type === 'ssh') {
          required = true;
          continue;
        }
        throw new Error(`unexpected key '${key}' for mount type '${type}'`);
      }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    const v = expand(field.slice(eq + 1));
    switch (key) {
      case 'type': {
        const t = v.toLowerCase();
        if (!(MOUNT_TYPES as readonly string[]).includes(t)) throw new Error(withSuggestion(`unsupported mount type ${goQuote(v)}`, v, MOUNT_TYPES, true));
        type = t as MountType;
        break;
      }
      case 'from':
        from = v;
        break;
      case 'source':
      case 'src':
        source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = v;
        break;
      case 'readonly':
      case 'ro':
        readOnly = parseBool(key, v);
        roAuto = false;
        break;
      case 'readwrite':
      case 'rw':
        readOnly = !parseBool(key, v);
        roAuto = false;
        break;
      case 'required':
        if (type !== 'secret' && type !== 'ssh') throw new Error(`unexpected key '${key}' for mount type '${type}'`);
        required = parseBool(key, v);
        break;
      case 'id':
        id = v;
        break;
      case 'sharing':
        if (!SHARING.has(v.toLowerCase())) throw new Error(`unsupported sharing value ${goQuote(v)}`);
        sharing = v.toLowerCase();
        break;
      case 'mode':
        if (!/^[0-7]+$/.test(v) || Number.parseInt(v, 8) > 0xffffffff) throw new Error(`invalid value ${v} for mode`);
        fileInfo.add('mode');
        break;
      case 'uid':
      case 'gid':
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw new Error(`invalid value ${v} for ${key}`);
        fileInfo.add(key);
        break;
      // Newer keys (tmpfs size, secret env) are taken without checking their values here.
      case 'size':
      case 'env':
        break;
      default:
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, KNOWN_KEYS, true));
    }
  }
  if (type !== 'secret' && type !== 'ssh' && type !== 'cache') {
    for (const key of ['mode', 'uid', 'gid']) if (fileInfo.has(key)) throw new Error(`${key} not allowed for ${goQuote(type)} type mounts`);
  }
  if (roAuto) readOnly = type !== 'cache' && type !== 'tmpfs';
  if (sharing !== '' && type !== 'cache') throw new Error(`invalid cache sharing set for ${type} mount`);
  if (type === 'secret') {
    if (from !== '') throw new Error('secret mount should not have a from');
    if (source === '' && target === '' && id === '') throw new Error('invalid secret mount. one of source, target required');
    if (source !== '' && id !== '') throw new Error("both source and id can't be set");
  }
  return { type, from, source, target, readOnly, id, required };
}
