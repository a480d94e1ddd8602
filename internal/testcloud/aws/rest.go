package aws

import (
	"net/url"
	"strings"
)

// route maps a REST request to an operation: the method, a path pattern
// whose {Label} segments bind one segment and {Label+} the rest, and for
// S3-style sub-resources a query key that must be present ("policy").
type route struct {
	method  string
	pattern string
	query   string
	op      string
}

// matchRoute finds the first route matching the request. Routes with a
// query key are tried before those without, so "GET /{Bucket}?policy"
// wins over "GET /{Bucket}".
func matchRoute(routes []route, method, escapedPath string, q url.Values) (string, map[string]string, bool) {
	for pass := 0; pass < 2; pass++ {
		for _, rt := range routes {
			if rt.method != method || (pass == 0) != (rt.query != "") {
				continue
			}
			if rt.query != "" {
				if _, ok := q[rt.query]; !ok {
					continue
				}
			}
			if labels, ok := matchPath(rt.pattern, escapedPath); ok {
				return rt.op, labels, true
			}
		}
	}
	return "", nil, false
}

func matchPath(pattern, escapedPath string) (map[string]string, bool) {
	ps := strings.Split(strings.Trim(pattern, "/"), "/")
	xs := strings.Split(strings.Trim(escapedPath, "/"), "/")
	labels := map[string]string{}
	for i, p := range ps {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "+}") {
			rest, err := url.PathUnescape(strings.Join(xs[min(i, len(xs)):], "/"))
			if err != nil || rest == "" {
				return nil, false
			}
			labels[p[1:len(p)-2]] = rest
			return labels, true
		}
		if i >= len(xs) {
			return nil, false
		}
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			v, err := url.PathUnescape(xs[i])
			if err != nil || v == "" {
				return nil, false
			}
			labels[p[1:len(p)-1]] = v
			continue
		}
		if p != xs[i] {
			return nil, false
		}
	}
	return labels, len(ps) == len(xs)
}
