package model

// Kinds of this service.
var (
	KindRoute53HostedZone = NewKind[Route53HostedZone]("aws.route53.hosted_zone", "Route 53 hosted zone")
	KindRoute53RecordSet  = NewKind[Route53RecordSet]("aws.route53.record_set", "Route 53 record set of type A, AAAA or CNAME (the records that can point at a resource)")
)

// Route53HostedZone is kind aws.route53.hosted_zone.
type Route53HostedZone struct {
	Name          string `json:"name" doc:"the domain, lower case, without the trailing dot"`
	PrivateZone   bool   `json:"private_zone" doc:"a private zone, answered only inside its VPCs"`
	DNSSECSigning bool   `json:"dnssec_signing" doc:"Route 53 signs the zone's answers (DNSSEC serve signature SIGNING); always false for private zones, which cannot be signed"`
	QueryLogging  bool   `json:"query_logging" doc:"a query logging configuration sends the zone's DNS queries to CloudWatch Logs (public zones only)"`
}

// Route53RecordSet is kind aws.route53.record_set.
type Route53RecordSet struct {
	ZoneID      string   `json:"zone_id" doc:"the hosted zone's id (Z...)"`
	PrivateZone bool     `json:"private_zone" doc:"the record belongs to a private zone"`
	Name        string   `json:"name" doc:"lower case, without the trailing dot; a wildcard label is *"`
	Type        string   `json:"type" doc:"A, AAAA or CNAME"`
	Values      []string `json:"values" doc:"the record's values (addresses, or the CNAME target lower case without the trailing dot); empty for an alias"`
	AliasTarget string   `json:"alias_target" doc:"an alias record's target DNS name, lower case without the trailing dot; empty when not an alias"`
}
