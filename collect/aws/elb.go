package aws

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	register("elbv2", false, collectELBv2)
	register("elb", false, collectELB)
}

// elbTagBatch is the most resources DescribeTags accepts at once.
const elbTagBatch = 20

// collectELBv2 reads application, network and gateway load balancers with
// their listeners, attributes, WAF web ACL and tags into
// aws.elbv2.load_balancer.
func collectELBv2(ctx context.Context, s *scope) {
	client := elbv2.NewFromConfig(s.Config())
	waf := wafv2.NewFromConfig(s.Config())
	var lbs []elbv2types.LoadBalancer
	p := elbv2.NewDescribeLoadBalancersPaginator(client, &elbv2.DescribeLoadBalancersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeLoadBalancers", err)
			return
		}
		lbs = append(lbs, page.LoadBalancers...)
	}
	tags := elbv2Tags(ctx, s, client, lbs)
	forEach(s, lbs, func(lb elbv2types.LoadBalancer) {
		arn := aws.ToString(lb.LoadBalancerArn)
		a := &model.ELBv2LoadBalancer{
			Name:           aws.ToString(lb.LoadBalancerName),
			Type:           string(lb.Type),
			InternetFacing: lb.Scheme == elbv2types.LoadBalancerSchemeEnumInternetFacing,
			Listeners:      []model.LBListener{},
			SecurityGroups: lb.SecurityGroups,
			Subnets:        []string{},
		}
		if a.SecurityGroups == nil {
			a.SecurityGroups = []string{}
		}
		for _, az := range lb.AvailabilityZones {
			if az.SubnetId != nil {
				a.Subnets = append(a.Subnets, aws.ToString(az.SubnetId))
			}
		}
		raw := map[string]any{"LoadBalancer": lb}
		rd := s.reads(arn)
		if _, ok := tags[arn]; !ok {
			rd.unread(model.TagsPath)
		}
		rd.call("DescribeListeners", []string{"listeners"}, func() error {
			var listeners []elbv2types.Listener
			lp := elbv2.NewDescribeListenersPaginator(client, &elbv2.DescribeListenersInput{LoadBalancerArn: lb.LoadBalancerArn})
			for lp.HasMorePages() {
				page, err := lp.NextPage(ctx)
				if err != nil {
					return err
				}
				listeners = append(listeners, page.Listeners...)
			}
			raw["Listeners"] = listeners
			for _, l := range listeners {
				a.Listeners = append(a.Listeners, elbv2Listener(l))
			}
			return nil
		})
		if a.Type == string(elbv2types.LoadBalancerTypeEnumApplication) {
			// The API's default, replaced below by the attribute read.
			a.DesyncMitigationMode = "defensive"
		}
		rd.call("DescribeLoadBalancerAttributes", []string{"access_logs_enabled", "drop_invalid_header_fields", "deletion_protection", "desync_mitigation_mode"}, func() error {
			out, err := client.DescribeLoadBalancerAttributes(ctx, &elbv2.DescribeLoadBalancerAttributesInput{LoadBalancerArn: lb.LoadBalancerArn})
			if err != nil {
				return err
			}
			raw["Attributes"] = out.Attributes
			for _, at := range out.Attributes {
				on := aws.ToString(at.Value) == "true"
				switch aws.ToString(at.Key) {
				case "access_logs.s3.enabled":
					a.AccessLogsEnabled = on
				case "routing.http.drop_invalid_header_fields.enabled":
					a.DropInvalidHeaderFields = on
				case "deletion_protection.enabled":
					a.DeletionProtection = on
				case "routing.http.desync_mitigation_mode":
					if a.Type == string(elbv2types.LoadBalancerTypeEnumApplication) {
						a.DesyncMitigationMode = aws.ToString(at.Value)
					}
				}
			}
			return nil
		})

		rels := []model.Relation{}
		if a.Type == string(elbv2types.LoadBalancerTypeEnumApplication) {
			// WAF protects only application load balancers.
			rd.call("GetWebACLForResource", []string{"waf_web_acl"}, func() error {
				out, err := waf.GetWebACLForResource(ctx, &wafv2.GetWebACLForResourceInput{ResourceArn: lb.LoadBalancerArn})
				if awsCodeIn(err, "WAFNonexistentItemException") {
					return nil
				}
				if err != nil {
					return err
				}
				if out.WebACL != nil {
					a.WAFWebACL = aws.ToString(out.WebACL.ARN)
					rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: a.WAFWebACL})
				}
				return nil
			})
		}
		if lb.VpcId != nil {
			rels = append(rels, model.Relation{Type: model.RelInVPC, Target: aws.ToString(lb.VpcId)})
		}
		for _, sn := range a.Subnets {
			rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
		}
		rd.add(model.KindELBv2LoadBalancer.With(a), a.Name, raw, tags[arn], rels...)
	})
}

// elbv2Listener normalizes a listener: its TLS policy, the type of its
// first default action (lowest order) and, for a redirect, the protocol it
// redirects to ("#{protocol}", the default, keeps the listener's own).
func elbv2Listener(l elbv2types.Listener) model.LBListener {
	out := model.LBListener{
		Port:     int(aws.ToInt32(l.Port)),
		Protocol: strings.ToUpper(string(l.Protocol)),
	}
	if out.Protocol == "HTTPS" || out.Protocol == "TLS" {
		// A policy means something on TLS listeners only (moto reports
		// one on every listener); the Terraform adapter reads it alike.
		out.SSLPolicy = aws.ToString(l.SslPolicy)
	}
	acts := append([]elbv2types.Action(nil), l.DefaultActions...)
	if len(acts) == 0 {
		return out
	}
	sort.SliceStable(acts, func(i, j int) bool {
		oi, oj := acts[i].Order, acts[j].Order
		return oi != nil && (oj == nil || *oi < *oj)
	})
	first := acts[0]
	out.DefaultAction = string(first.Type)
	if first.Type == elbv2types.ActionTypeEnumRedirect {
		rp := "#{protocol}"
		if first.RedirectConfig != nil && first.RedirectConfig.Protocol != nil {
			rp = aws.ToString(first.RedirectConfig.Protocol)
		}
		if rp == "#{protocol}" {
			rp = out.Protocol
		}
		out.RedirectProto = strings.ToUpper(rp)
	}
	return out
}

// elbv2Tags reads the load balancers' tags, by ARN.
func elbv2Tags(ctx context.Context, s *scope, client *elbv2.Client, lbs []elbv2types.LoadBalancer) map[string]map[string]string {
	arns := make([]string, 0, len(lbs))
	for _, lb := range lbs {
		arns = append(arns, aws.ToString(lb.LoadBalancerArn))
	}
	return batchedTags(s, model.KindELBv2LoadBalancer.Name(), arns, func(batch []string) (map[string]map[string]string, error) {
		out, err := client.DescribeTags(ctx, &elbv2.DescribeTagsInput{ResourceArns: batch})
		if err != nil {
			return nil, err
		}
		got := map[string]map[string]string{}
		for _, d := range out.TagDescriptions {
			got[aws.ToString(d.ResourceArn)] = addTags(nil, d.Tags, func(t elbv2types.Tag) (*string, *string) { return t.Key, t.Value })
		}
		return got, nil
	})
}

// batchedTags reads the tags of load balancers (of kind, by key: ARN or
// name) elbTagBatch at a time, as DescribeTags takes them. A load balancer
// whose batch could not be read is absent from the result; one read without
// tags is present with none.
func batchedTags(s *scope, kind string, keys []string, describe func(batch []string) (map[string]map[string]string, error)) map[string]map[string]string {
	tags := map[string]map[string]string{}
	for i := 0; i < len(keys); i += elbTagBatch {
		batch := keys[i:min(i+elbTagBatch, len(keys))]
		s.readKind("DescribeTags", kindFills{kind: nil}, func() error {
			got, err := describe(batch)
			if err != nil {
				return err
			}
			for _, k := range batch {
				tags[k] = got[k]
			}
			return nil
		})
	}
	return tags
}

// collectELB reads classic load balancers with their listeners, access log
// setting and tags into aws.elb.load_balancer.
func collectELB(ctx context.Context, s *scope) {
	client := elb.NewFromConfig(s.Config())
	p := elb.NewDescribeLoadBalancersPaginator(client, &elb.DescribeLoadBalancersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeLoadBalancers", err)
			return
		}
		lbs := page.LoadBalancerDescriptions
		names := make([]string, 0, len(lbs))
		for _, lb := range lbs {
			names = append(names, aws.ToString(lb.LoadBalancerName))
		}
		tags := batchedTags(s, model.KindELBLoadBalancer.Name(), names, func(batch []string) (map[string]map[string]string, error) {
			out, err := client.DescribeTags(ctx, &elb.DescribeTagsInput{LoadBalancerNames: batch})
			if err != nil {
				return nil, err
			}
			got := map[string]map[string]string{}
			for _, d := range out.TagDescriptions {
				got[aws.ToString(d.LoadBalancerName)] = addTags(nil, d.Tags, func(t elbtypes.Tag) (*string, *string) { return t.Key, t.Value })
			}
			return got, nil
		})
		for _, lb := range lbs {
			name := aws.ToString(lb.LoadBalancerName)
			a := &model.ELBLoadBalancer{
				Name:           name,
				InternetFacing: aws.ToString(lb.Scheme) == "internet-facing",
				Listeners:      []model.LBListener{},
				// The API's defaults, replaced below by the attributes read.
				DesyncMitigationMode: "defensive",
				AvailabilityZones:    append([]string{}, lb.AvailabilityZones...),
				Subnets:              append([]string{}, lb.Subnets...),
			}
			for _, ld := range lb.ListenerDescriptions {
				if ld.Listener == nil {
					continue
				}
				a.Listeners = append(a.Listeners, model.LBListener{
					Port:     int(ld.Listener.LoadBalancerPort),
					Protocol: strings.ToUpper(aws.ToString(ld.Listener.Protocol)),
				})
			}
			raw := map[string]any{"LoadBalancerDescription": lb}
			id := fmt.Sprintf("arn:%s:elasticloadbalancing:%s:%s:loadbalancer/%s", svcPartition(s.region), s.region, s.account, name)
			rd := s.reads(id)
			if _, ok := tags[name]; !ok {
				rd.unread(model.TagsPath)
			}
			rd.call("DescribeLoadBalancerAttributes", []string{"access_logs_enabled", "connection_draining", "cross_zone_load_balancing", "desync_mitigation_mode"}, func() error {
				out, err := client.DescribeLoadBalancerAttributes(ctx, &elb.DescribeLoadBalancerAttributesInput{LoadBalancerName: lb.LoadBalancerName})
				if err != nil {
					return err
				}
				if la := out.LoadBalancerAttributes; la != nil {
					raw["LoadBalancerAttributes"] = la
					if al := la.AccessLog; al != nil {
						a.AccessLogsEnabled = al.Enabled
					}
					a.ConnectionDraining = la.ConnectionDraining != nil && la.ConnectionDraining.Enabled
					a.CrossZone = la.CrossZoneLoadBalancing != nil && la.CrossZoneLoadBalancing.Enabled
					for _, at := range la.AdditionalAttributes {
						if aws.ToString(at.Key) == "elb.http.desyncmitigationmode" && aws.ToString(at.Value) != "" {
							a.DesyncMitigationMode = aws.ToString(at.Value)
						}
					}
				}
				return nil
			})
			var rels []model.Relation
			if lb.VPCId != nil {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: aws.ToString(lb.VPCId)})
			}
			for _, sn := range lb.Subnets {
				rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
			}
			rd.add(model.KindELBLoadBalancer.With(a), name, raw, tags[name], rels...)
		}
	}
}
