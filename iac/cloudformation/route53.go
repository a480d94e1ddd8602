package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Route 53: AWS::Route53::HostedZone (with its QueryLoggingConfig) joined
// with AWS::Route53::DNSSEC; AWS::Route53::RecordSet of type A, AAAA or
// CNAME.
func init() {
	parent("AWS::Route53::HostedZone", model.KindRoute53HostedZone, func(b *builder) {
		a := model.KindRoute53HostedZone.Must(b.target)
		a.Name = r53Name(b.nameProp("Name"))
		a.PrivateZone = b.has("VPCs")
		a.QueryLogging = b.has("QueryLoggingConfig.CloudWatchLogsLogGroupArn")
	})
	child("AWS::Route53::DNSSEC", func(c *builder) {
		for _, p := range c.parentsOf("HostedZoneId", "AWS::Route53::HostedZone") {
			c.onto(p)
			model.KindRoute53HostedZone.Must(c.target).DNSSECSigning = true
		}
	})
	parent("AWS::Route53::RecordSet", model.KindRoute53RecordSet, func(b *builder) {
		a := model.KindRoute53RecordSet.Must(b.target)
		a.Type = strings.ToUpper(b.str("Type", "type", ""))
		switch a.Type {
		case "A", "AAAA", "CNAME":
		default:
			b.drop = true // the live collector keeps only these types
			return
		}
		a.Name = r53Name(b.nameProp("Name"))
		a.ZoneID = b.str("HostedZoneId", "zone_id", "")
		a.Values = b.strs("ResourceRecords", "values")
		if a.Type == "CNAME" {
			for i, v := range a.Values {
				a.Values[i] = r53Name(v)
			}
		}
		a.AliasTarget = r53Name(b.str("AliasTarget.DNSName", "alias_target", ""))
		// The zone may be declared in another stack.
		b.target.MarkUnknown("private_zone")
	})
}

// r53Name is a domain name as the live collector gives it: lower case,
// without the trailing dot.
func r53Name(n string) string { return strings.TrimSuffix(strings.ToLower(n), ".") }
