package model

// Kinds of this service.
var (
	KindELBv2LoadBalancer = NewKind[ELBv2LoadBalancer]("aws.elbv2.load_balancer", "application, network or gateway load balancer")
	KindELBLoadBalancer   = NewKind[ELBLoadBalancer]("aws.elb.load_balancer", "classic load balancer")
)

// LBListener is one listener of a load balancer.
type LBListener struct {
	Port          int    `json:"port"`
	Protocol      string `json:"protocol" doc:"upper-case: HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, SSL"`
	SSLPolicy     string `json:"ssl_policy"`
	DefaultAction string `json:"default_action" doc:"forward, redirect, fixed-response, authenticate-oidc ..."`
	RedirectProto string `json:"redirect_protocol" doc:"for redirect actions, the target protocol, e.g. HTTPS"`
}

// ELBv2LoadBalancer is kind aws.elbv2.load_balancer (ALB, NLB, GWLB).
type ELBv2LoadBalancer struct {
	Name                    string       `json:"name"`
	Type                    string       `json:"type" doc:"application, network or gateway"`
	InternetFacing          bool         `json:"internet_facing"`
	Listeners               []LBListener `json:"listeners"`
	WAFWebACL               string       `json:"waf_web_acl" doc:"associated WAFv2 web ACL, empty when none"`
	AccessLogsEnabled       bool         `json:"access_logs_enabled"`
	DropInvalidHeaderFields bool         `json:"drop_invalid_header_fields"`
	DeletionProtection      bool         `json:"deletion_protection"`
	SecurityGroups          []string     `json:"security_groups"`
	Subnets                 []string     `json:"subnets"`
	// DesyncMitigationMode is how an application load balancer treats
	// requests that may be HTTP desync (request smuggling) attempts:
	// monitor, defensive (the default) or strictest. Empty for network
	// and gateway load balancers, which do not parse HTTP.
	DesyncMitigationMode string `json:"desync_mitigation_mode" doc:"application load balancers: monitor, defensive (default) or strictest; empty for other types"`
}

// ELBLoadBalancer is kind aws.elb.load_balancer (classic).
type ELBLoadBalancer struct {
	Name              string       `json:"name"`
	InternetFacing    bool         `json:"internet_facing"`
	Listeners         []LBListener `json:"listeners"`
	AccessLogsEnabled bool         `json:"access_logs_enabled"`
	// ConnectionDraining keeps in-flight requests to a deregistering or
	// unhealthy instance open until they complete (or the timeout).
	ConnectionDraining bool `json:"connection_draining" doc:"in-flight requests to a deregistering instance are allowed to complete"`
	// CrossZone spreads requests evenly over the registered instances of
	// every enabled Availability Zone, not evenly over the zones.
	CrossZone bool `json:"cross_zone_load_balancing"`
	// DesyncMitigationMode: monitor, defensive (the default) or
	// strictest.
	DesyncMitigationMode string   `json:"desync_mitigation_mode" doc:"monitor, defensive (default) or strictest"`
	AvailabilityZones    []string `json:"availability_zones" doc:"the enabled Availability Zones; IaC: those named, else one per subnet"`
	Subnets              []string `json:"subnets" doc:"VPC subnets, one per enabled Availability Zone"`
}
