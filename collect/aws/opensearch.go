package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	ostypes "github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("opensearch", false, collectOpenSearch) }

// collectOpenSearch reads every OpenSearch and Elasticsearch domain's
// encryption, endpoint options, VPC placement and access policy into
// aws.opensearch.domain.
func collectOpenSearch(ctx context.Context, s *scope) {
	client := opensearch.NewFromConfig(s.Config())
	list, err := client.ListDomainNames(ctx, &opensearch.ListDomainNamesInput{})
	if err != nil {
		s.fail("ListDomainNames", err)
		return
	}
	var names []string
	for _, d := range list.DomainNames {
		names = append(names, aws.ToString(d.DomainName))
	}
	// DescribeDomains takes at most 5 names.
	for len(names) > 0 {
		n := min(5, len(names))
		batch := names[:n]
		names = names[n:]
		out, err := client.DescribeDomains(ctx, &opensearch.DescribeDomainsInput{DomainNames: batch})
		if err != nil {
			s.fail("DescribeDomains", err)
			continue
		}
		for _, d := range out.DomainStatusList {
			dom := &model.OpenSearchDomain{}
			rd := s.reads(aws.ToString(d.ARN))
			if o := d.EncryptionAtRestOptions; o != nil {
				dom.EncryptAtRest = aws.ToBool(o.Enabled)
			}
			if o := d.NodeToNodeEncryptionOptions; o != nil {
				dom.NodeToNode = aws.ToBool(o.Enabled)
			}
			if o := d.DomainEndpointOptions; o != nil {
				dom.EnforceHTTPS = aws.ToBool(o.EnforceHTTPS)
				dom.TLSSecurityPolicy = string(o.TLSSecurityPolicy)
			}
			if o := d.AdvancedSecurityOptions; o != nil {
				dom.FineGrainedAccess = aws.ToBool(o.Enabled)
			}
			dom.AuditLogs = logPublished(d.LogPublishingOptions, ostypes.LogTypeAuditLogs)
			dom.ErrorLogs = logPublished(d.LogPublishingOptions, ostypes.LogTypeEsApplicationLogs)
			var rels []model.Relation
			if v := d.VPCOptions; v != nil && len(v.SubnetIds) > 0 {
				dom.VPCConfigured = true
				if id := aws.ToString(v.VPCId); id != "" {
					rels = append(rels, model.Relation{Type: model.RelInVPC, Target: id})
				}
				for _, sn := range v.SubnetIds {
					rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
				}
			}
			if pol := aws.ToString(d.AccessPolicies); pol != "" {
				// A policy that does not parse is unknown, not "no policy".
				rd.call("DescribeDomains", []string{"access_policy"}, func() (err error) {
					dom.AccessPolicy, err = model.ParsePolicyDocument(pol)
					return err
				})
			}
			if o := d.EncryptionAtRestOptions; o != nil && aws.ToString(o.KmsKeyId) != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: aws.ToString(o.KmsKeyId)})
			}
			var tags map[string]string
			rd.call("ListTags", []string{model.TagsPath}, func() error {
				tt, err := client.ListTags(ctx, &opensearch.ListTagsInput{ARN: d.ARN})
				if err != nil {
					return err
				}
				tags = addTags(tags, tt.TagList, func(t ostypes.Tag) (*string, *string) { return t.Key, t.Value })
				return nil
			})
			rd.add(model.KindOpenSearchDomain.With(dom), aws.ToString(d.DomainName), d, tags, rels...)
		}
	}
}

// logPublished reports whether a domain publishes logs of type t to a
// CloudWatch Logs group.
func logPublished(opts map[string]ostypes.LogPublishingOption, t ostypes.LogType) bool {
	o, ok := opts[string(t)]
	return ok && aws.ToBool(o.Enabled) && aws.ToString(o.CloudWatchLogsLogGroupArn) != ""
}
