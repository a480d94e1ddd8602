package drift

import (
	"context"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
)

// driftServices are the services the drift world populates.
var driftServices = []string{"s3", "ec2", "iam", "sqs", "sns", "logs", "ecr"}

// collectWorld serves the world on loopback and runs the real collector
// over it.
func collectWorld(t *testing.T, w *aws.World) *awscollect.Result {
	t.Helper()
	t.Setenv("AWS_CA_BUNDLE", "")
	hs := httptest.NewServer(aws.NewServer(w))
	t.Cleanup(hs.Close)
	res, err := awscollect.Collect(context.Background(), awscollect.Options{
		Services: driftServices,
		Regions:  w.Regions,
		LoadOptions: []func(*config.LoadOptions) error{
			config.WithRegion("us-east-1"),
			config.WithBaseEndpoint(hs.URL),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(w.Accounts[0].AccessKey, "x", "")),
			config.WithSharedConfigFiles([]string{}),
			config.WithSharedCredentialsFiles([]string{}),
			config.WithRetryMaxAttempts(1),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func loadWorld(t *testing.T) *aws.World {
	t.Helper()
	w, err := aws.LoadWorld("testdata/world.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func readFixture(t *testing.T) *State {
	t.Helper()
	f, err := os.Open("testdata/terraform.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := ReadState(f, "terraform.tfstate")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// serviceKinds are the kinds each collected service yields, for the unit
// outcomes the test derives from the collection's errors. (The collector
// will report its outcomes itself; until then a listing error names the
// unit that failed.)
var serviceKinds = map[string][]string{
	"s3":   {"aws.s3.bucket"},
	"ec2":  {"aws.ec2.security_group", "aws.ec2.vpc", "aws.ec2.subnet", "aws.ec2.volume"},
	"logs": {"aws.logs.log_group"},
	"ecr":  {"aws.ecr.repository"},
	"iam":  {"aws.iam.role"},
	"sqs":  {"aws.sqs.queue"},
	"sns":  {"aws.sns.topic"},
}

var globalServices = map[string]bool{"s3": true, "iam": true}

// outcomes are the unit outcomes of a collection of the world: a unit
// failed when a listing of its failed (an error naming neither a resource
// nor kinds), complete otherwise.
func outcomes(w *aws.World, res *awscollect.Result) []model.UnitOutcome {
	var out []model.UnitOutcome
	for _, a := range w.Accounts {
		for svc, kinds := range serviceKinds {
			regions := w.Regions
			if globalServices[svc] {
				regions = []string{""}
			}
			for _, region := range regions {
				o := model.UnitOutcome{Unit: model.Unit{Provider: "aws", Account: a.ID, Region: region, Service: svc},
					Status: model.UnitComplete, Kinds: kinds}
				for _, e := range res.Errors {
					if e.Account == a.ID && e.Service == svc && e.Resource == "" && len(e.Kinds) == 0 &&
						(region == "" || e.Region == region) {
						o.Status, o.Unread = model.UnitFailed, kinds
					}
				}
				out = append(out, o)
			}
		}
	}
	return out
}

func addresses(ms []ManagedRef) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Address)
	}
	return out
}

func ids(rs []model.ResourceRef) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// The state and the cloud of testdata/world.yaml: some resources match,
// one bucket and one security group were changed in the console, a
// bucket and a queue were made by hand, a security group in the state was
// deleted.
func TestStateDriftAgainstTestCloud(t *testing.T) {
	w := loadWorld(t)
	res := collectWorld(t, w)
	for _, e := range res.Errors {
		t.Fatalf("collection error: %s", e)
	}
	st := readFixture(t)
	d := CompareState(st, res.Resources, outcomes(w, res))

	changed := map[string][]Change{}
	var names []string
	for _, c := range d.Changed {
		names = append(names, c.Address)
		changed[c.Address] = c.Changes
	}
	same(t, "changed", names, []string{`aws_s3_bucket.app["data"]`, "aws_security_group.web_admin"})
	wantChanges := map[string][]Change{
		`aws_s3_bucket.app["data"]`: {
			{Path: "attributes.public_access_block.block_public_acls", Old: true, New: false},
			{Path: "tags.temporary", New: "yes"},
		},
		"aws_security_group.web_admin": {
			{Path: "attributes.ingress[0].cidr_blocks", Old: []any{"203.0.113.0/24"}, New: []any{"0.0.0.0/0"}},
			{Path: "attributes.ingress[0].description", Old: "office", New: ""},
		},
	}
	for addr, want := range wantChanges {
		if !reflect.DeepEqual(changed[addr], want) {
			t.Errorf("%s changes:\n got  %#v\n want %#v", addr, changed[addr], want)
		}
	}
	same(t, "missing", addresses(d.Missing), []string{"aws_security_group.legacy"})
	same(t, "unread", addresses(d.Unread), nil)
	same(t, "unmanaged", ids(d.Unmanaged), []string{"arn:aws:s3:::acme-shadow-exports", "arn:aws:sqs:us-east-1:111111111111:manual-debug"})
	if d.InSync != 12 {
		t.Errorf("in sync: %d, want 12 (buckets logs and assets, web, the VPC, its subnet, the role, the queue, the topic, the log group, the volume, the repository, the instance)", d.InSync)
	}

	// Every kind drift matches was matched here against the collector's
	// own ids: a rule that built the wrong id would leave its resource
	// missing and the live one unmanaged.
	matched := map[string]bool{}
	missing := map[string]bool{}
	for _, m := range d.Missing {
		missing[m.Address] = true
	}
	for _, m := range st.Managed {
		if !missing[m.Address] {
			matched[m.Resource.Kind] = true
		}
	}
	for kind := range IDRules() {
		if !matched[kind] {
			t.Errorf("kind %s has an id rule but no resource of the fixture matched the live inventory", kind)
		}
	}
}

// A service the collector could not read leaves its resources unread, not
// deleted, and none of its live resources unmanaged.
func TestStateDriftUnitFailedIsUnread(t *testing.T) {
	w := loadWorld(t)
	w.Faults.Deny = []aws.Match{{Service: "s3", Operation: "ListBuckets"}}
	res := collectWorld(t, w)
	if len(res.Errors) == 0 {
		t.Fatal("the denied listing raised no collection error")
	}
	st := readFixture(t)

	d := CompareState(st, res.Resources, outcomes(w, res))
	same(t, "unread", addresses(d.Unread), []string{`aws_s3_bucket.app["assets"]`, `aws_s3_bucket.app["data"]`, `aws_s3_bucket.app["logs"]`})
	same(t, "missing", addresses(d.Missing), []string{"aws_security_group.legacy"})
	same(t, "unmanaged", ids(d.Unmanaged), []string{"arn:aws:sqs:us-east-1:111111111111:manual-debug"})

	// Without the outcomes the same gap would read as three deletions:
	// the outcomes are what tells them apart.
	blind := CompareState(readFixture(t), res.Resources, nil)
	if len(blind.Missing) != 4 {
		t.Errorf("without unit outcomes: missing %v, want the three buckets and legacy", addresses(blind.Missing))
	}
}

// The README's section shows this very drift, and names every kind drift
// matches: both stay true.
func TestReadmeShowsTheDrift(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, "## Diff and drift")
	if i < 0 {
		t.Fatal("README has no Diff and drift section")
	}
	section := readme[i:]
	if j := strings.Index(section[3:], "\n## "); j >= 0 {
		section = section[:j+3]
	}
	for kind := range IDRules() {
		if !strings.Contains(section, "`"+kind+"`") {
			t.Errorf("README's Diff and drift section does not list %s among the kinds matched", kind)
		}
	}

	const prompt = "$ vigil drift --tfstate terraform.tfstate\n"
	k := strings.Index(section, prompt)
	if k < 0 {
		t.Fatal("README shows no vigil drift --tfstate run")
	}
	shown := section[k+len(prompt):]
	shown = shown[:strings.Index(shown, "```")]

	w := loadWorld(t)
	res := collectWorld(t, w)
	d := CompareState(readFixture(t), res.Resources, outcomes(w, res))
	var out strings.Builder
	if err := WriteStateDrift(&out, "table", &d); err != nil {
		t.Fatal(err)
	}
	if out.String() != shown {
		t.Errorf("README's example differs from the drift of testdata:\n--- README\n%s\n--- now\n%s", shown, out.String())
	}
}

// An instance's profile is a name in the state and an ARN live: the same
// profile is no drift, another one is; its root volume, recorded in the
// state by id, is managed through it.
func TestStateDriftInstance(t *testing.T) {
	st := readFixture(t)
	root := "arn:aws:ec2:us-east-1:111111111111:volume/vol-0d0d0d0d0d0d00002"
	if !slices.Contains(st.Through, root) {
		t.Errorf("the instance's root volume is not managed through it: %v", st.Through)
	}
	b, err := os.ReadFile("testdata/world.yaml")
	if err != nil {
		t.Fatal(err)
	}
	w, err := aws.ParseWorld([]byte(strings.ReplaceAll(string(b), "instance-profile/app-runner", "instance-profile/ops/admin")))
	if err != nil {
		t.Fatal(err)
	}
	d := CompareState(st, collectWorld(t, w).Resources, nil)
	var got []Change
	for _, c := range d.Changed {
		if c.Address == "aws_instance.web" {
			got = c.Changes
		}
	}
	want := []Change{{Path: "attributes.iam_instance_profile", Old: "app-runner", New: "arn:aws:iam::111111111111:instance-profile/ops/admin"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("instance changes %#v, want %#v", got, want)
	}
}
