package aws

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// iamWorld is an account's IAM. Counts AWS derives (a policy's
// attachments, the account summary, the credential report) are computed
// from it, so the world says each fact once.
type iamWorld struct {
	// PasswordPolicy is nil when the account has none (NoSuchEntity).
	PasswordPolicy   *iamtypes.PasswordPolicy `json:"password_policy"`
	Root             iamRoot                  `json:"root"`
	Users            []iamUser                `json:"users"`
	Groups           []iamGroup               `json:"groups"`
	Roles            []iamRole                `json:"roles"`
	Policies         []iamPolicy              `json:"policies"`
	InstanceProfiles []iamInstanceProfile     `json:"instance_profiles"`
	OIDCProviders    []iamOIDCProvider        `json:"oidc_providers"`
	SAMLProviders    []iamSAMLProvider        `json:"saml_providers"`
	// ServerCertificates are as ListServerCertificates lists them.
	ServerCertificates []iamtypes.ServerCertificateMetadata `json:"server_certificates"`
}

// iamRoot is the account's root user, as the summary and the credential
// report tell of it.
type iamRoot struct {
	CreateDate       *time.Time `json:"create_date"`
	PasswordLastUsed *time.Time `json:"password_last_used"`
	MFAEnabled       bool       `json:"mfa_enabled"`
	// VirtualMFA: root's MFA (when enabled) is a virtual device, listed by
	// ListVirtualMFADevices; otherwise it is a hardware one, listed nowhere.
	VirtualMFA bool           `json:"virtual_mfa"`
	AccessKeys []iamAccessKey `json:"access_keys"`
}

// iamUser is a user with its credentials, groups (by name) and policies.
// Tags and the permissions boundary are in User.
type iamUser struct {
	User             iamtypes.User          `json:"user"`
	LoginProfile     *iamtypes.LoginProfile `json:"login_profile"`
	MFADevices       []iamtypes.MFADevice   `json:"mfa_devices"`
	AccessKeys       []iamAccessKey         `json:"access_keys"`
	Groups           []string               `json:"groups"`
	InlinePolicies   []iamInlinePolicy      `json:"inline_policies"`
	AttachedPolicies []string               `json:"attached_policies"`
}

// iamAccessKey is a key and its last use (nil: never used).
type iamAccessKey struct {
	Key      iamtypes.AccessKeyMetadata  `json:"key"`
	LastUsed *iamtypes.AccessKeyLastUsed `json:"last_used"`
}

// iamInlinePolicy is a policy embedded in a user, group or role; the
// document is plain JSON here and URL-encoded on the wire, as IAM sends it.
type iamInlinePolicy struct {
	Name     string `json:"name"`
	Document string `json:"document"`
}

type iamGroup struct {
	Group            iamtypes.Group    `json:"group"`
	InlinePolicies   []iamInlinePolicy `json:"inline_policies"`
	AttachedPolicies []string          `json:"attached_policies"`
}

// iamRole is a role; its trust policy, boundary, tags and last use are in
// Role.
type iamRole struct {
	Role             iamtypes.Role     `json:"role"`
	InlinePolicies   []iamInlinePolicy `json:"inline_policies"`
	AttachedPolicies []string          `json:"attached_policies"`
}

// iamPolicy is a managed policy and its versions. AttachmentCount,
// PermissionsBoundaryUsageCount and DefaultVersionId are derived.
type iamPolicy struct {
	Policy   iamtypes.Policy          `json:"policy"`
	Versions []iamtypes.PolicyVersion `json:"versions"`
}

// iamInstanceProfile holds its roles by name.
type iamInstanceProfile struct {
	Profile iamtypes.InstanceProfile `json:"profile"`
	Roles   []string                 `json:"roles"`
}

// iamOIDCProvider is an OpenID Connect provider; its ARN follows from the
// URL (issuer without https://).
type iamOIDCProvider struct {
	URL         string         `json:"url"`
	ClientIDs   []string       `json:"client_ids"`
	Thumbprints []string       `json:"thumbprints"`
	CreateDate  *time.Time     `json:"create_date"`
	Tags        []iamtypes.Tag `json:"tags"`
}

// iamSAMLProvider is a SAML provider; its ARN follows from the name.
type iamSAMLProvider struct {
	Name       string         `json:"name"`
	Metadata   string         `json:"metadata"`
	UUID       string         `json:"uuid"`
	CreateDate *time.Time     `json:"create_date"`
	ValidUntil *time.Time     `json:"valid_until"`
	Tags       []iamtypes.Tag `json:"tags"`
}

// IAM pages with Marker/MaxItems: 100 items unless asked, 1000 at most.
const (
	iamPageSize = 100
	iamMaxItems = 1000
)

func init() {
	register(&service{name: "iam", signing: "iam", protocol: protoQuery, global: true,
		xmlns:    "https://iam.amazonaws.com/doc/2010-05-08/",
		newWorld: func() any { return &iamWorld{} },
		ops: map[string]op{
			"GetAccountPasswordPolicy": iamGetPasswordPolicy,
			"GetAccountSummary":        iamGetAccountSummary,
			"GenerateCredentialReport": iamGenerateCredentialReport,
			"GetCredentialReport":      iamGetCredentialReport,

			"ListUsers":                iamListUsers,
			"GetUser":                  iamGetUser,
			"GetLoginProfile":          iamGetLoginProfile,
			"ListMFADevices":           iamListMFADevices,
			"ListAccessKeys":           iamListAccessKeys,
			"GetAccessKeyLastUsed":     iamGetAccessKeyLastUsed,
			"ListGroupsForUser":        iamListGroupsForUser,
			"ListUserPolicies":         iamListUserPolicies,
			"GetUserPolicy":            iamGetUserPolicy,
			"ListAttachedUserPolicies": iamListAttachedUserPolicies,
			"ListUserTags":             iamListUserTags,

			"ListGroups":                iamListGroups,
			"ListGroupPolicies":         iamListGroupPolicies,
			"GetGroupPolicy":            iamGetGroupPolicy,
			"ListAttachedGroupPolicies": iamListAttachedGroupPolicies,

			"ListRoles":                iamListRoles,
			"GetRole":                  iamGetRole,
			"ListRolePolicies":         iamListRolePolicies,
			"GetRolePolicy":            iamGetRolePolicy,
			"ListAttachedRolePolicies": iamListAttachedRolePolicies,
			"ListInstanceProfiles":     iamListInstanceProfiles,

			"GetAccountAuthorizationDetails": iamGetAccountAuthorizationDetails,

			"ListPolicies":     iamListPolicies,
			"GetPolicyVersion": iamGetPolicyVersion,
			"ListPolicyTags":   iamListPolicyTags,

			"ListOpenIDConnectProviders": iamListOIDCProviders,
			"GetOpenIDConnectProvider":   iamGetOIDCProvider,
			"ListSAMLProviders":          iamListSAMLProviders,
			"ListServerCertificates":     iamListServerCertificates,
			"ListVirtualMFADevices":      iamListVirtualMFADevices,
			"GetSAMLProvider":            iamGetSAMLProvider,
		}})
}

// iamPage pages items by Marker and MaxItems.
func iamPage[T any](c *call, items []T) ([]T, *string, bool, error) {
	size := c.intParam("MaxItems", iamPageSize)
	if size > iamMaxItems {
		return nil, nil, false, badRequest("ValidationError",
			"1 validation error detected: Value '%d' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000", size)
	}
	got, next, err := page(items, c.param("Marker"), size)
	if err != nil {
		return nil, nil, false, err
	}
	return got, optional(next), next != "", nil
}

func iamARN(c *call, resource string) string {
	return "arn:aws:iam::" + c.account.ID + ":" + resource
}

// iamEscape URL-encodes a policy document as IAM returns them.
func iamEscape(doc string) *string {
	if doc == "" {
		return nil
	}
	s := strings.ReplaceAll(url.QueryEscape(doc), "+", "%20")
	return &s
}

func noSuchEntity(format string, args ...any) *apiError {
	return notFound("NoSuchEntity", format, args...)
}

func iamUserOf(c *call) (*iamUser, error) {
	name := c.param("UserName")
	w := worldOf[iamWorld](c)
	for i := range w.Users {
		if aws.ToString(w.Users[i].User.UserName) == name {
			return &w.Users[i], nil
		}
	}
	return nil, noSuchEntity("The user with name %s cannot be found.", name)
}

func iamGroupOf(c *call) (*iamGroup, error) {
	name := c.param("GroupName")
	w := worldOf[iamWorld](c)
	for i := range w.Groups {
		if aws.ToString(w.Groups[i].Group.GroupName) == name {
			return &w.Groups[i], nil
		}
	}
	return nil, noSuchEntity("The group with name %s cannot be found.", name)
}

func iamRoleOf(c *call) (*iamRole, error) {
	name := c.param("RoleName")
	w := worldOf[iamWorld](c)
	for i := range w.Roles {
		if aws.ToString(w.Roles[i].Role.RoleName) == name {
			return &w.Roles[i], nil
		}
	}
	return nil, noSuchEntity("The role with name %s cannot be found.", name)
}

func iamPolicyOf(c *call) (*iamPolicy, error) {
	arn := c.param("PolicyArn")
	w := worldOf[iamWorld](c)
	for i := range w.Policies {
		if aws.ToString(w.Policies[i].Policy.Arn) == arn {
			return &w.Policies[i], nil
		}
	}
	return nil, noSuchEntity("Policy %s was not found.", arn)
}

func iamInlineOf(ps []iamInlinePolicy, name, kind string) (*iamInlinePolicy, error) {
	for i := range ps {
		if ps[i].Name == name {
			return &ps[i], nil
		}
	}
	return nil, noSuchEntity("The %s policy with name %s cannot be found.", kind, name)
}

func iamInlineNames(ps []iamInlinePolicy) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

// iamAttached names attached policies by ARN, filtered by PathPrefix.
func iamAttached(c *call, arns []string) []iamtypes.AttachedPolicy {
	return iamAttachedUnder(arns, c.param("PathPrefix"))
}

func iamAttachedUnder(arns []string, prefix string) []iamtypes.AttachedPolicy {
	out := []iamtypes.AttachedPolicy{}
	for _, a := range arns {
		// arn:aws:iam::aws:policy/service-role/Name: the path sits between.
		res := a
		if i := strings.Index(a, ":policy/"); i >= 0 {
			res = a[i+len(":policy"):]
		}
		if !strings.HasPrefix(res, prefix) {
			continue
		}
		out = append(out, iamtypes.AttachedPolicy{PolicyArn: aws.String(a), PolicyName: aws.String(res[strings.LastIndexByte(res, '/')+1:])})
	}
	return out
}

func iamPathOK(c *call, path *string) bool {
	return strings.HasPrefix(aws.ToString(path), c.param("PathPrefix"))
}

func iamGetPasswordPolicy(c *call) (any, error) {
	p := worldOf[iamWorld](c).PasswordPolicy
	if p == nil {
		return nil, noSuchEntity("The Password Policy with domain name %s cannot be found.", c.account.ID)
	}
	return &iam.GetAccountPasswordPolicyOutput{PasswordPolicy: p}, nil
}

// iamGetAccountSummary counts the world's entities and states IAM's
// default quotas.
func iamGetAccountSummary(c *call) (any, error) {
	w := worldOf[iamWorld](c)
	b2i := func(b bool) int32 {
		if b {
			return 1
		}
		return 0
	}
	var mfa, versions, local int32
	for _, u := range w.Users {
		mfa += int32(len(u.MFADevices))
	}
	for _, p := range w.Policies {
		if !iamAWSManaged(p.Policy.Arn) {
			local++
			versions += int32(len(p.Versions))
		}
	}
	return &iam.GetAccountSummaryOutput{SummaryMap: map[string]int32{
		"Users": int32(len(w.Users)), "Groups": int32(len(w.Groups)), "Roles": int32(len(w.Roles)),
		"Policies": local, "PolicyVersionsInUse": versions, "InstanceProfiles": int32(len(w.InstanceProfiles)),
		"Providers": int32(len(w.OIDCProviders) + len(w.SAMLProviders)), "MFADevices": mfa + b2i(w.Root.MFAEnabled),
		"MFADevicesInUse": mfa + b2i(w.Root.MFAEnabled), "ServerCertificates": int32(len(w.ServerCertificates)),
		"AccountMFAEnabled": b2i(w.Root.MFAEnabled), "AccountAccessKeysPresent": b2i(len(w.Root.AccessKeys) > 0),
		"AccountSigningCertificatesPresent": 0, "GlobalEndpointTokenVersion": 1,
		"UsersQuota": 5000, "GroupsQuota": 300, "RolesQuota": 1000, "PoliciesQuota": 1500,
		"InstanceProfilesQuota": 1000, "ServerCertificatesQuota": 20, "PolicyVersionsInUseQuota": 10000,
		"VersionsPerPolicyQuota": 5, "PolicySizeQuota": 6144, "AccessKeysPerUserQuota": 2,
		"SigningCertificatesPerUserQuota": 2, "GroupsPerUserQuota": 10, "AttachedPoliciesPerUserQuota": 10,
		"AttachedPoliciesPerGroupQuota": 10, "AttachedPoliciesPerRoleQuota": 10,
		"UserPolicySizeQuota": 2048, "GroupPolicySizeQuota": 5120, "RolePolicySizeQuota": 10240,
		"AssumeRolePolicySizeQuota": 2048,
	}}, nil
}

func iamAWSManaged(arn *string) bool {
	return strings.HasPrefix(aws.ToString(arn), "arn:aws:iam::aws:")
}

// iamReports remembers, per server and account, whether a credential
// report was asked for: IAM answers STARTED first, COMPLETE once built.
var iamReports sync.Map // iamReportKey -> *iamReport

type iamReportKey struct {
	srv  *Server
	acct string
}

type iamReport struct {
	generated time.Time
	ready     atomic.Bool
}

func iamGenerateCredentialReport(c *call) (any, error) {
	key := iamReportKey{c.srv, c.account.ID}
	v, loaded := iamReports.LoadOrStore(key, &iamReport{generated: time.Now().UTC()})
	if !loaded {
		return &iam.GenerateCredentialReportOutput{State: iamtypes.ReportStateTypeStarted,
			Description: aws.String("No report exists. Starting a new report generation task")}, nil
	}
	v.(*iamReport).ready.Store(true)
	return &iam.GenerateCredentialReportOutput{State: iamtypes.ReportStateTypeComplete}, nil
}

func iamGetCredentialReport(c *call) (any, error) {
	v, ok := iamReports.Load(iamReportKey{c.srv, c.account.ID})
	if !ok {
		return nil, &apiError{status: http.StatusGone, code: "ReportNotPresent",
			msg: "Credential report does not exist. Use GenerateCredentialReport to generate a report."}
	}
	r := v.(*iamReport)
	if !r.ready.Load() {
		return nil, notFound("ReportInProgress", "Credential report is being generated.")
	}
	return &iam.GetCredentialReportOutput{Content: credentialReport(c, worldOf[iamWorld](c)),
		GeneratedTime: aws.Time(r.generated), ReportFormat: iamtypes.ReportFormatTypeTextCsv}, nil
}

// credentialReportHeader is the credential report's columns, in IAM's order.
var credentialReportHeader = []string{"user", "arn", "user_creation_time", "password_enabled", "password_last_used",
	"password_last_changed", "password_next_rotation", "mfa_active",
	"access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
	"access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service",
	"cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"}

// credentialReport writes the CSV IAM builds from the root user and every
// user: times in ISO 8601, N/A where a credential does not exist,
// no_information for a password never used.
func credentialReport(c *call, w *iamWorld) []byte {
	ts := func(t *time.Time, none string) string {
		if t == nil {
			return none
		}
		return t.UTC().Format("2006-01-02T15:04:05+00:00")
	}
	keys := func(ks []iamAccessKey) []string {
		var out []string
		for i := 0; i < 2; i++ {
			if i >= len(ks) {
				out = append(out, "false", "N/A", "N/A", "N/A", "N/A")
				continue
			}
			k := ks[i]
			lu := k.LastUsed
			if lu == nil {
				lu = &iamtypes.AccessKeyLastUsed{}
			}
			out = append(out, strconv.FormatBool(k.Key.Status == iamtypes.StatusTypeActive), ts(k.Key.CreateDate, "N/A"),
				ts(lu.LastUsedDate, "N/A"), orNA(lu.Region), orNA(lu.ServiceName))
		}
		return append(out, "false", "N/A", "false", "N/A")
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write(credentialReportHeader)
	r := w.Root
	_ = cw.Write(append([]string{"<root_account>", "arn:aws:iam::" + c.account.ID + ":root", ts(r.CreateDate, "N/A"),
		"not_supported", ts(r.PasswordLastUsed, "no_information"), "not_supported", "not_supported",
		strconv.FormatBool(r.MFAEnabled)}, keys(r.AccessKeys)...))
	for _, u := range w.Users {
		pw, lastUsed, changed, next := "false", "N/A", "N/A", "N/A"
		if lp := u.LoginProfile; lp != nil {
			pw, lastUsed, changed = "true", ts(u.User.PasswordLastUsed, "no_information"), ts(lp.CreateDate, "N/A")
			if pp := w.PasswordPolicy; pp != nil && aws.ToInt32(pp.MaxPasswordAge) > 0 && lp.CreateDate != nil {
				next = ts(aws.Time(lp.CreateDate.AddDate(0, 0, int(*pp.MaxPasswordAge))), "N/A")
			}
		}
		_ = cw.Write(append([]string{aws.ToString(u.User.UserName), aws.ToString(u.User.Arn), ts(u.User.CreateDate, "N/A"),
			pw, lastUsed, changed, next, strconv.FormatBool(len(u.MFADevices) > 0)}, keys(u.AccessKeys)...))
	}
	cw.Flush()
	return buf.Bytes()
}

func orNA(s *string) string {
	if aws.ToString(s) == "" {
		return "N/A"
	}
	return *s
}

// ListUsers leaves out tags and the permissions boundary, as IAM does.
func iamListUsers(c *call) (any, error) {
	var users []iamtypes.User
	for _, u := range worldOf[iamWorld](c).Users {
		if iamPathOK(c, u.User.Path) {
			x := u.User
			x.Tags, x.PermissionsBoundary = nil, nil
			users = append(users, x)
		}
	}
	items, marker, more, err := iamPage(c, users)
	if err != nil {
		return nil, err
	}
	return &iam.ListUsersOutput{Users: items, Marker: marker, IsTruncated: more}, nil
}

// iamGetUser answers with the user, its tags, boundary and password's
// last use.
func iamGetUser(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	x := u.User
	return &iam.GetUserOutput{User: &x}, nil
}

func iamGetLoginProfile(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	if u.LoginProfile == nil {
		return nil, noSuchEntity("Login Profile for User %s cannot be found.", aws.ToString(u.User.UserName))
	}
	lp := *u.LoginProfile
	lp.UserName = u.User.UserName
	return &iam.GetLoginProfileOutput{LoginProfile: &lp}, nil
}

func iamListMFADevices(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	devs := make([]iamtypes.MFADevice, 0, len(u.MFADevices))
	for _, d := range u.MFADevices {
		d.UserName = u.User.UserName
		devs = append(devs, d)
	}
	items, marker, more, err := iamPage(c, devs)
	if err != nil {
		return nil, err
	}
	return &iam.ListMFADevicesOutput{MFADevices: items, Marker: marker, IsTruncated: more}, nil
}

func iamListAccessKeys(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	keys := make([]iamtypes.AccessKeyMetadata, 0, len(u.AccessKeys))
	for _, k := range u.AccessKeys {
		m := k.Key
		m.UserName = u.User.UserName
		keys = append(keys, m)
	}
	items, marker, more, err := iamPage(c, keys)
	if err != nil {
		return nil, err
	}
	return &iam.ListAccessKeysOutput{AccessKeyMetadata: items, Marker: marker, IsTruncated: more}, nil
}

// iamGetAccessKeyLastUsed answers for the account's keys; a key IAM does
// not know in the account is denied, as AWS does.
func iamGetAccessKeyLastUsed(c *call) (any, error) {
	id := c.param("AccessKeyId")
	w := worldOf[iamWorld](c)
	answer := func(user *string, k iamAccessKey) (any, error) {
		lu := iamtypes.AccessKeyLastUsed{Region: aws.String("N/A"), ServiceName: aws.String("N/A")}
		if k.LastUsed != nil {
			lu = *k.LastUsed
		}
		return &iam.GetAccessKeyLastUsedOutput{UserName: user, AccessKeyLastUsed: &lu}, nil
	}
	for _, u := range w.Users {
		for _, k := range u.AccessKeys {
			if aws.ToString(k.Key.AccessKeyId) == id {
				return answer(u.User.UserName, k)
			}
		}
	}
	for _, k := range w.Root.AccessKeys {
		if aws.ToString(k.Key.AccessKeyId) == id {
			return answer(aws.String("root"), k)
		}
	}
	return nil, &apiError{status: http.StatusForbidden, code: "AccessDenied",
		msg: "User: arn:aws:iam::" + c.account.ID + ":user/vigil is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key " + id}
}

func iamListGroupsForUser(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	w := worldOf[iamWorld](c)
	groups := []iamtypes.Group{}
	for _, n := range u.Groups {
		for _, g := range w.Groups {
			if aws.ToString(g.Group.GroupName) == n {
				groups = append(groups, g.Group)
			}
		}
	}
	items, marker, more, err := iamPage(c, groups)
	if err != nil {
		return nil, err
	}
	return &iam.ListGroupsForUserOutput{Groups: items, Marker: marker, IsTruncated: more}, nil
}

func iamListUserPolicies(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, iamInlineNames(u.InlinePolicies))
	if err != nil {
		return nil, err
	}
	return &iam.ListUserPoliciesOutput{PolicyNames: items, Marker: marker, IsTruncated: more}, nil
}

func iamGetUserPolicy(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	p, err := iamInlineOf(u.InlinePolicies, c.param("PolicyName"), "user")
	if err != nil {
		return nil, err
	}
	return &iam.GetUserPolicyOutput{UserName: u.User.UserName, PolicyName: aws.String(p.Name), PolicyDocument: iamEscape(p.Document)}, nil
}

func iamListAttachedUserPolicies(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, iamAttached(c, u.AttachedPolicies))
	if err != nil {
		return nil, err
	}
	return &iam.ListAttachedUserPoliciesOutput{AttachedPolicies: items, Marker: marker, IsTruncated: more}, nil
}

func iamListUserTags(c *call) (any, error) {
	u, err := iamUserOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, append([]iamtypes.Tag{}, u.User.Tags...))
	if err != nil {
		return nil, err
	}
	return &iam.ListUserTagsOutput{Tags: items, Marker: marker, IsTruncated: more}, nil
}

func iamListGroups(c *call) (any, error) {
	var groups []iamtypes.Group
	for _, g := range worldOf[iamWorld](c).Groups {
		if iamPathOK(c, g.Group.Path) {
			groups = append(groups, g.Group)
		}
	}
	items, marker, more, err := iamPage(c, groups)
	if err != nil {
		return nil, err
	}
	return &iam.ListGroupsOutput{Groups: items, Marker: marker, IsTruncated: more}, nil
}

func iamListGroupPolicies(c *call) (any, error) {
	g, err := iamGroupOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, iamInlineNames(g.InlinePolicies))
	if err != nil {
		return nil, err
	}
	return &iam.ListGroupPoliciesOutput{PolicyNames: items, Marker: marker, IsTruncated: more}, nil
}

func iamGetGroupPolicy(c *call) (any, error) {
	g, err := iamGroupOf(c)
	if err != nil {
		return nil, err
	}
	p, err := iamInlineOf(g.InlinePolicies, c.param("PolicyName"), "group")
	if err != nil {
		return nil, err
	}
	return &iam.GetGroupPolicyOutput{GroupName: g.Group.GroupName, PolicyName: aws.String(p.Name), PolicyDocument: iamEscape(p.Document)}, nil
}

func iamListAttachedGroupPolicies(c *call) (any, error) {
	g, err := iamGroupOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, iamAttached(c, g.AttachedPolicies))
	if err != nil {
		return nil, err
	}
	return &iam.ListAttachedGroupPoliciesOutput{AttachedPolicies: items, Marker: marker, IsTruncated: more}, nil
}

// iamRoleOut is a role as GetRole answers it: the trust policy URL-encoded.
func iamRoleOut(r iamtypes.Role) iamtypes.Role {
	r.AssumeRolePolicyDocument = iamEscape(aws.ToString(r.AssumeRolePolicyDocument))
	return r
}

// iamRoleListed is a role as listings answer it: without the permissions
// boundary, tags and last use.
func iamRoleListed(r iamtypes.Role) iamtypes.Role {
	r = iamRoleOut(r)
	r.PermissionsBoundary, r.Tags, r.RoleLastUsed = nil, nil, nil
	return r
}

func iamListRoles(c *call) (any, error) {
	var roles []iamtypes.Role
	for _, r := range worldOf[iamWorld](c).Roles {
		if iamPathOK(c, r.Role.Path) {
			roles = append(roles, iamRoleListed(r.Role))
		}
	}
	items, marker, more, err := iamPage(c, roles)
	if err != nil {
		return nil, err
	}
	return &iam.ListRolesOutput{Roles: items, Marker: marker, IsTruncated: more}, nil
}

func iamGetRole(c *call) (any, error) {
	r, err := iamRoleOf(c)
	if err != nil {
		return nil, err
	}
	out := iamRoleOut(r.Role)
	return &iam.GetRoleOutput{Role: &out}, nil
}

func iamListRolePolicies(c *call) (any, error) {
	r, err := iamRoleOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, iamInlineNames(r.InlinePolicies))
	if err != nil {
		return nil, err
	}
	return &iam.ListRolePoliciesOutput{PolicyNames: items, Marker: marker, IsTruncated: more}, nil
}

func iamGetRolePolicy(c *call) (any, error) {
	r, err := iamRoleOf(c)
	if err != nil {
		return nil, err
	}
	p, err := iamInlineOf(r.InlinePolicies, c.param("PolicyName"), "role")
	if err != nil {
		return nil, err
	}
	return &iam.GetRolePolicyOutput{RoleName: r.Role.RoleName, PolicyName: aws.String(p.Name), PolicyDocument: iamEscape(p.Document)}, nil
}

func iamListAttachedRolePolicies(c *call) (any, error) {
	r, err := iamRoleOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, iamAttached(c, r.AttachedPolicies))
	if err != nil {
		return nil, err
	}
	return &iam.ListAttachedRolePoliciesOutput{AttachedPolicies: items, Marker: marker, IsTruncated: more}, nil
}

// ListInstanceProfiles carries each profile's roles, as listings show
// roles, and no tags.
func iamListInstanceProfiles(c *call) (any, error) {
	w := worldOf[iamWorld](c)
	var profiles []iamtypes.InstanceProfile
	for _, ip := range w.InstanceProfiles {
		if !iamPathOK(c, ip.Profile.Path) {
			continue
		}
		profiles = append(profiles, iamProfileListed(w, ip))
	}
	items, marker, more, err := iamPage(c, profiles)
	if err != nil {
		return nil, err
	}
	return &iam.ListInstanceProfilesOutput{InstanceProfiles: items, Marker: marker, IsTruncated: more}, nil
}

// iamProfileListed is an instance profile as listings show it: its roles
// as listed, no tags.
func iamProfileListed(w *iamWorld, ip iamInstanceProfile) iamtypes.InstanceProfile {
	p := ip.Profile
	p.Tags, p.Roles = nil, []iamtypes.Role{}
	for _, n := range ip.Roles {
		for _, r := range w.Roles {
			if aws.ToString(r.Role.RoleName) == n {
				p.Roles = append(p.Roles, iamRoleListed(r.Role))
			}
		}
	}
	return p
}

// iamPolicyOut fills what IAM derives of a policy: its default version
// and how many principals attach it or use it as a boundary.
func iamPolicyOut(w *iamWorld, p iamPolicy) iamtypes.Policy {
	out := p.Policy
	arn := aws.ToString(out.Arn)
	var attached, boundary int32
	count := func(arns []string, pb *iamtypes.AttachedPermissionsBoundary) {
		for _, a := range arns {
			if a == arn {
				attached++
			}
		}
		if pb != nil && aws.ToString(pb.PermissionsBoundaryArn) == arn {
			boundary++
		}
	}
	for _, u := range w.Users {
		count(u.AttachedPolicies, u.User.PermissionsBoundary)
	}
	for _, g := range w.Groups {
		count(g.AttachedPolicies, nil)
	}
	for _, r := range w.Roles {
		count(r.AttachedPolicies, r.Role.PermissionsBoundary)
	}
	out.AttachmentCount, out.PermissionsBoundaryUsageCount = aws.Int32(attached), aws.Int32(boundary)
	for _, v := range p.Versions {
		if v.IsDefaultVersion {
			out.DefaultVersionId = v.VersionId
		}
	}
	return out
}

// ListPolicies filters by Scope (All, AWS, Local), OnlyAttached and
// PathPrefix; it leaves out tags and descriptions, as IAM does.
func iamListPolicies(c *call) (any, error) {
	w := worldOf[iamWorld](c)
	scope := c.param("Scope")
	var pols []iamtypes.Policy
	for _, p := range w.Policies {
		managed := iamAWSManaged(p.Policy.Arn)
		if (scope == "AWS" && !managed) || (scope == "Local" && managed) || !iamPathOK(c, p.Policy.Path) {
			continue
		}
		out := iamPolicyOut(w, p)
		if c.param("OnlyAttached") == "true" && *out.AttachmentCount == 0 {
			continue
		}
		out.Tags, out.Description = nil, nil
		pols = append(pols, out)
	}
	items, marker, more, err := iamPage(c, pols)
	if err != nil {
		return nil, err
	}
	return &iam.ListPoliciesOutput{Policies: items, Marker: marker, IsTruncated: more}, nil
}

func iamGetPolicyVersion(c *call) (any, error) {
	p, err := iamPolicyOf(c)
	if err != nil {
		return nil, err
	}
	id := c.param("VersionId")
	for _, v := range p.Versions {
		if aws.ToString(v.VersionId) == id {
			v.Document = iamEscape(aws.ToString(v.Document))
			return &iam.GetPolicyVersionOutput{PolicyVersion: &v}, nil
		}
	}
	return nil, noSuchEntity("Policy %s version %s does not exist or is not attachable.", aws.ToString(p.Policy.Arn), id)
}

func iamListPolicyTags(c *call) (any, error) {
	p, err := iamPolicyOf(c)
	if err != nil {
		return nil, err
	}
	items, marker, more, err := iamPage(c, append([]iamtypes.Tag{}, p.Policy.Tags...))
	if err != nil {
		return nil, err
	}
	return &iam.ListPolicyTagsOutput{Tags: items, Marker: marker, IsTruncated: more}, nil
}

func iamOIDCARN(c *call, p iamOIDCProvider) string {
	return iamARN(c, "oidc-provider/"+strings.TrimPrefix(p.URL, "https://"))
}

func iamSAMLARN(c *call, p iamSAMLProvider) string {
	return iamARN(c, "saml-provider/"+p.Name)
}

// The identity provider listings are not paged.
func iamListOIDCProviders(c *call) (any, error) {
	out := &iam.ListOpenIDConnectProvidersOutput{OpenIDConnectProviderList: []iamtypes.OpenIDConnectProviderListEntry{}}
	for _, p := range worldOf[iamWorld](c).OIDCProviders {
		out.OpenIDConnectProviderList = append(out.OpenIDConnectProviderList, iamtypes.OpenIDConnectProviderListEntry{Arn: aws.String(iamOIDCARN(c, p))})
	}
	return out, nil
}

func iamGetOIDCProvider(c *call) (any, error) {
	arn := c.param("OpenIDConnectProviderArn")
	for _, p := range worldOf[iamWorld](c).OIDCProviders {
		if iamOIDCARN(c, p) == arn {
			return &iam.GetOpenIDConnectProviderOutput{Url: aws.String(strings.TrimPrefix(p.URL, "https://")),
				ClientIDList: p.ClientIDs, ThumbprintList: p.Thumbprints, CreateDate: p.CreateDate, Tags: p.Tags}, nil
		}
	}
	return nil, noSuchEntity("OpenIDConnect Provider not found for arn %s", arn)
}

func iamListSAMLProviders(c *call) (any, error) {
	out := &iam.ListSAMLProvidersOutput{SAMLProviderList: []iamtypes.SAMLProviderListEntry{}}
	for _, p := range worldOf[iamWorld](c).SAMLProviders {
		out.SAMLProviderList = append(out.SAMLProviderList, iamtypes.SAMLProviderListEntry{Arn: aws.String(iamSAMLARN(c, p)),
			CreateDate: p.CreateDate, ValidUntil: p.ValidUntil})
	}
	return out, nil
}

func iamGetSAMLProvider(c *call) (any, error) {
	arn := c.param("SAMLProviderArn")
	for _, p := range worldOf[iamWorld](c).SAMLProviders {
		if iamSAMLARN(c, p) == arn {
			return &iam.GetSAMLProviderOutput{SAMLMetadataDocument: optional(p.Metadata), SAMLProviderUUID: optional(p.UUID),
				CreateDate: p.CreateDate, ValidUntil: p.ValidUntil, Tags: p.Tags}, nil
		}
	}
	return nil, noSuchEntity("SAML provider %s was not found.", arn)
}

// iamDetailed is one entity of GetAccountAuthorizationDetails: IAM pages
// through users, then groups, roles and policies as one sequence.
type iamDetailed struct {
	user   *iamtypes.UserDetail
	group  *iamtypes.GroupDetail
	role   *iamtypes.RoleDetail
	policy *iamtypes.ManagedPolicyDetail
}

// iamPolicyDetails writes inline policies as the details carry them,
// documents URL-encoded.
func iamPolicyDetails(ps []iamInlinePolicy) []iamtypes.PolicyDetail {
	out := []iamtypes.PolicyDetail{}
	for _, p := range ps {
		out = append(out, iamtypes.PolicyDetail{PolicyName: aws.String(p.Name), PolicyDocument: iamEscape(p.Document)})
	}
	return out
}

// iamGetAccountAuthorizationDetails answers the entities Filter names
// (User, Group, Role, LocalManagedPolicy, AWSManagedPolicy; all when
// none) with what IAM attaches to them: inline documents and the trust
// policy URL-encoded, attached policies, groups, instance profiles (with
// their roles as listings show them), boundaries, tags, last use, and
// every policy version. Roles carry no MaxSessionDuration or Description,
// policies no tags, as in IAM's answer.
func iamGetAccountAuthorizationDetails(c *call) (any, error) {
	w := worldOf[iamWorld](c)
	want := map[string]bool{}
	for _, f := range c.list("Filter") {
		switch f {
		case "User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy":
			want[f] = true
		default:
			return nil, badRequest("ValidationError", "1 validation error detected: Value '[%s]' at 'filter' failed to satisfy constraint: "+
				"Member must satisfy constraint: [Member must satisfy enum value set: [User, Role, LocalManagedPolicy, Group, AWSManagedPolicy]]", f)
		}
	}
	all := len(want) == 0
	var items []iamDetailed
	if all || want["User"] {
		for _, u := range w.Users {
			items = append(items, iamDetailed{user: &iamtypes.UserDetail{Arn: u.User.Arn, CreateDate: u.User.CreateDate,
				Path: u.User.Path, UserId: u.User.UserId, UserName: u.User.UserName, PermissionsBoundary: u.User.PermissionsBoundary,
				Tags: u.User.Tags, GroupList: append([]string{}, u.Groups...), UserPolicyList: iamPolicyDetails(u.InlinePolicies),
				AttachedManagedPolicies: iamAttachedUnder(u.AttachedPolicies, "")}})
		}
	}
	if all || want["Group"] {
		for _, g := range w.Groups {
			items = append(items, iamDetailed{group: &iamtypes.GroupDetail{Arn: g.Group.Arn, CreateDate: g.Group.CreateDate,
				GroupId: g.Group.GroupId, GroupName: g.Group.GroupName, Path: g.Group.Path,
				GroupPolicyList: iamPolicyDetails(g.InlinePolicies), AttachedManagedPolicies: iamAttachedUnder(g.AttachedPolicies, "")}})
		}
	}
	if all || want["Role"] {
		for _, r := range w.Roles {
			d := &iamtypes.RoleDetail{Arn: r.Role.Arn, CreateDate: r.Role.CreateDate, Path: r.Role.Path, RoleId: r.Role.RoleId,
				RoleName: r.Role.RoleName, AssumeRolePolicyDocument: iamEscape(aws.ToString(r.Role.AssumeRolePolicyDocument)),
				PermissionsBoundary: r.Role.PermissionsBoundary, RoleLastUsed: r.Role.RoleLastUsed, Tags: r.Role.Tags,
				RolePolicyList: iamPolicyDetails(r.InlinePolicies), AttachedManagedPolicies: iamAttachedUnder(r.AttachedPolicies, ""),
				InstanceProfileList: []iamtypes.InstanceProfile{}}
			for _, ip := range w.InstanceProfiles {
				if slices.Contains(ip.Roles, aws.ToString(r.Role.RoleName)) {
					d.InstanceProfileList = append(d.InstanceProfileList, iamProfileListed(w, ip))
				}
			}
			items = append(items, iamDetailed{role: d})
		}
	}
	for _, p := range w.Policies {
		if managed := iamAWSManaged(p.Policy.Arn); !all && !(managed && want["AWSManagedPolicy"] || !managed && want["LocalManagedPolicy"]) {
			continue
		}
		out := iamPolicyOut(w, p)
		d := &iamtypes.ManagedPolicyDetail{Arn: out.Arn, AttachmentCount: out.AttachmentCount, CreateDate: out.CreateDate,
			DefaultVersionId: out.DefaultVersionId, Description: out.Description, IsAttachable: out.IsAttachable, Path: out.Path,
			PermissionsBoundaryUsageCount: out.PermissionsBoundaryUsageCount, PolicyId: out.PolicyId, PolicyName: out.PolicyName,
			UpdateDate: out.UpdateDate, PolicyVersionList: []iamtypes.PolicyVersion{}}
		for _, v := range p.Versions {
			v.Document = iamEscape(aws.ToString(v.Document))
			d.PolicyVersionList = append(d.PolicyVersionList, v)
		}
		items = append(items, iamDetailed{policy: d})
	}
	got, marker, more, err := iamPage(c, items)
	if err != nil {
		return nil, err
	}
	out := &iam.GetAccountAuthorizationDetailsOutput{Marker: marker, IsTruncated: more, UserDetailList: []iamtypes.UserDetail{},
		GroupDetailList: []iamtypes.GroupDetail{}, RoleDetailList: []iamtypes.RoleDetail{}, Policies: []iamtypes.ManagedPolicyDetail{}}
	for _, e := range got {
		switch {
		case e.user != nil:
			out.UserDetailList = append(out.UserDetailList, *e.user)
		case e.group != nil:
			out.GroupDetailList = append(out.GroupDetailList, *e.group)
		case e.role != nil:
			out.RoleDetailList = append(out.RoleDetailList, *e.role)
		default:
			out.Policies = append(out.Policies, *e.policy)
		}
	}
	return out, nil
}

// iamListVirtualMFADevices lists the assigned virtual devices: root's when
// it has one, and users' devices whose serial is an ARN (a hardware
// device's serial is the token's own). The world has no unassigned device.
func iamListVirtualMFADevices(c *call) (any, error) {
	w := worldOf[iamWorld](c)
	var devices []iamtypes.VirtualMFADevice
	if status := c.param("AssignmentStatus"); status == string(iamtypes.AssignmentStatusTypeUnassigned) {
		return &iam.ListVirtualMFADevicesOutput{VirtualMFADevices: []iamtypes.VirtualMFADevice{}}, nil
	}
	if w.Root.MFAEnabled && w.Root.VirtualMFA {
		devices = append(devices, iamtypes.VirtualMFADevice{SerialNumber: aws.String(iamARN(c, "mfa/root-account-mfa-device")),
			User: &iamtypes.User{Arn: aws.String(iamARN(c, "root")), UserId: aws.String(c.account.ID), CreateDate: w.Root.CreateDate}})
	}
	for _, u := range w.Users {
		for _, d := range u.MFADevices {
			if strings.HasPrefix(aws.ToString(d.SerialNumber), "arn:") {
				user := u.User
				devices = append(devices, iamtypes.VirtualMFADevice{SerialNumber: d.SerialNumber, EnableDate: d.EnableDate, User: &user})
			}
		}
	}
	items, marker, more, err := iamPage(c, devices)
	if err != nil {
		return nil, err
	}
	return &iam.ListVirtualMFADevicesOutput{VirtualMFADevices: append([]iamtypes.VirtualMFADevice{}, items...), Marker: marker, IsTruncated: more}, nil
}

func iamListServerCertificates(c *call) (any, error) {
	var certs []iamtypes.ServerCertificateMetadata
	for _, sc := range worldOf[iamWorld](c).ServerCertificates {
		if iamPathOK(c, sc.Path) {
			certs = append(certs, sc)
		}
	}
	items, marker, more, err := iamPage(c, certs)
	if err != nil {
		return nil, err
	}
	return &iam.ListServerCertificatesOutput{ServerCertificateMetadataList: items, Marker: marker, IsTruncated: more}, nil
}
