package tfaws

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Route tables (with their routes and subnet associations), internet
// gateways, network ACL associations and Elastic IPs: what decides whether
// an instance is reachable from the internet. Subnets, gateways and
// security groups of the configuration are named by their resource ids
// (their ids are not known before apply), as instances name their subnet.
var rtTypes = []string{"aws_route_table", "aws_default_route_table"}

func init() {
	registerParent("aws_route_table", model.KindEC2RouteTable, func(b *Builder) { mapRouteTable(b, false) })
	// The default route table is the VPC's main one.
	registerParent("aws_default_route_table", model.KindEC2RouteTable, func(b *Builder) { mapRouteTable(b, true) })
	registerChild("aws_route", "route_table_id", rtTypes, func(p *Builder, c *Child) {
		a := model.KindEC2RouteTable.Must(p.R)
		base := model.Path("routes", len(a.Routes))
		a.Routes = append(a.Routes, readRoute(c, "", base))
		locateBlock(c, base)
	})
	registerChild("aws_route_table_association", "route_table_id", rtTypes, func(p *Builder, c *Child) {
		a := model.KindEC2RouteTable.Must(p.R)
		if s := c.String("subnet_id", "subnets", ""); s != "" {
			a.Subnets = append(a.Subnets, s)
		}
	})
	registerChild("aws_main_route_table_association", "route_table_id", rtTypes, func(p *Builder, c *Child) {
		model.KindEC2RouteTable.Must(p.R).IsMain = true
	})
	registerChild("aws_network_acl_association", "network_acl_id", []string{"aws_network_acl", "aws_default_network_acl"}, func(p *Builder, c *Child) {
		a := model.KindEC2NetworkACL.Must(p.R)
		if s := c.String("subnet_id", "subnets", ""); s != "" {
			a.Subnets = append(a.Subnets, s)
		}
	})
	registerParent("aws_internet_gateway", model.KindEC2InternetGateway, func(b *Builder) {
		a := model.KindEC2InternetGateway.Must(b.R)
		a.VPCIDs = []string{}
		if v := b.String("vpc_id", "vpc_ids", ""); v != "" {
			a.VPCIDs = append(a.VPCIDs, v)
		}
	})
	registerParent("aws_eip", model.KindEC2ElasticIP, mapElasticIP)
	registerHelper("aws_eip_association", func(b *Builder) { b.drop = true })
	finishers = append(finishers, finishRouting)
}

// mapElasticIP maps aws_eip. An address the resource itself associates
// (instance, network_interface) is associated; otherwise an
// aws_eip_association of the configuration may associate it (finishRouting),
// and failing that it stays unknown: a NAT gateway, a load balancer's
// subnet mapping or another configuration may use the allocation.
func mapElasticIP(b *Builder) {
	a := model.KindEC2ElasticIP.Must(b.R)
	a.Domain = b.String("domain", "domain", "vpc")
	a.InstanceID = b.String("instance", "instance_id", "")
	a.NetworkInterfaceID = b.String("network_interface", "network_interface_id", "")
	// AWS picks the address (or a BYOIP pool does): known in a state, not
	// in a configuration.
	if a.PublicIP = b.String("public_ip", "public_ip", ""); a.PublicIP == "" {
		b.R.MarkUnknown("public_ip")
	}
	if a.AllocationID = b.String("allocation_id", "allocation_id", ""); a.AllocationID == "" {
		b.R.MarkUnknown("allocation_id")
	}
	a.Associated = a.InstanceID != "" || a.NetworkInterfaceID != ""
	if !a.Associated {
		b.R.MarkUnknown("associated")
	}
}

func mapRouteTable(b *Builder, main bool) {
	a := model.KindEC2RouteTable.Must(b.R)
	a.IsMain = main
	a.VPCID = b.String("vpc_id", "vpc_id", "")
	a.Subnets = []string{}
	a.Routes = []model.EC2Route{}
	for i := range b.Blocks("route") {
		tf := model.Path("route", i)
		base := model.Path("routes", len(a.Routes))
		a.Routes = append(a.Routes, readRoute(b, tf+".", base))
		b.locate(tf, base)
	}
}

// routeTargets are the route's target attributes, in the order AWS
// reports them, with the target type each means.
var routeTargets = []struct{ attr, typ string }{
	{"gateway_id", "gateway"},
	{"nat_gateway_id", "nat_gateway"},
	{"egress_only_gateway_id", "egress_only_internet_gateway"},
	{"transit_gateway_id", "transit_gateway"},
	{"vpc_peering_connection_id", "vpc_peering_connection"},
	{"network_interface_id", "network_interface"},
	{"vpc_endpoint_id", "vpc_endpoint"},
	{"carrier_gateway_id", "carrier_gateway"},
	{"local_gateway_id", "local_gateway"},
	{"core_network_arn", "core_network"},
}

// readRoute reads an inline route block (prefix "route[0].") or an
// aws_route resource (prefix "").
func readRoute(b *Builder, prefix, base string) model.EC2Route {
	r := model.EC2Route{
		DestinationCIDR:       b.String(prefix+"cidr_block", base+".destination_cidr", ""),
		DestinationIPv6CIDR:   b.String(prefix+"ipv6_cidr_block", base+".destination_ipv6_cidr", ""),
		DestinationPrefixList: b.String(prefix+"destination_prefix_list_id", base+".destination_prefix_list", ""),
		State:                 "active",
	}
	if prefix == "" {
		r.DestinationCIDR = b.String("destination_cidr_block", base+".destination_cidr", "")
		r.DestinationIPv6CIDR = b.String("destination_ipv6_cidr_block", base+".destination_ipv6_cidr", "")
	}
	for _, t := range routeTargets {
		if v := b.String(prefix+t.attr, base+".target", ""); v != "" {
			r.TargetType, r.Target = t.typ, v
			break
		}
		if b.Target().IsUnknown(base + ".target") {
			b.Target().MarkUnknown(base + ".target_type")
			break
		}
	}
	switch {
	case r.Target == "local":
		r.TargetType = "local"
	case strings.HasPrefix(r.Target, "igw-"):
		r.TargetType = "internet_gateway"
	case strings.HasPrefix(r.Target, "vpce-"):
		r.TargetType = "vpc_endpoint"
	}
	return r
}

// finishRouting names subnets, gateways and security groups of the
// configuration by their resource ids, and gives instances with an
// Elastic IP their public address.
func finishRouting(all []*Builder) {
	var subnets, gateways, groups, instances []*Builder
	for _, b := range all {
		switch b.In.Type {
		case "aws_subnet", "aws_default_subnet":
			subnets = append(subnets, b)
		case "aws_internet_gateway":
			gateways = append(gateways, b)
		case "aws_security_group", "aws_default_security_group":
			groups = append(groups, b)
		case "aws_instance":
			instances = append(instances, b)
		}
	}
	for _, b := range all {
		switch a := b.R.Attributes.(type) {
		case *model.EC2RouteTable:
			associate(b, a.Subnets, subnets)
			for i, r := range a.Routes {
				if g := placeholderOf(gateways, r.Target, "aws_internet_gateway"); g != nil {
					a.Routes[i].Target, a.Routes[i].TargetType = g.R.ID, "internet_gateway"
					b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelRoutesTo, Target: g.R.ID})
				}
			}
		case *model.EC2NetworkACL:
			if b.In.Type == "aws_network_acl" || b.In.Type == "aws_default_network_acl" {
				a.Subnets = append(a.Subnets, b.Strings("subnet_ids", "subnets")...)
				if a.Subnets == nil {
					a.Subnets = []string{}
				}
			}
			associate(b, a.Subnets, subnets)
		case *model.EC2Instance:
			for _, sg := range a.SecurityGroups {
				if g := placeholderOf(groups, sg, "aws_security_group", "aws_default_security_group"); g != nil {
					b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelProtectedBy, Target: g.R.ID})
				}
			}
		}
	}
	// An Elastic IP names its instance (instance = aws_instance.web.id),
	// directly or through an association, which also makes the address
	// associated.
	var eips []*Builder
	for _, b := range all {
		if b.In.Type == "aws_eip" {
			eips = append(eips, b)
		}
	}
	for _, b := range all {
		if b.In.Type != "aws_eip" && b.In.Type != "aws_eip_association" {
			continue
		}
		if b.In.Type == "aws_eip_association" {
			alloc, _ := b.In.Values["allocation_id"].(string)
			if e := placeholderOf(eips, alloc, "aws_eip"); e != nil {
				model.KindEC2ElasticIP.Must(e.R).Associated = true
				e.R.Unknown = slices.DeleteFunc(e.R.Unknown, func(p string) bool { return p == "associated" })
			}
		}
		v, ok := b.In.Values["instance"].(string)
		if !ok {
			v, _ = b.In.Values["instance_id"].(string)
		}
		if in := placeholderOf(instances, v, "aws_instance"); in != nil {
			model.KindEC2Instance.Must(in.R).HasPublicIP = true
			in.R.Unknown = slices.DeleteFunc(in.R.Unknown, func(p string) bool { return p == "has_public_ip" })
		}
	}
}

// associate names the subnets of the configuration by their resource ids,
// each also an associated_with relation.
func associate(b *Builder, ids []string, subnets []*Builder) {
	for i, s := range ids {
		if p := placeholderOf(subnets, s, "aws_subnet", "aws_default_subnet"); p != nil {
			ids[i] = p.R.ID
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelAssociatedWith, Target: p.R.ID})
		}
	}
}
