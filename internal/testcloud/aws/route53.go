package aws

import (
	"net/http"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
)

const route53NS = "https://route53.amazonaws.com/doc/2013-04-01/"

// route53World is the account's hosted zones.
type route53World struct {
	HostedZones []r53Zone `json:"hostedZones"`
}

// r53Zone is one hosted zone: the zone as ListHostedZones answers it (Id
// and Name at least; Id without the /hostedzone/ prefix is accepted), its
// DNSSEC serve signature (NOT_SIGNING when empty), the log group its query
// logging configuration sends to (none when empty), its record sets in
// the order ListResourceRecordSets answers them, and its tags.
type r53Zone struct {
	Zone          r53types.HostedZone          `json:"zone"`
	DNSSEC        string                       `json:"dnssec"`
	QueryLogGroup string                       `json:"queryLogGroup"`
	Records       []r53types.ResourceRecordSet `json:"records"`
	Tags          map[string]string            `json:"tags"`
}

// Page sizes: ListHostedZones answers up to 100 zones, ListResourceRecordSets
// up to 300 record sets, ListQueryLoggingConfigs up to 100 configurations.
const (
	r53ZonePage    = 100
	r53RecordPage  = 300
	r53QLogPage    = 100
	r53ZonesPrefix = "/hostedzone/"
)

func init() {
	register(&service{name: "route53", signing: "route53", protocol: protoRESTXML, global: true,
		xmlns:    route53NS,
		newWorld: func() any { return &route53World{} },
		names: names{member: map[string]string{
			"ListHostedZonesOutput.HostedZones":                 "HostedZone",
			"ListResourceRecordSetsOutput.ResourceRecordSets":   "ResourceRecordSet",
			"ResourceRecordSet.ResourceRecords":                 "ResourceRecord",
			"ListQueryLoggingConfigsOutput.QueryLoggingConfigs": "QueryLoggingConfig",
			"ResourceTagSet.Tags":                               "Tag",
		}},
		routes: []route{
			{method: http.MethodGet, pattern: "/2013-04-01/hostedzone", op: "ListHostedZones"},
			{method: http.MethodGet, pattern: "/2013-04-01/hostedzone/{Id}/dnssec", op: "GetDNSSEC"},
			{method: http.MethodGet, pattern: "/2013-04-01/hostedzone/{Id}/rrset", op: "ListResourceRecordSets"},
			{method: http.MethodGet, pattern: "/2013-04-01/queryloggingconfig", op: "ListQueryLoggingConfigs"},
			{method: http.MethodGet, pattern: "/2013-04-01/tags/{ResourceType}/{ResourceId}", op: "ListTagsForResource"},
		},
		ops: map[string]op{
			"ListHostedZones": func(c *call) (any, error) {
				zs := r53Zones(c)
				marker := c.param("marker")
				from := 0
				if marker != "" {
					from = len(zs)
					for i, z := range zs {
						if r53Bare(z.Zone.Id) == marker {
							from = i
						}
					}
				}
				size := min(c.intParam("maxitems", r53ZonePage), r53ZonePage)
				to := min(from+size, len(zs))
				out := &route53.ListHostedZonesOutput{Marker: aws.String(marker), MaxItems: aws.Int32(int32(size)),
					IsTruncated: to < len(zs), HostedZones: []r53types.HostedZone{}}
				for _, z := range zs[from:to] {
					out.HostedZones = append(out.HostedZones, z.Zone)
				}
				if to < len(zs) {
					out.NextMarker = aws.String(r53Bare(zs[to].Zone.Id))
				}
				return &xmlDoc{"ListHostedZonesResponse", out}, nil
			},
			"GetDNSSEC": func(c *call) (any, error) {
				z, err := r53ZoneOf(c, c.param("Id"))
				if err != nil {
					return nil, err
				}
				if z.Zone.Config != nil && z.Zone.Config.PrivateZone {
					return nil, badRequest("InvalidArgument", "Operation is unsupported for private hosted zones.")
				}
				sig := z.DNSSEC
				if sig == "" {
					sig = "NOT_SIGNING"
				}
				return &xmlDoc{"GetDNSSECResponse", &route53.GetDNSSECOutput{Status: &r53types.DNSSECStatus{ServeSignature: aws.String(sig)},
					KeySigningKeys: []r53types.KeySigningKey{}}}, nil
			},
			"ListResourceRecordSets": func(c *call) (any, error) {
				z, err := r53ZoneOf(c, c.param("Id"))
				if err != nil {
					return nil, err
				}
				rs := z.Records
				from := 0
				if name := c.param("name"); name != "" {
					from = len(rs)
					for i, r := range rs {
						if aws.ToString(r.Name) == name && (c.param("type") == "" || string(r.Type) == c.param("type")) &&
							aws.ToString(r.SetIdentifier) == c.param("identifier") {
							from = i
							break
						}
					}
				}
				size := min(c.intParam("maxitems", r53RecordPage), r53RecordPage)
				to := min(from+size, len(rs))
				out := &route53.ListResourceRecordSetsOutput{MaxItems: aws.Int32(int32(size)), IsTruncated: to < len(rs),
					ResourceRecordSets: append([]r53types.ResourceRecordSet{}, rs[from:to]...)}
				if to < len(rs) {
					next := rs[to]
					out.NextRecordName, out.NextRecordType, out.NextRecordIdentifier = next.Name, next.Type, next.SetIdentifier
				}
				return &xmlDoc{"ListResourceRecordSetsResponse", out}, nil
			},
			"ListQueryLoggingConfigs": func(c *call) (any, error) {
				var list []r53types.QueryLoggingConfig
				for _, z := range r53Zones(c) {
					id := r53Bare(z.Zone.Id)
					if z.QueryLogGroup == "" || (c.param("hostedzoneid") != "" && c.param("hostedzoneid") != id) {
						continue
					}
					list = append(list, r53types.QueryLoggingConfig{Id: aws.String("qlc-" + strings.ToLower(id)), HostedZoneId: aws.String(id),
						CloudWatchLogsLogGroupArn: aws.String("arn:aws:logs:us-east-1:" + c.account.ID + ":log-group:" + z.QueryLogGroup)})
				}
				items, next, err := page(list, c.param("nexttoken"), min(c.intParam("maxresults", r53QLogPage), r53QLogPage))
				if err != nil {
					return nil, badRequest("InvalidPaginationToken", "The pagination token is invalid.")
				}
				return &xmlDoc{"ListQueryLoggingConfigsResponse", &route53.ListQueryLoggingConfigsOutput{
					QueryLoggingConfigs: append([]r53types.QueryLoggingConfig{}, items...), NextToken: optional(next)}}, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				if c.param("ResourceType") != "hostedzone" {
					return nil, badRequest("InvalidInput", "Only hosted zones carry tags in this test cloud.")
				}
				z, err := r53ZoneOf(c, c.param("ResourceId"))
				if err != nil {
					return nil, err
				}
				keys := make([]string, 0, len(z.Tags))
				for k := range z.Tags {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				set := &r53types.ResourceTagSet{ResourceId: aws.String(r53Bare(z.Zone.Id)), ResourceType: r53types.TagResourceTypeHostedzone, Tags: []r53types.Tag{}}
				for _, k := range keys {
					set.Tags = append(set.Tags, r53types.Tag{Key: aws.String(k), Value: aws.String(z.Tags[k])})
				}
				return &xmlDoc{"ListTagsForResourceResponse", &route53.ListTagsForResourceOutput{ResourceTagSet: set}}, nil
			},
		}})
}

// r53Bare is a zone id without the /hostedzone/ prefix.
func r53Bare(id *string) string { return strings.TrimPrefix(aws.ToString(id), r53ZonesPrefix) }

// r53Zones are the account's zones with what Route 53 fills in: the
// prefixed id, a caller reference, a configuration and a record count.
func r53Zones(c *call) []r53Zone {
	var out []r53Zone
	for _, z := range worldOf[route53World](c).HostedZones {
		z.Zone.Id = aws.String(r53ZonesPrefix + r53Bare(z.Zone.Id))
		if z.Zone.CallerReference == nil {
			z.Zone.CallerReference = aws.String("ref-" + r53Bare(z.Zone.Id))
		}
		if z.Zone.Config == nil {
			z.Zone.Config = &r53types.HostedZoneConfig{}
		}
		z.Zone.ResourceRecordSetCount = aws.Int64(int64(len(z.Records)))
		out = append(out, z)
	}
	return out
}

// r53ZoneOf finds a zone by id, with or without the prefix.
func r53ZoneOf(c *call, id string) (*r53Zone, error) {
	for _, z := range r53Zones(c) {
		if r53Bare(z.Zone.Id) == r53Bare(&id) {
			return &z, nil
		}
	}
	return nil, notFound("NoSuchHostedZone", "No hosted zone found with ID: %s", id)
}
