package aws

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	awsmw "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
)

// middleware returns Vigil's middleware for every client: a timeout per
// operation (retries included), after which the breakers judge the
// silence (breaker.go), and the count of operations sent.
func (c *collector) middleware() []func(*middleware.Stack) error {
	timeout := c.opts.CallTimeout
	return []func(*middleware.Stack) error{
		func(st *middleware.Stack) error {
			return st.Initialize.Add(middleware.InitializeMiddlewareFunc("vigil-call-timeout",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					c.calls.Add(1)
					ctx, op := withOp(ctx)
					ctx, cancel := context.WithTimeout(ctx, timeout)
					defer cancel()
					out, md, err := next.HandleInitialize(ctx, in)
					return out, md, c.breakers.settle(ctx, op, err)
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

// inFlightLimit holds each attempt of one account's clients to one of n
// slots shared by them, and to its service's congestion window. Attempts
// take a slot, backoff between them does not. An attempt whose endpoint's
// or region's breaker has tripped fails at once, queued or in flight, so
// a hung region holds no slot for longer than the timeout that tripped it.
func inFlightLimit(n int, b *breakers, account string) func(*middleware.Stack) error {
	slots := make(chan struct{}, n)
	var mu sync.Mutex
	windows := map[string]*window{}
	return func(st *middleware.Stack) error {
		return st.Finalize.Add(middleware.FinalizeMiddlewareFunc("vigil-in-flight",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				service, region := awsmw.GetServiceID(ctx), awsmw.GetRegion(ctx)
				g, err := b.guard(ctx, service, region, service+" "+awsmw.GetOperationName(ctx)+" for account "+account)
				if err != nil {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, err
				}
				ctx, stop := g.watch(ctx)
				defer stop()
				key := service + "/" + region
				mu.Lock()
				w := windows[key]
				if w == nil {
					w = newWindow(n)
					windows[key] = w
				}
				mu.Unlock()
				if err := w.acquire(ctx); err != nil {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, g.cause(ctx, err)
				}
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					w.release(false)
					return middleware.FinalizeOutput{}, middleware.Metadata{}, g.cause(ctx, ctx.Err())
				}
				g.sent()
				out, md, err := next.HandleFinalize(ctx, in)
				<-slots
				w.release(err != nil && isThrottle.IsErrorThrottle(err) == aws.TrueTernary)
				return out, md, g.done(ctx, err)
			}), middleware.After)
	}
}

var isThrottle = retry.IsErrorThrottles(retry.DefaultThrottles)

// window is one service's congestion window in one account and region:
// how many requests it may have in flight. It halves when the service
// throttles and grows by about one per window of answers, as TCP's does,
// so a throttled service is not sent requests it will refuse, each of
// which would cost a retry and its backoff.
type window struct {
	mu       sync.Mutex
	size     float64
	max      float64
	inFlight int
	wake     chan struct{}
}

func newWindow(n int) *window {
	return &window{size: float64(n), max: float64(n), wake: make(chan struct{})}
}

func (w *window) acquire(ctx context.Context) error {
	for {
		w.mu.Lock()
		if w.inFlight < int(w.size) {
			w.inFlight++
			w.mu.Unlock()
			return nil
		}
		wake := w.wake
		w.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (w *window) release(throttled bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.inFlight--
	if throttled {
		w.size = max(1, w.size/2)
	} else {
		w.size = min(w.max, w.size+1/w.size)
	}
	close(w.wake)
	w.wake = make(chan struct{})
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
