package aws

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// A hung region answers nothing: each call to it waits out its whole
// timeout while holding a worker, an in-flight slot and its service's
// window, and the calls queued behind it then wait out theirs. One hung
// region of the three-account demo took 4 minutes and 138 timeouts at
// the default 60 s call timeout. Circuit breakers cut that to about one
// timeout: once an endpoint has shown it does not answer, every call to
// it, queued, in flight or yet to come, fails at once.
//
// There is a breaker per service endpoint (service x region: AWS serves
// each at service.region.amazonaws.com) and one per region.
//   - An endpoint trips when a call to it got no answer within the call
//     timeout (or no connection, after the SDK's retries), and it answered
//     no other call while that one waited. A service down or unreachable
//     in one region, as from a network that reaches only some services (a
//     VPC with endpoints for a few), costs that service there, not the
//     region.
//   - A region trips when two of its endpoints have timed out and nothing
//     in the region answered since both calls were sent. A region that is
//     down or cut off is silent through every service at once, so with
//     several services in flight it trips at the first timeouts, and all
//     its other calls, of every service and account, end then; the
//     second service is the evidence that it is the region, not one
//     service, that is silent.
//
// The breakers are shared by the scan's accounts: an endpoint is the same
// host for all of them, and whether it answers has nothing to do with
// whose credentials ask. Only silence trips a breaker: throttling,
// AccessDenied or a 500 is an answer from a live endpoint, retried or
// reported call by call as before.
//
// A tripped breaker stays open for the rest of the scan; there is no
// half-open state letting a probe through after a while. A scan's units
// run within a few call timeouts of one another, too short for a hung
// region to be likely to recover, and each probe that found it still hung
// would cost another full timeout with a worker and a slot held; the next
// scan tries again.
type breakers struct {
	// minWait is how long a call must have waited for an answer before
	// its timeout counts against its endpoint: half the call timeout, so
	// that a call which spent its time queued behind others and was sent
	// with little time left trips nothing.
	minWait time.Duration
	timeout time.Duration

	mu  sync.Mutex
	all map[string]*breaker // by region, and by region + "/" + service
}

func newBreakers(callTimeout time.Duration) *breakers {
	return &breakers{minWait: callTimeout / 2, timeout: callTimeout, all: map[string]*breaker{}}
}

// breaker is one region's or one endpoint's.
type breaker struct {
	name string // "region eu-west-1", "EC2 in eu-west-1"
	// lastAnswer is when it last answered anything, in Unix nanoseconds.
	lastAnswer atomic.Int64
	// open is done once the breaker has tripped; its cause is the
	// *BreakerError that every call it stops returns.
	open context.Context
	trip context.CancelCauseFunc
	// silent holds, for a region, its endpoints that timed out: since
	// when each had been waiting for an answer (guarded by breakers.mu).
	silent map[*breaker]int64
}

func (b *breakers) get(key, name string) *breaker {
	b.mu.Lock()
	defer b.mu.Unlock()
	br := b.all[key]
	if br == nil {
		br = &breaker{name: name, silent: map[*breaker]int64{}}
		br.open, br.trip = context.WithCancelCause(context.Background())
		b.all[key] = br
	}
	return br
}

// tripped returns the error the breaker tripped with, or nil.
func (br *breaker) tripped() *BreakerError {
	if br.open.Err() == nil {
		return nil
	}
	var be *BreakerError
	errors.As(context.Cause(br.open), &be)
	return be
}

// BreakerError is what a call returns when the breaker of its endpoint or
// region has tripped: it was not sent, or was cut short, because calls
// showed that nothing answers there.
type BreakerError struct {
	// Breaker names what stopped answering: "region eu-west-1",
	// "EC2 in eu-west-1".
	Breaker string
	// Code is Timeout (no answer within the call timeout) or Unreachable
	// (no connection after the SDK's retries).
	Code string
	// Trigger says which calls tripped it and why.
	Trigger string
}

func (e *BreakerError) Error() string {
	return fmt.Sprintf("%s is not answering (%s): its breaker is open for the rest of the scan, and this unit's calls there fail at once", e.Breaker, e.Trigger)
}

// RetryableError tells the SDK's retryer not to retry: the breaker stays
// open for the scan.
func (e *BreakerError) RetryableError() bool { return false }

// opState follows one operation across its attempts, for settle.
type opState struct {
	clock            *callClock
	endpoint, region *breaker
	// call names the operation for messages: "EC2 DescribeVpcs for
	// account 111111111111".
	call string
	// firstSent and lastSent are when its first and latest attempts left
	// the in-flight queue; answered is whether any attempt got an answer.
	firstSent, lastSent time.Time
	answered            bool
}

type opKey struct{}

// withOp starts following an operation and its call timeout; its
// attempts find it in their context.
func withOp(ctx context.Context, timeout time.Duration) (context.Context, *opState) {
	ctx, clock := newCallClock(ctx, timeout)
	op := &opState{clock: clock}
	return context.WithValue(ctx, opKey{}, op), op
}

// guard is one attempt's view of its breakers.
type guard struct {
	endpoint, region *breaker
	op               *opState
	call             string
}

// guard returns the breakers of an attempt to service in region, or the
// error of one that has tripped. call names the operation for messages.
func (b *breakers) guard(ctx context.Context, service, region, call string) (*guard, error) {
	g := &guard{
		region:   b.get(region, "region "+region),
		endpoint: b.get(region+"/"+service, service+" in "+region),
		call:     call,
	}
	g.op, _ = ctx.Value(opKey{}).(*opState)
	if be := g.region.tripped(); be != nil {
		return nil, be
	}
	if be := g.endpoint.tripped(); be != nil {
		return nil, be
	}
	return g, nil
}

// watch returns the attempt's context, canceled when either breaker
// trips, so an attempt queued for a slot or waiting for an answer lets go
// at once. stop must be called when the attempt ends.
func (g *guard) watch(ctx context.Context) (_ context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	stopEndpoint := context.AfterFunc(g.endpoint.open, func() { cancel(context.Cause(g.endpoint.open)) })
	stopRegion := context.AfterFunc(g.region.open, func() { cancel(context.Cause(g.region.open)) })
	return ctx, func() {
		stopEndpoint()
		stopRegion()
		cancel(nil)
	}
}

// queued stops the operation's clock while the attempt waits in Vigil's
// queues; sent, or unqueued when it leaves them unsent, starts it again.
func (g *guard) queued() {
	if g.op != nil {
		g.op.clock.pause()
	}
}

func (g *guard) unqueued() {
	if g.op != nil {
		g.op.clock.resume()
	}
}

// sent records that the attempt left the queue for its endpoint.
func (g *guard) sent() {
	if g.op == nil {
		return
	}
	g.op.clock.resume()
	now := time.Now()
	if g.op.firstSent.IsZero() {
		g.op.firstSent = now
		g.op.endpoint, g.op.region, g.op.call = g.endpoint, g.region, g.call
	}
	g.op.lastSent = now
}

// done records how an attempt ended and returns its error, or the
// breaker's if a breaker cut it short.
func (g *guard) done(ctx context.Context, err error) error {
	if answered(err) {
		now := time.Now().UnixNano()
		g.endpoint.lastAnswer.Store(now)
		g.region.lastAnswer.Store(now)
		if g.op != nil {
			g.op.answered = true
		}
		return err
	}
	return g.cause(ctx, err)
}

// cause returns the breaker's error if a breaker canceled ctx, else err.
func (g *guard) cause(ctx context.Context, err error) error {
	var be *BreakerError
	if errors.As(context.Cause(ctx), &be) {
		return be
	}
	return err
}

// answered reports whether an attempt got an answer from its endpoint:
// any HTTP response, an error status included.
func answered(err error) bool {
	if err == nil {
		return true
	}
	var re *smithyhttp.ResponseError
	return errors.As(err, &re) && re.Response != nil && re.HTTPStatusCode() > 0
}

// settle decides, once an operation has failed, whether its silence trips
// its endpoint or region, and returns the error to report: the breaker's
// when one is open, else err.
func (b *breakers) settle(op *opState, err error) error {
	if err == nil || op.answered || op.endpoint == nil || answered(err) {
		return err
	}
	var be *BreakerError
	if errors.As(err, &be) {
		return err
	}
	since := op.firstSent.UnixNano()
	var netErr net.Error
	var sendErr *smithyhttp.RequestSendError
	switch {
	case op.clock.expired() || (errors.As(err, &netErr) && netErr.Timeout()):
		if time.Since(op.lastSent) < b.minWait {
			return err // sent too late to prove anything
		}
		if op.endpoint.lastAnswer.Load() < since {
			b.timedOut(op, since)
		}
	case errors.As(err, &sendErr):
		// No connection after the SDK's retries. A refused connection or
		// a name that does not resolve (a service not offered in the
		// region) says nothing about the region's other services.
		if op.endpoint.lastAnswer.Load() < since {
			why := "no connection"
			if sendErr.Err != nil {
				why += ": " + sendErr.Err.Error()
			}
			op.endpoint.trip(&BreakerError{Breaker: op.endpoint.name, Code: "Unreachable", Trigger: op.call + " got " + why})
		}
	default:
		return err // canceled, or never sent
	}
	if be := op.region.tripped(); be != nil {
		return be
	}
	if be := op.endpoint.tripped(); be != nil {
		return be
	}
	return err
}

// timedOut trips the endpoint of an operation that waited since since
// without an answer from it, and its region if another of the region's
// endpoints timed out too with no answer from the region since.
func (b *breakers) timedOut(op *opState, since int64) {
	wait := fmt.Sprintf("%s got no answer within %s", op.call, b.timeout)
	op.endpoint.trip(&BreakerError{Breaker: op.endpoint.name, Code: "Timeout",
		Trigger: wait + ", nor did the service answer anything else meanwhile"})
	region := op.region
	b.mu.Lock()
	defer b.mu.Unlock()
	last := region.lastAnswer.Load()
	if last >= since {
		return // the region answered meanwhile: only this service is silent
	}
	region.silent[op.endpoint] = since
	for other, otherSince := range region.silent {
		if other != op.endpoint && otherSince > last {
			region.trip(&BreakerError{Breaker: region.name, Code: "Timeout",
				Trigger: wait + ", nor did " + other.name + ", nor anything else in the region meanwhile"})
			return
		}
	}
}
