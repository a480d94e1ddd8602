package aws

import (
	"context"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/vigil-sec/vigil/model"
)

// Route tables, internet and NAT gateways, and VPC endpoints decide where
// a VPC's traffic goes.

func collectRouteTables(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeRouteTablesPaginator(client, &ec2.DescribeRouteTablesInput{MaxResults: aws.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeRouteTables", err)
			return
		}
		for _, rt := range page.RouteTables {
			id := aws.ToString(rt.RouteTableId)
			a := &model.EC2RouteTable{VPCID: aws.ToString(rt.VpcId), Subnets: []string{}, Routes: []model.EC2Route{}}
			var rels []model.Relation
			if a.VPCID != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
			}
			for _, as := range rt.Associations {
				if aws.ToBool(as.Main) {
					a.IsMain = true
				}
				if sn := aws.ToString(as.SubnetId); sn != "" {
					a.Subnets = append(a.Subnets, sn)
					rels = append(rels, model.Relation{Type: model.RelAssociatedWith, Target: s.ec2ARN("subnet", sn)})
				}
			}
			for _, r := range rt.Routes {
				route := model.EC2Route{
					DestinationCIDR:       aws.ToString(r.DestinationCidrBlock),
					DestinationIPv6CIDR:   aws.ToString(r.DestinationIpv6CidrBlock),
					DestinationPrefixList: aws.ToString(r.DestinationPrefixListId),
					State:                 string(r.State),
				}
				route.TargetType, route.Target = routeTarget(r)
				a.Routes = append(a.Routes, route)
				if t := routeTargetARN(s, route); t != "" {
					rels = append(rels, model.Relation{Type: model.RelRoutesTo, Target: t})
				}
			}
			tags := ec2Tags(rt.Tags)
			s.add(s.ec2ARN("route-table", id), model.KindEC2RouteTable.With(a), ec2Name(tags, id), rt, tags, rels...)
		}
	}
}

// routeTarget names what a route sends traffic to. The API puts internet
// gateways and VPC endpoints both in GatewayId; "local" is the VPC itself.
func routeTarget(r ec2types.Route) (typ, id string) {
	switch g := aws.ToString(r.GatewayId); {
	case g == "local":
		return "local", g
	case len(g) > 4 && g[:4] == "igw-":
		return "internet_gateway", g
	case len(g) > 5 && g[:5] == "vpce-":
		return "vpc_endpoint", g
	case g != "":
		return "gateway", g
	}
	for _, t := range []struct{ typ, id string }{
		{"nat_gateway", aws.ToString(r.NatGatewayId)},
		{"egress_only_internet_gateway", aws.ToString(r.EgressOnlyInternetGatewayId)},
		{"transit_gateway", aws.ToString(r.TransitGatewayId)},
		{"vpc_peering_connection", aws.ToString(r.VpcPeeringConnectionId)},
		{"instance", aws.ToString(r.InstanceId)},
		{"network_interface", aws.ToString(r.NetworkInterfaceId)},
		{"carrier_gateway", aws.ToString(r.CarrierGatewayId)},
		{"local_gateway", aws.ToString(r.LocalGatewayId)},
		{"core_network", aws.ToString(r.CoreNetworkArn)},
	} {
		if t.id != "" {
			return t.typ, t.id
		}
	}
	return "", ""
}

// routeTargetARN is the resource id of a route's target when Vigil
// collects that target, for the routes_to relation.
func routeTargetARN(s *scope, r model.EC2Route) string {
	switch r.TargetType {
	case "internet_gateway":
		return s.ec2ARN("internet-gateway", r.Target)
	case "nat_gateway":
		return s.ec2ARN("natgateway", r.Target)
	case "vpc_endpoint":
		return s.ec2ARN("vpc-endpoint", r.Target)
	case "instance":
		return s.ec2ARN("instance", r.Target)
	}
	return ""
}

func collectInternetGateways(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeInternetGatewaysPaginator(client, &ec2.DescribeInternetGatewaysInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeInternetGateways", err)
			return
		}
		for _, g := range page.InternetGateways {
			id := aws.ToString(g.InternetGatewayId)
			a := &model.EC2InternetGateway{VPCIDs: []string{}}
			var rels []model.Relation
			for _, at := range g.Attachments {
				if v := aws.ToString(at.VpcId); v != "" {
					a.VPCIDs = append(a.VPCIDs, v)
					rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", v)})
				}
			}
			tags := ec2Tags(g.Tags)
			s.add(s.ec2ARN("internet-gateway", id), model.KindEC2InternetGateway.With(a), ec2Name(tags, id), g, tags, rels...)
		}
	}
}

func collectNATGateways(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeNatGatewaysPaginator(client, &ec2.DescribeNatGatewaysInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeNatGateways", err)
			return
		}
		for _, g := range page.NatGateways {
			if g.State == ec2types.NatGatewayStateDeleted {
				continue
			}
			id := aws.ToString(g.NatGatewayId)
			a := &model.EC2NATGateway{
				VPCID:            aws.ToString(g.VpcId),
				SubnetID:         aws.ToString(g.SubnetId),
				ConnectivityType: string(g.ConnectivityType),
				PublicIPs:        []string{},
				State:            string(g.State),
			}
			if a.ConnectivityType == "" {
				a.ConnectivityType = "public"
			}
			for _, ad := range g.NatGatewayAddresses {
				if ip := aws.ToString(ad.PublicIp); ip != "" {
					a.PublicIPs = append(a.PublicIPs, ip)
				}
			}
			var rels []model.Relation
			if a.SubnetID != "" {
				rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: s.ec2ARN("subnet", a.SubnetID)})
			}
			if a.VPCID != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
			}
			tags := ec2Tags(g.Tags)
			s.add(s.ec2ARN("natgateway", id), model.KindEC2NATGateway.With(a), ec2Name(tags, id), g, tags, rels...)
		}
	}
}

func collectVPCEndpoints(ctx context.Context, s *scope, client *ec2.Client) {
	p := ec2.NewDescribeVpcEndpointsPaginator(client, &ec2.DescribeVpcEndpointsInput{MaxResults: aws.Int32(1000)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeVpcEndpoints", err)
			return
		}
		for _, e := range page.VpcEndpoints {
			id := aws.ToString(e.VpcEndpointId)
			a := &model.EC2VPCEndpoint{
				VPCID:             aws.ToString(e.VpcId),
				ServiceName:       aws.ToString(e.ServiceName),
				Type:              string(e.VpcEndpointType),
				PrivateDNSEnabled: aws.ToBool(e.PrivateDnsEnabled),
				Subnets:           append([]string{}, e.SubnetIds...),
				RouteTables:       append([]string{}, e.RouteTableIds...),
				SecurityGroups:    []string{},
				State:             string(e.State),
			}
			for _, g := range e.Groups {
				a.SecurityGroups = append(a.SecurityGroups, aws.ToString(g.GroupId))
			}
			if doc := aws.ToString(e.PolicyDocument); doc != "" {
				// The policy may come URL-encoded, as IAM documents do.
				if dec, err := url.QueryUnescape(doc); err == nil && dec != doc && len(dec) > 0 && dec[0] == '{' {
					doc = dec
				}
				if pd, err := model.ParsePolicyDocument(doc); err == nil {
					a.Policy = pd
				}
			}
			var rels []model.Relation
			if a.VPCID != "" {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: s.ec2ARN("vpc", a.VPCID)})
			}
			for _, g := range a.SecurityGroups {
				rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: s.ec2ARN("security-group", g)})
			}
			tags := ec2Tags(e.Tags)
			s.add(s.ec2ARN("vpc-endpoint", id), model.KindEC2VPCEndpoint.With(a), ec2Name(tags, id), e, tags, rels...)
		}
	}
}
