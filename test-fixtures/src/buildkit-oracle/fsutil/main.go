// fsutil-oracle: BuildKit's context transfer without BuildKit. It runs tonistiigi/fsutil's Send
// (what the build client runs) into fsutil's Receive (what the daemon runs) over an in-memory
// stream, and answers, per JSON request line on stdin, with the byte count that BuildKit's
// "transferring context:" line shows: the sizes of the packets the receiver reads.
//
// Request:  {"dir": "/ctx/x", "dest": "/ctx/.fsutil/1", "include": [...], "exclude": [...], "follow": [...]}
// Response: {"bytes": 123} or {"bytes": 45, "error": "..."}
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"

	"github.com/tonistiigi/fsutil"
	"github.com/tonistiigi/fsutil/types"
	"golang.org/x/sync/errgroup"
)

type request struct {
	Dir     string   `json:"dir"`
	Dest    string   `json:"dest"`
	Include []string `json:"include"`
	Exclude []string `json:"exclude"`
	Follow  []string `json:"follow"`
}

type response struct {
	Bytes int    `json:"bytes"`
	Error string `json:"error,omitempty"`
}

// end is one side of an in-memory duplex stream. Packets travel serialised, as over gRPC, so that
// neither side can see the other's buffers.
type end struct {
	ctx context.Context
	in  <-chan []byte
	out chan<- []byte
}

func (e *end) Context() context.Context { return e.ctx }

func (e *end) SendMsg(m interface{}) error {
	p, ok := m.(*types.Packet)
	if !ok {
		return errors.New("SendMsg: not a packet")
	}
	b, err := p.MarshalVT()
	if err != nil {
		return err
	}
	select {
	case e.out <- b:
		return nil
	case <-e.ctx.Done():
		return e.ctx.Err()
	}
}

func (e *end) RecvMsg(m interface{}) error {
	p, ok := m.(*types.Packet)
	if !ok {
		return errors.New("RecvMsg: not a packet")
	}
	select {
	case b, open := <-e.in:
		if !open {
			return io.EOF
		}
		p.ResetVT()
		return p.UnmarshalVT(b)
	case <-e.ctx.Done():
		return e.ctx.Err()
	}
}

// The build client gives every entry of the context uid and gid 0 before sending it.
func resetOwner(_ string, st *types.Stat) fsutil.MapResult {
	st.Uid = 0
	st.Gid = 0
	return fsutil.MapResultKeep
}

func transfer(req request) response {
	base, err := fsutil.NewFS(req.Dir)
	if err != nil {
		return response{Error: err.Error()}
	}
	fs, err := fsutil.NewFilterFS(base, &fsutil.FilterOpt{
		IncludePatterns: req.Include,
		ExcludePatterns: req.Exclude,
		FollowPaths:     req.Follow,
		Map:             resetOwner,
	})
	if err != nil {
		return response{Error: err.Error()}
	}
	if err := os.MkdirAll(req.Dest, 0o755); err != nil {
		return response{Error: err.Error()}
	}
	g, ctx := errgroup.WithContext(context.Background())
	toReceiver := make(chan []byte, 128)
	toSender := make(chan []byte, 128)
	sender := &end{ctx: ctx, in: toSender, out: toReceiver}
	receiver := &end{ctx: ctx, in: toReceiver, out: toSender}
	total := 0
	g.Go(func() error {
		err := fsutil.Send(ctx, sender, fs, nil)
		// gRPC ends the stream when the sender returns; the receiver reads until then.
		close(toReceiver)
		return err
	})
	g.Go(func() error {
		return fsutil.Receive(ctx, receiver, req.Dest, fsutil.ReceiveOpt{
			ProgressCb: func(n int, _ bool) { total = n },
		})
	})
	err = g.Wait()
	res := response{Bytes: total}
	if err != nil {
		res.Error = err.Error()
	}
	return res
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		var res response
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			res = response{Error: "bad request: " + err.Error()}
		} else {
			res = transfer(req)
		}
		if err := out.Encode(res); err != nil {
			os.Exit(1)
		}
	}
}
