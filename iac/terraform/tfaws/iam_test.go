package tfaws

import (
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

const adminDoc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

func TestRoleJoinsInlineAndAttachedPolicies(t *testing.T) {
	pol := inst("aws_iam_policy", "admin", map[string]any{"name": "admin", "policy": adminDoc, "arn": instance.Unknown}, nil)
	role := inst("aws_iam_role", "app", map[string]any{"name": "app",
		"assume_role_policy": `{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}`,
		"inline_policy":      []any{map[string]any{"name": "inline", "policy": adminDoc}, map[string]any{}},
	}, nil)
	rp := inst("aws_iam_role_policy", "extra", map[string]any{"role": "app", "name": "extra", "policy": adminDoc}, nil)
	byRef := inst("aws_iam_role_policy_attachment", "custom", map[string]any{"role": instance.Unknown, "policy_arn": "aws_iam_policy.admin.arn"},
		map[string][]string{"role": {"aws_iam_role.app"}, "policy_arn": {"aws_iam_policy.admin"}})
	byArn := inst("aws_iam_role_policy_attachment", "aws", map[string]any{"role": "app",
		"policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}, nil)

	rs := Map([]*instance.Instance{pol, role, rp, byRef, byArn}, model.SourceTerraform)
	r := byKind(rs, "aws.iam.role")[0]
	a := r.Attributes.(*model.IAMRole)
	if len(a.InlinePolicies) != 2 || a.InlinePolicies[1].Name != "extra" || a.InlinePolicies[0].Document == nil {
		t.Errorf("inline policies: %+v", a.InlinePolicies)
	}
	want := []string{"main.tf:aws_iam_policy.admin", "arn:aws:iam::aws:policy/AdministratorAccess"}
	if !reflect.DeepEqual(a.AttachedPolicies, want) {
		t.Errorf("attached: %q", a.AttachedPolicies)
	}
	if a.AssumeRolePolicy == nil || a.AssumeRolePolicy.Statements[0].Principals["Service"][0] != "ec2.amazonaws.com" {
		t.Errorf("trust: %+v", a.AssumeRolePolicy)
	}
	if a.Path != "/" || a.MaxSessionDuration != 3600 {
		t.Errorf("defaults: %+v", a)
	}
	if len(r.Relations) != 2 || r.Relations[1].Target != "main.tf:aws_iam_policy.admin" {
		t.Errorf("relations: %+v", r.Relations)
	}
	p := byKind(rs, "aws.iam.policy")[0].Attributes.(*model.IAMPolicy)
	if p.Attachments != 1 {
		t.Errorf("policy attachments: %d", p.Attachments)
	}
}

func TestUsersGroupsAndMultiAttachments(t *testing.T) {
	user := inst("aws_iam_user", "alice", map[string]any{"name": "alice"}, nil)
	bob := inst("aws_iam_user", "bob", map[string]any{"name": "bob"}, nil)
	group := inst("aws_iam_group", "admins", map[string]any{"name": "admins"}, nil)
	lp := inst("aws_iam_user_login_profile", "alice", map[string]any{"user": "alice"}, nil)
	up := inst("aws_iam_user_policy", "alice", map[string]any{"user": "alice", "name": "p", "policy": adminDoc}, nil)
	gm := inst("aws_iam_group_membership", "admins", map[string]any{"group": "admins", "users": []any{"bob"}},
		map[string][]string{"users": {"aws_iam_user.alice"}})
	ugm := inst("aws_iam_user_group_membership", "bob", map[string]any{"user": "bob", "groups": []any{"devs"}}, nil)
	pa := inst("aws_iam_policy_attachment", "ro", map[string]any{"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
		"users": []any{"bob"}, "groups": []any{"admins"}}, nil)
	key := inst("aws_iam_access_key", "bob", map[string]any{"user": "bob"}, nil)

	rs := Map([]*instance.Instance{user, bob, group, lp, up, gm, ugm, pa, key}, model.SourceTerraform)
	users := byKind(rs, "aws.iam.user")
	alice := users[0].Attributes.(*model.IAMUser)
	b := users[1].Attributes.(*model.IAMUser)
	if !alice.LoginProfile || len(alice.InlinePolicies) != 1 || !reflect.DeepEqual(alice.Groups, []string{"admins"}) {
		t.Errorf("alice: %+v", alice)
	}
	if !reflect.DeepEqual(b.Groups, []string{"devs", "admins"}) || !reflect.DeepEqual(b.AttachedPolicies, []string{"arn:aws:iam::aws:policy/ReadOnlyAccess"}) {
		t.Errorf("bob: %+v", b)
	}
	if len(b.AccessKeys) != 1 || !b.AccessKeys[0].Active {
		t.Errorf("bob keys: %+v", b.AccessKeys)
	}
	g := byKind(rs, "aws.iam.group")[0].Attributes.(*model.IAMGroup)
	if len(g.AttachedPolicies) != 1 {
		t.Errorf("group: %+v", g)
	}
	for _, r := range rs {
		if r.Kind == "" {
			t.Errorf("helper resource leaked: %s", r.ID)
		}
	}
}

func TestAttachmentToExternalPolicyKeepsLiteral(t *testing.T) {
	role := inst("aws_iam_role", "app", map[string]any{"name": "app"}, nil)
	att := inst("aws_iam_role_policy_attachment", "x", map[string]any{"role": "app", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"},
		map[string][]string{"policy_arn": {"data.aws_iam_policy.admin"}})
	unk := inst("aws_iam_role_policy_attachment", "y", map[string]any{"role": "app", "policy_arn": instance.Unknown},
		map[string][]string{"policy_arn": {"data.aws_iam_policy.other"}})
	rs := Map([]*instance.Instance{role, att, unk}, model.SourceTerraform)
	a := rs[0].Attributes.(*model.IAMRole)
	if len(a.AttachedPolicies) != 2 || a.AttachedPolicies[0] != "arn:aws:iam::aws:policy/AdministratorAccess" || a.AttachedPolicies[1] != "" {
		t.Errorf("attached: %q", a.AttachedPolicies)
	}
	if !rs[0].IsUnknown("attached_policies[1]") || rs[0].IsUnknown("attached_policies[0]") {
		t.Errorf("unknown: %v", rs[0].Unknown)
	}
}
