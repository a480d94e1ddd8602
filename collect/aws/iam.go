package aws

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("iam", true, collectIAM) }

// collectIAM reads the account's IAM principals and policies: users,
// groups, roles, customer-managed policies, and the account-wide password
// policy, summary (root MFA and keys) and credential report.
//
// Principals and policies come from GetAccountAuthorizationDetails, a
// thousand at a page with their inline and attached policies, groups,
// trust policies and tags; the credential report gives each user's
// password, MFA and key use. What neither gives costs a call per page
// (ListRoles: session durations) or per entity that has it (ListAccessKeys
// for users with keys, ListPolicyTags per customer-managed policy).
func collectIAM(ctx context.Context, s *scope) {
	client := iam.NewFromConfig(s.Config())
	// Two rounds of independent parts, side by side: under IAM's rate
	// limit, parts run one after another leave its bucket idle at each
	// part's tail, while the last throttled calls wait out their backoff.
	// Details stream a page at a time (at most one page read ahead of the
	// one being built), so an account's IAM is never held whole: with tens
	// of thousands of roles and policies it would be the collector's
	// largest allocation.
	pages := make(chan iamDetails, 1)
	go func() {
		defer close(pages)
		authorizationDetails(ctx, s, client, func(d iamDetails) { pages <- d })
	}()
	var report map[string]map[string]string
	var listed iamListedRoles
	run := func(part func()) { part() }
	forEach(s, []func(){
		func() { collectIAMAccount(ctx, s, client) },
		func() { collectIAMIdentityProviders(ctx, s, client) },
		func() { collectIAMServerCertificates(ctx, s, client) },
		func() { collectIAMRootVirtualMFA(ctx, s, client) },
		func() { report = credentialReport(ctx, s, client) },
	}, run)
	for d := range pages {
		forEach(s, []func(){
			func() { collectIAMUsers(ctx, s, client, d.users, report) },
			func() { collectIAMGroups(s, d.groups) },
			func() { collectIAMRoles(ctx, s, client, d.roles, &listed) },
			func() { collectIAMPolicies(ctx, s, client, d.policies) },
		}, run)
	}
}

// collectIAMAccount fills the password policy and the root facts of the
// aws.account resource.
func collectIAMAccount(ctx context.Context, s *scope, client *iam.Client) {
	out, err := client.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	switch {
	case awsCodeIn(err, "NoSuchEntity"):
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

// collectIAMRootVirtualMFA records whether a virtual MFA device is
// assigned to the root user: IAM lists virtual devices only, so root MFA
// that is on with no virtual device of root's is a hardware device (or a
// passkey). Root's device is the one whose user is the account's root ARN;
// some consoles name its serial root-account-mfa-device.
func collectIAMRootVirtualMFA(ctx context.Context, s *scope, client *iam.Client) {
	rootARN := "arn:aws:iam::" + s.account + ":root"
	virtual := false
	p := iam.NewListVirtualMFADevicesPaginator(client, &iam.ListVirtualMFADevicesInput{AssignmentStatus: iamtypes.AssignmentStatusTypeAssigned})
	for p.HasMorePages() && !virtual {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListVirtualMFADevices", err)
			return
		}
		for _, d := range page.VirtualMFADevices {
			if d.User != nil && aws.ToString(d.User.Arn) == rootARN || strings.HasSuffix(aws.ToString(d.SerialNumber), ":mfa/root-account-mfa-device") {
				virtual = true
			}
		}
	}
	s.accountFact(func(a *model.AWSAccount) { a.RootVirtualMFA = boolPtr(virtual) })
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
			a.RootPasswordUsedDays = rootUsedDays(root, "password_last_used")
			a.RootKeyUsedDays = rootUsedDays(root, "access_key_1_last_used_date", "access_key_2_last_used_date")
		})
	}
	return rows
}

// rootUsedDays is how many days ago the root user last used one of the
// credential report's columns: -1 when none was ever used (N/A, or
// no_information: no use since IAM began tracking, October 2014), nil
// when a column is missing or unreadable.
func rootUsedDays(root map[string]string, cols ...string) *int {
	var last *time.Time
	for _, col := range cols {
		v, ok := root[col]
		if !ok {
			return nil
		}
		switch v {
		case "N/A", "no_information", "not_supported":
			continue
		}
		t := reportTime(v)
		if t == nil {
			return nil
		}
		if last == nil || t.After(*last) {
			last = t
		}
	}
	days := -1
	if last != nil {
		days = daysSince(*last)
	}
	return &days
}

// daysSince counts whole days from t to now; a time ahead of this clock
// (clock skew) is today.
func daysSince(t time.Time) int { return max(0, int(time.Since(t).Hours()/24)) }

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

// iamInline parses inline policies as GetAccountAuthorizationDetails
// sends them (URL-encoded); a document that does not parse is a
// collection error, kept without its document, which stays unknown.
func iamInline(rd *reads, ps []iamtypes.PolicyDetail) []model.IAMInlinePolicy {
	out := []model.IAMInlinePolicy{}
	for i, p := range ps {
		ip := model.IAMInlinePolicy{Name: aws.ToString(p.PolicyName)}
		rd.call(iamDetailsOp, []string{model.Path("inline_policies", i, "document")}, func() (err error) {
			ip.Document, err = model.ParsePolicyDocument(aws.ToString(p.PolicyDocument))
			return err
		})
		out = append(out, ip)
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
	return addTags(nil, ts, func(t iamtypes.Tag) (*string, *string) { return t.Key, t.Value })
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
				s.failResource("GetOpenIDConnectProvider", aws.ToString(e.Arn), err)
				continue
			}
			a := &model.IAMOIDCProvider{URL: strings.TrimPrefix(aws.ToString(p.Url), "https://"),
				ClientIDs: append([]string{}, p.ClientIDList...), Thumbprints: append([]string{}, p.ThumbprintList...)}
			raw := iamOIDCRaw{URL: p.Url, ClientIDList: p.ClientIDList, ThumbprintList: p.ThumbprintList, CreateDate: p.CreateDate}
			s.add(aws.ToString(e.Arn), model.KindIAMOIDCProvider.With(a), a.URL, raw, iamTags(p.Tags))
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
		rd := s.reads(arn)
		var tags []iamtypes.Tag
		rd.call("GetSAMLProvider", []string{model.TagsPath}, func() error {
			out, err := client.GetSAMLProvider(ctx, &iam.GetSAMLProviderInput{SAMLProviderArn: e.Arn})
			if err != nil {
				return err
			}
			tags = out.Tags
			return nil
		})
		rd.add(model.KindIAMSAMLProvider.With(a), a.Name, e, iamTags(tags))
	}
}

// collectIAMServerCertificates lists the certificates stored in IAM; the
// listing carries each one's expiration (CIS 1.19: remove expired ones).
func collectIAMServerCertificates(ctx context.Context, s *scope, client *iam.Client) {
	var certs []iamtypes.ServerCertificateMetadata
	for p := iam.NewListServerCertificatesPaginator(client, &iam.ListServerCertificatesInput{}); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListServerCertificates", err)
			return
		}
		certs = append(certs, page.ServerCertificateMetadataList...)
	}
	for _, c := range certs {
		a := &model.IAMServerCertificate{Name: aws.ToString(c.ServerCertificateName), Path: aws.ToString(c.Path)}
		rd := s.reads(aws.ToString(c.Arn))
		if c.Expiration != nil {
			a.Expiration = c.Expiration.UTC().Format(time.RFC3339)
			a.Expired = time.Now().After(*c.Expiration)
		} else {
			rd.unread("expiration", "expired")
		}
		rd.add(model.KindIAMServerCertificate.With(a), a.Name, c, nil)
	}
}

const iamDetailsOp = "GetAccountAuthorizationDetails"

// iamDetails is one page of GetAccountAuthorizationDetails.
type iamDetails struct {
	users    []iamtypes.UserDetail
	groups   []iamtypes.GroupDetail
	roles    []iamtypes.RoleDetail
	policies []iamtypes.ManagedPolicyDetail
}

// authorizationDetails reads users, groups, roles and customer-managed
// policies (AWS managed ones are not the account's resources) and hands on
// each page. A page that fails is a collection error; the entities of the
// pages before it are kept, each whole.
func authorizationDetails(ctx context.Context, s *scope, client *iam.Client, page func(iamDetails)) {
	p := iam.NewGetAccountAuthorizationDetailsPaginator(client, &iam.GetAccountAuthorizationDetailsInput{
		Filter: []iamtypes.EntityType{iamtypes.EntityTypeUser, iamtypes.EntityTypeGroup, iamtypes.EntityTypeRole,
			iamtypes.EntityTypeLocalManagedPolicy},
		MaxItems: aws.Int32(1000),
	})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			s.fail(iamDetailsOp, err)
			return
		}
		page(iamDetails{users: out.UserDetailList, groups: out.GroupDetailList, roles: out.RoleDetailList, policies: out.Policies})
	}
}

// iamListedRoles is what ListRoles adds to the details, read once per
// account when the first page with roles arrives (before any role is
// added, so a failure marks every role's maximum session duration
// unknown). Only those fields are kept, not the listed roles whole.
type iamListedRoles struct {
	once  sync.Once
	ok    bool
	roles map[string]iamtypes.Role
}

func (l *iamListedRoles) read(ctx context.Context, s *scope, client *iam.Client) {
	l.once.Do(func() {
		l.roles = map[string]iamtypes.Role{}
		l.ok = s.readKind("ListRoles", kindFills{model.KindIAMRole.Name(): {"max_session_duration"}}, func() error {
			for p := iam.NewListRolesPaginator(client, &iam.ListRolesInput{MaxItems: aws.Int32(1000)}); p.HasMorePages(); {
				page, err := p.NextPage(ctx)
				if err != nil {
					return err
				}
				for _, r := range page.Roles {
					l.roles[aws.ToString(r.RoleName)] = iamtypes.Role{MaxSessionDuration: r.MaxSessionDuration, Description: r.Description}
				}
			}
			return nil
		})
	})
}

// iamUserRaw is the evidence kept for a user. LoginProfile and MFADevices
// are only read when the credential report has no row for the user.
type iamUserRaw struct {
	User             iamtypes.User
	LoginProfile     *iamtypes.LoginProfile       `json:",omitempty"`
	MFADevices       []iamtypes.MFADevice         `json:",omitempty"`
	AccessKeys       []iamtypes.AccessKeyMetadata `json:",omitempty"`
	CredentialReport map[string]string            `json:",omitempty"`
}

// collectIAMUsers builds users from their details and credential report
// rows. Calls per user remain only for users with access keys (the key ids
// are in no listing of the account) and for users the report does not
// know (no report, or created since it was generated: IAM reuses a report
// for up to four hours).
func collectIAMUsers(ctx context.Context, s *scope, client *iam.Client, users []iamtypes.UserDetail, report map[string]map[string]string) {
	forEach(s, users, func(u iamtypes.UserDetail) {
		collectIAMUser(ctx, s, client, u, report[aws.ToString(u.UserName)])
	})
}

func collectIAMUser(ctx context.Context, s *scope, client *iam.Client, u iamtypes.UserDetail, row map[string]string) {
	row = reportRowOf(row, u.CreateDate)
	user := iamtypes.User{Arn: u.Arn, CreateDate: u.CreateDate, Path: u.Path, UserId: u.UserId, UserName: u.UserName,
		PermissionsBoundary: u.PermissionsBoundary, Tags: u.Tags, PasswordLastUsed: reportTime(row["password_last_used"])}
	raw := iamUserRaw{User: user, CredentialReport: row}
	rd := s.reads(aws.ToString(u.Arn))
	a := &model.IAMUser{Name: aws.ToString(u.UserName), Path: aws.ToString(u.Path),
		Groups: append([]string{}, u.GroupList...), InlinePolicies: iamInline(rd, u.UserPolicyList),
		AttachedPolicies: iamAttachedARNs(u.AttachedManagedPolicies), AccessKeys: []model.IAMAccessKey{}}
	iamUserPassword(ctx, rd, client, u.UserName, row, a, &raw)
	iamUserMFA(ctx, rd, client, u.UserName, row, a, &raw)
	iamUserKeys(ctx, rd, client, u.UserName, row, a, &raw)
	rd.add(model.KindIAMUser.With(a), a.Name, raw, iamTags(u.Tags), iamAttachedRels(a.AttachedPolicies)...)
}

// reportRowOf is the user's report row, or nil when the row tells of a
// former user of the same name (created at another time: IAM reuses a
// report for up to four hours).
func reportRowOf(row map[string]string, created *time.Time) map[string]string {
	if t := reportTime(row["user_creation_time"]); t != nil && created != nil && !t.Equal(created.UTC().Truncate(time.Second)) {
		return nil
	}
	return row
}

// reportBool reads a true/false column of a report row; ok is false when
// the row or the value is missing.
func reportBool(row map[string]string, col string) (v, ok bool) {
	switch row[col] {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// reportTime reads a time column of the report (ISO 8601); nil for N/A,
// no_information and the like.
func reportTime(v string) *time.Time {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil
	}
	t = t.UTC()
	return &t
}

func iamUserPassword(ctx context.Context, rd *reads, client *iam.Client, name *string, row map[string]string, a *model.IAMUser, raw *iamUserRaw) {
	if v, ok := reportBool(row, "password_enabled"); ok {
		a.LoginProfile = v
		if v {
			// Never used: counted from when the password was set.
			t := reportTime(row["password_last_used"])
			if t == nil {
				t = reportTime(row["password_last_changed"])
			}
			if t == nil {
				rd.unread("password_unused_days")
				return
			}
			a.PasswordUnusedDays = daysSince(*t)
		}
		return
	}
	rd.call("GetLoginProfile", []string{"login_profile", "password_unused_days"}, func() error {
		lp, err := client.GetLoginProfile(ctx, &iam.GetLoginProfileInput{UserName: name})
		if awsCodeIn(err, "NoSuchEntity") {
			return nil
		}
		if err != nil {
			return err
		}
		a.LoginProfile = true
		raw.LoginProfile = lp.LoginProfile
		return nil
	})
	if !a.LoginProfile {
		return
	}
	// The password's last use is in no listing (GetAccountAuthorizationDetails
	// leaves it out): GetUser tells it, nil when never used.
	rd.call("GetUser", []string{"password_unused_days"}, func() error {
		out, err := client.GetUser(ctx, &iam.GetUserInput{UserName: name})
		if err != nil {
			return err
		}
		if out.User == nil {
			return errors.New("GetUser: no user in the answer")
		}
		t := out.User.PasswordLastUsed
		if t == nil {
			t = raw.LoginProfile.CreateDate
		}
		if t == nil {
			return errors.New("GetUser: no last use and no creation date for the password")
		}
		raw.User.PasswordLastUsed = out.User.PasswordLastUsed
		a.PasswordUnusedDays = daysSince(*t)
		return nil
	})
}

func iamUserMFA(ctx context.Context, rd *reads, client *iam.Client, name *string, row map[string]string, a *model.IAMUser, raw *iamUserRaw) {
	if v, ok := reportBool(row, "mfa_active"); ok {
		a.MFAEnabled = boolPtr(v)
		return
	}
	rd.call("ListMFADevices", []string{"mfa_enabled"}, func() error {
		for p := iam.NewListMFADevicesPaginator(client, &iam.ListMFADevicesInput{UserName: name}); p.HasMorePages(); {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			raw.MFADevices = append(raw.MFADevices, page.MFADevices...)
		}
		a.MFAEnabled = boolPtr(len(raw.MFADevices) > 0)
		return nil
	})
}

// iamUserKeys lists a user's access keys unless the report says there are
// none; each key's last use comes from the report's slot created at the
// same second, or from GetAccessKeyLastUsed when no slot matches.
func iamUserKeys(ctx context.Context, rd *reads, client *iam.Client, name *string, row map[string]string, a *model.IAMUser, raw *iamUserRaw) {
	if row != nil && row["access_key_1_last_rotated"] == "N/A" && row["access_key_2_last_rotated"] == "N/A" {
		return
	}
	var keys []iamtypes.AccessKeyMetadata
	ok := rd.call("ListAccessKeys", []string{"access_keys"}, func() error {
		for p := iam.NewListAccessKeysPaginator(client, &iam.ListAccessKeysInput{UserName: name}); p.HasMorePages(); {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			keys = append(keys, page.AccessKeyMetadata...)
		}
		return nil
	})
	if !ok {
		return
	}
	for i, k := range keys {
		raw.AccessKeys = append(raw.AccessKeys, k)
		key := model.IAMAccessKey{ID: aws.ToString(k.AccessKeyId), Active: k.Status == iamtypes.StatusTypeActive}
		if k.CreateDate != nil {
			key.AgeDays = int(time.Since(*k.CreateDate).Hours() / 24)
		}
		known := true
		if used, ok := reportKeyLastUsed(row, k.CreateDate); ok {
			key.LastUsed = used
		} else {
			known = rd.call("GetAccessKeyLastUsed", []string{model.Path("access_keys", i, "last_used"), model.Path("access_keys", i, "unused_days")}, func() error {
				lu, err := client.GetAccessKeyLastUsed(ctx, &iam.GetAccessKeyLastUsedInput{AccessKeyId: k.AccessKeyId})
				if err != nil {
					return err
				}
				if lu.AccessKeyLastUsed != nil && lu.AccessKeyLastUsed.LastUsedDate != nil {
					key.LastUsed = lu.AccessKeyLastUsed.LastUsedDate.UTC().Format(time.RFC3339)
				}
				return nil
			})
		}
		if known {
			key.UnusedDays = keyUnusedDays(key.LastUsed, k.CreateDate)
			if key.UnusedDays < 0 {
				rd.unread(model.Path("access_keys", i, "unused_days"))
				key.UnusedDays = 0
			}
		}
		a.AccessKeys = append(a.AccessKeys, key)
	}
}

// keyUnusedDays counts from the key's last use, or from its creation when
// it was never used; -1 when neither is known.
func keyUnusedDays(lastUsed string, created *time.Time) int {
	if t := reportTime(lastUsed); t != nil {
		return daysSince(*t)
	}
	if lastUsed == "" && created != nil {
		return daysSince(*created)
	}
	return -1
}

// reportKeyLastUsed finds the key created at created among the report's
// two key slots (last_rotated is the key's creation) and tells its last
// use, "" when never used. ok is false when no slot, or both, match.
func reportKeyLastUsed(row map[string]string, created *time.Time) (string, bool) {
	if row == nil || created == nil {
		return "", false
	}
	want := created.UTC().Truncate(time.Second)
	used, found := "", 0
	for _, n := range []string{"1", "2"} {
		rotated := reportTime(row["access_key_"+n+"_last_rotated"])
		if rotated == nil || !rotated.Equal(want) {
			continue
		}
		found++
		switch v := row["access_key_"+n+"_last_used_date"]; v {
		case "N/A", "no_information":
			used = ""
		default:
			t := reportTime(v)
			if t == nil {
				return "", false
			}
			used = t.Format(time.RFC3339)
		}
	}
	return used, found == 1
}

func collectIAMGroups(s *scope, groups []iamtypes.GroupDetail) {
	for _, g := range groups {
		rd := s.reads(aws.ToString(g.Arn))
		a := &model.IAMGroup{Name: aws.ToString(g.GroupName), InlinePolicies: iamInline(rd, g.GroupPolicyList),
			AttachedPolicies: iamAttachedARNs(g.AttachedManagedPolicies)}
		raw := iamtypes.Group{Arn: g.Arn, CreateDate: g.CreateDate, GroupId: g.GroupId, GroupName: g.GroupName, Path: g.Path}
		rd.add(model.KindIAMGroup.With(a), a.Name, raw, nil, iamAttachedRels(a.AttachedPolicies)...)
	}
}

// iamRoleRaw is the evidence kept for a role; RoleLastUsed is in Role.
type iamRoleRaw struct {
	Role             iamtypes.Role
	InstanceProfiles []string `json:",omitempty"`
}

// collectIAMRoles builds roles from their details, which leave out the
// maximum session duration and description: ListRoles has them, a
// thousand roles a page. A role the listing missed (created in between)
// is read with GetRole.
func collectIAMRoles(ctx context.Context, s *scope, client *iam.Client, roles []iamtypes.RoleDetail, listed *iamListedRoles) {
	if len(roles) == 0 {
		return
	}
	listed.read(ctx, s, client)
	forEach(s, roles, func(d iamtypes.RoleDetail) {
		name := aws.ToString(d.RoleName)
		rd := s.reads(aws.ToString(d.Arn))
		r, ok := listed.roles[name]
		if !ok && listed.ok {
			rd.call("GetRole", []string{"max_session_duration"}, func() error {
				out, err := client.GetRole(ctx, &iam.GetRoleInput{RoleName: d.RoleName})
				if err != nil {
					return err
				}
				if out.Role != nil {
					r = *out.Role
				}
				return nil
			})
		}
		r.Arn, r.RoleId, r.RoleName, r.Path, r.CreateDate = d.Arn, d.RoleId, d.RoleName, d.Path, d.CreateDate
		r.AssumeRolePolicyDocument, r.PermissionsBoundary, r.RoleLastUsed, r.Tags = d.AssumeRolePolicyDocument, d.PermissionsBoundary, d.RoleLastUsed, d.Tags
		a := &model.IAMRole{Name: name, Path: aws.ToString(r.Path), MaxSessionDuration: int(aws.ToInt32(r.MaxSessionDuration)),
			InlinePolicies: iamInline(rd, d.RolePolicyList), AttachedPolicies: iamAttachedARNs(d.AttachedManagedPolicies)}
		if r.AssumeRolePolicyDocument != nil {
			rd.call(iamDetailsOp, []string{"assume_role_policy"}, func() (err error) {
				a.AssumeRolePolicy, err = model.ParsePolicyDocument(*r.AssumeRolePolicyDocument)
				return err
			})
		}
		if r.PermissionsBoundary != nil {
			a.PermissionsBoundary = aws.ToString(r.PermissionsBoundary.PermissionsBoundaryArn)
		}
		raw := iamRoleRaw{Role: r}
		for _, ip := range d.InstanceProfileList {
			raw.InstanceProfiles = append(raw.InstanceProfiles, aws.ToString(ip.Arn))
		}
		rd.add(model.KindIAMRole.With(a), a.Name, raw, iamTags(r.Tags), iamAttachedRels(a.AttachedPolicies)...)
	})
}

// iamPolicyRaw is the evidence kept for a customer-managed policy.
type iamPolicyRaw struct {
	Policy         iamtypes.Policy
	DefaultVersion *iamtypes.PolicyVersion `json:",omitempty"`
}

// collectIAMPolicies builds customer-managed policies from their details,
// every version's document included. Their tags are in no listing: one
// ListPolicyTags each.
func collectIAMPolicies(ctx context.Context, s *scope, client *iam.Client, policies []iamtypes.ManagedPolicyDetail) {
	forEach(s, policies, func(p iamtypes.ManagedPolicyDetail) {
		pol := iamtypes.Policy{Arn: p.Arn, AttachmentCount: p.AttachmentCount, CreateDate: p.CreateDate,
			DefaultVersionId: p.DefaultVersionId, Description: p.Description, IsAttachable: p.IsAttachable, Path: p.Path,
			PermissionsBoundaryUsageCount: p.PermissionsBoundaryUsageCount, PolicyId: p.PolicyId, PolicyName: p.PolicyName,
			UpdateDate: p.UpdateDate}
		// The name ends the ARN (policy/path/name); some emulators leave
		// PolicyName out of the details.
		name, arn := aws.ToString(p.PolicyName), aws.ToString(p.Arn)
		if name == "" {
			name = arn[strings.LastIndexByte(arn, '/')+1:]
		}
		a := &model.IAMPolicy{Name: name, Path: aws.ToString(p.Path), Attachments: int(aws.ToInt32(p.AttachmentCount))}
		raw := iamPolicyRaw{Policy: pol}
		for i, v := range p.PolicyVersionList {
			if p.DefaultVersionId != nil && aws.ToString(v.VersionId) == *p.DefaultVersionId || p.DefaultVersionId == nil && v.IsDefaultVersion {
				raw.DefaultVersion = &p.PolicyVersionList[i]
			}
		}
		rd := s.reads(arn)
		rd.call(iamDetailsOp, []string{"document"}, func() (err error) {
			if raw.DefaultVersion == nil {
				return fmt.Errorf("default version %s not among the policy's versions", aws.ToString(p.DefaultVersionId))
			}
			a.Document, err = model.ParsePolicyDocument(aws.ToString(raw.DefaultVersion.Document))
			return err
		})
		rd.call("ListPolicyTags", []string{model.TagsPath}, func() error {
			for tp := iam.NewListPolicyTagsPaginator(client, &iam.ListPolicyTagsInput{PolicyArn: p.Arn}); tp.HasMorePages(); {
				page, err := tp.NextPage(ctx)
				if err != nil {
					raw.Policy.Tags = nil
					return err
				}
				raw.Policy.Tags = append(raw.Policy.Tags, page.Tags...)
			}
			return nil
		})
		rd.add(model.KindIAMPolicy.With(a), a.Name, raw, iamTags(raw.Policy.Tags))
	})
}
