package cloudformation

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Route tables, routes, subnet associations, internet gateways and Elastic
// IPs: what decides whether an instance is reachable from the internet.
// Subnets and gateways of the template are named as the instance names
// its subnet (the Ref), and each association is an associated_with
// relation to the subnet's resource id.
func init() {
	parent("AWS::EC2::RouteTable", model.KindEC2RouteTable, func(b *builder) {
		a := model.KindEC2RouteTable.Must(b.target)
		a.VPCID = b.str("VpcId", "vpc_id", "")
		b.relate(model.RelInVPC, a.VPCID)
		a.Subnets = []string{}
		a.Routes = []model.EC2Route{}
	})
	child("AWS::EC2::Route", func(c *builder) {
		for _, p := range c.parentsOf("RouteTableId", "AWS::EC2::RouteTable") {
			c.onto(p)
			a := model.KindEC2RouteTable.Must(c.target)
			base := model.Path("routes", len(a.Routes))
			r := model.EC2Route{
				DestinationCIDR:       c.str("DestinationCidrBlock", base+".destination_cidr", ""),
				DestinationIPv6CIDR:   c.str("DestinationIpv6CidrBlock", base+".destination_ipv6_cidr", ""),
				DestinationPrefixList: c.str("DestinationPrefixListId", base+".destination_prefix_list", ""),
				State:                 "active",
			}
			for _, t := range []struct{ prop, typ string }{
				{"GatewayId", "gateway"}, {"NatGatewayId", "nat_gateway"}, {"EgressOnlyInternetGatewayId", "egress_only_internet_gateway"},
				{"TransitGatewayId", "transit_gateway"}, {"VpcPeeringConnectionId", "vpc_peering_connection"},
				{"NetworkInterfaceId", "network_interface"}, {"VpcEndpointId", "vpc_endpoint"}, {"InstanceId", "instance"},
				{"CarrierGatewayId", "carrier_gateway"}, {"LocalGatewayId", "local_gateway"}, {"CoreNetworkArn", "core_network"},
			} {
				if v := c.str(t.prop, base+".target", ""); v != "" {
					r.TargetType, r.Target = t.typ, v
					break
				}
			}
			if other, ok := c.t.other(r.Target); ok && other.typ == "AWS::EC2::InternetGateway" {
				r.TargetType = "internet_gateway"
				r.Target = c.t.path + ":" + c.t.refID(r.Target)
				c.relate(model.RelRoutesTo, r.Target)
			} else if strings.HasPrefix(r.Target, "igw-") {
				r.TargetType = "internet_gateway"
			}
			c.locate("", base)
			a.Routes = append(a.Routes, r)
		}
	})
	child("AWS::EC2::SubnetRouteTableAssociation", func(c *builder) {
		for _, p := range c.parentsOf("RouteTableId", "AWS::EC2::RouteTable") {
			c.onto(p)
			a := model.KindEC2RouteTable.Must(c.target)
			if s := c.str("SubnetId", "subnets", ""); s != "" {
				a.Subnets = append(a.Subnets, s)
				c.relate(model.RelAssociatedWith, s)
			}
		}
	})
	child("AWS::EC2::SubnetNetworkAclAssociation", func(c *builder) {
		for _, p := range c.parentsOf("NetworkAclId", "AWS::EC2::NetworkAcl") {
			c.onto(p)
			a := model.KindEC2NetworkACL.Must(c.target)
			if s := c.str("SubnetId", "subnets", ""); s != "" {
				a.Subnets = append(a.Subnets, s)
				c.relate(model.RelAssociatedWith, s)
			}
		}
	})
	parent("AWS::EC2::InternetGateway", model.KindEC2InternetGateway, func(b *builder) {
		model.KindEC2InternetGateway.Must(b.target).VPCIDs = []string{}
	})
	child("AWS::EC2::VPCGatewayAttachment", func(c *builder) {
		for _, p := range c.parentsOf("InternetGatewayId", "AWS::EC2::InternetGateway") {
			c.onto(p)
			a := model.KindEC2InternetGateway.Must(c.target)
			if v := c.str("VpcId", "vpc_ids", ""); v != "" {
				a.VPCIDs = append(a.VPCIDs, v)
			}
		}
	})
	// An Elastic IP on an instance gives it a public address.
	eip := func(c *builder) {
		for _, p := range c.parentsOf("InstanceId", "AWS::EC2::Instance") {
			c.onto(p)
			model.KindEC2Instance.Must(c.target).HasPublicIP = true
			c.target.Unknown = slices.DeleteFunc(c.target.Unknown, func(p string) bool { return p == "has_public_ip" })
			c.locate("", "has_public_ip")
		}
	}
	child("AWS::EC2::EIP", eip)
	child("AWS::EC2::EIPAssociation", eip)
	// The address itself: associated when it names its instance or an
	// association of the template names it; otherwise unknown, as a NAT
	// gateway, a load balancer or another stack may use the allocation.
	parent("AWS::EC2::EIP", model.KindEC2ElasticIP, func(b *builder) {
		a := model.KindEC2ElasticIP.Must(b.target)
		a.Domain = b.str("Domain", "domain", "vpc")
		a.InstanceID = b.str("InstanceId", "instance_id", "")
		a.Associated = a.InstanceID != ""
		b.r.MarkUnknown("public_ip")
		b.r.MarkUnknown("allocation_id")
		if !a.Associated {
			b.r.MarkUnknown("associated")
		}
	})
	eipAssociation := children["AWS::EC2::EIPAssociation"]
	child("AWS::EC2::EIPAssociation", func(c *builder) {
		eipAssociation(c)
		for _, p := range append(c.parentsOf("AllocationId", "AWS::EC2::EIP"), c.parentsOf("EIP", "AWS::EC2::EIP")...) {
			c.onto(p)
			model.KindEC2ElasticIP.Must(c.target).Associated = true
			c.target.Unknown = slices.DeleteFunc(c.target.Unknown, func(p string) bool { return p == "associated" })
			c.locate("", "associated")
		}
	})
}
