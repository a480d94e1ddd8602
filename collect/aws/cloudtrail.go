package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("cloudtrail", false, collectCloudTrail) }

// collectCloudTrail reads the trails whose home is this region (a
// multi-region trail's copies elsewhere are "shadow trails", left out so
// each trail is emitted once) with their status, selectors and tags.
func collectCloudTrail(ctx context.Context, s *scope) {
	client := cloudtrail.NewFromConfig(s.Config())
	out, err := client.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
	if err != nil {
		s.fail("DescribeTrails", err)
		return
	}
	// Whether a logging trail covers this region: one homed here, or a
	// multi-region trail anywhere in the account (facts joins those).
	covered, statusUnknown := false, false
	defer func() {
		switch {
		case covered:
			s.regionFact(factCloudTrail, boolPtr(true))
		case !statusUnknown:
			s.regionFact(factCloudTrail, boolPtr(false))
		}
	}()
	for _, tr := range out.TrailList {
		if home := aws.ToString(tr.HomeRegion); home != "" && home != s.region {
			continue
		}
		arn := aws.ToString(tr.TrailARN)
		a := &model.CloudTrailTrail{
			Name:                       aws.ToString(tr.Name),
			IsMultiRegion:              aws.ToBool(tr.IsMultiRegionTrail),
			IncludeGlobalServiceEvents: aws.ToBool(tr.IncludeGlobalServiceEvents),
			LogFileValidationEnabled:   aws.ToBool(tr.LogFileValidationEnabled),
			KMSKeyID:                   aws.ToString(tr.KmsKeyId),
			S3BucketName:               aws.ToString(tr.S3BucketName),
			CloudWatchLogsGroupARN:     aws.ToString(tr.CloudWatchLogsLogGroupArn),
			IsOrganizationTrail:        aws.ToBool(tr.IsOrganizationTrail),
		}
		raw := map[string]any{"Trail": tr}
		if st, err := client.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(arn)}); err != nil {
			s.fail("GetTrailStatus", err)
			statusUnknown = true
		} else {
			a.IsLogging = aws.ToBool(st.IsLogging)
			raw["Status"] = st
			if a.IsLogging {
				covered = true
				if a.IsMultiRegion {
					s.c.facts.multiRegionTrail(s.account)
				}
			}
		}
		if sel, err := client.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(arn)}); err != nil {
			s.fail("GetEventSelectors", err)
		} else {
			raw["EventSelectors"] = sel.EventSelectors
			raw["AdvancedEventSelectors"] = sel.AdvancedEventSelectors
		}
		var tags map[string]string
		tp := cloudtrail.NewListTagsPaginator(client, &cloudtrail.ListTagsInput{ResourceIdList: []string{arn}})
		for tp.HasMorePages() {
			page, err := tp.NextPage(ctx)
			if err != nil {
				s.fail("ListTags", err)
				break
			}
			for _, rt := range page.ResourceTagList {
				for _, t := range rt.TagsList {
					if tags == nil {
						tags = map[string]string{}
					}
					tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
				}
			}
		}
		var rels []model.Relation
		if a.KMSKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
		}
		if a.S3BucketName != "" {
			rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: "arn:aws:s3:::" + a.S3BucketName})
		}
		if a.CloudWatchLogsGroupARN != "" {
			rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: a.CloudWatchLogsGroupARN})
		}
		if role := aws.ToString(tr.CloudWatchLogsRoleArn); role != "" {
			rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: role})
		}
		res := s.add(arn, "aws.cloudtrail.trail", a.Name, a, raw, tags, rels...)
		if raw["Status"] == nil {
			res.MarkUnknown("is_logging") // unread, not stopped
		}
	}
}
