package aws

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// protocol is the wire protocol a service speaks.
type protocol int

const (
	protoQuery    protocol = iota // awsQuery: form in, XML out (IAM, STS, RDS, ELB, ...)
	protoEC2                      // ec2Query: form in, EC2's XML dialect out
	protoJSON10                   // awsJson1_0 (DynamoDB, SQS, ...)
	protoJSON11                   // awsJson1_1 (KMS, CloudTrail, Config, ...)
	protoRESTJSON                 // restJson1 (Lambda, EKS, GuardDuty, ...)
	protoRESTXML                  // restXml (S3, CloudFront)
	protoCBOR                     // smithy rpcv2Cbor (CloudWatch)
)

// service is one AWS service the fake serves.
type service struct {
	// name is the service's key in a world file ("ec2", "elbv2").
	name string
	// signing is the SigV4 scope's service ("elasticloadbalancing").
	signing string
	// version is the query protocols' API version; it tells services that
	// share a signing name apart (ELB 2012-06-01, ELBv2 2015-12-01).
	version  string
	protocol protocol
	// global services keep their data under resources.global.
	global bool
	// newWorld returns a pointer to an empty world of the service.
	newWorld func() any
	// ops answer operations by name.
	ops map[string]op
	// routes map REST requests to operation names.
	routes []route
	// names are the service's wire names where they differ from the SDK's
	// Go field names.
	names names
	// xmlns is the namespace of query and REST-XML answers.
	xmlns string
}

// op answers one operation: an SDK output struct (or *xmlDoc, *rawAnswer)
// to encode, or an *apiError.
type op func(c *call) (any, error)

var services = map[string]*service{}

// register adds a service; called from each service file's init.
func register(s *service) {
	if s.names.item == "" {
		s.names.item = "member"
		if s.protocol == protoEC2 {
			s.names.item = "item"
		}
	}
	if s.protocol == protoEC2 {
		s.names.camel = true
	}
	services[s.name] = s
}

// call is one request, routed to its account, region and operation.
type call struct {
	srv     *Server
	svc     *service
	account *Account
	region  string
	op      string
	// form is a query protocol's parameters.
	form url.Values
	// body is the request body (JSON protocols; CBOR is decoded into cbor).
	body     []byte
	jsonBody map[string]any // body's top level, parsed on first use
	cbor     map[string]any
	// path and query are a REST request's bound path labels and query.
	path   map[string]string
	query  url.Values
	header http.Header
}

// param is a request parameter: from the form, the path, the query
// string, or a JSON/CBOR body's top level, in that order.
func (c *call) param(name string) string {
	if v := c.form.Get(name); v != "" {
		return v
	}
	if v, ok := c.path[name]; ok {
		return v
	}
	if v := c.query.Get(name); v != "" {
		return v
	}
	if c.cbor != nil {
		if s, ok := c.cbor[name].(string); ok {
			return s
		}
	}
	if c.jsonBody == nil && len(c.body) > 0 && c.body[0] == '{' {
		c.jsonBody = map[string]any{} // parsed once per call, even if it fails
		_ = json.Unmarshal(c.body, &c.jsonBody)
	}
	switch v := c.jsonBody[name].(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// intParam is a numeric parameter, or def when absent.
func (c *call) intParam(name string, def int) int {
	if n, err := strconv.Atoi(c.param(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// list is a query-protocol list parameter (Name.member.1, Name.1, ...).
func (c *call) list(name string) []string {
	var out []string
	for _, prefix := range []string{name + ".member.", name + "."} {
		for i := 1; ; i++ {
			v, ok := c.form[prefix+strconv.Itoa(i)]
			if !ok {
				break
			}
			out = append(out, v[0])
		}
		if len(out) > 0 {
			return out
		}
	}
	return out
}

// input decodes a JSON request body into v (an SDK input struct works:
// its fields match the API's member names).
func (c *call) input(v any) error {
	if len(c.body) == 0 {
		return nil
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		return &apiError{status: 400, code: "SerializationException", msg: err.Error()}
	}
	return nil
}

// arn builds an ARN in the call's account and region.
func (c *call) arn(service, resource string) string {
	return "arn:aws:" + service + ":" + c.region + ":" + c.account.ID + ":" + resource
}

// worldOf returns the call's account world for its service and region,
// or an empty one.
func worldOf[T any](c *call) *T {
	region := c.region
	if c.svc.global {
		region = Global
	}
	if v, ok := c.account.worldOf(c.svc.name, region).(*T); ok {
		return v
	}
	return new(T)
}

// regionWorlds returns the account's worlds of the call's service in
// every region, for the global listings of regional things (S3 buckets).
func regionWorlds[T any](c *call) map[string]*T {
	out := map[string]*T{}
	for region, svcs := range c.account.worlds {
		if v, ok := svcs[c.svc.name].(*T); ok {
			out[region] = v
		}
	}
	return out
}

// apiError is an AWS-shaped error answer.
type apiError struct {
	status int
	code   string
	msg    string
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

func notFound(code, format string, args ...any) *apiError {
	return &apiError{status: http.StatusNotFound, code: code, msg: fmt.Sprintf(format, args...)}
}

func badRequest(code, format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, code: code, msg: fmt.Sprintf(format, args...)}
}

// page returns the items of the page a token names and the token of the
// next page ("" on the last). Tokens are opaque, as AWS's are.
func page[T any](items []T, token string, size int) ([]T, string, error) {
	from := 0
	if token != "" {
		b, err := base64.RawURLEncoding.DecodeString(token)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(b), "tc:"))
		if err != nil || err2 != nil || !strings.HasPrefix(string(b), "tc:") || n < 0 || n > len(items) {
			return nil, "", badRequest("InvalidNextToken", "The pagination token is invalid.")
		}
		from = n
	}
	to := from + size
	if size <= 0 || to > len(items) {
		to = len(items)
	}
	next := ""
	if to < len(items) {
		next = base64.RawURLEncoding.EncodeToString([]byte("tc:" + strconv.Itoa(to)))
	}
	return items[from:to], next, nil
}

// optional returns nil for "", else a pointer: the SDK's optional strings.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
