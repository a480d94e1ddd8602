package aws

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/vigil-sec/vigil/model"
)

// Route 53 is global: one unit per account, through the us-east-1
// endpoint.
func init() { register("route53", true, collectRoute53) }

// collectRoute53 reads every hosted zone (ListHostedZones) into
// aws.route53.hosted_zone, with its DNSSEC status (GetDNSSEC, public zones)
// and whether a query logging configuration covers it
// (ListQueryLoggingConfigs, once for the account), and the zone's A, AAAA
// and CNAME record sets (ListResourceRecordSets) into
// aws.route53.record_set: the records that can point at a resource another
// owner might take over.
func collectRoute53(ctx context.Context, s *scope) {
	client := route53.NewFromConfig(s.Config())
	var zones []r53types.HostedZone
	p := route53.NewListHostedZonesPaginator(client, &route53.ListHostedZonesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListHostedZones", err)
			return
		}
		zones = append(zones, page.HostedZones...)
	}
	// One listing for the account's configurations rather than one call
	// per zone; query logging exists for public zones only (private zones
	// log through Resolver query logging, another service).
	logged := map[string]bool{}
	s.readKind("ListQueryLoggingConfigs", kindFills{model.KindRoute53HostedZone.Name(): {"query_logging"}}, func() error {
		qp := route53.NewListQueryLoggingConfigsPaginator(client, &route53.ListQueryLoggingConfigsInput{})
		for qp.HasMorePages() {
			page, err := qp.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, c := range page.QueryLoggingConfigs {
				logged[r53ZoneID(c.HostedZoneId)] = true
			}
		}
		return nil
	})
	forEach(s, zones, func(z r53types.HostedZone) {
		id := r53ZoneID(z.Id)
		private := z.Config != nil && z.Config.PrivateZone
		a := &model.Route53HostedZone{Name: r53Name(z.Name), PrivateZone: private, QueryLogging: logged[id] && !private}
		arn := fmt.Sprintf("arn:%s:route53:::hostedzone/%s", svcPartition(s.region), id)
		raw := map[string]any{"HostedZone": z}
		rd := s.reads(arn)
		if !private {
			rd.call("GetDNSSEC", []string{"dnssec_signing"}, func() error {
				out, err := client.GetDNSSEC(ctx, &route53.GetDNSSECInput{HostedZoneId: aws.String(id)})
				if awsCodeIn(err, "NoSuchHostedZone") {
					return nil // deleted since it was listed
				}
				if err != nil {
					return err
				}
				raw["DNSSEC"] = out.Status
				a.DNSSECSigning = out.Status != nil && aws.ToString(out.Status.ServeSignature) == "SIGNING"
				return nil
			})
		}
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			out, err := client.ListTagsForResource(ctx, &route53.ListTagsForResourceInput{ResourceId: aws.String(id), ResourceType: r53types.TagResourceTypeHostedzone})
			if awsCodeIn(err, "NoSuchHostedZone") {
				return nil
			}
			if err != nil {
				return err
			}
			if out.ResourceTagSet != nil {
				tags = addTags(tags, out.ResourceTagSet.Tags, func(t r53types.Tag) (*string, *string) { return t.Key, t.Value })
			}
			return nil
		})
		rd.add(model.KindRoute53HostedZone.With(a), a.Name, raw, tags)
		collectRecordSets(ctx, s, client, arn, id, private)
	})
}

// collectRecordSets adds a zone's A, AAAA and CNAME record sets, page by
// page. A failed listing leaves the zone's records unread.
func collectRecordSets(ctx context.Context, s *scope, client *route53.Client, zoneARN, zoneID string, private bool) {
	s.readKind("ListResourceRecordSets", kindFills{model.KindRoute53RecordSet.Name(): nil}, func() error {
		p := route53.NewListResourceRecordSetsPaginator(client, &route53.ListResourceRecordSetsInput{HostedZoneId: aws.String(zoneID)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if awsCodeIn(err, "NoSuchHostedZone") {
				return nil
			}
			if err != nil {
				return err
			}
			for _, rr := range page.ResourceRecordSets {
				switch rr.Type {
				case r53types.RRTypeA, r53types.RRTypeAaaa, r53types.RRTypeCname:
				default:
					continue
				}
				a := &model.Route53RecordSet{ZoneID: zoneID, PrivateZone: private, Name: r53Name(rr.Name), Type: string(rr.Type), Values: []string{}}
				for _, v := range rr.ResourceRecords {
					val := aws.ToString(v.Value)
					if rr.Type == r53types.RRTypeCname {
						val = r53Name(&val)
					}
					a.Values = append(a.Values, val)
				}
				if rr.AliasTarget != nil {
					a.AliasTarget = r53Name(rr.AliasTarget.DNSName)
				}
				// Record sets have no ARN: the id is the zone's ARN and
				// what names a record set within it.
				id := zoneARN + "/recordset/" + a.Name + "/" + a.Type
				if rr.SetIdentifier != nil {
					id += "/" + aws.ToString(rr.SetIdentifier)
				}
				s.add(id, model.KindRoute53RecordSet.With(a), a.Name, rr, nil)
			}
		}
		return nil
	})
}

// r53ZoneID is a zone id without the /hostedzone/ prefix Route 53 answers
// with.
func r53ZoneID(id *string) string {
	return strings.TrimPrefix(aws.ToString(id), "/hostedzone/")
}

// r53Name is a domain name as rules compare it: lower case, without the
// trailing dot, with Route 53's octal escapes (\052 for *) decoded.
func r53Name(n *string) string {
	s := strings.TrimSuffix(strings.ToLower(aws.ToString(n)), ".")
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if c, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(c))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
