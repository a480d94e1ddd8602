package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

// IAM: roles, users, groups and customer-managed policies, with the
// standalone AWS::IAM::Policy (inline) and ManagedPolicy attachments joined
// into the identities they name.

// inlinePolicies reads a Policies list of {PolicyName, PolicyDocument}.
func (b *builder) inlinePolicies() []model.IAMInlinePolicy {
	out := []model.IAMInlinePolicy{}
	n := b.count("Policies", "inline_policies")
	for i := 0; i < n; i++ {
		p, mp := model.Path("Policies", i), model.Path("inline_policies", i)
		out = append(out, model.IAMInlinePolicy{
			Name:     b.str(p+".PolicyName", mp+".name", ""),
			Document: b.policy(p+".PolicyDocument", mp+".document"),
		})
		b.locate(p, mp)
	}
	return out
}

func (b *builder) managedPolicies() []string {
	out := b.strs("ManagedPolicyArns", "attached_policies")
	if out == nil {
		out = []string{}
	}
	for _, arn := range out {
		b.relate(model.RelAttachedPolicy, arn)
	}
	return out
}

// identityPolicies returns pointers to an identity's inline and attached
// policy lists, whatever its kind.
func identityPolicies(r *model.Resource) (*[]model.IAMInlinePolicy, *[]string) {
	switch a := r.Attributes.(type) {
	case *model.IAMRole:
		return &a.InlinePolicies, &a.AttachedPolicies
	case *model.IAMUser:
		return &a.InlinePolicies, &a.AttachedPolicies
	case *model.IAMGroup:
		return &a.InlinePolicies, &a.AttachedPolicies
	}
	return nil, nil
}

// identityProps are the properties by which a policy names identities.
var identityProps = []struct{ prop, typ string }{
	{"Roles", "AWS::IAM::Role"}, {"Users", "AWS::IAM::User"}, {"Groups", "AWS::IAM::Group"},
}

func init() {
	parent("AWS::IAM::Role", model.KindIAMRole, func(b *builder) {
		a := model.KindIAMRole.Must(b.target)
		a.Name = b.nameProp("RoleName")
		a.Path = b.str("Path", "path", "/")
		a.AssumeRolePolicy = b.policy("AssumeRolePolicyDocument", "assume_role_policy")
		a.InlinePolicies = b.inlinePolicies()
		a.AttachedPolicies = b.managedPolicies()
		a.PermissionsBoundary = b.str("PermissionsBoundary", "permissions_boundary", "")
		a.MaxSessionDuration = b.integer("MaxSessionDuration", "max_session_duration", 3600)
	})
	parent("AWS::IAM::User", model.KindIAMUser, func(b *builder) {
		a := model.KindIAMUser.Must(b.target)
		a.Name = b.nameProp("UserName")
		a.Path = b.str("Path", "path", "/")
		a.InlinePolicies = b.inlinePolicies()
		a.AttachedPolicies = b.managedPolicies()
		a.Groups = b.strs("Groups", "groups")
		if a.Groups == nil {
			a.Groups = []string{}
		}
		// An MFA device is enabled in the live account, not in a template.
		b.target.MarkUnknown("mfa_enabled")
		b.target.MarkUnknown("password_unused_days")
		a.LoginProfile = b.has("LoginProfile")
		if a.LoginProfile {
			b.locate("LoginProfile", "login_profile")
		}
		a.AccessKeys = []model.IAMAccessKey{}
	})
	parent("AWS::IAM::Group", model.KindIAMGroup, func(b *builder) {
		a := model.KindIAMGroup.Must(b.target)
		a.Name = b.nameProp("GroupName")
		a.InlinePolicies = b.inlinePolicies()
		a.AttachedPolicies = b.managedPolicies()
	})

	child("AWS::IAM::Policy", func(c *builder) {
		for _, ip := range identityProps {
			for _, p := range c.parentsOf(ip.prop, ip.typ) {
				c.onto(p)
				inl, _ := identityPolicies(p.r)
				mp := model.Path("inline_policies", len(*inl))
				pol := model.IAMInlinePolicy{
					Name:     c.str("PolicyName", mp+".name", ""),
					Document: c.policy("PolicyDocument", mp+".document"),
				}
				c.locate("", mp)
				*inl = append(*inl, pol)
			}
		}
	})
	child("AWS::IAM::UserToGroupAddition", func(c *builder) {
		group := c.str("GroupName", "", "")
		if group == "" {
			return
		}
		for _, p := range c.parentsOf("Users", "AWS::IAM::User") {
			c.onto(p)
			a := model.KindIAMUser.Must(c.target)
			c.locate("", model.Path("groups", len(a.Groups)))
			a.Groups = append(a.Groups, group)
		}
	})
	child("AWS::IAM::AccessKey", func(c *builder) {
		for _, p := range c.parentsOf("UserName", "AWS::IAM::User") {
			c.onto(p)
			a := model.KindIAMUser.Must(c.target)
			mp := model.Path("access_keys", len(a.AccessKeys))
			k := model.IAMAccessKey{Active: c.str("Status", mp+".active", "Active") == "Active"}
			// Its id, age and use exist only once it is created.
			for _, f := range []string{"id", "age_days", "last_used", "unused_days"} {
				c.target.MarkUnknown(mp + "." + f)
			}
			c.locate("", mp)
			a.AccessKeys = append(a.AccessKeys, k)
		}
	})

	parent("AWS::IAM::ManagedPolicy", model.KindIAMPolicy, func(b *builder) {
		a := model.KindIAMPolicy.Must(b.target)
		a.Name = b.nameProp("ManagedPolicyName")
		a.Path = b.str("Path", "path", "/")
		a.Document = b.policy("PolicyDocument", "document")
		for _, ip := range identityProps {
			a.Attachments += b.count(ip.prop, "attachments")
		}
	})
	// The managed policy's Roles/Users/Groups attach it to them; identities
	// that list it in ManagedPolicyArns count as attachments too.
	child("AWS::IAM::ManagedPolicy", func(c *builder) {
		self, ok := c.t.byID[c.res.id]
		if !ok {
			return
		}
		for _, ip := range identityProps {
			for _, name := range c.strs(ip.prop, "") {
				p := c.t.findParent(name, []string{ip.typ})
				if p == nil {
					continue
				}
				_, att := identityPolicies(p.r)
				*att = append(*att, c.res.id)
				c.onto(p).relate(model.RelAttachedPolicy, c.res.id)
			}
		}
		for _, p := range c.t.built {
			_, att := identityPolicies(p.r)
			if att == nil {
				continue
			}
			listed := false
			for _, ip := range identityProps {
				if ip.typ == p.res.typ {
					for _, name := range c.strs(ip.prop, "") {
						listed = listed || c.t.findParent(name, []string{ip.typ}) == p
					}
				}
			}
			if listed {
				continue
			}
			for _, arn := range *att {
				if c.t.refID(arn) == c.res.id {
					model.KindIAMPolicy.Must(c.onto(self).target).Attachments++
				}
			}
		}
	})
}
