package model

// Kinds of this service.
var (
	KindEC2RouteTable      = NewKind[EC2RouteTable]("aws.ec2.route_table", "VPC route table with its routes and subnet associations")
	KindEC2InternetGateway = NewKind[EC2InternetGateway]("aws.ec2.internet_gateway", "VPC internet gateway")
	KindEC2NATGateway      = NewKind[EC2NATGateway]("aws.ec2.nat_gateway", "VPC NAT gateway")
	KindEC2VPCEndpoint     = NewKind[EC2VPCEndpoint]("aws.ec2.vpc_endpoint", "VPC endpoint (interface, gateway or load balancer)")
)

// EC2Route is one route of a route table.
type EC2Route struct {
	DestinationCIDR       string `json:"destination_cidr"`
	DestinationIPv6CIDR   string `json:"destination_ipv6_cidr"`
	DestinationPrefixList string `json:"destination_prefix_list"`
	TargetType            string `json:"target_type" doc:"local, internet_gateway, egress_only_internet_gateway, nat_gateway, instance, network_interface, vpc_peering_connection, transit_gateway, vpc_endpoint, carrier_gateway, local_gateway, core_network"`
	Target                string `json:"target" doc:"the target's id (\"local\" for the VPC's own range)"`
	State                 string `json:"state" doc:"active or blackhole"`
}

// EC2RouteTable is kind aws.ec2.route_table.
type EC2RouteTable struct {
	VPCID   string     `json:"vpc_id"`
	IsMain  bool       `json:"is_main" doc:"the VPC's main route table (used by subnets without an explicit association)"`
	Subnets []string   `json:"subnets" doc:"explicitly associated subnet ids"`
	Routes  []EC2Route `json:"routes"`
}

// EC2InternetGateway is kind aws.ec2.internet_gateway.
type EC2InternetGateway struct {
	VPCIDs []string `json:"vpc_ids" doc:"attached VPCs"`
}

// EC2NATGateway is kind aws.ec2.nat_gateway.
type EC2NATGateway struct {
	VPCID            string   `json:"vpc_id"`
	SubnetID         string   `json:"subnet_id"`
	ConnectivityType string   `json:"connectivity_type" doc:"public or private"`
	PublicIPs        []string `json:"public_ips"`
	State            string   `json:"state"`
}

// EC2VPCEndpoint is kind aws.ec2.vpc_endpoint.
type EC2VPCEndpoint struct {
	VPCID             string          `json:"vpc_id"`
	ServiceName       string          `json:"service_name" doc:"e.g. com.amazonaws.us-east-1.s3"`
	Type              string          `json:"type" doc:"Interface, Gateway or GatewayLoadBalancer"`
	Policy            *PolicyDocument `json:"policy" doc:"null when the endpoint has no policy (full access)"`
	PrivateDNSEnabled bool            `json:"private_dns_enabled"`
	Subnets           []string        `json:"subnets"`
	RouteTables       []string        `json:"route_tables"`
	SecurityGroups    []string        `json:"security_groups"`
	State             string          `json:"state"`
}
