package aws

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"net/http"
	"reflect"
	"strconv"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// xmlDoc is a REST-XML answer with its root element named.
type xmlDoc struct {
	root string
	v    any
}

// rawAnswer is an answer written as is (payload-bound outputs such as a
// bucket policy, or a header-only answer).
type rawAnswer struct {
	status      int
	contentType string
	header      map[string]string
	body        []byte
}

func requestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// writeAnswer encodes an operation's output in the service's protocol.
func writeAnswer(w http.ResponseWriter, c *call, out any) {
	rid := requestID()
	h := w.Header()
	h.Set("X-Amzn-Requestid", rid)
	if raw, ok := out.(*rawAnswer); ok {
		for k, v := range raw.header {
			h.Set(k, v)
		}
		if raw.contentType != "" {
			h.Set("Content-Type", raw.contentType)
		}
		if raw.status != 0 {
			w.WriteHeader(raw.status)
		}
		_, _ = w.Write(raw.body)
		return
	}
	n := &c.svc.names
	switch c.svc.protocol {
	case protoQuery:
		e := &xmlEncoder{names: n}
		e.buf.WriteString(`<` + c.op + `Response xmlns="` + c.svc.xmlns + `"><` + c.op + `Result>`)
		e.members(reflect.ValueOf(out))
		e.buf.WriteString(`</` + c.op + `Result><ResponseMetadata><RequestId>` + rid + `</RequestId></ResponseMetadata></` + c.op + `Response>`)
		writeBody(w, "text/xml", e.buf.Bytes())
	case protoEC2:
		e := &xmlEncoder{names: n}
		e.buf.WriteString(`<` + c.op + `Response xmlns="` + ec2NS + `"><requestId>` + rid + `</requestId>`)
		e.members(reflect.ValueOf(out))
		e.buf.WriteString(`</` + c.op + `Response>`)
		writeBody(w, "text/xml", e.buf.Bytes())
	case protoRESTXML:
		root, v := c.op+"Result", out
		if d, ok := out.(*xmlDoc); ok {
			root, v = d.root, d.v
		}
		e := &xmlEncoder{names: n}
		e.buf.WriteString(`<` + root + ` xmlns="` + c.svc.xmlns + `">`)
		e.members(reflect.ValueOf(v))
		e.buf.WriteString(`</` + root + `>`)
		writeBody(w, "application/xml", e.buf.Bytes())
	case protoCBOR:
		h.Set("Smithy-Protocol", "rpc-v2-cbor")
		writeBody(w, "application/cbor", cbor.Encode(cborValue(tree(reflect.ValueOf(out), n))))
	default:
		v := tree(reflect.ValueOf(out), n)
		if n.isoTimes {
			v = isoTimes(v)
		}
		b, _ := json.Marshal(jsonValue(v))
		setCRC32(w, c.svc.protocol, b)
		writeBody(w, jsonContentType(c.svc.protocol), b)
	}
}

// setCRC32 sets a JSON 1.0 body's CRC32 header, as DynamoDB sends it on
// every answer and its SDK checks it (other clients ignore it).
func setCRC32(w http.ResponseWriter, p protocol, b []byte) {
	if p == protoJSON10 {
		w.Header().Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(b)), 10))
	}
}

func writeBody(w http.ResponseWriter, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

func jsonContentType(p protocol) string {
	switch p {
	case protoJSON10:
		return "application/x-amz-json-1.0"
	case protoJSON11:
		return "application/x-amz-json-1.1"
	}
	return "application/json"
}

// writeError answers an error in the protocol's own dialect.
func writeError(w http.ResponseWriter, p protocol, wrapped bool, e *apiError) {
	rid := requestID()
	w.Header().Set("X-Amzn-Requestid", rid)
	code, msg := xmlEscape(e.code), xmlEscape(e.msg)
	var ct string
	var body []byte
	switch p {
	case protoQuery:
		ct, body = "text/xml", []byte(`<ErrorResponse><Error><Type>Sender</Type><Code>`+code+`</Code><Message>`+msg+`</Message></Error><RequestId>`+rid+`</RequestId></ErrorResponse>`)
	case protoEC2:
		ct, body = "text/xml", []byte(`<Response><Errors><Error><Code>`+code+`</Code><Message>`+msg+`</Message></Error></Errors><RequestID>`+rid+`</RequestID></Response>`)
	case protoRESTXML:
		if wrapped {
			ct, body = "text/xml", []byte(`<ErrorResponse><Error><Type>Sender</Type><Code>`+code+`</Code><Message>`+msg+`</Message></Error><RequestId>`+rid+`</RequestId></ErrorResponse>`)
		} else {
			ct, body = "application/xml", []byte(`<Error><Code>`+code+`</Code><Message>`+msg+`</Message><RequestId>`+rid+`</RequestId></Error>`)
		}
	case protoCBOR:
		w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
		ct, body = "application/cbor", cbor.Encode(cbor.Map{"__type": cbor.String(e.code), "message": cbor.String(e.msg)})
	default:
		w.Header().Set("X-Amzn-Errortype", e.code)
		ct = jsonContentType(p)
		body, _ = json.Marshal(map[string]string{"__type": e.code, "message": e.msg})
		setCRC32(w, p, body)
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(e.status)
	_, _ = w.Write(body)
}

func xmlEscape(s string) string {
	var e xmlEncoder
	e.text(s)
	return e.buf.String()
}

// jsonValue writes times as epoch seconds and blobs as base64, as the
// AWS JSON protocols do.
func jsonValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = jsonValue(x)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = jsonValue(x)
		}
		return t
	case time.Time:
		return json.Number(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64))
	case []byte:
		return base64.StdEncoding.EncodeToString(t)
	}
	return v
}

// isoTimes turns a tree's times into RFC 3339 strings (date-time members).
func isoTimes(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = isoTimes(x)
		}
	case []any:
		for i, x := range t {
			t[i] = isoTimes(x)
		}
	case time.Time:
		return t.UTC().Format(time.RFC3339Nano)
	}
	return v
}

// cborValue turns a tree into CBOR values; times are tag 1 (epoch).
func cborValue(v any) cbor.Value {
	switch t := v.(type) {
	case map[string]any:
		m := cbor.Map{}
		for k, x := range t {
			m[k] = cborValue(x)
		}
		return m
	case []any:
		l := make(cbor.List, len(t))
		for i, x := range t {
			l[i] = cborValue(x)
		}
		return l
	case time.Time:
		return &cbor.Tag{ID: 1, Value: cbor.Float64(float64(t.UnixMilli()) / 1000)}
	case []byte:
		return cbor.Slice(t)
	case string:
		return cbor.String(t)
	case bool:
		return cbor.Bool(t)
	case int64:
		if t < 0 {
			return cbor.NegInt(uint64(-t))
		}
		return cbor.Uint(uint64(t))
	case float64:
		return cbor.Float64(t)
	}
	return &cbor.Nil{}
}
