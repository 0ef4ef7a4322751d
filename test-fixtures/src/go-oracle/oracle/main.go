// Command oracle is ctxlens's line-oriented JSON bridge to Docker's real
// .dockerignore matcher (github.com/moby/patternmatcher) and to the pieces of
// the Go standard library that matcher relies on (regexp, path/filepath,
// strings.TrimSpace).
//
// Protocol: one JSON request per line on stdin, one JSON response per line on
// stdout, in the same order. A request that cannot be decoded, or names an
// unknown op, gets {"protocolError": "..."} so that the ordering is kept.
//
// JSON strings cannot carry bytes that are not UTF-8 (Go decodes them as
// U+FFFD), so a request with "bytes": true gives patterns, paths, regex and
// inputs as hex-encoded bytes instead.
//
// Build it in GOPATH mode (no module download), see go-oracle.ts.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"unsafe"

	"github.com/moby/patternmatcher"
)

type request struct {
	Op       string   `json:"op"`
	Patterns []string `json:"patterns"`
	Paths    []string `json:"paths"`
	Regex    string   `json:"regex"`
	Inputs   []string `json:"inputs"`
	Pattern  string   `json:"pattern"`
	Name     string   `json:"name"`
	Bytes    bool     `json:"bytes"`
}

// decodeBytes replaces each hex-encoded string of a "bytes" request with its bytes.
func decodeBytes(req *request) error {
	one := func(s *string) error {
		b, err := hex.DecodeString(*s)
		*s = string(b)
		return err
	}
	for _, list := range [][]string{req.Patterns, req.Paths, req.Inputs} {
		for i := range list {
			if err := one(&list[i]); err != nil {
				return err
			}
		}
	}
	return one(&req.Regex)
}

// pathResult holds the answer of each matcher method for one path. A nil
// bool means the method returned an error (given in the matching *Err field).
type pathResult struct {
	Path   string  `json:"path"`
	Mop    *bool   `json:"mop"`
	MopErr *string `json:"mopErr"`
	M      *bool   `json:"m"`
	MErr   *string `json:"mErr"`
	Upr    *bool   `json:"upr"`
	UprErr *string `json:"uprErr"`
}

func outcome(ok bool, err error) (*bool, *string) {
	if err != nil {
		text := err.Error()
		return nil, &text
	}
	return &ok, nil
}

// guarded runs fn and converts a panic inside the matcher into an error, so a
// single odd input cannot kill the long-lived process.
func guarded(fn func() (bool, error)) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn()
}

// walkUsingParentResults asks MatchesUsingParentResults about every ancestor of
// path from the top down ("a", then "a/b", then "a/b/c"), handing each call
// the MatchInfo produced for its parent, which is how a directory walker uses
// it. The answer for the full path is returned; an error stops the walk.
func walkUsingParentResults(pm *patternmatcher.PatternMatcher, path string) (bool, error) {
	parts := strings.Split(path, "/")
	var info patternmatcher.MatchInfo
	matched := false
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		var err error
		matched, info, err = pm.MatchesUsingParentResults(prefix, info)
		if err != nil {
			return false, err
		}
	}
	return matched, nil
}

func doMatch(req *request) interface{} {
	if _, err := patternmatcher.New(req.Patterns); err != nil {
		return map[string]string{"newError": err.Error()}
	}
	// Every method gets its own freshly built matcher for every path. Each
	// Pattern compiles itself lazily on first use and keeps the outcome, so a
	// shared matcher would let one query influence the next: in particular a
	// pattern whose regexp fails to compile reports an error only the first
	// time and is left half-initialised (patternmatcher 0.5.0: the next call on
	// the same matcher panics with a nil-pointer dereference). Fresh matchers
	// make every answer the one a new matcher gives, independent of query order.
	fresh := func() *patternmatcher.PatternMatcher {
		pm, err := patternmatcher.New(req.Patterns)
		if err != nil {
			// New is deterministic and succeeded above.
			panic(err)
		}
		return pm
	}
	results := make([]pathResult, 0, len(req.Paths))
	for _, p := range req.Paths {
		r := pathResult{Path: p}
		r.Mop, r.MopErr = outcome(guarded(func() (bool, error) {
			return fresh().MatchesOrParentMatches(p)
		}))
		r.M, r.MErr = outcome(guarded(func() (bool, error) {
			//lint:ignore SA1019 the deprecated method is queried on purpose
			return fresh().Matches(p)
		}))
		r.Upr, r.UprErr = outcome(guarded(func() (bool, error) {
			return walkUsingParentResults(fresh(), p)
		}))
		results = append(results, r)
	}
	return map[string]interface{}{"results": results}
}

type compileResult struct {
	Pattern    string  `json:"pattern"`
	NewErr     *string `json:"newError"`
	Empty      bool    `json:"empty"`
	Exclusion  bool    `json:"exclusion"`
	Cleaned    string  `json:"cleaned"`
	Kind       string  `json:"kind"`
	Regexp     *string `json:"regexp"`
	CompileErr *string `json:"compileError"`
}

// field gives write access to an unexported field of a struct behind a pointer.
func field(ptr interface{}, name string) reflect.Value {
	f := reflect.ValueOf(ptr).Elem().FieldByName(name)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// doCompile reports how patternmatcher compiles each pattern on its own: the
// match kind and the regexp source it hands to regexp.Compile. Pattern keeps
// both unexported and compiles lazily, so the exclusion flag is cleared (an
// exception is never consulted on a fresh matcher) and a match is forced.
func doCompile(req *request) interface{} {
	kinds := []string{"unknown", "exact", "prefix", "suffix", "regexp"}
	results := make([]compileResult, 0, len(req.Patterns))
	for _, p := range req.Patterns {
		r := compileResult{Pattern: p}
		pm, err := patternmatcher.New([]string{p})
		if err != nil {
			text := err.Error()
			r.NewErr = &text
		} else if len(pm.Patterns()) == 0 {
			r.Empty = true
		} else {
			pat := pm.Patterns()[0]
			r.Exclusion = pat.Exclusion()
			r.Cleaned = pat.String()
			field(pat, "exclusion").SetBool(false)
			if _, err := guarded(func() (bool, error) { return pm.MatchesOrParentMatches("x") }); err != nil {
				text := err.Error()
				r.CompileErr = &text
			}
			r.Kind = kinds[field(pat, "matchType").Int()]
			if re := field(pat, "regexp").Interface().(*regexp.Regexp); re != nil {
				source := re.String()
				r.Regexp = &source
			}
		}
		results = append(results, r)
	}
	return map[string]interface{}{"results": results}
}

func doRegexp(req *request) interface{} {
	re, err := regexp.Compile(req.Regex)
	if err != nil {
		return map[string]string{"error": err.Error()}
	}
	matches := make([]bool, len(req.Inputs))
	for i, in := range req.Inputs {
		matches[i] = re.MatchString(in)
	}
	return map[string]interface{}{"matches": matches}
}

func doFilepathMatch(req *request) interface{} {
	matched, err := filepath.Match(req.Pattern, req.Name)
	var errText *string
	if err != nil {
		t := err.Error()
		errText = &t
	}
	return map[string]interface{}{"matched": matched, "error": errText}
}

func mapStrings(inputs []string, fn func(string) string) interface{} {
	out := make([]string, len(inputs))
	for i, s := range inputs {
		out[i] = fn(s)
	}
	return map[string]interface{}{"outputs": out}
}

func handle(line []byte) interface{} {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return map[string]string{"protocolError": "bad request: " + err.Error()}
	}
	if req.Bytes {
		if err := decodeBytes(&req); err != nil {
			return map[string]string{"protocolError": "bad hex in a bytes request: " + err.Error()}
		}
	}
	switch req.Op {
	case "match":
		return doMatch(&req)
	case "regexp":
		return doRegexp(&req)
	case "compile":
		return doCompile(&req)
	case "filepathMatch":
		return doFilepathMatch(&req)
	case "clean":
		return mapStrings(req.Inputs, filepath.Clean)
	case "trimSpace":
		return mapStrings(req.Inputs, strings.TrimSpace)
	case "info":
		return map[string]string{"goVersion": runtime.Version()}
	default:
		return map[string]string{"protocolError": fmt.Sprintf("unknown op %q", req.Op)}
	}
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	enc := json.NewEncoder(out) // Encode appends the newline that ends a response.
	for {
		line, readErr := in.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			var resp interface{}
			func() {
				defer func() {
					if r := recover(); r != nil {
						resp = map[string]string{"protocolError": fmt.Sprintf("panic: %v", r)}
					}
				}()
				resp = handle(line)
			}()
			if err := enc.Encode(resp); err != nil {
				fmt.Fprintln(os.Stderr, "oracle: encode:", err)
				os.Exit(1)
			}
		}
		// Flush only once the pending input is used up, so pipelined requests
		// are answered in one write.
		if readErr != nil || in.Buffered() == 0 {
			if err := out.Flush(); err != nil {
				fmt.Fprintln(os.Stderr, "oracle: write:", err)
				os.Exit(1)
			}
		}
		if readErr == io.EOF {
			return
		}
		if readErr != nil {
			fmt.Fprintln(os.Stderr, "oracle: read:", readErr)
			os.Exit(1)
		}
	}
}
