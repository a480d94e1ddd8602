package aws

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

var iamCtx = context.Background()

func iamFragment(t *testing.T) (*iam.Client, *iamWorld) {
	t.Helper()
	w := fragmentWorld(t, "iam")
	cfg, _ := testCloud(t, w)
	return iam.NewFromConfig(cfg), w.Account(fragmentAccount).worldOf("iam", Global).(*iamWorld)
}

// iamWantCode fails unless err is the AWS error code.
func iamWantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != code {
		t.Errorf("%s: want %s, got %v", what, code, err)
	}
}

// iamDecoded URL-decodes a document IAM sent, failing unless it was
// encoded as IAM encodes them.
func iamDecoded(t *testing.T, s *string) *string {
	t.Helper()
	if s == nil {
		return nil
	}
	if !strings.HasPrefix(*s, "%7B") || strings.ContainsAny(*s, "{\" ") {
		t.Errorf("document is not URL-encoded: %s", *s)
	}
	d, err := url.QueryUnescape(*s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

func iamMust[T any](t *testing.T, what string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

// Every operation the collector calls decodes through the SDK's own client
// and returns the world's values.
func TestIAMRoundTrip(t *testing.T) {
	client, w := iamFragment(t)

	pp := iamMust[*iam.GetAccountPasswordPolicyOutput](t, "GetAccountPasswordPolicy")(client.GetAccountPasswordPolicy(iamCtx, &iam.GetAccountPasswordPolicyInput{}))
	sameJSON(t, "password policy", pp.PasswordPolicy, w.PasswordPolicy)

	sum := iamMust[*iam.GetAccountSummaryOutput](t, "GetAccountSummary")(client.GetAccountSummary(iamCtx, &iam.GetAccountSummaryInput{}))
	for k, v := range map[string]int32{"Users": 3, "Groups": 3, "Roles": 5, "Policies": 3, "PolicyVersionsInUse": 4,
		"InstanceProfiles": 2, "Providers": 3, "MFADevices": 2, "AccountMFAEnabled": 1, "AccountAccessKeysPresent": 1, "UsersQuota": 5000} {
		if got, ok := sum.SummaryMap[k]; !ok || got != v {
			t.Errorf("summary %s = %d (present %v), want %d", k, got, ok, v)
		}
	}

	users := iamMust[*iam.ListUsersOutput](t, "ListUsers")(client.ListUsers(iamCtx, &iam.ListUsersInput{}))
	var wantUsers []iamtypes.User
	for _, u := range w.Users {
		x := u.User
		x.Tags = nil // listings leave tags out
		wantUsers = append(wantUsers, x)
	}
	sameJSON(t, "ListUsers", users.Users, wantUsers)
	if users.IsTruncated || users.Marker != nil {
		t.Errorf("one page: truncated %v marker %v", users.IsTruncated, users.Marker)
	}
	eng := iamMust[*iam.ListUsersOutput](t, "ListUsers")(client.ListUsers(iamCtx, &iam.ListUsersInput{PathPrefix: aws.String("/engineering/")}))
	if len(eng.Users) != 1 || aws.ToString(eng.Users[0].UserName) != "alice" {
		t.Errorf("PathPrefix /engineering/: %v", eng.Users)
	}

	for _, u := range w.Users {
		name := u.User.UserName
		lp, err := client.GetLoginProfile(iamCtx, &iam.GetLoginProfileInput{UserName: name})
		if u.LoginProfile == nil {
			iamWantCode(t, "GetLoginProfile "+*name, err, "NoSuchEntity")
		} else if err != nil {
			t.Errorf("GetLoginProfile %s: %v", *name, err)
		} else {
			want := *u.LoginProfile
			want.UserName = name
			sameJSON(t, "login profile "+*name, lp.LoginProfile, &want)
		}

		mfa := iamMust[*iam.ListMFADevicesOutput](t, "ListMFADevices")(client.ListMFADevices(iamCtx, &iam.ListMFADevicesInput{UserName: name}))
		wantMFA := []iamtypes.MFADevice{} // an empty list is sent, and decoded, as one
		for _, d := range u.MFADevices {
			d.UserName = name
			wantMFA = append(wantMFA, d)
		}
		sameJSON(t, "MFA devices "+*name, mfa.MFADevices, wantMFA)

		keys := iamMust[*iam.ListAccessKeysOutput](t, "ListAccessKeys")(client.ListAccessKeys(iamCtx, &iam.ListAccessKeysInput{UserName: name}))
		wantKeys := []iamtypes.AccessKeyMetadata{}
		for _, k := range u.AccessKeys {
			m := k.Key
			m.UserName = name
			wantKeys = append(wantKeys, m)
			lu := iamMust[*iam.GetAccessKeyLastUsedOutput](t, "GetAccessKeyLastUsed")(client.GetAccessKeyLastUsed(iamCtx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: k.Key.AccessKeyId}))
			want := &iamtypes.AccessKeyLastUsed{Region: aws.String("N/A"), ServiceName: aws.String("N/A")}
			if k.LastUsed != nil {
				want = k.LastUsed
			}
			sameJSON(t, "last used "+*k.Key.AccessKeyId, lu.AccessKeyLastUsed, want)
			if aws.ToString(lu.UserName) != *name {
				t.Errorf("key %s belongs to %v", *k.Key.AccessKeyId, lu.UserName)
			}
		}
		sameJSON(t, "access keys "+*name, keys.AccessKeyMetadata, wantKeys)

		groups := iamMust[*iam.ListGroupsForUserOutput](t, "ListGroupsForUser")(client.ListGroupsForUser(iamCtx, &iam.ListGroupsForUserInput{UserName: name}))
		var gotGroups []string
		for _, g := range groups.Groups {
			gotGroups = append(gotGroups, aws.ToString(g.GroupName))
		}
		sameJSON(t, "groups of "+*name, gotGroups, u.Groups)

		pols := iamMust[*iam.ListUserPoliciesOutput](t, "ListUserPolicies")(client.ListUserPolicies(iamCtx, &iam.ListUserPoliciesInput{UserName: name}))
		sameJSON(t, "inline policies of "+*name, pols.PolicyNames, iamInlineNames(u.InlinePolicies))
		for _, p := range u.InlinePolicies {
			got := iamMust[*iam.GetUserPolicyOutput](t, "GetUserPolicy")(client.GetUserPolicy(iamCtx, &iam.GetUserPolicyInput{UserName: name, PolicyName: aws.String(p.Name)}))
			if d := iamDecoded(t, got.PolicyDocument); *d != p.Document || *got.PolicyName != p.Name || *got.UserName != *name {
				t.Errorf("GetUserPolicy %s/%s: %s", *name, p.Name, *d)
			}
		}

		att := iamMust[*iam.ListAttachedUserPoliciesOutput](t, "ListAttachedUserPolicies")(client.ListAttachedUserPolicies(iamCtx, &iam.ListAttachedUserPoliciesInput{UserName: name}))
		var arns []string
		for _, a := range att.AttachedPolicies {
			arns = append(arns, aws.ToString(a.PolicyArn))
		}
		sameJSON(t, "attached to "+*name, arns, u.AttachedPolicies)

		tags := iamMust[*iam.ListUserTagsOutput](t, "ListUserTags")(client.ListUserTags(iamCtx, &iam.ListUserTagsInput{UserName: name}))
		sameJSON(t, "tags of "+*name, tags.Tags, append([]iamtypes.Tag{}, u.User.Tags...))
	}
	att := iamMust[*iam.ListAttachedUserPoliciesOutput](t, "ListAttachedUserPolicies")(client.ListAttachedUserPolicies(iamCtx, &iam.ListAttachedUserPoliciesInput{UserName: aws.String("deploy-bot")}))
	sameJSON(t, "attached policy names", att.AttachedPolicies, []iamtypes.AttachedPolicy{
		{PolicyArn: aws.String("arn:aws:iam::aws:policy/AdministratorAccess"), PolicyName: aws.String("AdministratorAccess")}})

	groups := iamMust[*iam.ListGroupsOutput](t, "ListGroups")(client.ListGroups(iamCtx, &iam.ListGroupsInput{}))
	var wantGroups []iamtypes.Group
	for _, g := range w.Groups {
		wantGroups = append(wantGroups, g.Group)
		name := g.Group.GroupName
		pols := iamMust[*iam.ListGroupPoliciesOutput](t, "ListGroupPolicies")(client.ListGroupPolicies(iamCtx, &iam.ListGroupPoliciesInput{GroupName: name}))
		sameJSON(t, "inline policies of "+*name, pols.PolicyNames, iamInlineNames(g.InlinePolicies))
		for _, p := range g.InlinePolicies {
			got := iamMust[*iam.GetGroupPolicyOutput](t, "GetGroupPolicy")(client.GetGroupPolicy(iamCtx, &iam.GetGroupPolicyInput{GroupName: name, PolicyName: aws.String(p.Name)}))
			if d := iamDecoded(t, got.PolicyDocument); *d != p.Document {
				t.Errorf("GetGroupPolicy %s/%s: %s", *name, p.Name, *d)
			}
		}
		att := iamMust[*iam.ListAttachedGroupPoliciesOutput](t, "ListAttachedGroupPolicies")(client.ListAttachedGroupPolicies(iamCtx, &iam.ListAttachedGroupPoliciesInput{GroupName: name}))
		var arns []string
		for _, a := range att.AttachedPolicies {
			arns = append(arns, aws.ToString(a.PolicyArn))
		}
		sameJSON(t, "attached to "+*name, arns, g.AttachedPolicies)
	}
	sameJSON(t, "ListGroups", groups.Groups, wantGroups)

	roles := iamMust[*iam.ListRolesOutput](t, "ListRoles")(client.ListRoles(iamCtx, &iam.ListRolesInput{}))
	var wantListed []iamtypes.Role
	for i, r := range w.Roles {
		x := r.Role
		x.PermissionsBoundary, x.Tags, x.RoleLastUsed = nil, nil, nil
		wantListed = append(wantListed, x)
		if i < len(roles.Roles) {
			roles.Roles[i].AssumeRolePolicyDocument = iamDecoded(t, roles.Roles[i].AssumeRolePolicyDocument)
		}

		name := r.Role.RoleName
		got := iamMust[*iam.GetRoleOutput](t, "GetRole")(client.GetRole(iamCtx, &iam.GetRoleInput{RoleName: name}))
		got.Role.AssumeRolePolicyDocument = iamDecoded(t, got.Role.AssumeRolePolicyDocument)
		sameJSON(t, "GetRole "+*name, got.Role, &r.Role)

		pols := iamMust[*iam.ListRolePoliciesOutput](t, "ListRolePolicies")(client.ListRolePolicies(iamCtx, &iam.ListRolePoliciesInput{RoleName: name}))
		sameJSON(t, "inline policies of "+*name, pols.PolicyNames, iamInlineNames(r.InlinePolicies))
		for _, p := range r.InlinePolicies {
			got := iamMust[*iam.GetRolePolicyOutput](t, "GetRolePolicy")(client.GetRolePolicy(iamCtx, &iam.GetRolePolicyInput{RoleName: name, PolicyName: aws.String(p.Name)}))
			if d := iamDecoded(t, got.PolicyDocument); *d != p.Document {
				t.Errorf("GetRolePolicy %s/%s: %s", *name, p.Name, *d)
			}
		}
		att := iamMust[*iam.ListAttachedRolePoliciesOutput](t, "ListAttachedRolePolicies")(client.ListAttachedRolePolicies(iamCtx, &iam.ListAttachedRolePoliciesInput{RoleName: name}))
		var arns []string
		for _, a := range att.AttachedPolicies {
			arns = append(arns, aws.ToString(a.PolicyArn))
		}
		sameJSON(t, "attached to "+*name, arns, r.AttachedPolicies)
	}
	sameJSON(t, "ListRoles", roles.Roles, wantListed)
	ci := iamMust[*iam.ListRolesOutput](t, "ListRoles")(client.ListRoles(iamCtx, &iam.ListRolesInput{PathPrefix: aws.String("/ci/")}))
	if len(ci.Roles) != 2 {
		t.Errorf("PathPrefix /ci/: %d roles", len(ci.Roles))
	}

	ips := iamMust[*iam.ListInstanceProfilesOutput](t, "ListInstanceProfiles")(client.ListInstanceProfiles(iamCtx, &iam.ListInstanceProfilesInput{}))
	if len(ips.InstanceProfiles) != 2 {
		t.Fatalf("instance profiles: %d", len(ips.InstanceProfiles))
	}
	web := ips.InstanceProfiles[0]
	if len(web.Roles) != 1 || aws.ToString(web.Roles[0].Arn) != "arn:aws:iam::111111111111:role/web-server" || len(ips.InstanceProfiles[1].Roles) != 0 {
		t.Errorf("instance profile roles: %+v", ips.InstanceProfiles)
	}
	web.Roles = nil
	sameJSON(t, "instance profile", web, w.InstanceProfiles[0].Profile)

	local := iamMust[*iam.ListPoliciesOutput](t, "ListPolicies")(client.ListPolicies(iamCtx, &iam.ListPoliciesInput{Scope: iamtypes.PolicyScopeTypeLocal}))
	type counts struct {
		Name, Default         string
		Attached, AsBoundary  int32
		HasTags, HasDescribed bool
	}
	var gotCounts []counts
	for _, p := range local.Policies {
		gotCounts = append(gotCounts, counts{aws.ToString(p.PolicyName), aws.ToString(p.DefaultVersionId),
			aws.ToInt32(p.AttachmentCount), aws.ToInt32(p.PermissionsBoundaryUsageCount), p.Tags != nil, p.Description != nil})
	}
	sameJSON(t, "customer-managed policies", gotCounts, []counts{
		{"OpsFullAccess", "v2", 1, 0, false, false}, {"ArtifactsReadWrite", "v1", 2, 0, false, false}, {"VendorBoundary", "v1", 0, 1, false, false}})
	awsOnly := iamMust[*iam.ListPoliciesOutput](t, "ListPolicies")(client.ListPolicies(iamCtx, &iam.ListPoliciesInput{Scope: iamtypes.PolicyScopeTypeAws}))
	if len(awsOnly.Policies) != 1 || aws.ToString(awsOnly.Policies[0].PolicyName) != "AdministratorAccess" || aws.ToInt32(awsOnly.Policies[0].AttachmentCount) != 2 {
		t.Errorf("AWS-managed policies: %+v", awsOnly.Policies)
	}
	attached := iamMust[*iam.ListPoliciesOutput](t, "ListPolicies")(client.ListPolicies(iamCtx, &iam.ListPoliciesInput{OnlyAttached: true}))
	if len(attached.Policies) != 3 {
		t.Errorf("OnlyAttached: %d policies", len(attached.Policies))
	}
	for _, p := range w.Policies {
		for _, v := range p.Versions {
			got := iamMust[*iam.GetPolicyVersionOutput](t, "GetPolicyVersion")(client.GetPolicyVersion(iamCtx, &iam.GetPolicyVersionInput{PolicyArn: p.Policy.Arn, VersionId: v.VersionId}))
			got.PolicyVersion.Document = iamDecoded(t, got.PolicyVersion.Document)
			sameJSON(t, "policy version", got.PolicyVersion, &v)
		}
		tags := iamMust[*iam.ListPolicyTagsOutput](t, "ListPolicyTags")(client.ListPolicyTags(iamCtx, &iam.ListPolicyTagsInput{PolicyArn: p.Policy.Arn}))
		sameJSON(t, "policy tags", tags.Tags, append([]iamtypes.Tag{}, p.Policy.Tags...))
	}

	oidc := iamMust[*iam.ListOpenIDConnectProvidersOutput](t, "ListOpenIDConnectProviders")(client.ListOpenIDConnectProviders(iamCtx, &iam.ListOpenIDConnectProvidersInput{}))
	if len(oidc.OpenIDConnectProviderList) != 1 || aws.ToString(oidc.OpenIDConnectProviderList[0].Arn) != "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" {
		t.Fatalf("OIDC providers: %+v", oidc.OpenIDConnectProviderList)
	}
	op := iamMust[*iam.GetOpenIDConnectProviderOutput](t, "GetOpenIDConnectProvider")(client.GetOpenIDConnectProvider(iamCtx, &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: oidc.OpenIDConnectProviderList[0].Arn}))
	o := w.OIDCProviders[0]
	sameJSON(t, "OIDC provider", []any{op.Url, op.ClientIDList, op.ThumbprintList, op.CreateDate, op.Tags}, []any{o.URL, o.ClientIDs, o.Thumbprints, o.CreateDate, o.Tags})

	saml := iamMust[*iam.ListSAMLProvidersOutput](t, "ListSAMLProviders")(client.ListSAMLProviders(iamCtx, &iam.ListSAMLProvidersInput{}))
	if len(saml.SAMLProviderList) != 2 {
		t.Fatalf("SAML providers: %+v", saml.SAMLProviderList)
	}
	for i, e := range saml.SAMLProviderList {
		s := w.SAMLProviders[i]
		sameJSON(t, "SAML entry", e, iamtypes.SAMLProviderListEntry{Arn: aws.String("arn:aws:iam::111111111111:saml-provider/" + s.Name), CreateDate: s.CreateDate, ValidUntil: s.ValidUntil})
		got := iamMust[*iam.GetSAMLProviderOutput](t, "GetSAMLProvider")(client.GetSAMLProvider(iamCtx, &iam.GetSAMLProviderInput{SAMLProviderArn: e.Arn}))
		sameJSON(t, "SAML provider", []any{got.SAMLMetadataDocument, got.SAMLProviderUUID, got.CreateDate, got.ValidUntil, got.Tags},
			[]any{s.Metadata, s.UUID, s.CreateDate, s.ValidUntil, s.Tags})
	}
}

// IAM answers a missing entity with NoSuchEntity, and an account without a
// password policy likewise.
func TestIAMErrors(t *testing.T) {
	client, w := iamFragment(t)
	for what, call := range map[string]func() error{
		"GetRole": func() error {
			_, err := client.GetRole(iamCtx, &iam.GetRoleInput{RoleName: aws.String("no-such-role")})
			return err
		},
		"ListAccessKeys": func() error {
			_, err := client.ListAccessKeys(iamCtx, &iam.ListAccessKeysInput{UserName: aws.String("mallory")})
			return err
		},
		"GetUserPolicy": func() error {
			_, err := client.GetUserPolicy(iamCtx, &iam.GetUserPolicyInput{UserName: aws.String("alice"), PolicyName: aws.String("none")})
			return err
		},
		"ListGroupPolicies": func() error {
			_, err := client.ListGroupPolicies(iamCtx, &iam.ListGroupPoliciesInput{GroupName: aws.String("nobody")})
			return err
		},
		"GetPolicyVersion": func() error {
			_, err := client.GetPolicyVersion(iamCtx, &iam.GetPolicyVersionInput{PolicyArn: aws.String("arn:aws:iam::111111111111:policy/OpsFullAccess"), VersionId: aws.String("v9")})
			return err
		},
		"ListPolicyTags": func() error {
			_, err := client.ListPolicyTags(iamCtx, &iam.ListPolicyTagsInput{PolicyArn: aws.String("arn:aws:iam::111111111111:policy/Gone")})
			return err
		},
		"GetOpenIDConnectProvider": func() error {
			_, err := client.GetOpenIDConnectProvider(iamCtx, &iam.GetOpenIDConnectProviderInput{OpenIDConnectProviderArn: aws.String("arn:aws:iam::111111111111:oidc-provider/gitlab.com")})
			return err
		},
	} {
		iamWantCode(t, what, call(), "NoSuchEntity")
	}
	_, err := client.GetAccessKeyLastUsed(iamCtx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: aws.String("AKIAEXAMPLEOTHERACCT")})
	iamWantCode(t, "GetAccessKeyLastUsed of a foreign key", err, "AccessDenied")
	_, err = client.ListUsers(iamCtx, &iam.ListUsersInput{MaxItems: aws.Int32(1001)})
	iamWantCode(t, "MaxItems 1001", err, "ValidationError")

	w.PasswordPolicy = nil
	_, err = client.GetAccountPasswordPolicy(iamCtx, &iam.GetAccountPasswordPolicyInput{})
	iamWantCode(t, "no password policy", err, "NoSuchEntity")
}

// The credential report is started, then complete; its CSV is derived from
// the world's root and users.
func TestIAMCredentialReport(t *testing.T) {
	client, _ := iamFragment(t)
	_, err := client.GetCredentialReport(iamCtx, &iam.GetCredentialReportInput{})
	iamWantCode(t, "report before generation", err, "ReportNotPresent")
	gen := iamMust[*iam.GenerateCredentialReportOutput](t, "GenerateCredentialReport")(client.GenerateCredentialReport(iamCtx, &iam.GenerateCredentialReportInput{}))
	if gen.State != iamtypes.ReportStateTypeStarted {
		t.Errorf("first generation: %s", gen.State)
	}
	_, err = client.GetCredentialReport(iamCtx, &iam.GetCredentialReportInput{})
	iamWantCode(t, "report in progress", err, "ReportInProgress")
	gen = iamMust[*iam.GenerateCredentialReportOutput](t, "GenerateCredentialReport")(client.GenerateCredentialReport(iamCtx, &iam.GenerateCredentialReportInput{}))
	if gen.State != iamtypes.ReportStateTypeComplete {
		t.Errorf("second generation: %s", gen.State)
	}
	rep := iamMust[*iam.GetCredentialReportOutput](t, "GetCredentialReport")(client.GetCredentialReport(iamCtx, &iam.GetCredentialReportInput{}))
	if rep.ReportFormat != iamtypes.ReportFormatTypeTextCsv || rep.GeneratedTime == nil || time.Since(*rep.GeneratedTime) > time.Minute {
		t.Errorf("report format %s generated %v", rep.ReportFormat, rep.GeneratedTime)
	}
	recs, err := csv.NewReader(bytes.NewReader(rep.Content)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || len(recs[0]) != 22 {
		t.Fatalf("report: %d rows of %d columns:\n%s", len(recs), len(recs[0]), rep.Content)
	}
	rows := map[string]map[string]string{}
	for _, r := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = r[i]
		}
		rows[row["user"]] = row
	}
	for user, want := range map[string]map[string]string{
		"<root_account>": {"arn": "arn:aws:iam::111111111111:root", "password_enabled": "not_supported", "password_last_used": "2026-01-14T10:21:07+00:00",
			"mfa_active": "true", "access_key_1_active": "true", "access_key_1_last_rotated": "2019-04-02T08:30:00+00:00",
			"access_key_2_active": "false"},
		"deploy-bot": {"arn": "arn:aws:iam::111111111111:user/deploy-bot", "user_creation_time": "2019-06-12T14:02:31+00:00",
			"password_enabled": "true", "password_last_used": "2020-03-09T11:15:00+00:00", "password_last_changed": "2019-06-12T14:03:10+00:00",
			"password_next_rotation": "N/A", "mfa_active": "false",
			"access_key_1_active": "true", "access_key_1_last_rotated": "2019-06-12T14:05:42+00:00", "access_key_1_last_used_date": "2026-11-22T03:12:00+00:00",
			"access_key_1_last_used_region": "us-east-1", "access_key_1_last_used_service": "s3",
			"access_key_2_active": "false", "access_key_2_last_used_date": "N/A", "access_key_2_last_used_service": "N/A", "cert_1_active": "false"},
		"alice": {"password_enabled": "true", "mfa_active": "true", "access_key_1_active": "false", "access_key_2_last_rotated": "N/A"},
		"ci-readonly": {"password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "false",
			"access_key_1_active": "true", "access_key_1_last_used_region": "eu-west-1"},
	} {
		for col, v := range want {
			if rows[user][col] != v {
				t.Errorf("report %s %s = %q, want %q", user, col, rows[user][col], v)
			}
		}
	}
}

// iamBigWorld holds n users (three tags each), groups, roles, customer
// policies and instance profiles, to page through.
func iamBigWorld(t *testing.T, n int) *World {
	w := fragmentWorld(t, "iam")
	big := &iamWorld{}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("user-%04d", i)
		u := iamUser{User: iamtypes.User{UserName: aws.String(name), UserId: aws.String(fmt.Sprintf("AIDABIG%013d", i)), Path: aws.String("/"),
			Arn: aws.String("arn:aws:iam::111111111111:user/" + name), CreateDate: aws.Time(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))}}
		for j := 0; j < 3; j++ {
			u.User.Tags = append(u.User.Tags, iamtypes.Tag{Key: aws.String(fmt.Sprintf("k%d", j)), Value: aws.String("v")})
		}
		big.Users = append(big.Users, u)
		role := fmt.Sprintf("role-%04d", i)
		big.Roles = append(big.Roles, iamRole{Role: iamtypes.Role{RoleName: aws.String(role), Path: aws.String("/"), Arn: aws.String("arn:aws:iam::111111111111:role/" + role),
			AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)}})
		group := fmt.Sprintf("group-%04d", i)
		big.Groups = append(big.Groups, iamGroup{Group: iamtypes.Group{GroupName: aws.String(group), Path: aws.String("/"), Arn: aws.String("arn:aws:iam::111111111111:group/" + group)}})
		pol := fmt.Sprintf("policy-%04d", i)
		big.Policies = append(big.Policies, iamPolicy{Policy: iamtypes.Policy{PolicyName: aws.String(pol), Path: aws.String("/"), IsAttachable: true,
			Arn: aws.String("arn:aws:iam::111111111111:policy/" + pol)},
			Versions: []iamtypes.PolicyVersion{{VersionId: aws.String("v1"), IsDefaultVersion: true, Document: aws.String(`{"Version":"2012-10-17","Statement":[]}`)}}})
		ip := fmt.Sprintf("profile-%04d", i)
		big.InstanceProfiles = append(big.InstanceProfiles, iamInstanceProfile{Profile: iamtypes.InstanceProfile{InstanceProfileName: aws.String(ip), Path: aws.String("/"),
			Arn: aws.String("arn:aws:iam::111111111111:instance-profile/" + ip)}, Roles: []string{role}})
	}
	w.Account(fragmentAccount).Set(Global, "iam", big)
	return w
}

// Listings page by Marker, 100 items by default and MaxItems when asked,
// through the SDK's own paginators.
func TestIAMPages(t *testing.T) {
	const n = 230
	w := iamBigWorld(t, n)
	cfg, srv := testCloud(t, w)
	client := iam.NewFromConfig(cfg)

	var names []string
	for p := iam.NewListUsersPaginator(client, &iam.ListUsersInput{}); p.HasMorePages(); {
		page := iamMust[*iam.ListUsersOutput](t, "ListUsers")(p.NextPage(iamCtx))
		if len(page.Users) > iamPageSize {
			t.Errorf("page of %d users", len(page.Users))
		}
		for _, u := range page.Users {
			names = append(names, aws.ToString(u.UserName))
		}
	}
	if len(names) != n || names[0] != "user-0000" || names[n-1] != fmt.Sprintf("user-%04d", n-1) {
		t.Errorf("users across pages: %d", len(names))
	}
	if got := srv.Stats().Operations["iam:ListUsers"]; got != 3 {
		t.Errorf("ListUsers took %d pages, want 3", got)
	}

	// pages follows Marker by hand: items and pages seen.
	pages := func(next func(marker *string) (int, *string, bool)) (items, n int) {
		var marker *string
		for more := true; more; n++ {
			var k int
			k, marker, more = next(marker)
			items += k
		}
		return items, n
	}
	items, np := pages(func(m *string) (int, *string, bool) {
		out := iamMust[*iam.ListRolesOutput](t, "ListRoles")(client.ListRoles(iamCtx, &iam.ListRolesInput{Marker: m, MaxItems: aws.Int32(60)}))
		return len(out.Roles), out.Marker, out.IsTruncated
	})
	if items != n || np != 4 {
		t.Errorf("roles by 60: %d items, %d pages", items, np)
	}
	items, np = pages(func(m *string) (int, *string, bool) {
		out := iamMust[*iam.ListUserTagsOutput](t, "ListUserTags")(client.ListUserTags(iamCtx, &iam.ListUserTagsInput{UserName: aws.String("user-0007"), Marker: m, MaxItems: aws.Int32(2)}))
		return len(out.Tags), out.Marker, out.IsTruncated
	})
	if items != 3 || np != 2 {
		t.Errorf("tags by 2: %d items, %d pages", items, np)
	}
	_, err := client.ListRoles(iamCtx, &iam.ListRolesInput{Marker: aws.String("not-a-marker")})
	if err == nil {
		t.Error("an invalid marker is refused")
	}

	// The collector follows every page of every listing.
	res, _ := collect(t, w, "iam")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	kinds := byKind(res.Resources)
	for kind, want := range map[string]int{"aws.iam.user": n, "aws.iam.role": n, "aws.iam.group": n, "aws.iam.policy": n} {
		if len(kinds[kind]) != want {
			t.Errorf("%s: %d collected, want %d", kind, len(kinds[kind]), want)
		}
	}
	var raw struct{ InstanceProfiles []string }
	if err := json.Unmarshal(kinds["aws.iam.role"]["role-0229"].Raw, &raw); err != nil || len(raw.InstanceProfiles) != 1 {
		t.Errorf("role-0229's instance profiles (from the last page): %v %v", raw.InstanceProfiles, err)
	}
}

// The collector reads the fragment's IAM into resources that carry its
// settings: the misconfigured and the well-configured side by side.
func TestIAMCollect(t *testing.T) {
	w := fragmentWorld(t, "iam")
	res := collectClean(t, w, "iam")
	kinds := byKind(res.Resources)

	acct := kinds["aws.account"]["111111111111"].Attributes.(*model.AWSAccount)
	if pp := acct.PasswordPolicy; pp == nil || pp.MinimumLength != 14 || pp.PasswordReusePrevention != 0 || pp.RequireSymbols || !pp.AllowUsersToChange {
		t.Errorf("weak password policy: %+v", acct.PasswordPolicy)
	}
	if acct.RootMFAEnabled == nil || !*acct.RootMFAEnabled || acct.RootAccessKeysPresent == nil || !*acct.RootAccessKeysPresent {
		t.Errorf("root: mfa %v keys %v", acct.RootMFAEnabled, acct.RootAccessKeysPresent)
	}

	bot := kinds["aws.iam.user"]["deploy-bot"]
	ba := bot.Attributes.(*model.IAMUser)
	if ba.MFAEnabled == nil || *ba.MFAEnabled || !ba.LoginProfile || len(ba.AccessKeys) != 2 || ba.AccessKeys[0].AgeDays < 5*365 ||
		!ba.AccessKeys[0].Active || ba.AccessKeys[0].LastUsed != "2026-11-22T03:12:00Z" || ba.AccessKeys[1].Active || ba.AccessKeys[1].LastUsed != "" {
		t.Errorf("deploy-bot: %+v", ba)
	}
	if len(ba.AttachedPolicies) != 1 || ba.AttachedPolicies[0] != "arn:aws:iam::aws:policy/AdministratorAccess" ||
		len(ba.InlinePolicies) != 1 || ba.InlinePolicies[0].Document == nil || bot.Tags["owner"] != "jenkins" {
		t.Errorf("deploy-bot policies %+v tags %v", ba, bot.Tags)
	}
	var raw struct{ CredentialReport map[string]string }
	if err := json.Unmarshal(bot.Raw, &raw); err != nil || raw.CredentialReport["access_key_1_last_rotated"] != "2019-06-12T14:05:42+00:00" {
		t.Errorf("deploy-bot's credential report row: %v %v", raw.CredentialReport, err)
	}
	alice := kinds["aws.iam.user"]["alice"].Attributes.(*model.IAMUser)
	if alice.MFAEnabled == nil || !*alice.MFAEnabled || !alice.LoginProfile || len(alice.AccessKeys) != 0 ||
		len(alice.Groups) != 1 || alice.Groups[0] != "engineers" || alice.Path != "/engineering/" {
		t.Errorf("alice: %+v", alice)
	}
	if ci := kinds["aws.iam.user"]["ci-readonly"].Attributes.(*model.IAMUser); ci.LoginProfile {
		t.Errorf("ci-readonly has no console password: %+v", ci)
	}

	admin := kinds["aws.iam.role"]["vendor-audit-admin"].Attributes.(*model.IAMRole)
	ro := kinds["aws.iam.role"]["vendor-audit-readonly"].Attributes.(*model.IAMRole)
	if admin.AssumeRolePolicy == nil || len(admin.AssumeRolePolicy.Statements) != 1 || len(admin.AssumeRolePolicy.Statements[0].Conditions) != 0 ||
		admin.AssumeRolePolicy.Statements[0].Principals["AWS"][0] != "arn:aws:iam::999988887777:root" || admin.MaxSessionDuration != 43200 {
		t.Errorf("vendor-audit-admin: %+v", admin)
	}
	if ro.AssumeRolePolicy == nil || len(ro.AssumeRolePolicy.Statements[0].Conditions) != 1 ||
		ro.AssumeRolePolicy.Statements[0].Conditions[0].Key != "sts:externalid" ||
		ro.PermissionsBoundary != "arn:aws:iam::111111111111:policy/boundaries/VendorBoundary" {
		t.Errorf("vendor-audit-readonly: %+v", ro)
	}
	if tags := kinds["aws.iam.role"]["vendor-audit-readonly"].Tags; tags["vendor"] != "acme-audit" {
		t.Errorf("role tags (from GetRole): %v", tags)
	}
	var roleRaw struct {
		Role             iamtypes.Role
		InstanceProfiles []string
	}
	if err := json.Unmarshal(kinds["aws.iam.role"]["web-server"].Raw, &roleRaw); err != nil || len(roleRaw.InstanceProfiles) != 1 || roleRaw.Role.RoleLastUsed == nil {
		t.Errorf("web-server raw: %+v %v", roleRaw, err)
	}

	ops := kinds["aws.iam.policy"]["OpsFullAccess"].Attributes.(*model.IAMPolicy)
	scoped := kinds["aws.iam.policy"]["ArtifactsReadWrite"].Attributes.(*model.IAMPolicy)
	if ops.Document == nil || ops.Document.Statements[0].Actions[0] != "*" || ops.Attachments != 1 {
		t.Errorf("OpsFullAccess: %+v", ops)
	}
	if scoped.Document == nil || scoped.Document.Statements[0].Resources[0] != "arn:aws:s3:::acme-shop-artifacts/*" || scoped.Attachments != 2 {
		t.Errorf("ArtifactsReadWrite: %+v", scoped)
	}
	if _, managed := kinds["aws.iam.policy"]["AdministratorAccess"]; managed || len(kinds["aws.iam.policy"]) != 3 {
		t.Errorf("customer-managed policies only: %v", kinds["aws.iam.policy"])
	}
	if g := kinds["aws.iam.group"]["ops-admins"].Attributes.(*model.IAMGroup); len(g.AttachedPolicies) != 1 {
		t.Errorf("ops-admins: %+v", g)
	}
	if o := kinds["aws.iam.oidc_provider"]["token.actions.githubusercontent.com"]; o == nil || o.Attributes.(*model.IAMOIDCProvider).ClientIDs[0] != "sts.amazonaws.com" {
		t.Errorf("OIDC provider: %+v", o)
	}
	if s := kinds["aws.iam.saml_provider"]["adfs-legacy"]; s == nil || s.Attributes.(*model.IAMSAMLProvider).ValidUntil != "2023-03-01T09:00:00Z" {
		t.Errorf("expired SAML provider: %+v", s)
	}
	if s := kinds["aws.iam.saml_provider"]["okta"]; s == nil || s.Tags["idp"] != "okta" {
		t.Errorf("SAML provider tags: %+v", s)
	}
}

// A strong password policy reaches the account as set; no policy at all is
// the all-zero policy.
func TestIAMCollectPasswordPolicies(t *testing.T) {
	strong := &iamtypes.PasswordPolicy{MinimumPasswordLength: aws.Int32(16), RequireSymbols: true, RequireNumbers: true,
		RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true,
		ExpirePasswords: true, MaxPasswordAge: aws.Int32(90), PasswordReusePrevention: aws.Int32(24), HardExpiry: aws.Bool(false)}
	for _, tc := range []struct {
		policy *iamtypes.PasswordPolicy
		want   model.AWSPasswordPolicy
	}{
		{strong, model.AWSPasswordPolicy{MinimumLength: 16, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true,
			RequireSymbols: true, AllowUsersToChange: true, MaxPasswordAge: 90, PasswordReusePrevention: 24}},
		{nil, model.AWSPasswordPolicy{}},
	} {
		w := fragmentWorld(t, "iam")
		w.Account(fragmentAccount).worldOf("iam", Global).(*iamWorld).PasswordPolicy = tc.policy
		res, _ := collect(t, w, "iam")
		if len(res.Errors) > 0 {
			t.Errorf("errors: %v", res.Errors)
		}
		acct := byKind(res.Resources)["aws.account"]["111111111111"].Attributes.(*model.AWSAccount)
		sameJSON(t, "password policy", acct.PasswordPolicy, &tc.want)
	}
}

// iamDetailsAll pages GetAccountAuthorizationDetails through the SDK's own
// paginator, URL-decoding every document it carries.
func iamDetailsAll(t *testing.T, client *iam.Client, in *iam.GetAccountAuthorizationDetailsInput) (out iam.GetAccountAuthorizationDetailsOutput, pages int) {
	t.Helper()
	for p := iam.NewGetAccountAuthorizationDetailsPaginator(client, in); p.HasMorePages(); pages++ {
		page := iamMust[*iam.GetAccountAuthorizationDetailsOutput](t, "GetAccountAuthorizationDetails")(p.NextPage(iamCtx))
		decode := func(ps []iamtypes.PolicyDetail) {
			for i := range ps {
				ps[i].PolicyDocument = iamDecoded(t, ps[i].PolicyDocument)
			}
		}
		for _, u := range page.UserDetailList {
			decode(u.UserPolicyList)
		}
		for _, g := range page.GroupDetailList {
			decode(g.GroupPolicyList)
		}
		for i, r := range page.RoleDetailList {
			decode(r.RolePolicyList)
			page.RoleDetailList[i].AssumeRolePolicyDocument = iamDecoded(t, r.AssumeRolePolicyDocument)
		}
		for _, pol := range page.Policies {
			for i := range pol.PolicyVersionList {
				pol.PolicyVersionList[i].Document = iamDecoded(t, pol.PolicyVersionList[i].Document)
			}
		}
		out.UserDetailList = append(out.UserDetailList, page.UserDetailList...)
		out.GroupDetailList = append(out.GroupDetailList, page.GroupDetailList...)
		out.RoleDetailList = append(out.RoleDetailList, page.RoleDetailList...)
		out.Policies = append(out.Policies, page.Policies...)
	}
	return out, pages
}

// iamWantPolicyDetails is a world's inline policies as details carry them
// (documents decoded).
func iamWantPolicyDetails(ps []iamInlinePolicy) []iamtypes.PolicyDetail {
	out := []iamtypes.PolicyDetail{}
	for _, p := range ps {
		out = append(out, iamtypes.PolicyDetail{PolicyName: aws.String(p.Name), PolicyDocument: aws.String(p.Document)})
	}
	return out
}

func iamWantAttached(arns []string) []iamtypes.AttachedPolicy {
	out := []iamtypes.AttachedPolicy{}
	for _, a := range arns {
		out = append(out, iamtypes.AttachedPolicy{PolicyArn: aws.String(a), PolicyName: aws.String(a[strings.LastIndexByte(a, '/')+1:])})
	}
	return out
}

// GetAccountAuthorizationDetails answers every user, group, role and
// customer-managed policy of the world with what is attached to them,
// documents URL-encoded, and only what Filter names.
func TestIAMAccountAuthorizationDetailsRoundTrip(t *testing.T) {
	client, w := iamFragment(t)
	got, pages := iamDetailsAll(t, client, &iam.GetAccountAuthorizationDetailsInput{Filter: []iamtypes.EntityType{
		iamtypes.EntityTypeUser, iamtypes.EntityTypeGroup, iamtypes.EntityTypeRole, iamtypes.EntityTypeLocalManagedPolicy}})
	if pages != 1 {
		t.Errorf("%d pages for %d entities", pages, 3+3+5+3)
	}

	var users []iamtypes.UserDetail
	for _, u := range w.Users {
		users = append(users, iamtypes.UserDetail{Arn: u.User.Arn, CreateDate: u.User.CreateDate, Path: u.User.Path,
			UserId: u.User.UserId, UserName: u.User.UserName, PermissionsBoundary: u.User.PermissionsBoundary, Tags: u.User.Tags,
			GroupList: append([]string{}, u.Groups...), UserPolicyList: iamWantPolicyDetails(u.InlinePolicies),
			AttachedManagedPolicies: iamWantAttached(u.AttachedPolicies)})
	}
	sameJSON(t, "UserDetailList", got.UserDetailList, users)

	var groups []iamtypes.GroupDetail
	for _, g := range w.Groups {
		groups = append(groups, iamtypes.GroupDetail{Arn: g.Group.Arn, CreateDate: g.Group.CreateDate, GroupId: g.Group.GroupId,
			GroupName: g.Group.GroupName, Path: g.Group.Path, GroupPolicyList: iamWantPolicyDetails(g.InlinePolicies),
			AttachedManagedPolicies: iamWantAttached(g.AttachedPolicies)})
	}
	sameJSON(t, "GroupDetailList", got.GroupDetailList, groups)

	var roles []iamtypes.RoleDetail
	for _, r := range w.Roles {
		d := iamtypes.RoleDetail{Arn: r.Role.Arn, CreateDate: r.Role.CreateDate, Path: r.Role.Path, RoleId: r.Role.RoleId,
			RoleName: r.Role.RoleName, AssumeRolePolicyDocument: r.Role.AssumeRolePolicyDocument, PermissionsBoundary: r.Role.PermissionsBoundary,
			RoleLastUsed: r.Role.RoleLastUsed, Tags: r.Role.Tags, RolePolicyList: iamWantPolicyDetails(r.InlinePolicies),
			AttachedManagedPolicies: iamWantAttached(r.AttachedPolicies), InstanceProfileList: []iamtypes.InstanceProfile{}}
		if aws.ToString(r.Role.RoleName) == "web-server" {
			d.InstanceProfileList = []iamtypes.InstanceProfile{w.InstanceProfiles[0].Profile}
		}
		roles = append(roles, d)
	}
	// The profile's own roles are the listed form of the role: compared by
	// name only, then left out.
	for i, r := range got.RoleDetailList {
		for j, ip := range r.InstanceProfileList {
			if len(ip.Roles) != 1 || aws.ToString(ip.Roles[0].RoleName) != aws.ToString(r.RoleName) || ip.Roles[0].Tags != nil {
				t.Errorf("%s's profile holds %+v", aws.ToString(r.RoleName), ip.Roles)
			}
			got.RoleDetailList[i].InstanceProfileList[j].Roles = nil
		}
	}
	sameJSON(t, "RoleDetailList", got.RoleDetailList, roles)
	for _, r := range got.RoleDetailList {
		if r.RoleName != nil && *r.RoleName == "vendor-audit-admin" && (r.RoleLastUsed == nil || len(r.Tags) != 1) {
			t.Errorf("vendor-audit-admin: last use %v, tags %v", r.RoleLastUsed, r.Tags)
		}
	}

	var policies []iamtypes.ManagedPolicyDetail
	for _, p := range w.Policies {
		if iamAWSManaged(p.Policy.Arn) {
			continue
		}
		o := iamPolicyOut(w, p)
		policies = append(policies, iamtypes.ManagedPolicyDetail{Arn: o.Arn, AttachmentCount: o.AttachmentCount, CreateDate: o.CreateDate,
			DefaultVersionId: o.DefaultVersionId, Description: o.Description, IsAttachable: o.IsAttachable, Path: o.Path,
			PermissionsBoundaryUsageCount: o.PermissionsBoundaryUsageCount, PolicyId: o.PolicyId, PolicyName: o.PolicyName,
			UpdateDate: o.UpdateDate, PolicyVersionList: p.Versions})
	}
	sameJSON(t, "Policies", got.Policies, policies)
	type counts struct {
		Name, Default        string
		Attached, AsBoundary int32
		Versions             int
	}
	var gotCounts []counts
	for _, p := range got.Policies {
		gotCounts = append(gotCounts, counts{aws.ToString(p.PolicyName), aws.ToString(p.DefaultVersionId),
			aws.ToInt32(p.AttachmentCount), aws.ToInt32(p.PermissionsBoundaryUsageCount), len(p.PolicyVersionList)})
	}
	sameJSON(t, "customer-managed policy counts", gotCounts, []counts{
		{"OpsFullAccess", "v2", 1, 0, 2}, {"ArtifactsReadWrite", "v1", 2, 0, 1}, {"VendorBoundary", "v1", 0, 1, 1}})

	// Filter keeps only the kinds it names; none names them all.
	only, _ := iamDetailsAll(t, client, &iam.GetAccountAuthorizationDetailsInput{Filter: []iamtypes.EntityType{
		iamtypes.EntityTypeRole, iamtypes.EntityTypeAWSManagedPolicy}})
	if len(only.UserDetailList)+len(only.GroupDetailList) != 0 || len(only.RoleDetailList) != 5 ||
		len(only.Policies) != 1 || aws.ToString(only.Policies[0].PolicyName) != "AdministratorAccess" || aws.ToInt32(only.Policies[0].AttachmentCount) != 2 {
		t.Errorf("Role and AWSManagedPolicy: %d users %d groups %d roles %+v", len(only.UserDetailList), len(only.GroupDetailList),
			len(only.RoleDetailList), only.Policies)
	}
	every, _ := iamDetailsAll(t, client, &iam.GetAccountAuthorizationDetailsInput{})
	if len(every.UserDetailList) != 3 || len(every.GroupDetailList) != 3 || len(every.RoleDetailList) != 5 || len(every.Policies) != 4 {
		t.Errorf("no filter: %d users %d groups %d roles %d policies", len(every.UserDetailList), len(every.GroupDetailList),
			len(every.RoleDetailList), len(every.Policies))
	}

	_, err := client.GetAccountAuthorizationDetails(iamCtx, &iam.GetAccountAuthorizationDetailsInput{MaxItems: aws.Int32(1001)})
	iamWantCode(t, "MaxItems 1001", err, "ValidationError")
	_, err = client.GetAccountAuthorizationDetails(iamCtx, &iam.GetAccountAuthorizationDetailsInput{Filter: []iamtypes.EntityType{"Robot"}})
	iamWantCode(t, "Filter Robot", err, "ValidationError")
}

// GetAccountAuthorizationDetails pages users, groups, roles and policies
// as one sequence: 100 entities a page unless MaxItems says otherwise (at
// most 1000), each entity on exactly one page.
func TestIAMAccountAuthorizationDetailsPages(t *testing.T) {
	const n = 230 // of each kind: 920 entities
	cfg, _ := testCloud(t, iamBigWorld(t, n))
	client := iam.NewFromConfig(cfg)
	local := []iamtypes.EntityType{iamtypes.EntityTypeUser, iamtypes.EntityTypeGroup, iamtypes.EntityTypeRole, iamtypes.EntityTypeLocalManagedPolicy}
	for _, tc := range []struct {
		maxItems *int32
		pages    int
	}{{nil, 10}, {aws.Int32(300), 4}, {aws.Int32(1000), 1}} {
		got, pages := iamDetailsAll(t, client, &iam.GetAccountAuthorizationDetailsInput{Filter: local, MaxItems: tc.maxItems})
		if pages != tc.pages {
			t.Errorf("MaxItems %v: %d pages, want %d", aws.ToInt32(tc.maxItems), pages, tc.pages)
		}
		seen := map[string]int{}
		for _, u := range got.UserDetailList {
			seen[aws.ToString(u.Arn)]++
		}
		for _, g := range got.GroupDetailList {
			seen[aws.ToString(g.Arn)]++
		}
		for _, r := range got.RoleDetailList {
			seen[aws.ToString(r.Arn)]++
			if len(r.InstanceProfileList) != 1 {
				t.Errorf("%s: %d instance profiles", aws.ToString(r.RoleName), len(r.InstanceProfileList))
			}
		}
		for _, p := range got.Policies {
			seen[aws.ToString(p.Arn)]++
		}
		if len(seen) != 4*n || len(got.UserDetailList) != n || len(got.GroupDetailList) != n || len(got.RoleDetailList) != n || len(got.Policies) != n {
			t.Errorf("MaxItems %v: %d distinct entities: %d users %d groups %d roles %d policies", aws.ToInt32(tc.maxItems), len(seen),
				len(got.UserDetailList), len(got.GroupDetailList), len(got.RoleDetailList), len(got.Policies))
		}
		for arn, k := range seen {
			if k != 1 {
				t.Errorf("%s on %d pages", arn, k)
			}
		}
	}
	_, err := client.GetAccountAuthorizationDetails(iamCtx, &iam.GetAccountAuthorizationDetailsInput{Marker: aws.String("not-a-marker")})
	if err == nil {
		t.Error("an invalid marker is refused")
	}
}

// iamCalls counts the IAM operations a server answered.
func iamCalls(st Stats) (total int, ops map[string]int) {
	ops = map[string]int{}
	for op, n := range st.Operations {
		if strings.HasPrefix(op, "iam:") {
			ops[op] = n
			total += n
		}
	}
	return total, ops
}

// The collector's IAM calls grow with pages, not principals: only users
// with access keys (ListAccessKeys: key ids) and customer-managed policies
// (ListPolicyTags) still cost a call each. Before GetAccountAuthorizationDetails
// the fragment took 69 calls and the 230-of-each world 3,242.
func TestIAMCollectCalls(t *testing.T) {
	_, srv := collect(t, fragmentWorld(t, "iam"), "iam")
	n, ops := iamCalls(srv.Stats())
	want := map[string]int{"iam:GetAccountPasswordPolicy": 1, "iam:GetAccountSummary": 1, "iam:GenerateCredentialReport": 2,
		"iam:GetCredentialReport": 1, "iam:GetAccountAuthorizationDetails": 1, "iam:ListRoles": 1,
		"iam:ListAccessKeys": 2, // deploy-bot and ci-readonly; their keys' last use is in the report
		"iam:ListPolicyTags": 3, "iam:ListOpenIDConnectProviders": 1, "iam:GetOpenIDConnectProvider": 1,
		"iam:ListSAMLProviders": 1, "iam:GetSAMLProvider": 2, "iam:ListServerCertificates": 1, "iam:ListVirtualMFADevices": 1}
	sameJSON(t, "fragment's IAM calls", ops, want)
	t.Logf("fragment: %d IAM calls", n)

	const big = 230
	_, srv = collect(t, iamBigWorld(t, big), "iam")
	n, ops = iamCalls(srv.Stats())
	if ops["iam:GetAccountAuthorizationDetails"] != 1 || ops["iam:ListRoles"] != 1 || n-ops["iam:ListPolicyTags"] > 12 {
		t.Errorf("%d of each kind: %d IAM calls: %v", big, n, ops)
	}
	t.Logf("%d users, groups, roles and policies: %d IAM calls (%d ListPolicyTags)", big, n, ops["iam:ListPolicyTags"])
}
