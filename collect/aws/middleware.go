package aws

import (
	"context"
	"sync"

	awsmw "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
)

// middleware returns Vigil's middleware for every client: a timeout per
// operation (retries included) and the count of operations sent.
func (c *collector) middleware() []func(*middleware.Stack) error {
	timeout := c.opts.CallTimeout
	return []func(*middleware.Stack) error{
		func(st *middleware.Stack) error {
			return st.Initialize.Add(middleware.InitializeMiddlewareFunc("vigil-call-timeout",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					c.calls.Add(1)
					ctx, cancel := context.WithTimeout(ctx, timeout)
					defer cancel()
					return next.HandleInitialize(ctx, in)
				}), middleware.Before)
		},
		func(st *middleware.Stack) error {
			// After the retryer: once per attempt.
			return st.Finalize.Add(middleware.FinalizeMiddlewareFunc("vigil-count-attempt",
				func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
					c.attempts.Add(1)
					return next.HandleFinalize(ctx, in)
				}), middleware.After)
		},
	}
}

// inFlightLimit holds each attempt to one of n slots shared by one
// account's clients. Attempts take a slot, backoff between them does not.
func inFlightLimit(n int) func(*middleware.Stack) error {
	slots := make(chan struct{}, n)
	return func(st *middleware.Stack) error {
		return st.Finalize.Add(middleware.FinalizeMiddlewareFunc("vigil-in-flight",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return middleware.FinalizeOutput{}, middleware.Metadata{}, ctx.Err()
				}
				defer func() { <-slots }()
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}

// OperationRecorder records every operation sent, as service:Operation,
// for the least-privilege test.
type OperationRecorder struct {
	mu  sync.Mutex
	ops map[string]int
}

// NewOperationRecorder returns an empty recorder.
func NewOperationRecorder() *OperationRecorder { return &OperationRecorder{ops: map[string]int{}} }

// APIOption is the middleware to put in Options.APIOptions.
func (r *OperationRecorder) APIOption(st *middleware.Stack) error {
	return st.Initialize.Add(middleware.InitializeMiddlewareFunc("vigil-record-operation",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			r.mu.Lock()
			r.ops[awsmw.GetServiceID(ctx)+":"+awsmw.GetOperationName(ctx)]++
			r.mu.Unlock()
			return next.HandleInitialize(ctx, in)
		}), middleware.After)
}

// Operations returns the operations recorded and how often each was sent.
func (r *OperationRecorder) Operations() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]int, len(r.ops))
	for k, v := range r.ops {
		out[k] = v
	}
	return out
}
