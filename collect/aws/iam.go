package aws

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("iam", true, collectIAM) }

// collectIAM reads the account's IAM principals and policies: users,
// groups, roles, customer-managed policies, and the account-wide password
// policy, summary (root MFA and keys) and credential report.
func collectIAM(ctx context.Context, s *scope) {
	client := iam.NewFromConfig(s.Config())
	collectIAMAccount(ctx, s, client)
	report := credentialReport(ctx, s, client)
	collectIAMUsers(ctx, s, client, report)
	collectIAMGroups(ctx, s, client)
	collectIAMRoles(ctx, s, client)
	collectIAMPolicies(ctx, s, client)
	collectIAMIdentityProviders(ctx, s, client)
}

// iamErrCode is the error code of an API error ("" for other errors).
func iamErrCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// collectIAMAccount fills the password policy and the root facts of the
// aws.account resource.
func collectIAMAccount(ctx context.Context, s *scope, client *iam.Client) {
	out, err := client.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	switch {
	case iamErrCode(err) == "NoSuchEntity":
		// No policy: IAM then accepts any password of 8 or more characters
		// with no other rule; a zero policy makes the length and reuse
		// rules fail, as they must.
		s.accountFact(func(a *model.AWSAccount) { a.PasswordPolicy = &model.AWSPasswordPolicy{} })
	case err != nil:
		s.fail("GetAccountPasswordPolicy", err)
	default:
		p := out.PasswordPolicy
		pp := &model.AWSPasswordPolicy{
			MinimumLength:           int(aws.ToInt32(p.MinimumPasswordLength)),
			RequireUppercase:        p.RequireUppercaseCharacters,
			RequireLowercase:        p.RequireLowercaseCharacters,
			RequireNumbers:          p.RequireNumbers,
			RequireSymbols:          p.RequireSymbols,
			AllowUsersToChange:      p.AllowUsersToChangePassword,
			MaxPasswordAge:          int(aws.ToInt32(p.MaxPasswordAge)),
			PasswordReusePrevention: int(aws.ToInt32(p.PasswordReusePrevention)),
			HardExpiry:              aws.ToBool(p.HardExpiry),
		}
		s.accountFact(func(a *model.AWSAccount) { a.PasswordPolicy = pp })
	}

	sum, err := client.GetAccountSummary(ctx, &iam.GetAccountSummaryInput{})
	if err != nil {
		s.fail("GetAccountSummary", err)
		return
	}
	mfa, mfaOK := sum.SummaryMap["AccountMFAEnabled"]
	keys, keysOK := sum.SummaryMap["AccountAccessKeysPresent"]
	s.accountFact(func(a *model.AWSAccount) {
		if mfaOK {
			a.RootMFAEnabled = boolPtr(mfa > 0)
		}
		if keysOK {
			a.RootAccessKeysPresent = boolPtr(keys > 0)
		}
	})
}

// iamRootRow names the root user's row of the credential report.
const iamRootRow = "<root_account>"

// credentialReport generates and reads the credential report, by user
// name. The root row also fills root facts the summary left unknown.
// Generating it is how IAM serves it (the SecurityAudit policy allows it);
// a report still in progress is polled briefly, then given up on.
func credentialReport(ctx context.Context, s *scope, client *iam.Client) map[string]map[string]string {
	deadline := time.Now().Add(30 * time.Second)
	for wait := 250 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		out, err := client.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
		if err != nil {
			s.fail("GenerateCredentialReport", err)
			return nil
		}
		if out.State == iamtypes.ReportStateTypeComplete {
			break
		}
		if time.Now().After(deadline) {
			s.fail("GenerateCredentialReport", errors.New("credential report still in progress after 30s"))
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
	out, err := client.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
	if err != nil {
		s.fail("GetCredentialReport", err)
		return nil
	}
	rows, err := parseCredentialReport(out.Content)
	if err != nil {
		s.fail("GetCredentialReport", err)
		return nil
	}
	if root := rows[iamRootRow]; root != nil {
		s.accountFact(func(a *model.AWSAccount) {
			if a.RootMFAEnabled == nil && root["mfa_active"] != "" {
				a.RootMFAEnabled = boolPtr(root["mfa_active"] == "true")
			}
			if a.RootAccessKeysPresent == nil && root["access_key_1_active"] != "" {
				a.RootAccessKeysPresent = boolPtr(root["access_key_1_active"] == "true" || root["access_key_2_active"] == "true")
			}
		})
	}
	return rows
}

// parseCredentialReport reads the report's CSV into rows keyed by user.
func parseCredentialReport(content []byte) (map[string]map[string]string, error) {
	recs, err := csv.NewReader(bytes.NewReader(content)).ReadAll()
	if err != nil {
		return nil, err
	}
	rows := map[string]map[string]string{}
	if len(recs) == 0 {
		return rows, nil
	}
	head := recs[0]
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, v := range rec {
			if i < len(head) {
				row[head[i]] = v
			}
		}
		rows[row["user"]] = row
	}
	return rows, nil
}

// iamInline reads the inline policies named by list with get; a policy that
// cannot be read is a collection error and left out.
func iamInline(s *scope, getOp string, names []string, get func(name string) (*string, error)) []model.IAMInlinePolicy {
	out := []model.IAMInlinePolicy{}
	for _, n := range names {
		doc, err := get(n)
		if err != nil {
			s.fail(getOp, err)
			continue
		}
		p := model.IAMInlinePolicy{Name: n}
		if d, err := model.ParsePolicyDocument(aws.ToString(doc)); err == nil {
			p.Document = d
		} else {
			s.fail(getOp, err)
		}
		out = append(out, p)
	}
	return out
}

func iamAttachedARNs(ps []iamtypes.AttachedPolicy) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, aws.ToString(p.PolicyArn))
	}
	return out
}

func iamAttachedRels(arns []string) []model.Relation {
	var rels []model.Relation
	for _, a := range arns {
		rels = append(rels, model.Relation{Type: model.RelAttachedPolicy, Target: a})
	}
	return rels
}

func iamTags(ts []iamtypes.Tag) map[string]string {
	if len(ts) == 0 {
		return nil
	}
	out := make(map[string]string, len(ts))
	for _, t := range ts {
		out[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return out
}

// iamOIDCRaw is the evidence kept for an OIDC provider.
type iamOIDCRaw struct {
	URL            *string `json:"Url"`
	ClientIDList   []string
	ThumbprintList []string
	CreateDate     *time.Time
}

// collectIAMIdentityProviders reads the OIDC and SAML providers roles can
// trust (neither listing is paginated).
func collectIAMIdentityProviders(ctx context.Context, s *scope, client *iam.Client) {
	oidc, err := client.ListOpenIDConnectProviders(ctx, &iam.ListOpenIDConnectProvidersInput{})
	if err != nil {
		s.fail("ListOpenIDConnectProviders", err)
	} else {
		for _, e := range oidc.OpenIDConnectProviderList {
			p, err := client.GetOpenIDConnectProvider(ctx, &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: e.Arn})
			if err != nil {
				s.fail("GetOpenIDConnectProvider", err)
				continue
			}
			a := &model.IAMOIDCProvider{URL: strings.TrimPrefix(aws.ToString(p.Url), "https://"),
				ClientIDs: append([]string{}, p.ClientIDList...), Thumbprints: append([]string{}, p.ThumbprintList...)}
			raw := iamOIDCRaw{URL: p.Url, ClientIDList: p.ClientIDList, ThumbprintList: p.ThumbprintList, CreateDate: p.CreateDate}
			s.add(aws.ToString(e.Arn), "aws.iam.oidc_provider", a.URL, a, raw, iamTags(p.Tags))
		}
	}
	saml, err := client.ListSAMLProviders(ctx, &iam.ListSAMLProvidersInput{})
	if err != nil {
		s.fail("ListSAMLProviders", err)
		return
	}
	for _, e := range saml.SAMLProviderList {
		arn := aws.ToString(e.Arn)
		a := &model.IAMSAMLProvider{Name: arn[strings.LastIndexByte(arn, '/')+1:]}
		if e.ValidUntil != nil {
			a.ValidUntil = e.ValidUntil.UTC().Format(time.RFC3339)
		}
		// GetSAMLProvider carries the tags (moto lacks ListSAMLProviderTags).
		var tags []iamtypes.Tag
		if out, err := client.GetSAMLProvider(ctx, &iam.GetSAMLProviderInput{SAMLProviderArn: e.Arn}); err != nil {
			s.fail("GetSAMLProvider", err)
		} else {
			tags = out.Tags
		}
		s.add(arn, "aws.iam.saml_provider", a.Name, a, e, iamTags(tags))
	}
}

// iamUserRaw is the evidence kept for a user.
type iamUserRaw struct {
	User             iamtypes.User
	LoginProfile     *iamtypes.LoginProfile       `json:",omitempty"`
	MFADevices       []iamtypes.MFADevice         `json:",omitempty"`
	AccessKeys       []iamtypes.AccessKeyMetadata `json:",omitempty"`
	CredentialReport map[string]string            `json:",omitempty"`
}

func collectIAMUsers(ctx context.Context, s *scope, client *iam.Client, report map[string]map[string]string) {
	p := iam.NewListUsersPaginator(client, &iam.ListUsersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListUsers", err)
			return
		}
		for _, u := range page.Users {
			collectIAMUser(ctx, s, client, u, report[aws.ToString(u.UserName)])
		}
	}
}

func collectIAMUser(ctx context.Context, s *scope, client *iam.Client, u iamtypes.User, row map[string]string) {
	name := u.UserName
	raw := iamUserRaw{User: u, CredentialReport: row}
	a := &model.IAMUser{Name: aws.ToString(name), Path: aws.ToString(u.Path),
		Groups: []string{}, AccessKeys: []model.IAMAccessKey{}, AttachedPolicies: []string{}}

	lp, err := client.GetLoginProfile(ctx, &iam.GetLoginProfileInput{UserName: name})
	switch {
	case iamErrCode(err) == "NoSuchEntity":
	case err != nil:
		s.fail("GetLoginProfile", err)
	default:
		a.LoginProfile = true
		raw.LoginProfile = lp.LoginProfile
	}

	mfaKnown := true
	for p := iam.NewListMFADevicesPaginator(client, &iam.ListMFADevicesInput{UserName: name}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListMFADevices", err)
			mfaKnown = false
			break
		}
		raw.MFADevices = append(raw.MFADevices, page.MFADevices...)
	}
	if mfaKnown {
		a.MFAEnabled = boolPtr(len(raw.MFADevices) > 0)
	}

	for p := iam.NewListAccessKeysPaginator(client, &iam.ListAccessKeysInput{UserName: name}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListAccessKeys", err)
			break
		}
		for _, k := range page.AccessKeyMetadata {
			raw.AccessKeys = append(raw.AccessKeys, k)
			key := model.IAMAccessKey{ID: aws.ToString(k.AccessKeyId), Active: k.Status == iamtypes.StatusTypeActive}
			if k.CreateDate != nil {
				key.AgeDays = int(time.Since(*k.CreateDate).Hours() / 24)
			}
			lu, err := client.GetAccessKeyLastUsed(ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: k.AccessKeyId})
			if err != nil {
				s.fail("GetAccessKeyLastUsed", err)
			} else if lu.AccessKeyLastUsed != nil && lu.AccessKeyLastUsed.LastUsedDate != nil {
				key.LastUsed = lu.AccessKeyLastUsed.LastUsedDate.UTC().Format(time.RFC3339)
			}
			a.AccessKeys = append(a.AccessKeys, key)
		}
	}

	for p := iam.NewListGroupsForUserPaginator(client, &iam.ListGroupsForUserInput{UserName: name}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListGroupsForUser", err)
			break
		}
		for _, g := range page.Groups {
			a.Groups = append(a.Groups, aws.ToString(g.GroupName))
		}
	}

	var names []string
	for p := iam.NewListUserPoliciesPaginator(client, &iam.ListUserPoliciesInput{UserName: name}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListUserPolicies", err)
			break
		}
		names = append(names, page.PolicyNames...)
	}
	a.InlinePolicies = iamInline(s, "GetUserPolicy", names, func(n string) (*string, error) {
		out, err := client.GetUserPolicy(ctx, &iam.GetUserPolicyInput{UserName: name, PolicyName: aws.String(n)})
		if err != nil {
			return nil, err
		}
		return out.PolicyDocument, nil
	})

	for p := iam.NewListAttachedUserPoliciesPaginator(client, &iam.ListAttachedUserPoliciesInput{UserName: name}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListAttachedUserPolicies", err)
			break
		}
		a.AttachedPolicies = append(a.AttachedPolicies, iamAttachedARNs(page.AttachedPolicies)...)
	}

	var tags []iamtypes.Tag
	for p := iam.NewListUserTagsPaginator(client, &iam.ListUserTagsInput{UserName: name}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListUserTags", err)
			break
		}
		tags = append(tags, page.Tags...)
	}
	s.add(aws.ToString(u.Arn), "aws.iam.user", a.Name, a, raw, iamTags(tags), iamAttachedRels(a.AttachedPolicies)...)
}

func collectIAMGroups(ctx context.Context, s *scope, client *iam.Client) {
	p := iam.NewListGroupsPaginator(client, &iam.ListGroupsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListGroups", err)
			return
		}
		for _, g := range page.Groups {
			name := g.GroupName
			a := &model.IAMGroup{Name: aws.ToString(name), AttachedPolicies: []string{}}
			var names []string
			for p := iam.NewListGroupPoliciesPaginator(client, &iam.ListGroupPoliciesInput{GroupName: name}); p.HasMorePages(); {
				page, err := p.NextPage(ctx)
				if err != nil {
					s.fail("ListGroupPolicies", err)
					break
				}
				names = append(names, page.PolicyNames...)
			}
			a.InlinePolicies = iamInline(s, "GetGroupPolicy", names, func(n string) (*string, error) {
				out, err := client.GetGroupPolicy(ctx, &iam.GetGroupPolicyInput{GroupName: name, PolicyName: aws.String(n)})
				if err != nil {
					return nil, err
				}
				return out.PolicyDocument, nil
			})
			for p := iam.NewListAttachedGroupPoliciesPaginator(client, &iam.ListAttachedGroupPoliciesInput{GroupName: name}); p.HasMorePages(); {
				page, err := p.NextPage(ctx)
				if err != nil {
					s.fail("ListAttachedGroupPolicies", err)
					break
				}
				a.AttachedPolicies = append(a.AttachedPolicies, iamAttachedARNs(page.AttachedPolicies)...)
			}
			s.add(aws.ToString(g.Arn), "aws.iam.group", a.Name, a, g, nil, iamAttachedRels(a.AttachedPolicies)...)
		}
	}
}

// iamRoleRaw is the evidence kept for a role; RoleLastUsed is in Role.
type iamRoleRaw struct {
	Role             iamtypes.Role
	InstanceProfiles []string `json:",omitempty"`
}

func collectIAMRoles(ctx context.Context, s *scope, client *iam.Client) {
	profiles := roleInstanceProfiles(ctx, s, client)
	p := iam.NewListRolesPaginator(client, &iam.ListRolesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListRoles", err)
			return
		}
		for _, r := range page.Roles {
			name := r.RoleName
			// ListRoles leaves out the permissions boundary, tags and last use.
			if out, err := client.GetRole(ctx, &iam.GetRoleInput{RoleName: name}); err != nil {
				s.fail("GetRole", err)
			} else if out.Role != nil {
				r = *out.Role
			}
			a := &model.IAMRole{Name: aws.ToString(name), Path: aws.ToString(r.Path),
				MaxSessionDuration: int(aws.ToInt32(r.MaxSessionDuration)), AttachedPolicies: []string{}}
			if r.AssumeRolePolicyDocument != nil {
				if d, err := model.ParsePolicyDocument(*r.AssumeRolePolicyDocument); err == nil {
					a.AssumeRolePolicy = d
				} else {
					s.fail("GetRole", err)
				}
			}
			if r.PermissionsBoundary != nil {
				a.PermissionsBoundary = aws.ToString(r.PermissionsBoundary.PermissionsBoundaryArn)
			}
			var names []string
			for p := iam.NewListRolePoliciesPaginator(client, &iam.ListRolePoliciesInput{RoleName: name}); p.HasMorePages(); {
				page, err := p.NextPage(ctx)
				if err != nil {
					s.fail("ListRolePolicies", err)
					break
				}
				names = append(names, page.PolicyNames...)
			}
			a.InlinePolicies = iamInline(s, "GetRolePolicy", names, func(n string) (*string, error) {
				out, err := client.GetRolePolicy(ctx, &iam.GetRolePolicyInput{RoleName: name, PolicyName: aws.String(n)})
				if err != nil {
					return nil, err
				}
				return out.PolicyDocument, nil
			})
			for p := iam.NewListAttachedRolePoliciesPaginator(client, &iam.ListAttachedRolePoliciesInput{RoleName: name}); p.HasMorePages(); {
				page, err := p.NextPage(ctx)
				if err != nil {
					s.fail("ListAttachedRolePolicies", err)
					break
				}
				a.AttachedPolicies = append(a.AttachedPolicies, iamAttachedARNs(page.AttachedPolicies)...)
			}
			raw := iamRoleRaw{Role: r, InstanceProfiles: profiles[a.Name]}
			s.add(aws.ToString(r.Arn), "aws.iam.role", a.Name, a, raw, iamTags(r.Tags), iamAttachedRels(a.AttachedPolicies)...)
		}
	}
}

// roleInstanceProfiles maps role names to the ARNs of the instance
// profiles that hold them (one listing for the account, not one per role).
func roleInstanceProfiles(ctx context.Context, s *scope, client *iam.Client) map[string][]string {
	out := map[string][]string{}
	p := iam.NewListInstanceProfilesPaginator(client, &iam.ListInstanceProfilesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListInstanceProfiles", err)
			return out
		}
		for _, ip := range page.InstanceProfiles {
			for _, r := range ip.Roles {
				n := aws.ToString(r.RoleName)
				out[n] = append(out[n], aws.ToString(ip.Arn))
			}
		}
	}
	return out
}

// iamPolicyRaw is the evidence kept for a customer-managed policy.
type iamPolicyRaw struct {
	Policy         iamtypes.Policy
	DefaultVersion *iamtypes.PolicyVersion `json:",omitempty"`
}

// collectIAMPolicies reads customer-managed policies only: AWS managed
// policies are not resources of the account (their use shows on the
// principals that attach them).
func collectIAMPolicies(ctx context.Context, s *scope, client *iam.Client) {
	p := iam.NewListPoliciesPaginator(client, &iam.ListPoliciesInput{Scope: iamtypes.PolicyScopeTypeLocal})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListPolicies", err)
			return
		}
		for _, pol := range page.Policies {
			a := &model.IAMPolicy{Name: aws.ToString(pol.PolicyName), Path: aws.ToString(pol.Path),
				Attachments: int(aws.ToInt32(pol.AttachmentCount))}
			raw := iamPolicyRaw{Policy: pol}
			v, err := client.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: pol.Arn, VersionId: pol.DefaultVersionId})
			if err != nil {
				s.fail("GetPolicyVersion", err)
			} else if v.PolicyVersion != nil {
				raw.DefaultVersion = v.PolicyVersion
				if d, err := model.ParsePolicyDocument(aws.ToString(v.PolicyVersion.Document)); err == nil {
					a.Document = d
				} else {
					s.fail("GetPolicyVersion", err)
				}
			}
			var tags []iamtypes.Tag
			for tp := iam.NewListPolicyTagsPaginator(client, &iam.ListPolicyTagsInput{PolicyArn: pol.Arn}); tp.HasMorePages(); {
				page, err := tp.NextPage(ctx)
				if err != nil {
					s.fail("ListPolicyTags", err)
					break
				}
				tags = append(tags, page.Tags...)
			}
			s.add(aws.ToString(pol.Arn), "aws.iam.policy", a.Name, a, raw, iamTags(tags))
		}
	}
}
