package aws

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	awsmw "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
)

// middleware returns Vigil's middleware for every client: a timeout per
// operation (retries included, time queued for an in-flight slot not),
// after which the breakers judge the silence (breaker.go), and the count
// of operations sent.
func (c *collector) middleware() []func(*middleware.Stack) error {
	timeout := c.opts.CallTimeout
	return []func(*middleware.Stack) error{
		func(st *middleware.Stack) error {
			return st.Initialize.Add(middleware.InitializeMiddlewareFunc("vigil-call-timeout",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					c.calls.Add(1)
					ctx, op := withOp(ctx, timeout)
					defer op.clock.stop()
					out, md, err := next.HandleInitialize(ctx, in)
					var be *BreakerError
					if err != nil && op.clock.expired() && !errors.As(err, &be) {
						err = &callTimeoutError{timeout: timeout, err: err}
					}
					return out, md, c.breakers.settle(op, err)
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

// callClock is one operation's call timeout. It runs while the operation
// is the SDK's or AWS's to finish, retries and their backoff included,
// and stops while an attempt waits for an in-flight slot or its service's
// window: a call queued behind others (behind a hung region's until its
// breakers trip, behind a throttled service's narrowed window) is late
// but not unanswered, and must not time out before it is sent.
type callClock struct {
	cancel context.CancelCauseFunc

	mu      sync.Mutex
	left    time.Duration
	running time.Time // when it last started; zero while stopped
	timer   *time.Timer
	out     bool
}

// errCallTimeout cancels an operation whose clock ran out.
var errCallTimeout = errors.New("call timeout")

func newCallClock(ctx context.Context, timeout time.Duration) (context.Context, *callClock) {
	ctx, cancel := context.WithCancelCause(ctx)
	c := &callClock{cancel: cancel, left: timeout, running: time.Now()}
	c.timer = time.AfterFunc(timeout, c.expire)
	return ctx, c
}

// expire ends the operation as timed out.
func (c *callClock) expire() {
	c.mu.Lock()
	c.out = true
	c.mu.Unlock()
	c.cancel(errCallTimeout)
}

func (c *callClock) expired() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out
}

// pause stops the clock while the operation waits in Vigil's own queue.
func (c *callClock) pause() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.running.IsZero() && c.timer.Stop() {
		c.left -= time.Since(c.running)
		c.running = time.Time{}
	}
}

// resume starts it again with the time left.
func (c *callClock) resume() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.out || !c.running.IsZero() {
		return
	}
	c.running = time.Now()
	c.timer.Reset(max(c.left, 0))
}

// stop ends the clock with its operation.
func (c *callClock) stop() {
	c.timer.Stop()
	c.cancel(nil)
}

// callTimeoutError is an operation that ran out of its call timeout. It
// unwraps to context.DeadlineExceeded, which the clock's cancellation
// shows to the SDK as context.Canceled.
type callTimeoutError struct {
	timeout time.Duration
	err     error
}

func (e *callTimeoutError) Error() string {
	msg := fmt.Sprintf("call timeout (%s) exceeded, retries included", e.timeout)
	if errors.Is(e.err, context.Canceled) {
		return msg // the clock's own cancellation says nothing more
	}
	return msg + ": " + e.err.Error()
}

func (e *callTimeoutError) Unwrap() error { return context.DeadlineExceeded }

// inFlightLimit holds each attempt of one account's clients to one of n
// slots shared by them, and to its service's congestion window. Attempts
// take a slot, backoff between them does not; the call timeout does not
// run while they wait for one. An attempt whose endpoint's or region's
// breaker has tripped fails at once, queued or in flight.
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
				g.queued()
				if err := w.acquire(ctx); err != nil {
					g.unqueued()
					return middleware.FinalizeOutput{}, middleware.Metadata{}, g.cause(ctx, err)
				}
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					w.release(false)
					g.unqueued()
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
