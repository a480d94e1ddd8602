package tfaws

import (
	"crypto/x509"
	"encoding/pem"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/model"
)

// IAM: customer-managed policies, roles, users and groups with their inline
// policies (inline blocks or split resources), managed policy attachments
// and group memberships.
func init() {
	registerParent("aws_iam_policy", model.KindIAMPolicy, func(b *Builder) {
		a := model.KindIAMPolicy.Must(b.R)
		a.Name = nameOrUnknown(b)
		a.Path = b.String("path", "path", "/")
		a.Document = b.Policy("policy", "document")
	})

	roleTypes := []string{"aws_iam_role"}
	registerParent("aws_iam_role", model.KindIAMRole, func(b *Builder) {
		a := model.KindIAMRole.Must(b.R)
		a.Name = nameOrUnknown(b)
		a.Path = b.String("path", "path", "/")
		a.AssumeRolePolicy = b.Policy("assume_role_policy", "assume_role_policy")
		a.InlinePolicies = readInlinePolicyBlocks(b)
		a.AttachedPolicies = b.Strings("managed_policy_arns", "attached_policies")
		a.PermissionsBoundary = b.String("permissions_boundary", "permissions_boundary", "")
		a.MaxSessionDuration = b.Int("max_session_duration", "max_session_duration", 3600)
	})
	registerChild("aws_iam_role_policy", "role", roleTypes, func(p *Builder, c *Child) {
		a := model.KindIAMRole.Must(p.R)
		a.InlinePolicies = append(a.InlinePolicies, readInlinePolicy(c, len(a.InlinePolicies)))
	})
	registerChild("aws_iam_role_policy_attachment", "role", roleTypes, func(p *Builder, c *Child) {
		a := model.KindIAMRole.Must(p.R)
		a.AttachedPolicies = attachPolicy(p, c, a.AttachedPolicies)
	})

	userTypes := []string{"aws_iam_user"}
	registerParent("aws_iam_user", model.KindIAMUser, func(b *Builder) {
		a := model.KindIAMUser.Must(b.R)
		a.Name = nameOrUnknown(b)
		a.Path = b.String("path", "path", "/")
		// An MFA device is enabled in the live account, not in Terraform,
		// and a password is used there.
		b.R.MarkUnknown("mfa_enabled")
		b.R.MarkUnknown("password_unused_days")
	})
	registerChild("aws_iam_user_policy", "user", userTypes, func(p *Builder, c *Child) {
		a := model.KindIAMUser.Must(p.R)
		a.InlinePolicies = append(a.InlinePolicies, readInlinePolicy(c, len(a.InlinePolicies)))
	})
	registerChild("aws_iam_user_policy_attachment", "user", userTypes, func(p *Builder, c *Child) {
		a := model.KindIAMUser.Must(p.R)
		a.AttachedPolicies = attachPolicy(p, c, a.AttachedPolicies)
	})
	registerChild("aws_iam_user_login_profile", "user", userTypes, func(p *Builder, c *Child) {
		model.KindIAMUser.Must(p.R).LoginProfile = true
		locateBlock(c, "login_profile")
	})
	registerChild("aws_iam_user_group_membership", "user", userTypes, func(p *Builder, c *Child) {
		a := model.KindIAMUser.Must(p.R)
		a.Groups = appendUnique(a.Groups, c.Strings("groups", "groups")...)
	})
	registerChild("aws_iam_access_key", "user", userTypes, func(p *Builder, c *Child) {
		a := model.KindIAMUser.Must(p.R)
		base := model.Path("access_keys", len(a.AccessKeys))
		a.AccessKeys = append(a.AccessKeys, model.IAMAccessKey{
			Active: c.String("status", base+".active", "Active") == "Active",
		})
		// Its id, age and last use exist only once it is created.
		for _, f := range []string{"id", "age_days", "last_used", "unused_days"} {
			p.R.MarkUnknown(base + "." + f)
		}
		locateBlock(c, base)
	})

	groupTypes := []string{"aws_iam_group"}
	registerParent("aws_iam_group", model.KindIAMGroup, func(b *Builder) {
		a := model.KindIAMGroup.Must(b.R)
		a.Name = nameOrUnknown(b)
	})
	registerChild("aws_iam_group_policy", "group", groupTypes, func(p *Builder, c *Child) {
		a := model.KindIAMGroup.Must(p.R)
		a.InlinePolicies = append(a.InlinePolicies, readInlinePolicy(c, len(a.InlinePolicies)))
	})
	registerChild("aws_iam_group_policy_attachment", "group", groupTypes, func(p *Builder, c *Child) {
		a := model.KindIAMGroup.Must(p.R)
		a.AttachedPolicies = attachPolicy(p, c, a.AttachedPolicies)
	})

	// These name many parents at once, so they are resolved by a finisher.
	registerHelper("aws_iam_policy_attachment", func(b *Builder) { b.drop = true })
	registerHelper("aws_iam_group_membership", func(b *Builder) { b.drop = true })
	finishers = append(finishers, finishIAM)
}

// nameOrUnknown reads name; a generated name (name_prefix or none) is not
// known before apply.
func nameOrUnknown(b *Builder) string {
	n := b.String("name", "name", "")
	if n != "" {
		b.R.Name = n
	} else if !b.Has("name") {
		b.R.MarkUnknown("name")
	}
	return n
}

func readInlinePolicyBlocks(b *Builder) []model.IAMInlinePolicy {
	var out []model.IAMInlinePolicy
	for i := range b.Blocks("inline_policy") {
		tf := model.Path("inline_policy", i)
		base := model.Path("inline_policies", len(out))
		// An empty inline_policy block only asserts "no inline policies".
		if !b.Has(tf + ".policy") {
			continue
		}
		out = append(out, model.IAMInlinePolicy{
			Name:     b.String(tf+".name", base+".name", ""),
			Document: b.Policy(tf+".policy", base+".document"),
		})
		b.locate(tf, base)
	}
	return out
}

func readInlinePolicy(c *Child, i int) model.IAMInlinePolicy {
	base := model.Path("inline_policies", i)
	p := model.IAMInlinePolicy{
		Name:     c.String("name", base+".name", ""),
		Document: c.Policy("policy", base+".document"),
	}
	locateBlock(c, base)
	return p
}

// attachPolicy appends the policy a *_policy_attachment names. A policy_arn
// that refers to an aws_iam_policy of the same configuration is recorded by
// that policy's resource id (its ARN is not known before apply); the
// reference is resolved in finishIAM, which falls back to the literal value.
func attachPolicy(p *Builder, c *Child, list []string) []string {
	path := model.Path("attached_policies", len(list))
	v, ok := c.Lookup("policy_arn")
	if !ok {
		return list
	}
	locateBlock(c, path)
	s, isStr := v.(string)
	if refs := c.In.Refs["policy_arn"]; len(refs) > 0 {
		return append(list, refPlaceholder+c.In.Module+"|"+refs[0]+"\x00"+s)
	}
	if isStr && s != "" {
		p.R.Relations = append(p.R.Relations, model.Relation{Type: model.RelAttachedPolicy, Target: s})
		return append(list, s)
	}
	p.R.MarkUnknown(path)
	return append(list, "")
}

const refPlaceholder = "\x00ref:"

// finishIAM resolves policy references, aws_iam_policy_attachment (policy
// to many roles/users/groups), aws_iam_group_membership (group to many
// users), and counts each customer policy's attachments.
func finishIAM(all []*Builder) {
	byAddr := map[string]*Builder{}
	byValue := map[string]*Builder{} // module|type|name-or-arn
	for _, b := range all {
		byAddr[b.In.Module+"|"+b.In.BaseAddress()] = b
		for _, id := range b.identities() {
			byValue[b.In.Module+"|"+b.In.Type+"|"+id] = b
		}
	}
	find := func(b *Builder, attr, typ string, value string) *Builder {
		for _, r := range b.In.Refs[attr] {
			if p := byAddr[b.In.Module+"|"+r]; p != nil && p.In.Type == typ {
				return p
			}
		}
		return byValue[b.In.Module+"|"+typ+"|"+value]
	}
	// policyID is how a policy is named in attached_policies.
	policyID := func(pol *Builder) string {
		if s, ok := pol.In.Values["arn"].(string); ok && s != "" {
			return s
		}
		return pol.R.ID
	}
	for _, b := range all {
		switch b.In.Type {
		case "aws_iam_policy_attachment":
			arn, _ := b.In.Values["policy_arn"].(string)
			id := arn
			if pol := find(b, "policy_arn", "aws_iam_policy", arn); pol != nil {
				id = policyID(pol)
			}
			if id == "" {
				continue
			}
			for _, kind := range []struct{ attr, typ string }{{"roles", "aws_iam_role"}, {"users", "aws_iam_user"}, {"groups", "aws_iam_group"}} {
				for _, name := range listOfStrings(b.In.Values[kind.attr]) {
					if t := find(b, kind.attr, kind.typ, name); t != nil {
						attachTo(t, id, b)
					}
				}
				// Targets named only by reference to an unknown value.
				if len(listOfStrings(b.In.Values[kind.attr])) == 0 {
					for _, r := range b.In.Refs[kind.attr] {
						if t := byAddr[b.In.Module+"|"+r]; t != nil && t.In.Type == kind.typ {
							attachTo(t, id, b)
						}
					}
				}
			}
		case "aws_iam_group_membership":
			gname, _ := b.In.Values["group"].(string)
			g := find(b, "group", "aws_iam_group", gname)
			if g != nil {
				gname = model.KindIAMGroup.Must(g.R).Name
			}
			if gname == "" {
				continue
			}
			users := map[*Builder]bool{}
			for _, name := range listOfStrings(b.In.Values["users"]) {
				if u := byValue[b.In.Module+"|aws_iam_user|"+name]; u != nil {
					users[u] = true
				}
			}
			for _, r := range b.In.Refs["users"] {
				if u := byAddr[b.In.Module+"|"+r]; u != nil && u.In.Type == "aws_iam_user" {
					users[u] = true
				}
			}
			for u := range users {
				a := model.KindIAMUser.Must(u.R)
				a.Groups = appendUnique(a.Groups, gname)
			}
		}
	}
	// Replace references by policy ids and count attachments.
	policies := map[string]*Builder{}
	for _, b := range all {
		if b.In.Type == "aws_iam_policy" {
			policies[policyID(b)] = b
		}
	}
	for _, b := range all {
		var list []string
		switch a := b.R.Attributes.(type) {
		case *model.IAMRole:
			list = a.AttachedPolicies
		case *model.IAMUser:
			list = a.AttachedPolicies
		case *model.IAMGroup:
			list = a.AttachedPolicies
		default:
			continue
		}
		for i, s := range list {
			if len(s) > len(refPlaceholder) && s[:len(refPlaceholder)] == refPlaceholder {
				ref, literal, _ := strings.Cut(s[len(refPlaceholder):], "\x00")
				if pol := byAddr[ref]; pol != nil && pol.In.Type == "aws_iam_policy" {
					list[i] = policyID(pol)
					b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelAttachedPolicy, Target: pol.R.ID})
				} else if literal != "" {
					list[i] = literal
					b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelAttachedPolicy, Target: literal})
				} else {
					list[i] = ""
					b.R.MarkUnknown(model.Path("attached_policies", i))
				}
			}
			if pol := policies[list[i]]; pol != nil {
				model.KindIAMPolicy.Must(pol.R).Attachments++
			}
		}
	}
}

func attachTo(t *Builder, id string, from *Builder) {
	var list *[]string
	switch a := t.R.Attributes.(type) {
	case *model.IAMRole:
		list = &a.AttachedPolicies
	case *model.IAMUser:
		list = &a.AttachedPolicies
	case *model.IAMGroup:
		list = &a.AttachedPolicies
	default:
		return
	}
	for _, s := range *list {
		if s == id {
			return
		}
	}
	path := model.Path("attached_policies", len(*list))
	*list = append(*list, id)
	l := from.In.Range
	if l.File == "" {
		l.File = from.In.File
	}
	t.R.SetAttributeLocation(path, l)
	t.R.Ignores = append(t.R.Ignores, from.In.Ignores...)
}

func listOfStrings(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, e := range l {
		if s, ok := e.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

func appendUnique(list []string, vals ...string) []string {
	for _, v := range vals {
		dup := false
		for _, s := range list {
			if s == v {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// An IAM server certificate's expiry is the notAfter of the PEM body it
// uploads, known before apply when the body is (a literal or file()). A
// body that is unknown or does not parse leaves it unknown.
func init() {
	registerParent("aws_iam_server_certificate", model.KindIAMServerCertificate, func(b *Builder) {
		a := model.KindIAMServerCertificate.Must(b.R)
		a.Name = nameOrUnknown(b)
		a.Path = b.String("path", "path", "/")
		body, ok := b.Lookup("certificate_body")
		s, isStr := body.(string)
		if !ok || !isStr {
			b.R.MarkUnknown("expiration")
			b.R.MarkUnknown("expired")
			return
		}
		blk, _ := pem.Decode([]byte(s))
		var cert *x509.Certificate
		if blk != nil {
			cert, _ = x509.ParseCertificate(blk.Bytes)
		}
		if cert == nil {
			b.R.MarkUnknown("expiration")
			b.R.MarkUnknown("expired")
			return
		}
		a.Expiration = cert.NotAfter.UTC().Format(time.RFC3339)
		a.Expired = time.Now().After(cert.NotAfter)
		locateBlock(b, "expired")
	})
}
