package aws

import (
	"crypto/sha256"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// Server serves a World.
type Server struct {
	world *World

	mu sync.Mutex
	// keys maps access keys (the accounts' own and assumed-role ones) to
	// account ids.
	keys map[string]string
	// buckets are the rate limits' token buckets by account/service.
	buckets map[string]*bucket
	// unhandled counts operations the fake does not serve, by svc:Op.
	unhandled map[string]int
	ops       map[string]int
	// answered holds a digest of every request answered successfully, to
	// count requests a client repeats without need.
	answered map[[sha256.Size]byte]bool
	repeated int64

	calls, throttled, denied atomic.Int64
}

// NewServer returns a fake serving w.
func NewServer(w *World) *Server {
	s := &Server{world: w, keys: map[string]string{}, buckets: map[string]*bucket{},
		unhandled: map[string]int{}, ops: map[string]int{}, answered: map[[sha256.Size]byte]bool{}}
	for _, a := range w.Accounts {
		s.keys[a.AccessKey] = a.ID
	}
	return s
}

// Stats counts what the server answered.
type Stats struct {
	Calls     int64 `json:"calls"` // requests answered, throttled and denied ones included
	Throttled int64 `json:"throttled"`
	Denied    int64 `json:"denied"`
	// Repeated counts requests identical to one already answered
	// successfully (same account, region, operation and parameters).
	Repeated int64 `json:"repeated"`
	// RateFloor is the least time the calls let through could have taken
	// under the rate limits, set by RateFloorBucket, the slowest bucket.
	RateFloor       time.Duration `json:"rate_floor"`
	RateFloorBucket string        `json:"rate_floor_bucket,omitempty"`
	// Operations counts calls per "service:Operation".
	Operations map[string]int `json:"operations"`
	// Unhandled lists operations asked for that the fake does not serve.
	Unhandled []string `json:"unhandled"`
}

// StatsPath answers the server's Stats as JSON, without authentication.
const StatsPath = "/_testcloud/stats"

// Stats returns the counts so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Stats{Calls: s.calls.Load(), Throttled: s.throttled.Load(), Denied: s.denied.Load(), Repeated: s.repeated, Operations: map[string]int{}}
	st.RateFloor, st.RateFloorBucket = s.rateFloor()
	for k, v := range s.ops {
		st.Operations[k] = v
	}
	for k := range s.unhandled {
		st.Unhandled = append(st.Unhandled, k)
	}
	sort.Strings(st.Unhandled)
	return st
}

var scopeRe = regexp.MustCompile(`Credential=([^/]+)/\d+/([^/]+)/([^/]+)/aws4_request`)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == StatsPath && r.Header.Get("Authorization") == "" {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.Stats())
		return
	}
	s.calls.Add(1)
	m := scopeRe.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		writeError(w, protoQuery, true, &apiError{status: http.StatusForbidden, code: "MissingAuthenticationToken", msg: "Request is missing Authentication Token"})
		return
	}
	key, region, signing := m[1], m[2], m[3]
	s.mu.Lock()
	acct, ok := s.keys[key]
	s.mu.Unlock()
	body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	c := &call{srv: s, region: region, body: body, header: r.Header, query: r.URL.Query()}
	svc, perr := s.route(c, signing, r)
	proto, wrapped := protoQuery, true
	if svc != nil {
		// S3's errors alone are a bare <Error>; S3 Control's SDK reads
		// them wrapped, as CloudFront's.
		proto, wrapped = svc.protocol, svc.name != "s3"
	}
	if !ok {
		writeError(w, proto, wrapped, &apiError{status: http.StatusForbidden, code: "InvalidClientTokenId", msg: "The security token included in the request is invalid."})
		return
	}
	if perr != nil {
		s.mu.Lock()
		s.unhandled[signing+":"+c.op]++
		s.mu.Unlock()
		writeError(w, proto, wrapped, perr)
		return
	}
	c.account = s.world.Account(acct)
	if err := s.faults(r, c); err != nil {
		writeError(w, proto, wrapped, err)
		return
	}
	handler, ok := svc.ops[c.op]
	s.mu.Lock()
	if ok {
		s.ops[svc.name+":"+c.op]++
	} else {
		s.unhandled[svc.name+":"+c.op]++
	}
	s.mu.Unlock()
	if !ok {
		writeError(w, proto, wrapped, badRequest(unknownOpCode(proto), "the test cloud does not serve %s:%s", svc.name, c.op))
		return
	}
	out, err := handler(c)
	if err != nil {
		ae, ok := err.(*apiError)
		if !ok {
			ae = &apiError{status: http.StatusInternalServerError, code: "InternalFailure", msg: err.Error()}
		}
		writeError(w, proto, wrapped, ae)
		return
	}
	writeAnswer(w, c, out)
	s.noteAnswered(acct, region, r, body)
}

// noteAnswered remembers a successful request and counts it if the same
// request was answered before: work a client did twice.
func (s *Server) noteAnswered(acct, region string, r *http.Request, body []byte) {
	h := sha256.New()
	for _, part := range []string{acct, region, r.Method, r.URL.RequestURI(), r.Header.Get("X-Amz-Target")} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write(body)
	var k [sha256.Size]byte
	copy(k[:], h.Sum(nil))
	s.mu.Lock()
	if s.answered[k] {
		s.repeated++
	}
	s.answered[k] = true
	s.mu.Unlock()
}

func unknownOpCode(p protocol) string {
	switch p {
	case protoQuery, protoEC2:
		return "InvalidAction"
	}
	return "UnknownOperationException"
}

// route finds the service and operation of a request.
func (s *Server) route(c *call, signing string, r *http.Request) (*service, *apiError) {
	var cands []*service
	for _, svc := range services {
		if svc.signing == signing {
			cands = append(cands, svc)
		}
	}
	if len(cands) == 0 {
		return nil, &apiError{status: http.StatusBadRequest, code: "UnsupportedService", msg: "the test cloud does not serve " + signing}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].name < cands[j].name })
	switch cands[0].protocol {
	case protoQuery, protoEC2:
		c.form = parseForm(c.body)
		if r.Method == http.MethodGet {
			c.form = r.URL.Query()
		}
		c.op = c.form.Get("Action")
		for _, svc := range cands {
			if len(cands) == 1 || svc.version == c.form.Get("Version") {
				c.svc = svc
			}
		}
	case protoJSON10, protoJSON11:
		t := r.Header.Get("X-Amz-Target")
		c.op = t[strings.LastIndexByte(t, '.')+1:]
		c.svc = cands[0]
	case protoCBOR:
		// /service/{ServiceName}/operation/{OperationName}
		c.op = r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
		c.svc = cands[0]
		if len(c.body) > 0 {
			if v, err := cbor.Decode(c.body); err == nil {
				c.cbor = plainCBOR(v)
			}
		}
	default:
		for _, svc := range cands {
			if op, path, ok := matchRoute(svc.routes, r.Method, r.URL.EscapedPath(), c.query); ok {
				c.svc, c.op, c.path = svc, op, path
				break
			}
		}
		if c.svc == nil {
			c.svc = cands[0]
			c.op = r.Method + " " + r.URL.Path
		}
	}
	if c.svc == nil {
		return cands[0], &apiError{status: http.StatusBadRequest, code: "InvalidAction", msg: "no " + signing + " service of API version " + c.form.Get("Version")}
	}
	return c.svc, nil
}

func parseForm(b []byte) url.Values {
	v, _ := url.ParseQuery(string(b))
	return v
}

// plainCBOR turns a decoded CBOR map into plain values for param().
func plainCBOR(v cbor.Value) map[string]any {
	m, ok := v.(cbor.Map)
	if !ok {
		return nil
	}
	out := map[string]any{}
	for k, x := range m {
		if s, ok := x.(cbor.String); ok {
			out[k] = string(s)
		}
	}
	return out
}

// faults applies the world's fault knobs to a call: latency, hanging
// regions, AccessDenied and rate limits.
func (s *Server) faults(r *http.Request, c *call) *apiError {
	f := &s.world.Faults
	if d := time.Duration(f.Latency); d > 0 || f.Jitter > 0 {
		if f.Jitter > 0 {
			d += rand.N(time.Duration(f.Jitter))
		}
		select {
		case <-time.After(d):
		case <-r.Context().Done():
		}
	}
	for _, h := range f.HangRegions {
		if h == c.region {
			<-r.Context().Done()
			return &apiError{status: http.StatusGatewayTimeout, code: "RequestTimeout", msg: "region " + h + " does not answer"}
		}
	}
	for _, d := range f.Deny {
		if d.matches(c.account.ID, c.region, c.svc.name, c.op) {
			s.denied.Add(1)
			return deniedError(c)
		}
	}
	if key, lim, ok := f.bucketFor(c); ok && !s.take(key, lim) {
		s.throttled.Add(1)
		return throttleError(c.svc.protocol)
	}
	return nil
}

// bucketFor picks the token bucket a call draws from: its operation's
// own ("lambda:ListTags"), else its service's ("ec2"), else "default".
// Buckets are per account, and per region for regional services, as AWS
// meters them.
func (f *Faults) bucketFor(c *call) (string, RateLimit, bool) {
	if len(f.RateLimits) == 0 {
		return "", RateLimit{}, false
	}
	scope := c.account.ID + "/" + c.region + "/"
	if c.svc.global {
		scope = c.account.ID + "/" + Global + "/"
	}
	op := c.svc.name + ":" + c.op
	for _, name := range []string{op, c.svc.name, "default"} {
		if lim, ok := f.RateLimits[name]; ok {
			// Every service has buckets of its own, "default" only says
			// how big they are.
			key := c.svc.name
			if lim.PerOperation || name == op {
				key = op
			}
			return scope + key, lim, true
		}
	}
	return "", RateLimit{}, false
}

// deniedError is AccessDenied as each protocol says it.
func deniedError(c *call) *apiError {
	msg := "User: arn:aws:iam::" + c.account.ID + ":user/vigil is not authorized to perform: " + c.svc.signing + ":" + c.op
	switch c.svc.protocol {
	case protoEC2:
		return &apiError{status: http.StatusForbidden, code: "UnauthorizedOperation", msg: "You are not authorized to perform this operation."}
	case protoQuery, protoRESTXML:
		return &apiError{status: http.StatusForbidden, code: "AccessDenied", msg: msg}
	case protoCBOR:
		return &apiError{status: http.StatusForbidden, code: "AccessDenied", msg: msg}
	}
	return &apiError{status: http.StatusForbidden, code: "AccessDeniedException", msg: msg}
}

// throttleError is each protocol's throttling answer.
func throttleError(p protocol) *apiError {
	switch p {
	case protoEC2:
		return &apiError{status: http.StatusServiceUnavailable, code: "RequestLimitExceeded", msg: "Request limit exceeded."}
	case protoRESTXML:
		return &apiError{status: http.StatusServiceUnavailable, code: "SlowDown", msg: "Please reduce your request rate."}
	case protoQuery, protoCBOR:
		return &apiError{status: http.StatusBadRequest, code: "Throttling", msg: "Rate exceeded"}
	}
	return &apiError{status: http.StatusBadRequest, code: "ThrottlingException", msg: "Rate exceeded"}
}

// bucket is a token bucket.
type bucket struct {
	tokens float64
	last   time.Time
	lim    RateLimit
	// taken counts the calls the bucket let through.
	taken int
}

func (s *Server) take(key string, lim RateLimit) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{tokens: float64(lim.Burst), last: now, lim: lim}
		s.buckets[key] = b
	}
	b.tokens += now.Sub(b.last).Seconds() * lim.Rate
	if b.tokens > float64(lim.Burst) {
		b.tokens = float64(lim.Burst)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	b.taken++
	return true
}

// rateFloor is the least time the calls let through could have taken
// under the rate limits: for each bucket, the calls beyond its burst at
// its refill rate; the slowest bucket bounds the whole.
func (s *Server) rateFloor() (time.Duration, string) {
	var floor time.Duration
	var which string
	for key, b := range s.buckets {
		d := time.Duration(float64(max(0, b.taken-b.lim.Burst)) / b.lim.Rate * float64(time.Second))
		if d > floor {
			floor, which = d, key
		}
	}
	return floor, which
}
