package aws

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"
)

// wafv2World is WAFv2 in one region. CloudFront-scoped web ACLs live in
// us-east-1, where the API serves them.
type wafv2World struct {
	WebACLs []wafWebACL `json:"web_acls"`
}

// wafWebACL is a web ACL with what other calls say about it.
type wafWebACL struct {
	// Scope is REGIONAL (the default) or CLOUDFRONT.
	Scope  string          `json:"scope"`
	WebACL waftypes.WebACL `json:"web_acl"`
	// Logging is GetLoggingConfiguration's answer; nil: logging is off.
	Logging *waftypes.LoggingConfiguration `json:"logging"`
	Tags    []waftypes.Tag                 `json:"tags"`
	// Resources are the ARNs of the resources the ACL protects
	// (GetWebACLForResource).
	Resources []string `json:"resources"`
}

// wafPageSize is ListWebACLs's largest page (Limit 1-100, 100 by default).
const wafPageSize = 100

func init() {
	register(&service{name: "wafv2", signing: "wafv2", protocol: protoJSON11,
		newWorld: func() any { return &wafv2World{} },
		ops: map[string]op{
			"ListWebACLs": func(c *call) (any, error) {
				scope := c.param("Scope")
				if err := wafScopeValid(c, scope); err != nil {
					return nil, err
				}
				var all []waftypes.WebACLSummary
				for _, a := range wafACLs(c) {
					if a.Scope == scope {
						w := a.WebACL
						all = append(all, waftypes.WebACLSummary{ARN: w.ARN, Id: w.Id, Name: w.Name, Description: w.Description, LockToken: wafLockToken(w)})
					}
				}
				items, next, err := page(all, c.param("NextMarker"), min(c.intParam("Limit", wafPageSize), wafPageSize))
				if err != nil {
					return nil, wafInvalid("NEXT_MARKER", c.param("NextMarker"))
				}
				return &wafv2.ListWebACLsOutput{WebACLs: items, NextMarker: optional(next)}, nil
			},
			"GetWebACL": func(c *call) (any, error) {
				a, err := wafFind(c, func(a wafWebACL) bool {
					if arn := c.param("ARN"); arn != "" {
						return *a.WebACL.ARN == arn
					}
					return a.Scope == c.param("Scope") && *a.WebACL.Name == c.param("Name") && *a.WebACL.Id == c.param("Id")
				})
				if err != nil {
					return nil, err
				}
				return &wafv2.GetWebACLOutput{WebACL: &a.WebACL, LockToken: wafLockToken(a.WebACL)}, nil
			},
			"GetLoggingConfiguration": func(c *call) (any, error) {
				a, err := wafFind(c, func(a wafWebACL) bool { return *a.WebACL.ARN == c.param("ResourceArn") })
				if err != nil {
					return nil, err
				}
				if a.Logging == nil {
					return nil, wafNonexistent()
				}
				l := *a.Logging
				l.ResourceArn = a.WebACL.ARN
				return &wafv2.GetLoggingConfigurationOutput{LoggingConfiguration: &l}, nil
			},
			"GetWebACLForResource": func(c *call) (any, error) {
				// A resource no ACL protects gets a null web ACL.
				a, err := wafFind(c, func(a wafWebACL) bool { return slices.Contains(a.Resources, c.param("ResourceArn")) })
				if err != nil {
					return &wafv2.GetWebACLForResourceOutput{}, nil
				}
				return &wafv2.GetWebACLForResourceOutput{WebACL: &a.WebACL}, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				a, err := wafFind(c, func(a wafWebACL) bool { return *a.WebACL.ARN == c.param("ResourceARN") })
				if err != nil {
					return nil, err
				}
				return &wafv2.ListTagsForResourceOutput{TagInfoForResource: &waftypes.TagInfoForResource{ResourceARN: a.WebACL.ARN, TagList: a.Tags}}, nil
			},
		}})
}

// wafACLs returns the region's web ACLs with their scope, id and ARN
// filled in where the world leaves them out.
func wafACLs(c *call) []wafWebACL {
	var out []wafWebACL
	for _, a := range worldOf[wafv2World](c).WebACLs {
		if a.Scope == "" {
			a.Scope = string(waftypes.ScopeRegional)
		}
		w := &a.WebACL
		if w.Id == nil {
			h := hex.EncodeToString(wafHash(c.account.ID, c.region, a.Scope, *w.Name))
			w.Id = optional(h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32])
		}
		if w.ARN == nil {
			kind := "regional"
			if a.Scope == string(waftypes.ScopeCloudfront) {
				kind = "global"
			}
			w.ARN = optional(c.arn("wafv2", kind+"/webacl/"+*w.Name+"/"+*w.Id))
		}
		out = append(out, a)
	}
	return out
}

func wafFind(c *call, match func(wafWebACL) bool) (*wafWebACL, error) {
	for _, a := range wafACLs(c) {
		if match(a) {
			return &a, nil
		}
	}
	return nil, wafNonexistent()
}

// wafScopeValid refuses CLOUDFRONT outside us-east-1, as WAF does.
func wafScopeValid(c *call, scope string) error {
	switch {
	case scope == string(waftypes.ScopeRegional):
	case scope == string(waftypes.ScopeCloudfront) && c.region == "us-east-1":
	default:
		return wafInvalid("SCOPE_VALUE", scope)
	}
	return nil
}

// wafLockToken is a stable token per ACL, as AWS's changes only on update.
func wafLockToken(w waftypes.WebACL) *string {
	h := hex.EncodeToString(wafHash(*w.ARN))
	return optional(h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32])
}

func wafHash(parts ...string) []byte {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p + "/"))
	}
	return h.Sum(nil)
}

func wafNonexistent() error {
	return badRequest("WAFNonexistentItemException", "AWS WAF couldn’t perform the operation because your resource doesn’t exist.")
}

func wafInvalid(field, value string) error {
	return badRequest("WAFInvalidParameterException", "Error reason: The parameter contains formatting that isn't supported., field: %s, parameter: %s", field, value)
}
