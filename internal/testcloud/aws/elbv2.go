package aws

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// elbv2World is Elastic Load Balancing v2 (ALB, NLB, GWLB) in one region.
type elbv2World struct {
	LoadBalancers []elbv2LoadBalancer `json:"load_balancers"`
}

// elbv2LoadBalancer is a load balancer with its listeners, the attributes
// set away from AWS's defaults (key -> value, as the API spells them), and
// tags. ARNs left out are made up from the names.
type elbv2LoadBalancer struct {
	elbv2types.LoadBalancer
	Listeners  []elbv2types.Listener `json:"listeners"`
	Attributes map[string]string     `json:"attributes"`
	Tags       map[string]string     `json:"tags"`
}

// elbv2Defaults are the attributes AWS reports for a new load balancer of
// each type.
var elbv2Defaults = map[elbv2types.LoadBalancerTypeEnum]map[string]string{
	elbv2types.LoadBalancerTypeEnumApplication: {
		"access_logs.s3.enabled": "false", "access_logs.s3.bucket": "", "access_logs.s3.prefix": "",
		"connection_logs.s3.enabled": "false", "connection_logs.s3.bucket": "", "connection_logs.s3.prefix": "",
		"deletion_protection.enabled": "false", "idle_timeout.timeout_seconds": "60",
		"client_keep_alive.seconds":                                "3600",
		"load_balancing.cross_zone.enabled":                        "true",
		"routing.http.desync_mitigation_mode":                      "defensive",
		"routing.http.drop_invalid_header_fields.enabled":          "false",
		"routing.http.preserve_host_header.enabled":                "false",
		"routing.http.x_amzn_tls_version_and_cipher_suite.enabled": "false",
		"routing.http.xff_client_port.enabled":                     "false",
		"routing.http.xff_header_processing.mode":                  "append",
		"routing.http2.enabled":                                    "true",
		"waf.fail_open.enabled":                                    "false",
	},
	elbv2types.LoadBalancerTypeEnumNetwork: {
		"access_logs.s3.enabled": "false", "access_logs.s3.bucket": "", "access_logs.s3.prefix": "",
		"deletion_protection.enabled": "false", "load_balancing.cross_zone.enabled": "false",
		"dns_record.client_routing_policy": "any_availability_zone",
	},
	elbv2types.LoadBalancerTypeEnumGateway: {
		"deletion_protection.enabled": "false", "load_balancing.cross_zone.enabled": "false",
	},
}

func init() {
	register(&service{name: "elbv2", signing: "elasticloadbalancing", version: "2015-12-01", protocol: protoQuery,
		xmlns:    "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
		newWorld: func() any { return &elbv2World{} },
		ops: map[string]op{
			"DescribeLoadBalancers": func(c *call) (any, error) {
				all := elbv2LoadBalancers(c)
				var lbs []elbv2types.LoadBalancer
				arns, names := c.list("LoadBalancerArns"), c.list("Names")
				for _, lb := range all {
					if (len(arns) == 0 || slices.Contains(arns, aws.ToString(lb.LoadBalancerArn))) &&
						(len(names) == 0 || slices.Contains(names, aws.ToString(lb.LoadBalancerName))) {
						lbs = append(lbs, lb.LoadBalancer)
					}
				}
				if want := max(len(arns), len(names)); want > 0 && len(lbs) < want {
					return nil, elbv2NotFound()
				}
				size, err := lbPageSizeParam(c)
				if err != nil {
					return nil, err
				}
				items, next, err := page(lbs, c.param("Marker"), size)
				if err != nil {
					return nil, err
				}
				return &elbv2.DescribeLoadBalancersOutput{LoadBalancers: items, NextMarker: optional(next)}, nil
			},
			"DescribeListeners": func(c *call) (any, error) {
				var ls []elbv2types.Listener
				lbARN, arns := c.param("LoadBalancerArn"), c.list("ListenerArns")
				switch {
				case lbARN != "":
					lb, err := elbv2Find(c, lbARN)
					if err != nil {
						return nil, err
					}
					ls = lb.Listeners
				case len(arns) > 0:
					for _, a := range arns {
						l, ok := elbv2Listener(c, a)
						if !ok {
							return nil, badRequest("ListenerNotFound", "One or more listeners not found")
						}
						ls = append(ls, l)
					}
				default:
					return nil, badRequest("ValidationError", "You must specify either listener ARNs or a load balancer ARN")
				}
				size, err := lbPageSizeParam(c)
				if err != nil {
					return nil, err
				}
				items, next, err := page(ls, c.param("Marker"), size)
				if err != nil {
					return nil, err
				}
				return &elbv2.DescribeListenersOutput{Listeners: items, NextMarker: optional(next)}, nil
			},
			"DescribeLoadBalancerAttributes": func(c *call) (any, error) {
				lb, err := elbv2Find(c, c.param("LoadBalancerArn"))
				if err != nil {
					return nil, err
				}
				attrs := maps.Clone(elbv2Defaults[lb.Type])
				if attrs == nil {
					attrs = map[string]string{}
				}
				maps.Copy(attrs, lb.Attributes)
				out := &elbv2.DescribeLoadBalancerAttributesOutput{Attributes: []elbv2types.LoadBalancerAttribute{}}
				for _, k := range slices.Sorted(maps.Keys(attrs)) {
					out.Attributes = append(out.Attributes, elbv2types.LoadBalancerAttribute{Key: aws.String(k), Value: aws.String(attrs[k])})
				}
				return out, nil
			},
			"DescribeTags": func(c *call) (any, error) {
				arns := c.list("ResourceArns")
				if len(arns) == 0 || len(arns) > lbTagBatch {
					return nil, badRequest("ValidationError", "ResourceArns must have between 1 and %d members", lbTagBatch)
				}
				out := &elbv2.DescribeTagsOutput{TagDescriptions: []elbv2types.TagDescription{}}
				for _, a := range arns {
					d := elbv2types.TagDescription{ResourceArn: aws.String(a), Tags: []elbv2types.Tag{}}
					if strings.Contains(a, ":listener/") {
						// Listeners carry no tags in a world.
						if _, ok := elbv2Listener(c, a); !ok {
							return nil, badRequest("ListenerNotFound", "One or more listeners not found")
						}
					} else {
						lb, err := elbv2Find(c, a)
						if err != nil {
							return nil, err
						}
						for _, k := range slices.Sorted(maps.Keys(lb.Tags)) {
							d.Tags = append(d.Tags, elbv2types.Tag{Key: aws.String(k), Value: aws.String(lb.Tags[k])})
						}
					}
					out.TagDescriptions = append(out.TagDescriptions, d)
				}
				return out, nil
			},
		}})
}

func elbv2NotFound() error {
	return badRequest("LoadBalancerNotFound", "One or more load balancers not found")
}

// elbv2LoadBalancers are the region's load balancers with their ARNs and
// their listeners' ARNs filled in.
func elbv2LoadBalancers(c *call) []elbv2LoadBalancer {
	var out []elbv2LoadBalancer
	for _, lb := range worldOf[elbv2World](c).LoadBalancers {
		if lb.Type == "" {
			lb.Type = elbv2types.LoadBalancerTypeEnumApplication
		}
		name := aws.ToString(lb.LoadBalancerName)
		if lb.LoadBalancerArn == nil {
			kind := map[elbv2types.LoadBalancerTypeEnum]string{"network": "net", "gateway": "gwy"}[lb.Type]
			if kind == "" {
				kind = "app"
			}
			lb.LoadBalancerArn = aws.String(c.arn("elasticloadbalancing", "loadbalancer/"+kind+"/"+name+"/"+elbv2ID(c.region+name)))
		}
		lbARN := aws.ToString(lb.LoadBalancerArn)
		ls := make([]elbv2types.Listener, len(lb.Listeners))
		for i, l := range lb.Listeners {
			l.LoadBalancerArn = lb.LoadBalancerArn
			if l.ListenerArn == nil {
				port := strconv.Itoa(int(aws.ToInt32(l.Port)))
				l.ListenerArn = aws.String(strings.Replace(lbARN, ":loadbalancer/", ":listener/", 1) + "/" + elbv2ID(lbARN+port))
			}
			ls[i] = l
		}
		lb.Listeners = ls
		out = append(out, lb)
	}
	return out
}

// elbv2ID is a stable 16-hex-digit id, as AWS puts at the end of ARNs.
func elbv2ID(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(h[:8])
}

func elbv2Find(c *call, arn string) (*elbv2LoadBalancer, error) {
	for _, lb := range elbv2LoadBalancers(c) {
		if aws.ToString(lb.LoadBalancerArn) == arn {
			return &lb, nil
		}
	}
	return nil, elbv2NotFound()
}

func elbv2Listener(c *call, arn string) (elbv2types.Listener, bool) {
	for _, lb := range elbv2LoadBalancers(c) {
		for _, l := range lb.Listeners {
			if aws.ToString(l.ListenerArn) == arn {
				return l, true
			}
		}
	}
	return elbv2types.Listener{}, false
}
