package aws

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// Server serves a World.
type Server struct {
	world *World
	mu    sync.Mutex
	// keys maps access keys (the accounts' own and assumed-role ones) to
	// account ids.
	keys map[string]string
}

// NewServer returns a fake serving w.
func NewServer(w *World) *Server {
	s := &Server{world: w, keys: map[string]string{}}
	for _, a := range w.Accounts {
		s.keys[a.AccessKey] = a.ID
	}
	return s
}

// request is one call, routed.
type request struct {
	service, region, account string
	op                       string
	form                     map[string][]string
	body                     []byte
	r                        *http.Request
}

var scopeRe = regexp.MustCompile(`Credential=([^/]+)/\d+/([^/]+)/([^/]+)/aws4_request`)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m := scopeRe.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		writeQueryError(w, http.StatusForbidden, "MissingAuthenticationToken", "Request is missing Authentication Token")
		return
	}
	s.mu.Lock()
	acct, ok := s.keys[m[1]]
	s.mu.Unlock()
	if !ok {
		writeQueryError(w, http.StatusForbidden, "InvalidClientTokenId", "The security token included in the request is invalid.")
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	req := &request{service: m[3], region: m[2], account: acct, body: body, r: r}
	if t := r.Header.Get("X-Amz-Target"); t != "" {
		req.op = t[strings.LastIndexByte(t, '.')+1:]
	} else if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		req.form = parseForm(body)
		req.op = first(req.form["Action"])
	}
	switch req.service {
	case "sts":
		s.sts(w, req)
	case "ec2":
		s.ec2(w, req)
	case "sqs":
		s.sqs(w, req)
	default:
		writeQueryError(w, http.StatusBadRequest, "UnsupportedService", "the test cloud does not serve "+req.service)
	}
}

func (s *Server) account(id string) *Account {
	for i := range s.world.Accounts {
		if s.world.Accounts[i].ID == id {
			return &s.world.Accounts[i]
		}
	}
	return nil
}

func requestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func parseForm(b []byte) map[string][]string {
	out := map[string][]string{}
	for _, kv := range strings.Split(string(b), "&") {
		k, v, _ := strings.Cut(kv, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		out[k] = append(out[k], v)
	}
	return out
}

// writeXML answers a query-protocol call: <OpResponse><OpResult>...
func writeXML(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("X-Amzn-Requestid", requestID())
	b, err := xml.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_, _ = w.Write(append([]byte(xml.Header), b...))
}

// writeQueryError answers like STS and IAM do.
func writeQueryError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>%s</RequestId></ErrorResponse>`,
		xmlEscape(code), xmlEscape(msg), requestID())
}

// writeJSON answers an awsJson call.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("X-Amzn-Requestid", requestID())
	_ = json.NewEncoder(w).Encode(v)
}

// writeJSONError answers an awsJson error.
func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("X-Amzn-Errortype", code)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
