package aws

import (
	"maps"
	"slices"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"
)

// elbWorld is Elastic Load Balancing (classic) in one region.
type elbWorld struct {
	LoadBalancers []elbLoadBalancer `json:"load_balancers"`
}

// elbLoadBalancer is a classic load balancer with its attributes (the
// parts left out are AWS's defaults for a new one) and tags.
type elbLoadBalancer struct {
	elbtypes.LoadBalancerDescription
	Attributes *elbtypes.LoadBalancerAttributes `json:"attributes"`
	Tags       map[string]string                `json:"tags"`
}

// Both load balancer APIs page by PageSize, 1 to 400, 400 by default;
// DescribeTags takes at most 20 resources.
const (
	lbPageSize = 400
	lbTagBatch = 20
)

func init() {
	register(&service{name: "elb", signing: "elasticloadbalancing", version: "2012-06-01", protocol: protoQuery,
		xmlns:    "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/",
		newWorld: func() any { return &elbWorld{} },
		ops: map[string]op{
			"DescribeLoadBalancers": func(c *call) (any, error) {
				lbs := worldOf[elbWorld](c).LoadBalancers
				var descs []elbtypes.LoadBalancerDescription
				if names := c.list("LoadBalancerNames"); len(names) > 0 {
					for _, n := range names {
						lb, err := elbNamed(c, n)
						if err != nil {
							return nil, err
						}
						descs = append(descs, lb.LoadBalancerDescription)
					}
				} else {
					for _, lb := range lbs {
						descs = append(descs, lb.LoadBalancerDescription)
					}
				}
				size, err := lbPageSizeParam(c)
				if err != nil {
					return nil, err
				}
				items, next, err := page(descs, c.param("Marker"), size)
				if err != nil {
					return nil, err
				}
				return &elb.DescribeLoadBalancersOutput{LoadBalancerDescriptions: items, NextMarker: optional(next)}, nil
			},
			"DescribeLoadBalancerAttributes": func(c *call) (any, error) {
				lb, err := elbNamed(c, c.param("LoadBalancerName"))
				if err != nil {
					return nil, err
				}
				return &elb.DescribeLoadBalancerAttributesOutput{LoadBalancerAttributes: elbAttributes(lb.Attributes)}, nil
			},
			"DescribeTags": func(c *call) (any, error) {
				names := c.list("LoadBalancerNames")
				if len(names) == 0 || len(names) > lbTagBatch {
					return nil, badRequest("ValidationError", "LoadBalancerNames must have between 1 and %d members", lbTagBatch)
				}
				out := &elb.DescribeTagsOutput{TagDescriptions: []elbtypes.TagDescription{}}
				for _, n := range names {
					lb, err := elbNamed(c, n)
					if err != nil {
						return nil, err
					}
					d := elbtypes.TagDescription{LoadBalancerName: aws.String(n), Tags: []elbtypes.Tag{}}
					for _, k := range slices.Sorted(maps.Keys(lb.Tags)) {
						d.Tags = append(d.Tags, elbtypes.Tag{Key: aws.String(k), Value: aws.String(lb.Tags[k])})
					}
					out.TagDescriptions = append(out.TagDescriptions, d)
				}
				return out, nil
			},
		}})
}

func elbNamed(c *call, name string) (*elbLoadBalancer, error) {
	lbs := worldOf[elbWorld](c).LoadBalancers
	for i := range lbs {
		if aws.ToString(lbs[i].LoadBalancerName) == name {
			return &lbs[i], nil
		}
	}
	return nil, badRequest("LoadBalancerNotFound", "There is no ACTIVE Load Balancer named '%s'", name)
}

// elbAttributes completes a load balancer's attributes with AWS's
// defaults: no access logs, no connection draining (300 s timeout when
// enabled), a 60 s idle timeout, no cross-zone balancing, defensive
// desync mitigation.
func elbAttributes(a *elbtypes.LoadBalancerAttributes) *elbtypes.LoadBalancerAttributes {
	out := elbtypes.LoadBalancerAttributes{}
	if a != nil {
		out = *a
	}
	if out.AccessLog == nil {
		out.AccessLog = &elbtypes.AccessLog{Enabled: false}
	}
	if out.ConnectionDraining == nil {
		out.ConnectionDraining = &elbtypes.ConnectionDraining{Enabled: false, Timeout: aws.Int32(300)}
	}
	if out.ConnectionSettings == nil {
		out.ConnectionSettings = &elbtypes.ConnectionSettings{IdleTimeout: aws.Int32(60)}
	}
	if out.CrossZoneLoadBalancing == nil {
		out.CrossZoneLoadBalancing = &elbtypes.CrossZoneLoadBalancing{Enabled: false}
	}
	// Desync mitigation is reported among the additional attributes,
	// defensive unless changed.
	if !slices.ContainsFunc(out.AdditionalAttributes, func(a elbtypes.AdditionalAttribute) bool {
		return aws.ToString(a.Key) == "elb.http.desyncmitigationmode"
	}) {
		out.AdditionalAttributes = append(slices.Clone(out.AdditionalAttributes),
			elbtypes.AdditionalAttribute{Key: aws.String("elb.http.desyncmitigationmode"), Value: aws.String("defensive")})
	}
	return &out
}

// lbPageSizeParam is the PageSize both load balancer APIs take.
func lbPageSizeParam(c *call) (int, error) {
	s := c.param("PageSize")
	if s == "" {
		return lbPageSize, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > lbPageSize {
		return 0, badRequest("ValidationError", "1 validation error detected: Value '%s' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and %d", s, lbPageSize)
	}
	return n, nil
}
