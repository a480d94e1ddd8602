package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Route 53: aws_route53_zone becomes aws.route53.hosted_zone, joined with
// its DNSSEC signing (aws_route53_hosted_zone_dnssec) and query logging
// (aws_route53_query_log); aws_route53_record of type A, AAAA or CNAME
// becomes aws.route53.record_set, as the live collector reads them.
func init() {
	registerParent("aws_route53_zone", model.KindRoute53HostedZone, func(b *Builder) {
		a := model.KindRoute53HostedZone.Must(b.R)
		a.Name = r53Name(b.NameFrom("name"))
		// A zone with a vpc block is private.
		a.PrivateZone = b.HasBlock("vpc")
	})
	registerChild("aws_route53_hosted_zone_dnssec", "hosted_zone_id", []string{"aws_route53_zone"}, func(p *Builder, c *Child) {
		// signing_status defaults to SIGNING.
		model.KindRoute53HostedZone.Must(p.R).DNSSECSigning = c.String("signing_status", "dnssec_signing", "SIGNING") == "SIGNING"
	})
	registerChild("aws_route53_query_log", "zone_id", []string{"aws_route53_zone"}, func(p *Builder, c *Child) {
		model.KindRoute53HostedZone.Must(p.R).QueryLogging = true
	})
	registerParent("aws_route53_record", model.KindRoute53RecordSet, func(b *Builder) {
		a := model.KindRoute53RecordSet.Must(b.R)
		a.Type = strings.ToUpper(b.String("type", "type", ""))
		switch a.Type {
		case "A", "AAAA", "CNAME":
		default:
			b.drop = true // the live collector keeps only these types
			return
		}
		a.ZoneID = b.String("zone_id", "zone_id", "")
		a.Name = r53Name(b.NameFrom("name"))
		a.Values = b.Strings("records", "values")
		if a.Type == "CNAME" {
			for i, v := range a.Values {
				a.Values[i] = r53Name(v)
			}
		}
		a.AliasTarget = r53Name(b.String("alias[0].name", "alias_target", ""))
	})
	// A record's zone decides whether it is private; a zone declared
	// elsewhere leaves that unknown.
	finishers = append(finishers, func(all []*Builder) {
		idx := indexAddresses(all)
		for _, b := range all {
			if b.In.Type != "aws_route53_record" || b.drop {
				continue
			}
			zones := idx.refs(b, "zone_id", "aws_route53_zone")
			if len(zones) == 0 {
				b.R.MarkUnknown("private_zone")
				continue
			}
			model.KindRoute53RecordSet.Must(b.R).PrivateZone = model.KindRoute53HostedZone.Must(zones[0].R).PrivateZone
		}
	})
}

// r53Name is a domain name as the live collector gives it: lower case,
// without the trailing dot.
func r53Name(n string) string { return strings.TrimSuffix(strings.ToLower(n), ".") }
