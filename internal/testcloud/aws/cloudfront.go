package aws

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"
)

const cloudfrontNS = "http://cloudfront.amazonaws.com/doc/2020-05-31/"

// cloudfrontWorld is the account's CloudFront distributions.
type cloudfrontWorld struct {
	Distributions []cfDistribution `json:"distributions"`
}

// cfDistribution is a distribution as GetDistribution returns it (Id and
// DistributionConfig at least; ARN, DomainName, Status and
// LastModifiedTime are filled in when left out) and its tags.
type cfDistribution struct {
	Distribution cftypes.Distribution `json:"distribution"`
	Tags         map[string]string    `json:"tags"`
}

// cfPageSize is ListDistributions' default and largest MaxItems.
const cfPageSize = 100

func init() {
	register(&service{name: "cloudfront", signing: "cloudfront", protocol: protoRESTXML, global: true,
		xmlns:    cloudfrontNS,
		newWorld: func() any { return &cloudfrontWorld{} },
		names: names{member: map[string]string{
			"DistributionList.Items":                "DistributionSummary",
			"DistributionSummary.AliasICPRecordals": "AliasICPRecordal",
			"Aliases.Items":                         "CNAME",
			"AllowedMethods.Items":                  "Method",
			"CachedMethods.Items":                   "Method",
			"CacheBehaviors.Items":                  "CacheBehavior",
			"CookieNames.Items":                     "Name",
			"CustomErrorResponses.Items":            "CustomErrorResponse",
			"CustomHeaders.Items":                   "OriginCustomHeader",
			"FunctionAssociations.Items":            "FunctionAssociation",
			"GeoRestriction.Items":                  "Location",
			"Headers.Items":                         "Name",
			"LambdaFunctionAssociations.Items":      "LambdaFunctionAssociation",
			"OriginGroupMembers.Items":              "OriginGroupMember",
			"OriginGroups.Items":                    "OriginGroup",
			"Origins.Items":                         "Origin",
			"OriginSslProtocols.Items":              "SslProtocol",
			"QueryStringCacheKeys.Items":            "Name",
			"StatusCodes.Items":                     "StatusCode",
			"Tags.Items":                            "Tag",
			"TrustedKeyGroups.Items":                "KeyGroup",
			"TrustedSigners.Items":                  "AwsAccountNumber",
		}},
		routes: []route{
			{method: http.MethodGet, pattern: "/2020-05-31/distribution", op: "ListDistributions"},
			{method: http.MethodGet, pattern: "/2020-05-31/distribution/{Id}/config", op: "GetDistributionConfig"},
			{method: http.MethodGet, pattern: "/2020-05-31/tagging", op: "ListTagsForResource"},
		},
		ops: map[string]op{
			"ListDistributions": listDistributions,
			"GetDistributionConfig": func(c *call) (any, error) {
				d := distributionOf(c, c.param("Id"))
				if d == nil {
					return nil, notFound("NoSuchDistribution", "The specified distribution does not exist.")
				}
				cfg := d.Distribution.DistributionConfig
				if cfg == nil {
					cfg = &cftypes.DistributionConfig{}
				}
				return xmlWithHeaders(c, "DistributionConfig", cfg, map[string]string{"ETag": cfETag(d)}), nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				arn := c.param("Resource")
				prefix := "arn:aws:cloudfront::" + c.account.ID + ":distribution/"
				if !strings.HasPrefix(arn, "arn:aws:cloudfront::") {
					return nil, badRequest("InvalidArgument", "Invalid resource ARN: %s", arn)
				}
				d := distributionOf(c, strings.TrimPrefix(arn, prefix))
				if !strings.HasPrefix(arn, prefix) || d == nil {
					return nil, notFound("NoSuchResource", "The specified resource does not exist.")
				}
				keys := make([]string, 0, len(d.Tags))
				for k := range d.Tags {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				tags := &cftypes.Tags{}
				for _, k := range keys {
					tags.Items = append(tags.Items, cftypes.Tag{Key: aws.String(k), Value: aws.String(d.Tags[k])})
				}
				return &xmlDoc{"Tags", tags}, nil
			},
		}})
}

// distributionOf finds a distribution by id.
func distributionOf(c *call, id string) *cfDistribution {
	for i, d := range worldOf[cloudfrontWorld](c).Distributions {
		if aws.ToString(d.Distribution.Id) == id {
			return &worldOf[cloudfrontWorld](c).Distributions[i]
		}
	}
	return nil
}

// listDistributions pages by marker: the id the previous page ended with.
func listDistributions(c *call) (any, error) {
	ds := append([]cfDistribution(nil), worldOf[cloudfrontWorld](c).Distributions...)
	sort.Slice(ds, func(i, j int) bool { return aws.ToString(ds[i].Distribution.Id) < aws.ToString(ds[j].Distribution.Id) })
	marker := c.param("Marker")
	from := sort.Search(len(ds), func(i int) bool { return marker == "" || aws.ToString(ds[i].Distribution.Id) > marker })
	size := min(c.intParam("MaxItems", cfPageSize), cfPageSize)
	to := min(from+size, len(ds))
	list := &cftypes.DistributionList{Marker: aws.String(marker), MaxItems: aws.Int32(int32(size)),
		IsTruncated: aws.Bool(to < len(ds)), Quantity: aws.Int32(int32(to - from))}
	for _, d := range ds[from:to] {
		list.Items = append(list.Items, cfSummary(c, d))
	}
	if to < len(ds) {
		list.NextMarker = ds[to-1].Distribution.Id
	}
	return &xmlDoc{"DistributionList", list}, nil
}

// cfFilled is the distribution with what CloudFront assigns filled in.
func cfFilled(c *call, d cfDistribution) cftypes.Distribution {
	x := d.Distribution
	id := aws.ToString(x.Id)
	if x.ARN == nil {
		x.ARN = aws.String("arn:aws:cloudfront::" + c.account.ID + ":distribution/" + id)
	}
	if x.DomainName == nil {
		sum := sha256.Sum256([]byte(c.account.ID + id))
		x.DomainName = aws.String("d" + hex.EncodeToString(sum[:])[:13] + ".cloudfront.net")
	}
	if x.Status == nil {
		x.Status = aws.String("Deployed")
	}
	if x.LastModifiedTime == nil {
		x.LastModifiedTime = aws.Time(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	if x.DistributionConfig == nil {
		x.DistributionConfig = &cftypes.DistributionConfig{}
	}
	return x
}

// cfSummary is a distribution's ListDistributions entry: its identity and
// the summary's share of its configuration.
func cfSummary(c *call, d cfDistribution) cftypes.DistributionSummary {
	x := cfFilled(c, d)
	cfg := x.DistributionConfig
	s := cftypes.DistributionSummary{ARN: x.ARN, Id: x.Id, DomainName: x.DomainName, Status: x.Status,
		LastModifiedTime: x.LastModifiedTime, AliasICPRecordals: x.AliasICPRecordals, ETag: aws.String(cfETag(&d)),
		Aliases: cfg.Aliases, CacheBehaviors: cfg.CacheBehaviors, Comment: cfg.Comment,
		CustomErrorResponses: cfg.CustomErrorResponses, DefaultCacheBehavior: cfg.DefaultCacheBehavior,
		Enabled: cfg.Enabled, HttpVersion: cfg.HttpVersion, IsIPV6Enabled: cfg.IsIPV6Enabled, Origins: cfg.Origins,
		PriceClass: cfg.PriceClass, Restrictions: cfg.Restrictions, Staging: cfg.Staging,
		ViewerCertificate: cfg.ViewerCertificate, WebACLId: cfg.WebACLId, OriginGroups: cfg.OriginGroups,
		AnycastIpListId: cfg.AnycastIpListId, ConnectionMode: cfg.ConnectionMode,
		ConnectionFunctionAssociation: cfg.ConnectionFunctionAssociation, ViewerMtlsConfig: cfg.ViewerMtlsConfig}
	// The summary's required members are present even when empty.
	if s.Aliases == nil {
		s.Aliases = &cftypes.Aliases{Quantity: aws.Int32(0)}
	}
	if s.CacheBehaviors == nil {
		s.CacheBehaviors = &cftypes.CacheBehaviors{Quantity: aws.Int32(0)}
	}
	if s.CustomErrorResponses == nil {
		s.CustomErrorResponses = &cftypes.CustomErrorResponses{Quantity: aws.Int32(0)}
	}
	if s.Comment == nil {
		s.Comment = aws.String("")
	}
	if s.WebACLId == nil {
		s.WebACLId = aws.String("")
	}
	return s
}

// cfETag is the distribution configuration's version, stable per world.
func cfETag(d *cfDistribution) string {
	sum := sha256.Sum256([]byte(aws.ToString(d.Distribution.Id) + aws.ToTime(d.Distribution.LastModifiedTime).String()))
	return "E" + strings.ToUpper(hex.EncodeToString(sum[:]))[:13]
}

// xmlWithHeaders writes a REST-XML document with response headers (the
// output members bound to headers, such as ETag).
func xmlWithHeaders(c *call, root string, v any, header map[string]string) *rawAnswer {
	e := &xmlEncoder{names: &c.svc.names}
	e.buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<` + root + ` xmlns="` + c.svc.xmlns + `">`)
	e.members(reflect.ValueOf(v))
	e.buf.WriteString(`</` + root + `>`)
	return &rawAnswer{contentType: "text/xml", header: header, body: e.buf.Bytes()}
}
