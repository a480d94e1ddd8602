package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("cloudtrail", false, collectCloudTrail) }

// collectCloudTrail reads the trails this region sees, shadow trails
// included: a multi-region trail homed in another region, and an
// organization trail of the management account, show in a member account
// only as shadows. A trail is emitted once, with its status, selectors and
// tags, where it is homed and by the account that owns it; the others only
// tell whether a logging trail covers the region.
func collectCloudTrail(ctx context.Context, s *scope) {
	client := cloudtrail.NewFromConfig(s.Config())
	out, err := client.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(true)})
	if err != nil {
		s.fail("DescribeTrails", err)
		return
	}
	// Whether a logging trail covers this region: one homed here, or a
	// multi-region trail anywhere in the account or its organization
	// (facts joins the multi-region ones across the account's regions).
	covered, statusUnknown := false, false
	defer func() {
		switch {
		case covered:
			s.regionFact(factCloudTrail, boolPtr(true))
		case !statusUnknown:
			s.regionFact(factCloudTrail, boolPtr(false))
		}
	}()
	logging := func(tr cttypes.Trail) {
		covered = true
		if aws.ToBool(tr.IsMultiRegionTrail) {
			s.multiRegionTrail()
		}
	}
	var shadows []cttypes.Trail
	for _, tr := range out.TrailList {
		home, owner := trailHome(tr, s)
		if home != s.region || owner != s.account {
			// AWS lists no single-region trail outside its home
			// region; one listed would not cover this region anyway.
			if aws.ToBool(tr.IsMultiRegionTrail) || home == s.region {
				shadows = append(shadows, tr)
			}
			continue
		}
		switch isLogging, known := collectTrail(ctx, s, client, tr); {
		case !known:
			statusUnknown = true
		case isLogging:
			logging(tr)
		}
	}
	// A shadow's status answers by its ARN, from any region and from a
	// member account; one logging trail is enough to cover the region.
	for _, tr := range shadows {
		if covered {
			break
		}
		st, err := client.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: tr.TrailARN})
		if err != nil {
			s.failResource("GetTrailStatus", aws.ToString(tr.TrailARN), err)
			statusUnknown = true
			continue
		}
		if aws.ToBool(st.IsLogging) {
			logging(tr)
		}
	}
}

// trailHome is the region a trail is homed in and the account that owns
// it (an organization trail's is the management account), from its ARN:
// arn:aws:cloudtrail:<region>:<account>:trail/<name>. What is missing is
// taken to be this scope's.
func trailHome(tr cttypes.Trail, s *scope) (region, account string) {
	region, account = aws.ToString(tr.HomeRegion), s.account
	if f := strings.Split(aws.ToString(tr.TrailARN), ":"); len(f) >= 6 && f[4] != "" {
		account = f[4]
		if region == "" {
			region = f[3]
		}
	}
	if region == "" {
		region = s.region
	}
	return region, account
}

// collectTrail emits a trail homed in this scope with its status, event
// selectors and tags, and tells whether it is logging, if its status
// could be read.
func collectTrail(ctx context.Context, s *scope, client *cloudtrail.Client, tr cttypes.Trail) (isLogging, known bool) {
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
	rd := s.reads(arn)
	known = rd.call("GetTrailStatus", []string{"is_logging"}, func() error {
		st, err := client.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(arn)})
		if err != nil {
			return err
		}
		a.IsLogging = aws.ToBool(st.IsLogging)
		raw["Status"] = st
		return nil
	})
	// The selectors decide which S3 object-level events the trail logs;
	// they are kept as evidence too.
	rd.call("GetEventSelectors", []string{"s3_data_events", "management_events"}, func() error {
		sel, err := client.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(arn)})
		if err != nil {
			return err
		}
		raw["EventSelectors"] = sel.EventSelectors
		raw["AdvancedEventSelectors"] = sel.AdvancedEventSelectors
		basic, advanced := trailSelectors(sel.EventSelectors, sel.AdvancedEventSelectors)
		a.S3DataEvents = model.TrailS3DataEvents(basic, advanced)
		a.ManagementEvents = model.TrailManagementEvents(basic, advanced)
		return nil
	})
	var tags map[string]string
	rd.call("ListTags", []string{model.TagsPath}, func() error {
		tp := cloudtrail.NewListTagsPaginator(client, &cloudtrail.ListTagsInput{ResourceIdList: []string{arn}})
		for tp.HasMorePages() {
			page, err := tp.NextPage(ctx)
			if err != nil {
				tags = nil
				return err
			}
			for _, rt := range page.ResourceTagList {
				tags = addTags(tags, rt.TagsList, func(t cttypes.Tag) (*string, *string) { return t.Key, t.Value })
			}
		}
		return nil
	})
	var rels []model.Relation
	if a.KMSKeyID != "" {
		rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
	}
	if a.S3BucketName != "" {
		rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: "arn:aws:s3:::" + a.S3BucketName})
	}
	if a.CloudWatchLogsGroupARN != "" {
		// The group's id is its ARN without the ":*" the trail names.
		rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: strings.TrimSuffix(a.CloudWatchLogsGroupARN, ":*")})
	}
	if role := aws.ToString(tr.CloudWatchLogsRoleArn); role != "" {
		rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: role})
	}
	rd.add(model.KindCloudTrailTrail.With(a), a.Name, raw, tags, rels...)
	return a.IsLogging, known
}

// trailSelectors turns a trail's selectors, as the API gives them, into
// the model's neutral form.
func trailSelectors(basic []cttypes.EventSelector, advanced []cttypes.AdvancedEventSelector) ([]model.TrailEventSelector, [][]model.TrailFieldSelector) {
	var b []model.TrailEventSelector
	for _, sel := range basic {
		// IncludeManagementEvents defaults to true.
		ts := model.TrailEventSelector{ReadWriteType: string(sel.ReadWriteType),
			IncludeManagementEvents: sel.IncludeManagementEvents == nil || *sel.IncludeManagementEvents, ExcludeManagementEventSources: sel.ExcludeManagementEventSources}
		for _, dr := range sel.DataResources {
			ts.DataResources = append(ts.DataResources, model.TrailDataResource{Type: aws.ToString(dr.Type), Values: dr.Values})
		}
		b = append(b, ts)
	}
	var adv [][]model.TrailFieldSelector
	for _, sel := range advanced {
		var fs []model.TrailFieldSelector
		for _, f := range sel.FieldSelectors {
			fs = append(fs, model.TrailFieldSelector{Field: aws.ToString(f.Field), Equals: f.Equals, StartsWith: f.StartsWith,
				EndsWith: f.EndsWith, NotEquals: f.NotEquals, NotStartsWith: f.NotStartsWith, NotEndsWith: f.NotEndsWith})
		}
		adv = append(adv, fs)
	}
	return b, adv
}
