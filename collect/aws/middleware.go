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
