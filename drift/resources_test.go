package drift

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func bucket(name string, pab bool, tags map[string]string) *model.Resource {
	return &model.Resource{ID: "arn:aws:s3:::" + name, Kind: "aws.s3.bucket", Provider: "aws", Account: "111111111111",
		Region: "us-east-1", Source: model.SourceLive, Name: name, Tags: tags,
		Attributes: &model.S3Bucket{Name: name, PublicAccessBlock: &model.S3PublicAccessBlock{BlockPublicACLs: pab, IgnorePublicACLs: true},
			Policy: &model.PolicyDocument{Version: "2012-10-17"}}}
}

func TestResourcesAddedRemovedChanged(t *testing.T) {
	before := []*model.Resource{bucket("a", true, nil), bucket("b", true, map[string]string{"env": "prod"}), bucket("gone", true, nil)}
	after := []*model.Resource{bucket("a", true, nil), bucket("b", false, map[string]string{"env": "dev", "new": "x"}), bucket("c", true, nil)}
	d := Resources(before, after, nil)
	same(t, "added", ids(d.Added), []string{"arn:aws:s3:::c"})
	same(t, "removed", ids(d.Removed), []string{"arn:aws:s3:::gone"})
	if d.Unchanged != 1 || len(d.Changed) != 1 {
		t.Fatalf("unchanged %d, changed %d; want 1 and 1", d.Unchanged, len(d.Changed))
	}
	want := []Change{
		{Path: "attributes.public_access_block.block_public_acls", Old: true, New: false},
		{Path: "tags.env", Old: "prod", New: "dev"},
		{Path: "tags.new", New: "x"},
	}
	if got := d.Changed[0].Changes; !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n got  %#v\n want %#v", got, want)
	}
}

// The same id under another kind is another resource.
func TestResourcesMatchByKindAndID(t *testing.T) {
	a := bucket("a", true, nil)
	b := bucket("a", true, nil)
	b.Kind, b.Attributes = "aws.sqs.queue", &model.SQSQueue{Name: "a"}
	d := Resources([]*model.Resource{a}, []*model.Resource{b}, nil)
	if len(d.Added) != 1 || len(d.Removed) != 1 || len(d.Changed) != 0 {
		t.Errorf("added %v removed %v changed %v", ids(d.Added), ids(d.Removed), d.Changed)
	}
}

// A path unknown on either side is not compared: whatever its zero value
// says, it is no change; other paths still are.
func TestResourcesUnknownIsNotAChange(t *testing.T) {
	for _, side := range []string{"before", "after"} {
		b, a := bucket("a", true, nil), bucket("a", false, nil)
		a.Attributes.(*model.S3Bucket).Policy = nil
		unread := a
		if side == "before" {
			unread = b
		}
		unread.MarkUnknown("policy")
		unread.MarkUnknown(model.TagsPath)
		a.Tags = map[string]string{"x": "y"}
		d := Resources([]*model.Resource{b}, []*model.Resource{a}, nil)
		if len(d.Changed) != 1 {
			t.Fatalf("%s: changed %v", side, d.Changed)
		}
		c := d.Changed[0]
		want := []Change{{Path: "attributes.public_access_block.block_public_acls", Old: true, New: false}}
		if !reflect.DeepEqual(c.Changes, want) {
			t.Errorf("%s unknown: changes %#v, want only the block", side, c.Changes)
		}
		same(t, side+": not compared", c.NotCompared, []string{"attributes.policy", "tags"})
	}
}

// An unknown leaf deep in an object leaves its siblings compared.
func TestResourcesUnknownChildKeepsSiblings(t *testing.T) {
	b, a := bucket("a", true, nil), bucket("a", false, nil)
	a.Attributes.(*model.S3Bucket).PublicAccessBlock.IgnorePublicACLs = false
	a.MarkUnknown("public_access_block.ignore_public_acls")
	d := Resources([]*model.Resource{b}, []*model.Resource{a}, nil)
	want := []Change{{Path: "attributes.public_access_block.block_public_acls", Old: true, New: false}}
	if len(d.Changed) != 1 || !reflect.DeepEqual(d.Changed[0].Changes, want) {
		t.Errorf("changed %#v", d.Changed)
	}
}

func user(age int, lastUsed string, active bool) *model.Resource {
	return &model.Resource{ID: "arn:aws:iam::1:user/u", Kind: "aws.iam.user", Provider: "aws", Account: "1",
		Attributes: &model.IAMUser{Name: "u", AccessKeys: []model.IAMAccessKey{{ID: "AKIA1", Active: active, AgeDays: age, LastUsed: lastUsed}}}}
}

// An access key ageing a day is no change; deactivating it is.
func TestResourcesVolatileIgnored(t *testing.T) {
	d := Resources([]*model.Resource{user(10, "2026-01-01", true)}, []*model.Resource{user(11, "2026-01-02", true)}, nil)
	if len(d.Changed) != 0 || d.Unchanged != 1 {
		t.Errorf("volatile fields reported: %#v", d.Changed)
	}
	d = Resources([]*model.Resource{user(10, "", true)}, []*model.Resource{user(11, "", false)}, nil)
	want := []Change{{Path: "attributes.access_keys[0].active", Old: true, New: false}}
	if len(d.Changed) != 1 || !reflect.DeepEqual(d.Changed[0].Changes, want) {
		t.Errorf("changed %#v", d.Changed)
	}
}

func TestResourcesRelationsAndListsAsSets(t *testing.T) {
	sg := func(groups []string, rels ...model.Relation) *model.Resource {
		return &model.Resource{ID: "i-1", Kind: "aws.ec2.instance", Attributes: &model.EC2Instance{SecurityGroups: groups}, Relations: rels}
	}
	r1 := model.Relation{Type: model.RelProtectedBy, Target: "sg-1"}
	r2 := model.Relation{Type: model.RelProtectedBy, Target: "sg-2"}
	// Order and repeats in plain lists are no change.
	d := Resources([]*model.Resource{sg([]string{"sg-1", "sg-2"}, r1, r2)}, []*model.Resource{sg([]string{"sg-2", "sg-1", "sg-1"}, r2, r1)}, nil)
	if len(d.Changed) != 0 {
		t.Errorf("reordered lists reported: %#v", d.Changed)
	}
	d = Resources([]*model.Resource{sg([]string{"sg-1"}, r1)}, []*model.Resource{sg([]string{"sg-2"}, r2)}, nil)
	want := []Change{
		{Path: "attributes.security_groups", Old: []any{"sg-1"}, New: []any{"sg-2"}},
		{Path: "relations", Old: []string{"protected_by sg-1"}, New: []string{"protected_by sg-2"}},
	}
	if len(d.Changed) != 1 || !reflect.DeepEqual(d.Changed[0].Changes, want) {
		t.Errorf("changed %#v", d.Changed)
	}
}

// A resource absent after a scan whose unit failed is unread, not removed;
// with complete units it is removed; outside every unit, unread.
func TestResourcesUnreadWhenUnitFailed(t *testing.T) {
	before := []*model.Resource{bucket("a", true, nil)}
	unit := func(status model.UnitStatus, unread ...string) []model.UnitOutcome {
		return []model.UnitOutcome{{Unit: model.Unit{Provider: "aws", Account: "111111111111", Service: "s3"},
			Status: status, Kinds: []string{"aws.s3.bucket"}, Unread: unread}}
	}
	for _, tc := range []struct {
		name   string
		units  []model.UnitOutcome
		unread bool
	}{
		{"failed", unit(model.UnitFailed, "aws.s3.bucket"), true},
		{"kind unread", unit(model.UnitPartial, "aws.s3.bucket"), true},
		{"complete", unit(model.UnitComplete), false},
		{"partial, kind listed", unit(model.UnitPartial), false},
		{"no unit covers it", []model.UnitOutcome{{Unit: model.Unit{Account: "222222222222", Service: "s3"}, Status: model.UnitComplete, Kinds: []string{"aws.s3.bucket"}}}, true},
		{"no units reported", nil, false},
	} {
		d := Resources(before, nil, tc.units)
		if got := len(d.Unread) == 1 && len(d.Removed) == 0; got != tc.unread {
			t.Errorf("%s: unread %v removed %v, want unread=%v", tc.name, ids(d.Unread), ids(d.Removed), tc.unread)
		}
	}
}

func TestResourcesDeterministic(t *testing.T) {
	var before, after []*model.Resource
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		before = append(before, bucket(n, true, nil))
		after = append(after, bucket(n+"2", false, nil), bucket(n, false, nil))
	}
	want := Resources(before, after, nil)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		rng.Shuffle(len(before), func(i, j int) { before[i], before[j] = before[j], before[i] })
		rng.Shuffle(len(after), func(i, j int) { after[i], after[j] = after[j], after[i] })
		if got := Resources(before, after, nil); !reflect.DeepEqual(got, want) {
			t.Fatal("the diff depends on input order")
		}
	}
}
