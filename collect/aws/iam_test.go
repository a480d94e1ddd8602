package aws

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// The IAM world shared by the moto test and the Terraform twin below.
const (
	iamAdminDoc   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	iamScopedDoc  = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::logs/*"}]}`
	iamTrustAny   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}`
	iamTrustOther = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}`
	iamTrustSvc   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
)

// seedIAM creates, through the SDK: users alice (console password, no MFA,
// inline admin policy) and bob (MFA, one access key, in a group); roles
// open (trusted by "*"), partner (another account, no external id) and
// worker (a service, boundary, instance profile); customer policies
// admin-all ("*" on "*") and read-logs (scoped).
func seedIAM(t *testing.T, client *iam.Client) {
	t.Helper()
	ctx := context.Background()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(client.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("alice"),
		Tags: []iamtypes.Tag{{Key: aws.String("team"), Value: aws.String("ops")}}}))
	must(client.CreateLoginProfile(ctx, &iam.CreateLoginProfileInput{UserName: aws.String("alice"), Password: aws.String("Passw0rd!Passw0rd!")}))
	must(client.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("alice"), PolicyName: aws.String("admin"),
		PolicyDocument: aws.String(iamAdminDoc)}))

	must(client.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("bob")}))
	must(client.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String("bob")}))
	mfa, err := client.CreateVirtualMFADevice(ctx, &iam.CreateVirtualMFADeviceInput{VirtualMFADeviceName: aws.String("bob")})
	must(mfa, err)
	must(client.EnableMFADevice(ctx, &iam.EnableMFADeviceInput{UserName: aws.String("bob"),
		SerialNumber: mfa.VirtualMFADevice.SerialNumber, AuthenticationCode1: aws.String("123456"), AuthenticationCode2: aws.String("654321")}))
	must(client.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String("readers")}))
	must(client.AddUserToGroup(ctx, &iam.AddUserToGroupInput{GroupName: aws.String("readers"), UserName: aws.String("bob")}))
	must(client.AttachGroupPolicy(ctx, &iam.AttachGroupPolicyInput{GroupName: aws.String("readers"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/ReadOnlyAccess")}))

	admin, err := client.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("admin-all"), PolicyDocument: aws.String(iamAdminDoc)})
	must(admin, err)
	scoped, err := client.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("read-logs"), PolicyDocument: aws.String(iamScopedDoc),
		Path: aws.String("/app/")})
	must(scoped, err)

	must(client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("open"), AssumeRolePolicyDocument: aws.String(iamTrustAny)}))
	must(client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("partner"), AssumeRolePolicyDocument: aws.String(iamTrustOther)}))
	must(client.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("partner"), PolicyArn: admin.Policy.Arn}))
	must(client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("worker"), AssumeRolePolicyDocument: aws.String(iamTrustSvc),
		MaxSessionDuration: aws.Int32(7200), PermissionsBoundary: scoped.Policy.Arn,
		Tags: []iamtypes.Tag{{Key: aws.String("app"), Value: aws.String("jobs")}}}))
	must(client.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("worker"), PolicyArn: scoped.Policy.Arn}))
	must(client.PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("worker"), PolicyName: aws.String("logs"),
		PolicyDocument: aws.String(iamScopedDoc)}))
	must(client.CreateInstanceProfile(ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: aws.String("worker")}))
	must(client.AddRoleToInstanceProfile(ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: aws.String("worker"), RoleName: aws.String("worker")}))
}

// seedIdentityProviders adds a GitHub OIDC provider, a SAML provider, and
// two roles trusting GitHub: ci for any repository (audience only) and
// ci-main for one repository's main branch.
func seedIdentityProviders(t *testing.T, client *iam.Client) {
	t.Helper()
	ctx := context.Background()
	p, err := client.CreateOpenIDConnectProvider(ctx, &iam.CreateOpenIDConnectProviderInput{
		Url: aws.String("https://token.actions.githubusercontent.com"), ClientIDList: []string{"sts.amazonaws.com"},
		ThumbprintList: []string{"6938fd4d98bab03faadb97b34396831e3780aea1"},
		Tags:           []iamtypes.Tag{{Key: aws.String("ci"), Value: aws.String("github")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateSAMLProvider(ctx, &iam.CreateSAMLProviderInput{Name: aws.String("okta"),
		SAMLMetadataDocument: aws.String(strings.Repeat("x", 1000))}); err != nil { // moto drops SAML provider tags
		t.Fatal(err)
	}
	trust := func(cond string) string {
		return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"` + aws.ToString(p.OpenIDConnectProviderArn) +
			`"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{` + cond + `}}]}`
	}
	for name, cond := range map[string]string{
		"ci":      `"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}`,
		"ci-main": `"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}`,
	} {
		if _, err := client.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trust(cond))}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIAMAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := iam.NewFromConfig(srv.Config(t, "us-east-1"))
	seedIAM(t, client)
	if _, err := client.UpdateAccountPasswordPolicy(context.Background(), &iam.UpdateAccountPasswordPolicyInput{
		MinimumPasswordLength: aws.Int32(8), PasswordReusePrevention: aws.Int32(3), RequireSymbols: true,
		AllowUsersToChangePassword: true, MaxPasswordAge: aws.Int32(90)}); err != nil {
		t.Fatal(err)
	}
	seedIdentityProviders(t, client)
	res := collectMoto(t, srv, []string{"iam"})
	noErrors(t, res)

	oidc := byKind(res, "aws.iam.oidc_provider")["token.actions.githubusercontent.com"]
	if oidc == nil || oidc.ID != "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" ||
		!reflect.DeepEqual(oidc.Attributes, &model.IAMOIDCProvider{URL: "token.actions.githubusercontent.com",
			ClientIDs: []string{"sts.amazonaws.com"}, Thumbprints: []string{"6938fd4d98bab03faadb97b34396831e3780aea1"}}) ||
		oidc.Tags["ci"] != "github" {
		t.Errorf("oidc provider: %+v", oidc)
	}
	saml := byKind(res, "aws.iam.saml_provider")["okta"]
	if saml == nil || saml.ID != "arn:aws:iam::123456789012:saml-provider/okta" || saml.Attributes.(*model.IAMSAMLProvider).Name != "okta" ||
		saml.Attributes.(*model.IAMSAMLProvider).ValidUntil == "" {
		t.Errorf("saml provider: %+v", saml)
	}

	users := byKind(res, "aws.iam.user")
	if len(users) != 2 {
		t.Fatalf("want 2 users, got %v", users)
	}
	alice := users["alice"]
	a := alice.Attributes.(*model.IAMUser)
	if !a.LoginProfile || a.MFAEnabled == nil || *a.MFAEnabled || len(a.AccessKeys) != 0 || len(a.InlinePolicies) != 1 ||
		a.InlinePolicies[0].Name != "admin" || a.InlinePolicies[0].Document == nil ||
		a.InlinePolicies[0].Document.Statements[0].Actions[0] != "*" || a.Path != "/" {
		t.Errorf("alice: %+v", a)
	}
	if alice.ID != "arn:aws:iam::123456789012:user/alice" || alice.Account != moto.Account || alice.Tags["team"] != "ops" || len(alice.Raw) == 0 {
		t.Errorf("alice identity: %+v", alice)
	}
	b := users["bob"].Attributes.(*model.IAMUser)
	if b.LoginProfile || b.MFAEnabled == nil || !*b.MFAEnabled || len(b.AccessKeys) != 1 || !b.AccessKeys[0].Active ||
		b.AccessKeys[0].AgeDays != 0 || b.AccessKeys[0].ID == "" || !reflect.DeepEqual(b.Groups, []string{"readers"}) ||
		len(b.InlinePolicies) != 0 || len(b.AttachedPolicies) != 0 {
		t.Errorf("bob: %+v", b)
	}

	g := byKind(res, "aws.iam.group")["readers"]
	if g == nil || !reflect.DeepEqual(g.Attributes.(*model.IAMGroup).AttachedPolicies, []string{"arn:aws:iam::aws:policy/ReadOnlyAccess"}) ||
		len(g.Relations) != 1 || g.Relations[0].Type != model.RelAttachedPolicy {
		t.Errorf("group: %+v", g)
	}

	roles := byKind(res, "aws.iam.role")
	w := roles["worker"]
	if w == nil {
		t.Fatalf("roles: %v", roles)
	}
	wa := w.Attributes.(*model.IAMRole)
	scopedARN := "arn:aws:iam::123456789012:policy/app/read-logs"
	if wa.MaxSessionDuration != 7200 || wa.PermissionsBoundary != scopedARN || !reflect.DeepEqual(wa.AttachedPolicies, []string{scopedARN}) ||
		len(wa.InlinePolicies) != 1 || wa.InlinePolicies[0].Document.Statements[0].Resources[0] != "arn:aws:s3:::logs/*" ||
		wa.AssumeRolePolicy.Statements[0].Principals["Service"][0] != "lambda.amazonaws.com" || w.Tags["app"] != "jobs" {
		t.Errorf("worker: %+v", wa)
	}
	if !containsBytes(w.Raw, `arn:aws:iam::123456789012:instance-profile/worker`) || !containsBytes(w.Raw, `RoleLastUsed`) {
		t.Errorf("worker raw: %s", w.Raw)
	}
	if p := roles["open"].Attributes.(*model.IAMRole); p.MaxSessionDuration != 3600 || p.AssumeRolePolicy.Statements[0].Principals["AWS"][0] != "*" ||
		p.InlinePolicies == nil || p.AttachedPolicies == nil {
		t.Errorf("open: %+v", p)
	}

	pols := byKind(res, "aws.iam.policy")
	if len(pols) != 2 { // customer-managed only, not the AWS managed ones moto loads
		t.Fatalf("want 2 policies, got %d", len(pols))
	}
	if p := pols["admin-all"].Attributes.(*model.IAMPolicy); p.Attachments != 1 || p.Document == nil || p.Document.Statements[0].Resources[0] != "*" {
		t.Errorf("admin-all: %+v", p)
	}
	if p := pols["read-logs"].Attributes.(*model.IAMPolicy); p.Path != "/app/" || p.Attachments != 1 || pols["read-logs"].ID != scopedARN {
		t.Errorf("read-logs: %+v %s", p, pols["read-logs"].ID)
	}

	acct := byKind(res, "aws.account")[moto.Account]
	if acct == nil {
		t.Fatal("no aws.account")
	}
	aa := acct.Attributes.(*model.AWSAccount)
	want := model.AWSPasswordPolicy{MinimumLength: 8, PasswordReusePrevention: 3, RequireSymbols: true, AllowUsersToChange: true, MaxPasswordAge: 90}
	if aa.PasswordPolicy == nil || *aa.PasswordPolicy != want {
		t.Errorf("password policy: %+v", aa.PasswordPolicy)
	}
	if aa.RootMFAEnabled == nil || *aa.RootMFAEnabled || aa.RootAccessKeysPresent == nil || *aa.RootAccessKeysPresent {
		t.Errorf("root facts: mfa %v keys %v", aa.RootMFAEnabled, aa.RootAccessKeysPresent)
	}

	fails := failing(t, res.Resources)
	for _, c := range []struct {
		name, rule string
		fail       bool
	}{
		{"alice", "AWS-IAM-001", true}, {"bob", "AWS-IAM-001", false},
		{"admin-all", "AWS-IAM-001", true}, {"read-logs", "AWS-IAM-001", false}, {"worker", "AWS-IAM-001", false},
		{"read-logs", "AWS-IAM-002", false}, {"admin-all", "AWS-IAM-002", true},
		{"open", "AWS-IAM-003", true}, {"partner", "AWS-IAM-003", false}, {"worker", "AWS-IAM-003", false},
		{"partner", "AWS-IAM-004", true}, {"open", "AWS-IAM-004", false}, {"worker", "AWS-IAM-004", false},
		{"alice", "AWS-IAM-007", true}, {"bob", "AWS-IAM-007", false},
		{"ci", "AWS-IAM-005", true}, {"ci-main", "AWS-IAM-005", false},
		{moto.Account, "AWS-IAM-008", true}, {moto.Account, "AWS-IAM-009", true},
	} {
		if fails[c.name][c.rule] != c.fail {
			t.Errorf("%s on %s: fail=%v, want %v (all: %v)", c.rule, c.name, fails[c.name][c.rule], c.fail, fails[c.name])
		}
	}
}

// Without a password policy the account gets a zero policy, so the length
// and reuse rules fail; with a strict one they pass.
func TestIAMPasswordPolicyAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	res := collectMoto(t, srv, []string{"iam"})
	noErrors(t, res)
	acct := byKind(res, "aws.account")[moto.Account]
	if pp := acct.Attributes.(*model.AWSAccount).PasswordPolicy; pp == nil || *pp != (model.AWSPasswordPolicy{}) {
		t.Errorf("no policy: %+v", pp)
	}
	fails := failing(t, res.Resources)
	if !fails[moto.Account]["AWS-IAM-008"] || !fails[moto.Account]["AWS-IAM-009"] {
		t.Errorf("no policy: %v", fails[moto.Account])
	}

	client := iam.NewFromConfig(srv.Config(t, "us-east-1"))
	if _, err := client.UpdateAccountPasswordPolicy(context.Background(), &iam.UpdateAccountPasswordPolicyInput{
		MinimumPasswordLength: aws.Int32(14), PasswordReusePrevention: aws.Int32(24)}); err != nil {
		t.Fatal(err)
	}
	res = collectMoto(t, srv, []string{"iam"})
	fails = failing(t, res.Resources)
	if fails[moto.Account]["AWS-IAM-008"] || fails[moto.Account]["AWS-IAM-009"] {
		t.Errorf("strict policy: %v", fails[moto.Account])
	}
}

// iamTwinTF is the Terraform equivalent of seedIAM (the parts the rules
// judge).
const iamTwinTF = `
resource "aws_iam_user" "alice" {
  name = "alice"
}
resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}
resource "aws_iam_user_policy" "admin" {
  name   = "admin"
  user   = aws_iam_user.alice.name
  policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})
}
resource "aws_iam_user" "bob" {
  name = "bob"
}
resource "aws_iam_group" "readers" {
  name = "readers"
}
resource "aws_iam_group_policy_attachment" "readers" {
  group      = aws_iam_group.readers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_user_group_membership" "bob" {
  user   = aws_iam_user.bob.name
  groups = [aws_iam_group.readers.name]
}
resource "aws_iam_policy" "admin_all" {
  name   = "admin-all"
  policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})
}
resource "aws_iam_policy" "read_logs" {
  name   = "read-logs"
  path   = "/app/"
  policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::logs/*"}]})
}
resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Principal = {AWS = "*"}, Action = "sts:AssumeRole"}]})
}
resource "aws_iam_role" "partner" {
  name               = "partner"
  assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Principal = {AWS = "arn:aws:iam::999999999999:root"}, Action = "sts:AssumeRole"}]})
}
resource "aws_iam_role_policy_attachment" "partner" {
  role       = aws_iam_role.partner.name
  policy_arn = aws_iam_policy.admin_all.arn
}
resource "aws_iam_role" "worker" {
  name                 = "worker"
  max_session_duration = 7200
  permissions_boundary = "arn:aws:iam::123456789012:policy/app/read-logs"
  assume_role_policy   = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Principal = {Service = "lambda.amazonaws.com"}, Action = "sts:AssumeRole"}]})
}
resource "aws_iam_role_policy" "worker" {
  name   = "logs"
  role   = aws_iam_role.worker.name
  policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::logs/*"}]})
}
resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length   = 8
  password_reuse_prevention = 3
  require_symbols           = true
  max_password_age          = 90
}
`

// TestIAMTerraformAgreesWithLive maps the same IAM configuration from
// Terraform and from moto and requires the same failing IAM rules on each
// principal and policy (admin policies, trust policies, direct user
// policies, password policy).
func TestIAMTerraformAgreesWithLive(t *testing.T) {
	srv := moto.Start(t)
	client := iam.NewFromConfig(srv.Config(t, "us-east-1"))
	seedIAM(t, client)
	if _, err := client.UpdateAccountPasswordPolicy(context.Background(), &iam.UpdateAccountPasswordPolicyInput{
		MinimumPasswordLength: aws.Int32(8), PasswordReusePrevention: aws.Int32(3), RequireSymbols: true,
		AllowUsersToChangePassword: true, MaxPasswordAge: aws.Int32(90)}); err != nil {
		t.Fatal(err)
	}
	live := collectMoto(t, srv, []string{"iam"})
	noErrors(t, live)

	tfResources := loadTerraform(t, iamTwinTF)
	// The Terraform account resource has no name; compare it as the live one.
	for _, r := range tfResources {
		if r.Kind == "aws.account" {
			r.Name = moto.Account
		}
	}
	iamRules := func(fails map[string]map[string]bool, name string) []string {
		var out []string
		for _, id := range []string{"AWS-IAM-001", "AWS-IAM-002", "AWS-IAM-003", "AWS-IAM-004", "AWS-IAM-006",
			"AWS-IAM-007", "AWS-IAM-008", "AWS-IAM-009", "AWS-IAM-010"} {
			if fails[name][id] {
				out = append(out, id)
			}
		}
		return out
	}
	lf, tff := failing(t, live.Resources), failing(t, tfResources)
	for _, name := range []string{"alice", "bob", "readers", "admin-all", "read-logs", "open", "partner", "worker", moto.Account} {
		l, f := iamRules(lf, name), iamRules(tff, name)
		if !reflect.DeepEqual(l, f) {
			t.Errorf("%s: live fails %v, terraform fails %v", name, l, f)
		}
	}
	// The cases the comparison is about really fail.
	if len(iamRules(lf, "alice")) == 0 || len(iamRules(lf, "open")) == 0 || len(iamRules(lf, "partner")) == 0 || len(iamRules(lf, "admin-all")) == 0 {
		t.Errorf("expected failures missing: %v", lf)
	}
}

func TestParseCredentialReport(t *testing.T) {
	rows, err := parseCredentialReport([]byte("user,arn,mfa_active,access_key_1_active,access_key_2_active\n" +
		"<root_account>,arn:aws:iam::1:root,false,true,false\nalice,arn:aws:iam::1:user/alice,true,false,false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rows[iamRootRow]["access_key_1_active"] != "true" || rows["alice"]["mfa_active"] != "true" || len(rows) != 2 {
		t.Errorf("rows: %v", rows)
	}
	if _, err := parseCredentialReport([]byte("a,b\n\"x")); err == nil {
		t.Error("broken CSV accepted")
	}
}

func containsBytes(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }

// denyIAM fronts moto and answers the named IAM query actions with
// AccessDenied in IAM's XML error format; everything else passes through.
func denyIAM(t *testing.T, upstream string, actions ...string) *httptest.Server {
	t.Helper()
	u, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	deny := map[string]bool{}
	for _, a := range actions {
		deny[a] = true
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if form, err := url.ParseQuery(string(body)); err == nil && deny[form.Get("Action")] {
			w.Header().Set("Content-Type", "text/xml")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintf(w, `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>`+
				`<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/vigil is not authorized to perform: iam:%s</Message>`+
				`</Error><RequestId>4e0c2c9d-0000-0000-0000-000000000000</RequestId></ErrorResponse>`, form.Get("Action"))
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A denied read is a collection error and leaves its value unknown (null),
// never "absent": no password policy is not the same as an unreadable one.
func TestIAMAccessDenied(t *testing.T) {
	srv := moto.Start(t)
	client := iam.NewFromConfig(srv.Config(t, "us-east-1"))
	seedIAM(t, client)
	proxy := denyIAM(t, srv.URL, "GetAccountPasswordPolicy", "ListMFADevices", "GenerateCredentialReport")
	res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1"}, Services: []string{"iam"},
		LoadOptions: append(srv.LoadOptions("us-east-1"), config.WithBaseEndpoint(proxy.URL))})
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, e := range res.Errors {
		if e.Code != "AccessDenied" || e.Service != "iam" {
			t.Errorf("collection error: %+v", e)
		}
		ops = append(ops, e.Operation)
	}
	sort.Strings(ops)
	// One ListMFADevices per user.
	if want := []string{"GenerateCredentialReport", "GetAccountPasswordPolicy", "ListMFADevices", "ListMFADevices"}; !reflect.DeepEqual(ops, want) {
		t.Errorf("errors %v, want %v", ops, want)
	}
	acct := byKind(res, "aws.account")[moto.Account].Attributes.(*model.AWSAccount)
	if acct.PasswordPolicy != nil || acct.RootMFAEnabled == nil {
		t.Errorf("account: %+v", acct)
	}
	users := byKind(res, "aws.iam.user")
	if len(users) != 2 || users["alice"].Attributes.(*model.IAMUser).MFAEnabled != nil || !users["alice"].Attributes.(*model.IAMUser).LoginProfile {
		t.Errorf("users: %v", users)
	}
	if fails := failing(t, res.Resources); fails[moto.Account]["AWS-IAM-008"] || !fails["alice"]["AWS-IAM-001"] {
		t.Errorf("findings: %v", fails)
	}
}

// The report's rows stand in for per-user calls only when they are the
// user's: a key's last use is the slot created at the same second, and a
// row of a former user of the same name is not used.
func TestIAMCredentialReportRows(t *testing.T) {
	at := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	row := map[string]string{"user_creation_time": "2024-05-01T10:00:00+00:00",
		"access_key_1_last_rotated": "2024-05-01T10:05:00+00:00", "access_key_1_last_used_date": "2026-11-22T03:12:00+00:00",
		"access_key_2_last_rotated": "2024-06-01T08:00:00+00:00", "access_key_2_last_used_date": "N/A"}
	for _, c := range []struct {
		created  string
		used     string
		reported bool
	}{
		{"2024-05-01T10:05:00.123Z", "2026-11-22T03:12:00Z", true},
		{"2024-06-01T08:00:00Z", "", true},
		{"2025-01-01T00:00:00Z", "", false}, // created since the report
	} {
		used, ok := reportKeyLastUsed(row, at(c.created))
		if used != c.used || ok != c.reported {
			t.Errorf("key created %s: %q %v, want %q %v", c.created, used, ok, c.used, c.reported)
		}
	}
	twins := map[string]string{"access_key_1_last_rotated": "2024-05-01T10:05:00+00:00", "access_key_2_last_rotated": "2024-05-01T10:05:00+00:00"}
	if _, ok := reportKeyLastUsed(twins, at("2024-05-01T10:05:00Z")); ok {
		t.Error("two keys created the same second are told apart by GetAccessKeyLastUsed, not the report")
	}
	if reportRowOf(row, at("2024-05-01T10:00:00.5Z")) == nil || reportRowOf(row, at("2025-02-02T00:00:00Z")) != nil || reportRowOf(nil, at("2025-02-02T00:00:00Z")) != nil {
		t.Error("rows by creation time")
	}
	if b, ok := reportBool(map[string]string{"mfa_active": "true"}, "mfa_active"); !b || !ok {
		t.Error("mfa_active true")
	}
	if _, ok := reportBool(map[string]string{"password_enabled": "not_supported"}, "password_enabled"); ok {
		t.Error("not_supported is not a value")
	}
}
