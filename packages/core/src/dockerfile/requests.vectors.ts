// What a build of a Dockerfile asks the client for. `sends` is `none` (no context step at all),
// `whole` (the whole filtered context) or BuildKit's FollowPaths; `reads` lists each read as
// `line kind path`. Rows name their source: a fact measured on the real BuildKit in issue 11, or the
// rule in moby/buildkit's dockerfile2llb (convert.go, convert_runmount.go) they follow.
import type { BuildOptions } from './stages.js';

/** One Dockerfile and what its build requests. */
export interface RequestVector {
  readonly name: string;
  readonly dockerfile: string;
  readonly options?: BuildOptions;
  readonly sends?: 'none' | 'whole' | readonly string[];
  readonly reads?: readonly string[];
  /** `line: message` when the build fails before sending anything. */
  readonly error?: string;
  readonly source: string;
}

/** The Dockerfiles and their requests, run by requests.test.ts. */
export const REQUEST_VECTORS: readonly RequestVector[] = [
  { name: 'one file', dockerfile: 'FROM a\nCOPY package.json ./\n', sends: ['package.json'], reads: ['2 copy package.json'], source: 'issue 11: real BuildKit sent 1 file' },
  { name: 'a glob and a directory', dockerfile: 'FROM a\nCOPY package*.json ./\nCOPY src ./src\n', sends: ['package*.json', 'src'], source: 'issue 11' },
  { name: 'only RUN steps', dockerfile: 'FROM a\nRUN make\n', sends: 'none', source: 'issue 11: no load step at all' },
  { name: 'only ENV and COPY --from', dockerfile: 'FROM a AS b\nENV X=1\nFROM c\nCOPY --from=b /x /x\n', sends: 'none', source: 'issue 11: 0 bytes sent' },
  { name: 'COPY . .', dockerfile: 'FROM a\nCOPY . .\n', sends: 'whole', reads: ['2 copy .'], source: 'convert.go normalizeContextPaths: / means everything' },
  { name: 'COPY * asks for the glob (which matches every top entry)', dockerfile: 'FROM a\nCOPY * /x/\n', sends: ['*'], source: 'issue 11: COPY * sends the whole context' },
  { name: '--target leaves out a later COPY . .', dockerfile: 'FROM a AS deps\nCOPY package.json ./\nFROM deps AS app\nCOPY . .\n', options: { target: 'deps' }, sends: ['package.json'], source: 'issue 11: --target deps sent 55kB' },
  { name: 'a stage the target does not reach', dockerfile: 'FROM a AS unused\nCOPY . .\nFROM b\nCOPY src /src\n', sends: ['src'], source: 'issue 11: unreached stages send nothing' },
  { name: 'stages reached through COPY --from, by name in any case', dockerfile: 'FROM a AS Build\nCOPY src /src\nFROM b\nCOPY --from=BUILD /out /out\nCOPY cfg /cfg\n', sends: ['cfg', 'src'], source: 'convert.go findStateByName (lower case)' },
  { name: 'stages reached through a numeric --from', dockerfile: 'FROM a\nCOPY one /1\nFROM b\nCOPY two /2\nFROM c\nCOPY --from=0 /1 /1\n', sends: ['one'], source: 'convert.go findStateByIndex' },
  { name: '--exclude does not reduce the request', dockerfile: 'FROM a\nCOPY --exclude=*.md . /app\n', sends: 'whole', source: 'issue 11: --exclude never reduces what is sent' },
  { name: 'a build arg chooses the source', dockerfile: 'FROM a\nARG D=src\nCOPY $D /x\n', options: { buildArgs: { D: '*.md' } }, sends: ['*.md'], source: 'issue 11: ARG D=src with --build-arg D=*.md' },
  { name: 'the ARG default without a build arg', dockerfile: 'FROM a\nARG D=src\nCOPY $D /x\n', sends: ['src'], source: 'issue 11' },
  { name: 'unset variables expand to nothing, :- falls back', dockerfile: 'FROM a\nCOPY ${UNSET}file ${X:-src} /x/\n', sends: ['file', 'src'], source: 'issue 11: ${UNSET}file is file, ${X:-src} is src' },
  { name: 'a global ARG is unset in a stage until re-declared', dockerfile: 'ARG D=src\nFROM a\nCOPY ${D}x /x\n', sends: ['x'], source: 'convert.go dispatchArg: only ARG in the stage brings a global value' },
  { name: 'a re-declared global ARG keeps its value', dockerfile: 'ARG D=src\nFROM a\nARG D\nCOPY ${D}x /x\n', sends: ['srcx'], source: 'convert.go dispatchArg' },
  { name: 'a build arg beats a global default', dockerfile: 'ARG D=src\nFROM a\nARG D\nCOPY $D /x\n', options: { buildArgs: { D: 'lib' } }, sends: ['lib'], source: 'convert.go buildMetaArgs/dispatchArg' },
  { name: 'platform ARGs need declaring in the stage', dockerfile: 'FROM a\nCOPY bin/$TARGETARCH /x\nARG TARGETARCH\nCOPY out/$TARGETARCH /y\n', sends: ['bin', 'out/amd64'], source: 'convert.go getPlatformArgs (global scope), linux/amd64 here' },
  { name: 'platform ARGs in FROM and global defaults', dockerfile: 'ARG BASE=img-$TARGETOS\nFROM $BASE AS b\nCOPY x /x\n', sends: ['x'], source: 'convert.go buildMetaArgs' },
  { name: 'ENV pairs all read the values from before the instruction', dockerfile: 'FROM a\nENV A=src B=${A}x\nENV C=$A\nCOPY $B $C /x/\n', sends: ['src', 'x'], source: 'commands.go EnvCommand.Expand before dispatchEnv' },
  { name: 'a stage inherits the variables of its stage base', dockerfile: 'FROM a AS base\nARG D=lib\nENV E=etc\nFROM base\nCOPY $D $E /x/\n', sends: ['etc', 'lib'], source: 'convert.go dispatchState.init' },
  { name: 'the escape directive applies to expansion', dockerfile: '# escape=`\nFROM a\nCOPY a`$b /x\n', sends: ['a$b'], source: 'convert.go shell.NewLex(dockerfile.EscapeToken)' },
  { name: 'an empty source is the root', dockerfile: 'ARG D=src\nFROM a\nCOPY $D /x\n', sends: 'whole', source: 'convert.go: path.Join("/", "") is /' },
  { name: 'sources are cleaned', dockerfile: 'FROM a\nCOPY ../x ./y/ /z/\n', sends: ['x', 'y'], source: 'convert.go path.Join("/", src)' },
  { name: 'JSON form', dockerfile: 'FROM a\nCOPY ["a b", "/x/"]\n', sends: ['a b'], source: 'parser.go parseMaybeJSONToList' },
  { name: 'heredoc sources read nothing', dockerfile: 'FROM a\nCOPY <<EOF /x\nhi\nEOF\n', sends: 'none', source: 'parse.go parseSourcesAndDest (SourceContents)' },
  { name: 'ADD of URLs reads nothing', dockerfile: 'FROM a\nADD https://example.com/a.tgz http://e.com/b /x/\n', sends: 'none', source: 'convert.go dispatch AddCommand' },
  { name: 'ADD of a git@ remote is still listed', dockerfile: 'FROM a\nADD git@github.com:o/r.git /r\nADD src /s\n', sends: ['git@github.com:o/r.git', 'src'], reads: ['2 add-git git@github.com:o/r.git', '3 add src'], source: 'convert.go: every ADD source without http(s):// goes to ctxPaths' },
  { name: 'a bind mount with a source', dockerfile: 'FROM a\nRUN --mount=type=bind,source=go.mod,target=/m make\n', sends: ['go.mod'], reads: ['2 bind-mount go.mod'], source: 'issue 11: a bind mount with source sends that path' },
  { name: 'a bind mount without a source', dockerfile: 'FROM a\nRUN --mount=target=/src make\n', sends: 'whole', source: 'issue 11: without one, the whole context' },
  { name: 'mount values are expanded per stage', dockerfile: 'FROM a\nARG M=go.sum\nRUN --mount=src=$M,dst=/m make\n', sends: ['go.sum'], source: 'commands_runmount.go parseMount with an expander' },
  { name: 'mounts that read no context', dockerfile: 'FROM a AS b\nFROM c\nRUN --mount=type=cache,target=/c --mount=type=secret,id=s --mount=type=ssh --mount=from=b,target=/b --mount=type=bind,from=b,source=x,target=/x make\n', sends: 'none', source: 'convert_runmount.go: cache uses scratch, secret/ssh skip, from= uses the stage' },
  { name: 'a tmpfs mount without from', dockerfile: 'FROM a\nRUN --mount=type=tmpfs,target=/t make\n', sends: 'whole', reads: ['2 tmpfs-mount .'], source: 'convert_runmount.go: tmpfs keeps from="" so path.Join("/", "") lands in ctxPaths (to confirm on the real BuildKit)' },
  { name: 'ONBUILD runs in stages built FROM the stage', dockerfile: 'FROM a AS base\nONBUILD COPY . /app\nFROM base\n', sends: 'whole', source: 'convert.go initOnBuildTriggers (base.commands)' },
  { name: 'ONBUILD does not run in its own stage', dockerfile: 'FROM a AS base\nONBUILD COPY . /app\nFROM base\n', options: { target: 'base' }, sends: 'none', source: 'convert.go' },
  { name: 'a variable error in a stage that is not needed', dockerfile: 'FROM a AS x\nCOPY ${Y:?boom} /\nFROM b\nCOPY ok /\n', sends: ['ok'], source: 'convert.go: unreached stages are never dispatched' },
  { name: 'a variable error in a needed stage', dockerfile: 'FROM a\nCOPY ${Y:?unset} /\n', error: '2: failed to process "${Y:?unset}": Y: unset', source: 'shell/lex.go' },
  { name: 'shell-form COPY splits on spaces before expanding', dockerfile: 'FROM a\nCOPY ${Y:-a b} /\n', error: `2: failed to process "\${Y:-a": syntax error: missing '}'`, source: 'parser.go parseMaybeJSONToList, then shell/lex.go' },
  { name: 'an expanded heredoc body with a bad variable', dockerfile: 'FROM a\nCOPY <<EOF /x\n${X:?}\nEOF\n', error: '2: failed to process "${X:?}\\n": X: is not allowed to be unset', source: 'commands.go SourcesAndDest.Expand (SourceContents with Expand)' },
  { name: 'quotes in an expanded heredoc body are plain text', dockerfile: "FROM a\nCOPY <<EOF /x\ndon't $PATH\nEOF\n", sends: 'none', source: 'commands.go SourcesAndDest.ExpandRaw (SkipProcessQuotes)' },
  { name: 'a quoted heredoc delimiter keeps the body literal', dockerfile: "FROM a\nCOPY <<'EOF' /x\n${X:?}\nEOF\n", sends: 'none', source: 'parser.go heredocFromMatch: quoted delimiter, Expand false' },
  { name: 'a missing target', dockerfile: 'FROM a AS one\n', options: { target: 'nope' }, error: '0: target stage "nope" could not be found', source: 'convert.go toDispatchState' },
  { name: 'a stage index out of range', dockerfile: 'FROM a\nCOPY --from=5 x y\n', error: '2: invalid stage index 5', source: 'convert.go findStateByIndex' },
  { name: 'a circular dependency', dockerfile: 'FROM a\nCOPY --from=1 /x /x\nFROM b\nCOPY --from=0 /y /y\n', error: '1: circular dependency detected on stage: stage-0', source: 'convert.go validateCircularDependency' },
  { name: 'COPY --from a later stage', dockerfile: 'FROM a AS one\nCOPY --from=two /x /x\nFROM b AS two\n', options: { target: 'one' }, error: '2: cannot copy from stage "two", it needs to be defined before current stage "one"', source: 'convert.go dispatch CopyCommand' },
  { name: 'a FROM that expands to nothing', dockerfile: 'ARG IMG\nFROM ${IMG}\n', error: '2: base name (${IMG}) should not be blank', source: 'convert.go toDispatchState' },
  { name: 'an unsupported mount type', dockerfile: 'FROM a\nRUN --mount=type=bnid,target=/x y\n', error: '2: unsupported mount type "bnid" (did you mean bind?)', source: 'commands_runmount.go parseMount' },
  { name: 'a mount over /', dockerfile: 'FROM a\nRUN --mount=type=cache make\n', error: '2: invalid mount target "/"', source: 'convert_runmount.go dispatchRunMounts' },
  { name: 'a required key on a bind mount', dockerfile: 'FROM a\nRUN --mount=type=bind,target=/x,required make\n', error: "2: unexpected key 'required' for mount type 'bind'", source: 'commands_runmount.go parseMount' },
];
