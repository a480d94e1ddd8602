package aws

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"

	"github.com/vigil-sec/vigil/model"
)

// ctWant is a world trail as DescribeTrails shows it.
func ctWant(t ctTrail, home string) cttypes.Trail {
	tr := t.Trail
	tr.HomeRegion = aws.String(home)
	tr.TrailARN = aws.String("arn:aws:cloudtrail:" + home + ":111111111111:trail/" + aws.ToString(t.Name))
	return tr
}

// DescribeTrails, GetTrailStatus, GetEventSelectors and ListTags decode
// through the SDK into the world's trails; a multi-region trail shows in
// every region as a shadow trail unless left out.
func TestCloudTrailRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "cloudtrail")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	us := cloudtrail.NewFromConfig(cfg)
	eu := cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) { o.Region = "eu-west-1" })
	acct := w.Account(fragmentAccount)
	audit := acct.worldOf("cloudtrail", "us-east-1").(*cloudtrailWorld).Trails[0]
	euTrail := acct.worldOf("cloudtrail", "eu-west-1").(*cloudtrailWorld).Trails[0]
	auditARN := "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-audit"

	d, err := us.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeTrails us-east-1", d.TrailList, []cttypes.Trail{ctWant(audit, "us-east-1")})
	d, err = eu.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeTrails eu-west-1", d.TrailList, []cttypes.Trail{ctWant(euTrail, "eu-west-1"), ctWant(audit, "us-east-1")})
	d, err = eu.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
	if err != nil || len(d.TrailList) != 1 || aws.ToString(d.TrailList[0].Name) != "eu-data-events" {
		t.Errorf("DescribeTrails without shadow trails: %v %v", d, err)
	}
	d, err = eu.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{auditARN}})
	if err != nil || len(d.TrailList) != 1 || aws.ToString(d.TrailList[0].Name) != "org-audit" {
		t.Errorf("DescribeTrails by ARN: %v %v", d, err)
	}

	for _, name := range []string{"org-audit", auditARN} {
		st, err := us.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "GetTrailStatus "+name, st, audit.Status)
	}
	// The shadow of a multi-region trail answers by its ARN.
	st, err := eu.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(auditARN)})
	if err != nil || !aws.ToBool(st.IsLogging) {
		t.Errorf("GetTrailStatus of the shadow trail: %v %v", st, err)
	}
	st, err = eu.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String("eu-data-events")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetTrailStatus eu-data-events", st, euTrail.Status)

	sel, err := us.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(auditARN)})
	if err != nil {
		t.Fatal(err)
	}
	if len(sel.EventSelectors) != 0 {
		t.Errorf("GetEventSelectors: basic selectors %v beside advanced ones", sel.EventSelectors)
	}
	sameJSON(t, "GetEventSelectors advanced", sel.AdvancedEventSelectors, audit.AdvancedEventSelectors)
	if aws.ToString(sel.TrailARN) != auditARN {
		t.Errorf("GetEventSelectors TrailARN %s", aws.ToString(sel.TrailARN))
	}
	sel, err = eu.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("eu-data-events")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetEventSelectors", sel.EventSelectors, euTrail.EventSelectors)

	tags, err := us.ListTags(ctx, &cloudtrail.ListTagsInput{ResourceIdList: []string{auditARN}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListTags", tags.ResourceTagList, []cttypes.ResourceTag{{ResourceId: aws.String(auditARN), TagsList: audit.Tags}})
	tags, err = eu.ListTags(ctx, &cloudtrail.ListTagsInput{ResourceIdList: []string{"arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-data-events"}})
	if err != nil || len(tags.ResourceTagList) != 1 || tags.ResourceTagList[0].TagsList == nil || len(tags.ResourceTagList[0].TagsList) != 0 || tags.NextToken != nil {
		t.Errorf("ListTags of an untagged trail: %+v %v", tags, err)
	}
}

// Unknown trails answer TrailNotFoundException (a shadow trail's bare name
// too), unknown ARNs ResourceNotFoundException, and ListTags takes 1 to
// 20 ARNs in one page.
func TestCloudTrailErrors(t *testing.T) {
	w := fragmentWorld(t, "cloudtrail")
	var many []ctTrail
	for i := range 25 {
		many = append(many, ctTrail{Trail: cttypes.Trail{Name: aws.String(fmt.Sprintf("trail-%02d", i))}, Tags: []cttypes.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
	}
	w.Account("222222222222").Set("us-east-1", "cloudtrail", &cloudtrailWorld{Trails: many})
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	eu := cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) { o.Region = "eu-west-1" })
	for _, name := range []string{"nope", "org-audit"} {
		_, err := eu.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(name)})
		var nf *cttypes.TrailNotFoundException
		if !errors.As(err, &nf) {
			t.Errorf("GetTrailStatus %s: %v", name, err)
		}
		_, err = eu.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(name)})
		if !errors.As(err, &nf) {
			t.Errorf("GetEventSelectors %s: %v", name, err)
		}
	}
	_, err := eu.ListTags(ctx, &cloudtrail.ListTagsInput{ResourceIdList: []string{"arn:aws:cloudtrail:eu-west-1:111111111111:trail/nope"}})
	if code := awsJSONErrCode(err); code != "ResourceNotFoundException" {
		t.Errorf("ListTags of a missing trail: %v", err)
	}

	// The member account has 25 trails: tags of 20 at once, not 21.
	member := cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider("AKIAMEMBER000000001", "x", "")
	})
	var arns []string
	for i := range 21 {
		arns = append(arns, fmt.Sprintf("arn:aws:cloudtrail:us-east-1:222222222222:trail/trail-%02d", i))
	}
	out, err := member.ListTags(ctx, &cloudtrail.ListTagsInput{ResourceIdList: arns[:20]})
	if err != nil || len(out.ResourceTagList) != 20 || aws.ToString(out.ResourceTagList[19].TagsList[0].Value) != "19" {
		t.Errorf("ListTags of 20 trails: %v", err)
	}
	_, err = member.ListTags(ctx, &cloudtrail.ListTagsInput{ResourceIdList: arns})
	if code := awsJSONErrCode(err); code != "InvalidParameterException" {
		t.Errorf("ListTags of 21 trails: %v", err)
	}
}

// The collector reads the logging, validated multi-region trail once (in
// its home region) and the stopped regional trail, and finds both regions
// covered by the multi-region trail.
func TestCloudTrailCollector(t *testing.T) {
	w := fragmentWorld(t, "cloudtrail")
	res := collectClean(t, w, "cloudtrail")
	kinds := byKind(res.Resources)
	trails := kinds["aws.cloudtrail.trail"]
	if len(trails) != 2 {
		t.Fatalf("want 2 trails, got %d", len(trails))
	}
	audit := trails["org-audit"]
	if audit == nil || audit.ID != "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-audit" || audit.Region != "us-east-1" || audit.Tags["team"] != "security" {
		t.Fatalf("org-audit: %+v", audit)
	}
	a := audit.Attributes.(*model.CloudTrailTrail)
	if !a.IsLogging || !a.IsMultiRegion || !a.IsOrganizationTrail || !a.LogFileValidationEnabled || !a.IncludeGlobalServiceEvents ||
		a.KMSKeyID != "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001" ||
		a.CloudWatchLogsGroupARN != "arn:aws:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-111111111111:*" {
		t.Errorf("org-audit attributes: %+v", a)
	}
	if a.ManagementEvents != (model.CloudTrailManagementEvents{Read: true, Write: true}) {
		t.Errorf("org-audit logs every management event: %+v", a.ManagementEvents)
	}
	if a.S3DataEvents != (model.CloudTrailS3DataEvents{Write: true}) {
		t.Errorf("org-audit logs S3 writes of all buckets, not reads: %+v", a.S3DataEvents)
	}
	e := trails["eu-data-events"].Attributes.(*model.CloudTrailTrail)
	if e.ManagementEvents != (model.CloudTrailManagementEvents{}) {
		t.Errorf("eu-data-events logs no management event: %+v", e.ManagementEvents)
	}
	if e.S3DataEvents != (model.CloudTrailS3DataEvents{}) {
		t.Errorf("eu-data-events logs one bucket's writes, not all buckets': %+v", e.S3DataEvents)
	}
	if e.IsLogging || e.IsMultiRegion || e.LogFileValidationEnabled || e.KMSKeyID != "" || e.CloudWatchLogsGroupARN != "" {
		t.Errorf("eu-data-events attributes: %+v", e)
	}
	for _, r := range kinds["aws.region"] {
		if l := r.Attributes.(*model.AWSRegion).CloudTrailLogging; l == nil || !*l {
			t.Errorf("%s: the multi-region trail covers it, cloudtrail_logging %v", r.Name, l)
		}
	}
	if len(kinds["aws.region"]) != 2 {
		t.Errorf("regions: %v", kinds["aws.region"])
	}
}

// A member account sees the management account's organization trails as
// shadow trails: a multi-region one in every region, a single-region one
// in its home region; never the management account's other trails. Their
// status and selectors answer by ARN only, and without an organization in
// the world nothing is shared.
func TestCloudTrailOrganizationTrail(t *testing.T) {
	w := fragmentWorld(t, "cloudtrail", "organizations")
	mgmt := w.Account(fragmentAccount)
	audit := mgmt.worldOf("cloudtrail", "us-east-1").(*cloudtrailWorld).Trails[0]
	euWorld := mgmt.worldOf("cloudtrail", "eu-west-1").(*cloudtrailWorld)
	euOrg := ctTrail{Trail: cttypes.Trail{Name: aws.String("eu-org-trail"), S3BucketName: aws.String("acme-eu-org-trail"),
		IsMultiRegionTrail: aws.Bool(false), IsOrganizationTrail: aws.Bool(true)}}
	euWorld.Trails = append(euWorld.Trails, euOrg)
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	member := func(region string) *cloudtrail.Client {
		return cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
			o.Region = region
			o.Credentials = credentials.NewStaticCredentialsProvider("AKIAMEMBER000000001", "x", "")
		})
	}
	us, eu := member("us-east-1"), member("eu-west-1")
	auditARN := "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-audit"

	d, err := us.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "member DescribeTrails us-east-1", d.TrailList, []cttypes.Trail{ctWant(audit, "us-east-1")})
	d, err = eu.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "member DescribeTrails eu-west-1", d.TrailList, []cttypes.Trail{ctWant(euOrg, "eu-west-1"), ctWant(audit, "us-east-1")})
	// Organization trails are shadows even in their home region.
	for _, c := range []*cloudtrail.Client{us, eu} {
		d, err = c.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
		if err != nil || len(d.TrailList) != 0 {
			t.Errorf("member DescribeTrails without shadow trails: %+v %v", d, err)
		}
	}
	d, err = eu.DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{TrailNameList: []string{auditARN}})
	if err != nil || len(d.TrailList) != 1 || aws.ToString(d.TrailList[0].TrailARN) != auditARN {
		t.Errorf("member DescribeTrails by ARN: %+v %v", d, err)
	}

	for _, c := range []*cloudtrail.Client{us, eu} {
		st, err := c.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(auditARN)})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "member GetTrailStatus", st, audit.Status)
		sel, err := c.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String(auditARN)})
		if err != nil || aws.ToString(sel.TrailARN) != auditARN || len(sel.AdvancedEventSelectors) != 2 {
			t.Errorf("member GetEventSelectors: %+v %v", sel, err)
		}
	}
	st, err := eu.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String("arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-org-trail")})
	if err != nil || aws.ToBool(st.IsLogging) {
		t.Errorf("never started organization trail: %+v %v", st, err)
	}
	// A trail without selectors has the one a new trail gets.
	sel, err := eu.GetEventSelectors(ctx, &cloudtrail.GetEventSelectorsInput{TrailName: aws.String("arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-org-trail")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetEventSelectors default", sel.EventSelectors, []cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeAll,
		IncludeManagementEvents: aws.Bool(true), DataResources: []cttypes.DataResource{}, ExcludeManagementEventSources: []string{}}})
	var nf *cttypes.TrailNotFoundException
	for _, name := range []string{"org-audit", "arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-data-events"} {
		if _, err := us.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String(name)}); !errors.As(err, &nf) {
			t.Errorf("member GetTrailStatus %s: %v", name, err)
		}
	}
	if _, err := us.GetTrailStatus(ctx, &cloudtrail.GetTrailStatusInput{Name: aws.String("arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-org-trail")}); !errors.As(err, &nf) {
		t.Errorf("a single-region organization trail is not seen outside its home region: %v", err)
	}

	// The management account still holds its trails itself.
	d, err = cloudtrail.NewFromConfig(cfg).DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
	if err != nil || len(d.TrailList) != 1 || aws.ToString(d.TrailList[0].TrailARN) != auditARN {
		t.Errorf("management DescribeTrails: %+v %v", d, err)
	}

	// Without an organization, a trail marked as one is not shared.
	cfg, _ = testCloud(t, fragmentWorld(t, "cloudtrail"))
	d, err = cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider("AKIAMEMBER000000001", "x", "")
	}).DescribeTrails(ctx, &cloudtrail.DescribeTrailsInput{})
	if err != nil || len(d.TrailList) != 0 {
		t.Errorf("DescribeTrails outside an organization: %+v %v", d, err)
	}
}

// Scanning the organization, the organization trail is emitted once, by
// the management account in its home region, and its status decides
// whether every region of every account is logged; a member denied its
// status knows nothing of its regions, rather than calling them unlogged.
func TestCloudTrailOrganizationCollector(t *testing.T) {
	// member is the members' cloudtrail_logging; "" when no fact, and so
	// no region, is known.
	for _, tc := range []struct {
		logging, denied bool
		member          string
	}{{true, false, "true"}, {false, false, "false"}, {true, true, ""}} {
		w := fragmentWorld(t, "cloudtrail", "organizations")
		w.Account(fragmentAccount).worldOf("cloudtrail", "us-east-1").(*cloudtrailWorld).Trails[0].Status.IsLogging = aws.Bool(tc.logging)
		if tc.denied {
			w.Faults.Deny = []Match{{Account: "222222222222", Service: "cloudtrail", Operation: "GetTrailStatus"}}
		}
		res, srv := collectOrg(t, w, "cloudtrail")
		if u := srv.Stats().Unhandled; len(u) > 0 {
			t.Errorf("unhandled: %v", u)
		}
		var errs []string
		for _, e := range res.Errors {
			errs = append(errs, e.Account+" "+e.Region+" "+e.Operation)
		}
		sort.Strings(errs)
		var wantErrs []string
		if tc.denied {
			wantErrs = []string{"222222222222 eu-west-1 GetTrailStatus", "222222222222 us-east-1 GetTrailStatus"}
		}
		sameJSON(t, "collection errors", errs, wantErrs)
		sameJSON(t, "accounts", res.Accounts, []string{"111111111111", "222222222222"})
		var trails []string
		covered := map[string]string{}
		for _, r := range res.Resources {
			switch r.Kind {
			case "aws.cloudtrail.trail":
				trails = append(trails, r.Account+" "+r.Region+" "+r.ID)
			case "aws.region":
				covered[r.Account+" "+r.Region] = "null"
				if l := r.Attributes.(*model.AWSRegion).CloudTrailLogging; l != nil {
					covered[r.Account+" "+r.Region] = fmt.Sprint(*l)
				}
			}
		}
		sort.Strings(trails)
		sameJSON(t, "trails", trails, []string{
			"111111111111 eu-west-1 arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-data-events",
			"111111111111 us-east-1 arn:aws:cloudtrail:us-east-1:111111111111:trail/org-audit",
		})
		want := map[string]string{"111111111111 us-east-1": fmt.Sprint(tc.logging), "111111111111 eu-west-1": fmt.Sprint(tc.logging)}
		if tc.member != "" {
			want["222222222222 us-east-1"], want["222222222222 eu-west-1"] = tc.member, tc.member
		}
		sameJSON(t, fmt.Sprintf("cloudtrail_logging, the organization trail logging=%v, members denied its status=%v", tc.logging, tc.denied), covered, want)
	}
}
