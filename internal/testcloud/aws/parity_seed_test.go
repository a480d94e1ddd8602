package aws

import (
	"context"
	"encoding/json"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/vigil-sec/vigil/internal/moto"
)

// motoSeeder writes a world account into moto through the SDK's write
// calls. Moto names resources by ids of its own, so ids maps the world's
// ids (keys, VPCs, groups ...) to moto's and tr rewrites every reference
// the world makes. The seeder refuses what it cannot write, so the world
// cannot say more than moto was told.
type motoSeeder struct {
	t   *testing.T
	ctx context.Context
	srv *moto.Server
	ids map[string]string
}

// seedMoto writes the world's one account into moto, in every region of
// the world (each without a default VPC, as the world has none).
func seedMoto(t *testing.T, srv *moto.Server, world *World) {
	t.Helper()
	a := &world.Accounts[0]
	s := &motoSeeder{t: t, ctx: context.Background(), srv: srv, ids: map[string]string{}}
	regions := world.Regions
	for svc := range a.worlds[Global] {
		switch svc {
		case "iam", "s3control":
		default:
			t.Fatalf("parity seeder: cannot seed global %s", svc)
		}
	}
	for _, r := range regions {
		for svc := range a.worlds[r] {
			switch svc {
			case "kms", "s3", "sqs", "sns", "ec2", "dynamodb", "logs", "secretsmanager", "ecr":
			default:
				t.Fatalf("parity seeder: cannot seed %s in %s", svc, r)
			}
		}
	}
	// Keys first: the rest of the world refers to them.
	for _, r := range regions {
		if w, ok := a.worlds[r]["kms"].(*kmsWorld); ok {
			s.kms(r, w)
		}
	}
	if w, ok := a.worlds[Global]["iam"].(*iamWorld); ok {
		s.iam(w)
	}
	if w, ok := a.worlds[Global]["s3control"].(*s3controlWorld); ok && w.PublicAccessBlock != nil {
		c := s3control.NewFromConfig(s.cfg("us-east-1"), func(o *s3control.Options) {
			o.EndpointResolverV2 = fixedEndpoint(srv.URL)
		})
		_, err := c.PutPublicAccessBlock(s.ctx, &s3control.PutPublicAccessBlockInput{AccountId: aws.String(a.ID),
			PublicAccessBlockConfiguration: w.PublicAccessBlock})
		s.must("s3control PutPublicAccessBlock", err)
	}
	var logging []func()
	for _, r := range regions {
		if w, ok := a.worlds[r]["s3"].(*s3World); ok {
			logging = append(logging, s.s3(r, w)...)
		}
	}
	for _, f := range logging { // once every target bucket exists
		f()
	}
	for _, r := range regions {
		ws := a.worlds[r]
		if w, ok := ws["ec2"].(*ec2World); ok {
			s.ec2(r, w)
		} else {
			s.deleteDefaultVPC(ec2.NewFromConfig(s.cfg(r)))
		}
		if w, ok := ws["sqs"].(*sqsWorld); ok {
			s.sqs(r, w)
		}
		if w, ok := ws["sns"].(*snsWorld); ok {
			s.sns(r, w)
		}
		if w, ok := ws["dynamodb"].(*dynamodbWorld); ok {
			s.dynamodb(r, w)
		}
		if w, ok := ws["logs"].(*logsWorld); ok {
			s.logs(r, w)
		}
		if w, ok := ws["secretsmanager"].(*secretsManagerWorld); ok {
			s.secrets(r, w)
		}
		if w, ok := ws["ecr"].(*ecrWorld); ok {
			s.ecr(r, w)
		}
	}
}

func (s *motoSeeder) cfg(region string) aws.Config { return s.srv.Config(s.t, region) }

func (s *motoSeeder) must(what string, err error) {
	s.t.Helper()
	if err != nil {
		s.t.Fatalf("seeding moto: %s: %v", what, err)
	}
}

func (s *motoSeeder) refuse(format string, args ...any) {
	s.t.Helper()
	s.t.Fatalf("parity seeder: "+format+" (teach the seeder, or leave it out of the world)", args...)
}

// learn records that the world's id is moto's id.
func (s *motoSeeder) learn(world, got string) {
	if world != "" {
		s.ids[world] = got
	}
}

// tr rewrites the world's ids in a string into moto's.
func (s *motoSeeder) tr(v string) string {
	for w, m := range s.ids {
		v = strings.ReplaceAll(v, w, m)
	}
	return v
}

func (s *motoSeeder) trp(v *string) *string {
	if v == nil {
		return nil
	}
	return aws.String(s.tr(*v))
}

// trJSON copies in into out (both SDK shapes) with the world's ids
// rewritten, for nested structures that carry references.
func (s *motoSeeder) trJSON(in, out any) {
	s.t.Helper()
	b, err := json.Marshal(in)
	if err == nil {
		err = json.Unmarshal([]byte(s.tr(string(b))), out)
	}
	s.must("copying a world value", err)
}

// fixedEndpoint sends every S3 Control call to the server as given: the
// SDK would put the account id in front of the host.
type fixedEndpoint string

func (f fixedEndpoint) ResolveEndpoint(context.Context, s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(string(f))
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

func (s *motoSeeder) kms(region string, w *kmsWorld) {
	c := kms.NewFromConfig(s.cfg(region))
	for _, k := range w.Keys {
		if k.Origin != "" && k.Origin != kmstypes.OriginTypeAwsKms || k.KeyManager == kmstypes.KeyManagerTypeAws || aws.ToBool(k.MultiRegion) {
			s.refuse("key %s: only single-region customer keys with AWS key material", aws.ToString(k.KeyId))
		}
		in := &kms.CreateKeyInput{Description: k.Description, KeyUsage: k.KeyUsage, KeySpec: k.KeySpec, Tags: k.Tags}
		if k.Policy != "" {
			in.Policy = aws.String(s.tr(k.Policy))
		}
		out, err := c.CreateKey(s.ctx, in)
		s.must("kms CreateKey", err)
		id := out.KeyMetadata.KeyId
		s.learn(aws.ToString(k.KeyId), aws.ToString(id))
		for _, a := range k.Aliases {
			_, err := c.CreateAlias(s.ctx, &kms.CreateAliasInput{AliasName: aws.String(a), TargetKeyId: id})
			s.must("kms CreateAlias", err)
		}
		if k.RotationEnabled {
			in := &kms.EnableKeyRotationInput{KeyId: id}
			if k.RotationPeriodInDays > 0 {
				in.RotationPeriodInDays = aws.Int32(k.RotationPeriodInDays)
			}
			_, err := c.EnableKeyRotation(s.ctx, in)
			s.must("kms EnableKeyRotation", err)
		}
		switch k.KeyState {
		case "", kmstypes.KeyStateEnabled:
		case kmstypes.KeyStateDisabled:
			_, err := c.DisableKey(s.ctx, &kms.DisableKeyInput{KeyId: id})
			s.must("kms DisableKey", err)
		case kmstypes.KeyStatePendingDeletion:
			_, err := c.ScheduleKeyDeletion(s.ctx, &kms.ScheduleKeyDeletionInput{KeyId: id, PendingWindowInDays: k.PendingDeletionWindowInDays})
			s.must("kms ScheduleKeyDeletion", err)
		default:
			s.refuse("key %s: state %s", aws.ToString(k.KeyId), k.KeyState)
		}
	}
}

func (s *motoSeeder) iam(w *iamWorld) {
	c := iam.NewFromConfig(s.cfg("us-east-1"))
	if p := w.PasswordPolicy; p != nil {
		_, err := c.UpdateAccountPasswordPolicy(s.ctx, &iam.UpdateAccountPasswordPolicyInput{
			MinimumPasswordLength: p.MinimumPasswordLength, RequireSymbols: p.RequireSymbols, RequireNumbers: p.RequireNumbers,
			RequireUppercaseCharacters: p.RequireUppercaseCharacters, RequireLowercaseCharacters: p.RequireLowercaseCharacters,
			AllowUsersToChangePassword: p.AllowUsersToChangePassword, MaxPasswordAge: p.MaxPasswordAge,
			PasswordReusePrevention: p.PasswordReusePrevention, HardExpiry: p.HardExpiry})
		s.must("iam UpdateAccountPasswordPolicy", err)
	}
	if w.Root.MFAEnabled || len(w.Root.AccessKeys) > 0 || len(w.SAMLProviders) > 0 {
		s.refuse("root MFA, root keys and SAML providers")
	}
	// Customer managed policies first: principals attach them and roles
	// are bounded by them. AWS managed ones are moto's own.
	for _, p := range w.Policies {
		if strings.HasPrefix(aws.ToString(p.Policy.Arn), "arn:aws:iam::aws:") {
			continue
		}
		if len(p.Versions) == 0 {
			s.refuse("policy %s without versions", aws.ToString(p.Policy.PolicyName))
		}
		out, err := c.CreatePolicy(s.ctx, &iam.CreatePolicyInput{PolicyName: p.Policy.PolicyName, Path: p.Policy.Path,
			Description: p.Policy.Description, PolicyDocument: aws.String(s.tr(aws.ToString(p.Versions[0].Document))), Tags: p.Policy.Tags})
		s.must("iam CreatePolicy", err)
		for _, v := range p.Versions[1:] {
			_, err := c.CreatePolicyVersion(s.ctx, &iam.CreatePolicyVersionInput{PolicyArn: out.Policy.Arn,
				PolicyDocument: aws.String(s.tr(aws.ToString(v.Document))), SetAsDefault: v.IsDefaultVersion})
			s.must("iam CreatePolicyVersion", err)
		}
	}
	for _, g := range w.Groups {
		name := g.Group.GroupName
		_, err := c.CreateGroup(s.ctx, &iam.CreateGroupInput{GroupName: name, Path: g.Group.Path})
		s.must("iam CreateGroup", err)
		for _, p := range g.InlinePolicies {
			_, err := c.PutGroupPolicy(s.ctx, &iam.PutGroupPolicyInput{GroupName: name, PolicyName: aws.String(p.Name), PolicyDocument: aws.String(s.tr(p.Document))})
			s.must("iam PutGroupPolicy", err)
		}
		for _, arn := range g.AttachedPolicies {
			_, err := c.AttachGroupPolicy(s.ctx, &iam.AttachGroupPolicyInput{GroupName: name, PolicyArn: aws.String(arn)})
			s.must("iam AttachGroupPolicy", err)
		}
	}
	for _, u := range w.Users {
		name := u.User.UserName
		in := &iam.CreateUserInput{UserName: name, Path: u.User.Path, Tags: u.User.Tags}
		if b := u.User.PermissionsBoundary; b != nil {
			in.PermissionsBoundary = b.PermissionsBoundaryArn
		}
		_, err := c.CreateUser(s.ctx, in)
		s.must("iam CreateUser", err)
		if lp := u.LoginProfile; lp != nil {
			_, err := c.CreateLoginProfile(s.ctx, &iam.CreateLoginProfileInput{UserName: name, Password: aws.String("Parity-Passw0rd-Only"),
				PasswordResetRequired: lp.PasswordResetRequired})
			s.must("iam CreateLoginProfile", err)
		}
		for _, d := range u.MFADevices {
			serial := aws.ToString(d.SerialNumber)
			dev, err := c.CreateVirtualMFADevice(s.ctx, &iam.CreateVirtualMFADeviceInput{VirtualMFADeviceName: aws.String(serial[strings.LastIndexByte(serial, '/')+1:])})
			s.must("iam CreateVirtualMFADevice", err)
			_, err = c.EnableMFADevice(s.ctx, &iam.EnableMFADeviceInput{UserName: name, SerialNumber: dev.VirtualMFADevice.SerialNumber,
				AuthenticationCode1: aws.String("123456"), AuthenticationCode2: aws.String("654321")})
			s.must("iam EnableMFADevice", err)
		}
		for _, k := range u.AccessKeys {
			if k.LastUsed != nil {
				s.refuse("access key %s: a last use cannot be written", aws.ToString(k.Key.AccessKeyId))
			}
			out, err := c.CreateAccessKey(s.ctx, &iam.CreateAccessKeyInput{UserName: name})
			s.must("iam CreateAccessKey", err)
			s.learn(aws.ToString(k.Key.AccessKeyId), aws.ToString(out.AccessKey.AccessKeyId))
			if k.Key.Status != "" && k.Key.Status != iamtypes.StatusTypeActive {
				_, err := c.UpdateAccessKey(s.ctx, &iam.UpdateAccessKeyInput{UserName: name, AccessKeyId: out.AccessKey.AccessKeyId, Status: k.Key.Status})
				s.must("iam UpdateAccessKey", err)
			}
		}
		for _, g := range u.Groups {
			_, err := c.AddUserToGroup(s.ctx, &iam.AddUserToGroupInput{GroupName: aws.String(g), UserName: name})
			s.must("iam AddUserToGroup", err)
		}
		for _, p := range u.InlinePolicies {
			_, err := c.PutUserPolicy(s.ctx, &iam.PutUserPolicyInput{UserName: name, PolicyName: aws.String(p.Name), PolicyDocument: aws.String(s.tr(p.Document))})
			s.must("iam PutUserPolicy", err)
		}
		for _, arn := range u.AttachedPolicies {
			_, err := c.AttachUserPolicy(s.ctx, &iam.AttachUserPolicyInput{UserName: name, PolicyArn: aws.String(arn)})
			s.must("iam AttachUserPolicy", err)
		}
	}
	for _, r := range w.Roles {
		name := r.Role.RoleName
		in := &iam.CreateRoleInput{RoleName: name, Path: r.Role.Path, AssumeRolePolicyDocument: s.trp(r.Role.AssumeRolePolicyDocument),
			Description: r.Role.Description, MaxSessionDuration: r.Role.MaxSessionDuration, Tags: r.Role.Tags}
		if b := r.Role.PermissionsBoundary; b != nil {
			in.PermissionsBoundary = b.PermissionsBoundaryArn
		}
		if r.Role.RoleLastUsed != nil && r.Role.RoleLastUsed.LastUsedDate != nil {
			s.refuse("role %s: a last use cannot be written", aws.ToString(name))
		}
		_, err := c.CreateRole(s.ctx, in)
		s.must("iam CreateRole", err)
		for _, p := range r.InlinePolicies {
			_, err := c.PutRolePolicy(s.ctx, &iam.PutRolePolicyInput{RoleName: name, PolicyName: aws.String(p.Name), PolicyDocument: aws.String(s.tr(p.Document))})
			s.must("iam PutRolePolicy", err)
		}
		for _, arn := range r.AttachedPolicies {
			_, err := c.AttachRolePolicy(s.ctx, &iam.AttachRolePolicyInput{RoleName: name, PolicyArn: aws.String(arn)})
			s.must("iam AttachRolePolicy", err)
		}
	}
	for _, p := range w.InstanceProfiles {
		_, err := c.CreateInstanceProfile(s.ctx, &iam.CreateInstanceProfileInput{InstanceProfileName: p.Profile.InstanceProfileName, Path: p.Profile.Path})
		s.must("iam CreateInstanceProfile", err)
		for _, r := range p.Roles {
			_, err := c.AddRoleToInstanceProfile(s.ctx, &iam.AddRoleToInstanceProfileInput{InstanceProfileName: p.Profile.InstanceProfileName, RoleName: aws.String(r)})
			s.must("iam AddRoleToInstanceProfile", err)
		}
	}
	for _, p := range w.OIDCProviders {
		_, err := c.CreateOpenIDConnectProvider(s.ctx, &iam.CreateOpenIDConnectProviderInput{Url: aws.String("https://" + p.URL),
			ClientIDList: p.ClientIDs, ThumbprintList: p.Thumbprints, Tags: p.Tags})
		s.must("iam CreateOpenIDConnectProvider", err)
	}
}

// s3 creates a region's buckets and returns the logging settings to
// apply once every target bucket exists.
func (s *motoSeeder) s3(region string, w *s3World) []func() {
	c := s3.NewFromConfig(s.cfg(region), func(o *s3.Options) { o.UsePathStyle = true })
	var later []func()
	for _, b := range w.Buckets {
		name := aws.String(b.Name)
		in := &s3.CreateBucketInput{Bucket: name}
		if region != "us-east-1" {
			in.CreateBucketConfiguration = &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(region)}
		}
		if b.ObjectLock != nil && b.ObjectLock.ObjectLockEnabled == s3types.ObjectLockEnabledEnabled {
			in.ObjectLockEnabledForBucket = aws.Bool(true)
		}
		_, err := c.CreateBucket(s.ctx, in)
		s.must("s3 CreateBucket", err)
		if b.OwnershipControls != nil {
			_, err := c.PutBucketOwnershipControls(s.ctx, &s3.PutBucketOwnershipControlsInput{Bucket: name, OwnershipControls: b.OwnershipControls})
			s.must("s3 PutBucketOwnershipControls", err)
		}
		if len(b.Grants) > 0 {
			acl, err := c.GetBucketAcl(s.ctx, &s3.GetBucketAclInput{Bucket: name})
			s.must("s3 GetBucketAcl", err)
			grants := make([]s3types.Grant, len(b.Grants))
			for i, g := range b.Grants {
				s.trJSON(g, &grants[i])
				// A CanonicalUser grantee without an id is the owner.
				if ge := grants[i].Grantee; ge != nil && ge.Type == s3types.TypeCanonicalUser && ge.ID == nil {
					ge.ID = acl.Owner.ID
				}
			}
			_, err = c.PutBucketAcl(s.ctx, &s3.PutBucketAclInput{Bucket: name, AccessControlPolicy: &s3types.AccessControlPolicy{Owner: acl.Owner, Grants: grants}})
			s.must("s3 PutBucketAcl", err)
		}
		if len(b.Policy) > 0 {
			_, err := c.PutBucketPolicy(s.ctx, &s3.PutBucketPolicyInput{Bucket: name, Policy: aws.String(s.tr(b.policyText()))})
			s.must("s3 PutBucketPolicy", err)
		}
		if b.PublicAccessBlock != nil {
			_, err := c.PutPublicAccessBlock(s.ctx, &s3.PutPublicAccessBlockInput{Bucket: name, PublicAccessBlockConfiguration: b.PublicAccessBlock})
			s.must("s3 PutPublicAccessBlock", err)
		}
		if b.Encryption != nil {
			var sse s3types.ServerSideEncryptionConfiguration
			s.trJSON(b.Encryption, &sse)
			_, err := c.PutBucketEncryption(s.ctx, &s3.PutBucketEncryptionInput{Bucket: name, ServerSideEncryptionConfiguration: &sse})
			s.must("s3 PutBucketEncryption", err)
		}
		if b.Versioning != nil {
			_, err := c.PutBucketVersioning(s.ctx, &s3.PutBucketVersioningInput{Bucket: name, VersioningConfiguration: b.Versioning})
			s.must("s3 PutBucketVersioning", err)
		}
		if b.ObjectLock != nil && b.ObjectLock.Rule != nil {
			_, err := c.PutObjectLockConfiguration(s.ctx, &s3.PutObjectLockConfigurationInput{Bucket: name, ObjectLockConfiguration: b.ObjectLock})
			s.must("s3 PutObjectLockConfiguration", err)
		}
		if len(b.Lifecycle) > 0 {
			_, err := c.PutBucketLifecycleConfiguration(s.ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: name,
				LifecycleConfiguration: &s3types.BucketLifecycleConfiguration{Rules: b.Lifecycle}})
			s.must("s3 PutBucketLifecycleConfiguration", err)
		}
		if len(b.Tags) > 0 {
			t := &s3types.Tagging{}
			for _, k := range slices.Sorted(maps.Keys(b.Tags)) {
				t.TagSet = append(t.TagSet, s3types.Tag{Key: aws.String(k), Value: aws.String(b.Tags[k])})
			}
			_, err := c.PutBucketTagging(s.ctx, &s3.PutBucketTaggingInput{Bucket: name, Tagging: t})
			s.must("s3 PutBucketTagging", err)
		}
		if l := b.Logging; l != nil {
			later = append(later, func() {
				_, err := c.PutBucketLogging(s.ctx, &s3.PutBucketLoggingInput{Bucket: name, BucketLoggingStatus: &s3types.BucketLoggingStatus{LoggingEnabled: l}})
				s.must("s3 PutBucketLogging", err)
			})
		}
	}
	return later
}

func (s *motoSeeder) sqs(region string, w *sqsWorld) {
	c := sqs.NewFromConfig(s.cfg(region))
	for _, q := range w.Queues {
		attrs := map[string]string{}
		for k, v := range q.Attributes {
			attrs[k] = s.tr(v)
		}
		_, err := c.CreateQueue(s.ctx, &sqs.CreateQueueInput{QueueName: aws.String(q.Name), Attributes: attrs, Tags: q.Tags})
		s.must("sqs CreateQueue", err)
	}
}

func (s *motoSeeder) sns(region string, w *snsWorld) {
	c := sns.NewFromConfig(s.cfg(region))
	for _, tp := range w.Topics {
		attrs := map[string]string{}
		for k, v := range tp.Attributes {
			attrs[k] = s.tr(v)
		}
		var tags []snstypes.Tag
		for _, k := range slices.Sorted(maps.Keys(tp.Tags)) {
			tags = append(tags, snstypes.Tag{Key: aws.String(k), Value: aws.String(tp.Tags[k])})
		}
		_, err := c.CreateTopic(s.ctx, &sns.CreateTopicInput{Name: aws.String(tp.Name), Attributes: attrs, Tags: tags})
		s.must("sns CreateTopic", err)
	}
}

// deleteDefaultVPC removes the default VPC moto makes in every region: the
// parity world has none.
func (s *motoSeeder) deleteDefaultVPC(c *ec2.Client) {
	vpcs, err := c.DescribeVpcs(s.ctx, &ec2.DescribeVpcsInput{Filters: []ec2types.Filter{{Name: aws.String("is-default"), Values: []string{"true"}}}})
	s.must("ec2 DescribeVpcs", err)
	for _, v := range vpcs.Vpcs {
		subnets, err := c.DescribeSubnets(s.ctx, &ec2.DescribeSubnetsInput{Filters: []ec2types.Filter{{Name: aws.String("vpc-id"), Values: []string{aws.ToString(v.VpcId)}}}})
		s.must("ec2 DescribeSubnets", err)
		for _, sn := range subnets.Subnets {
			_, err := c.DeleteSubnet(s.ctx, &ec2.DeleteSubnetInput{SubnetId: sn.SubnetId})
			s.must("ec2 DeleteSubnet", err)
		}
		_, err = c.DeleteVpc(s.ctx, &ec2.DeleteVpcInput{VpcId: v.VpcId})
		s.must("ec2 DeleteVpc", err)
	}
}

// ec2TagSpec tags a resource as it is created.
func ec2TagSpec(typ ec2types.ResourceType, tags []ec2types.Tag) []ec2types.TagSpecification {
	if len(tags) == 0 {
		return nil
	}
	return []ec2types.TagSpecification{{ResourceType: typ, Tags: tags}}
}

func (s *motoSeeder) ec2(region string, w *ec2World) {
	c := ec2.NewFromConfig(s.cfg(region))
	if len(w.Instances) > 0 || len(w.Snapshots) > 0 || len(w.Images) > 0 || len(w.LaunchTemplates) > 0 || len(w.FlowLogs) > 0 ||
		len(w.NatGateways) > 0 || len(w.VpcEndpoints) > 0 {
		s.refuse("%s: instances, snapshots, images, launch templates, flow logs, NAT gateways and VPC endpoints", region)
	}
	s.deleteDefaultVPC(c)
	if w.EbsEncryptionByDefault {
		_, err := c.EnableEbsEncryptionByDefault(s.ctx, &ec2.EnableEbsEncryptionByDefaultInput{})
		s.must("ec2 EnableEbsEncryptionByDefault", err)
	}
	vpcFilter := func(vpc string, more ...ec2types.Filter) []ec2types.Filter {
		return append([]ec2types.Filter{{Name: aws.String("vpc-id"), Values: []string{vpc}}}, more...)
	}
	tag := func(id string, tags []ec2types.Tag) {
		if len(tags) > 0 {
			_, err := c.CreateTags(s.ctx, &ec2.CreateTagsInput{Resources: []string{id}, Tags: tags})
			s.must("ec2 CreateTags", err)
		}
	}
	for _, v := range w.Vpcs {
		if aws.ToBool(v.IsDefault) {
			s.refuse("%s: a default VPC", region)
		}
		out, err := c.CreateVpc(s.ctx, &ec2.CreateVpcInput{CidrBlock: v.CidrBlock, TagSpecifications: ec2TagSpec(ec2types.ResourceTypeVpc, v.Tags)})
		s.must("ec2 CreateVpc", err)
		vpc := aws.ToString(out.Vpc.VpcId)
		s.learn(aws.ToString(v.VpcId), vpc)
		// AWS (and moto) give a new VPC a default security group, network
		// ACL and main route table: the world's are those, tagged as it
		// says.
		for _, g := range w.SecurityGroups {
			if aws.ToString(g.VpcId) == aws.ToString(v.VpcId) && aws.ToString(g.GroupName) == "default" {
				got, err := c.DescribeSecurityGroups(s.ctx, &ec2.DescribeSecurityGroupsInput{Filters: vpcFilter(vpc,
					ec2types.Filter{Name: aws.String("group-name"), Values: []string{"default"}})})
				s.must("ec2 DescribeSecurityGroups", err)
				s.learn(aws.ToString(g.GroupId), aws.ToString(got.SecurityGroups[0].GroupId))
				tag(aws.ToString(got.SecurityGroups[0].GroupId), g.Tags)
			}
		}
		for _, n := range w.NetworkAcls {
			if aws.ToString(n.VpcId) != aws.ToString(v.VpcId) {
				continue
			}
			if !aws.ToBool(n.IsDefault) {
				s.refuse("%s: network ACL %s: only a VPC's default", region, aws.ToString(n.NetworkAclId))
			}
			got, err := c.DescribeNetworkAcls(s.ctx, &ec2.DescribeNetworkAclsInput{Filters: vpcFilter(vpc,
				ec2types.Filter{Name: aws.String("default"), Values: []string{"true"}})})
			s.must("ec2 DescribeNetworkAcls", err)
			s.learn(aws.ToString(n.NetworkAclId), aws.ToString(got.NetworkAcls[0].NetworkAclId))
			tag(aws.ToString(got.NetworkAcls[0].NetworkAclId), n.Tags)
		}
		for _, rt := range w.RouteTables {
			if aws.ToString(rt.VpcId) == aws.ToString(v.VpcId) && routeTableIsMain(rt) {
				got, err := c.DescribeRouteTables(s.ctx, &ec2.DescribeRouteTablesInput{Filters: vpcFilter(vpc,
					ec2types.Filter{Name: aws.String("association.main"), Values: []string{"true"}})})
				s.must("ec2 DescribeRouteTables", err)
				s.learn(aws.ToString(rt.RouteTableId), aws.ToString(got.RouteTables[0].RouteTableId))
				tag(aws.ToString(got.RouteTables[0].RouteTableId), rt.Tags)
			}
		}
	}
	for _, sn := range w.Subnets {
		out, err := c.CreateSubnet(s.ctx, &ec2.CreateSubnetInput{VpcId: s.trp(sn.VpcId), CidrBlock: sn.CidrBlock,
			AvailabilityZone: sn.AvailabilityZone, TagSpecifications: ec2TagSpec(ec2types.ResourceTypeSubnet, sn.Tags)})
		s.must("ec2 CreateSubnet", err)
		s.learn(aws.ToString(sn.SubnetId), aws.ToString(out.Subnet.SubnetId))
		// Set either way: moto makes the first subnet of an AZ with none
		// (here, once the default VPC is gone) default for the AZ, mapping
		// public IPs, where AWS does so only in a default VPC.
		_, err = c.ModifySubnetAttribute(s.ctx, &ec2.ModifySubnetAttributeInput{SubnetId: out.Subnet.SubnetId,
			MapPublicIpOnLaunch: &ec2types.AttributeBooleanValue{Value: aws.Bool(aws.ToBool(sn.MapPublicIpOnLaunch))}})
		s.must("ec2 ModifySubnetAttribute", err)
	}
	for _, g := range w.InternetGateways {
		out, err := c.CreateInternetGateway(s.ctx, &ec2.CreateInternetGatewayInput{TagSpecifications: ec2TagSpec(ec2types.ResourceTypeInternetGateway, g.Tags)})
		s.must("ec2 CreateInternetGateway", err)
		s.learn(aws.ToString(g.InternetGatewayId), aws.ToString(out.InternetGateway.InternetGatewayId))
		for _, a := range g.Attachments {
			_, err := c.AttachInternetGateway(s.ctx, &ec2.AttachInternetGatewayInput{InternetGatewayId: out.InternetGateway.InternetGatewayId, VpcId: s.trp(a.VpcId)})
			s.must("ec2 AttachInternetGateway", err)
		}
	}
	for _, rt := range w.RouteTables {
		if !routeTableIsMain(rt) {
			out, err := c.CreateRouteTable(s.ctx, &ec2.CreateRouteTableInput{VpcId: s.trp(rt.VpcId), TagSpecifications: ec2TagSpec(ec2types.ResourceTypeRouteTable, rt.Tags)})
			s.must("ec2 CreateRouteTable", err)
			s.learn(aws.ToString(rt.RouteTableId), aws.ToString(out.RouteTable.RouteTableId))
		}
		id := s.trp(rt.RouteTableId)
		for _, r := range rt.Routes {
			if r.Origin == ec2types.RouteOriginCreateRouteTable {
				continue // the VPC's own range, always there
			}
			if r.GatewayId == nil || r.DestinationCidrBlock == nil {
				s.refuse("%s: route table %s: only routes to a gateway by CIDR", region, aws.ToString(rt.RouteTableId))
			}
			_, err := c.CreateRoute(s.ctx, &ec2.CreateRouteInput{RouteTableId: id, DestinationCidrBlock: r.DestinationCidrBlock, GatewayId: s.trp(r.GatewayId)})
			s.must("ec2 CreateRoute", err)
		}
		for _, a := range rt.Associations {
			if aws.ToBool(a.Main) {
				continue
			}
			if a.SubnetId == nil {
				s.refuse("%s: route table %s: only subnet associations", region, aws.ToString(rt.RouteTableId))
			}
			_, err := c.AssociateRouteTable(s.ctx, &ec2.AssociateRouteTableInput{RouteTableId: id, SubnetId: s.trp(a.SubnetId)})
			s.must("ec2 AssociateRouteTable", err)
		}
	}
	// Groups before their rules: rules refer to other groups.
	for _, g := range w.SecurityGroups {
		if aws.ToString(g.GroupName) == "default" {
			continue
		}
		out, err := c.CreateSecurityGroup(s.ctx, &ec2.CreateSecurityGroupInput{GroupName: g.GroupName, Description: g.Description,
			VpcId: s.trp(g.VpcId), TagSpecifications: ec2TagSpec(ec2types.ResourceTypeSecurityGroup, g.Tags)})
		s.must("ec2 CreateSecurityGroup", err)
		s.learn(aws.ToString(g.GroupId), aws.ToString(out.GroupId))
	}
	allOut := []ec2types.IpPermission{{IpProtocol: aws.String("-1"), IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}}
	for _, g := range w.SecurityGroups {
		if aws.ToString(g.GroupName) == "default" {
			continue // moto's own, as it made it
		}
		id := s.trp(g.GroupId)
		var in, out []ec2types.IpPermission
		s.trJSON(g.IpPermissions, &in)
		s.trJSON(g.IpPermissionsEgress, &out)
		if len(in) > 0 {
			_, err := c.AuthorizeSecurityGroupIngress(s.ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: id, IpPermissions: in})
			s.must("ec2 AuthorizeSecurityGroupIngress", err)
		}
		// A new group allows everything out; the world says what it
		// allows instead.
		if b1, _ := json.Marshal(out); string(b1) != mustJSON(allOut) {
			_, err := c.RevokeSecurityGroupEgress(s.ctx, &ec2.RevokeSecurityGroupEgressInput{GroupId: id, IpPermissions: allOut})
			s.must("ec2 RevokeSecurityGroupEgress", err)
			if len(out) > 0 {
				_, err := c.AuthorizeSecurityGroupEgress(s.ctx, &ec2.AuthorizeSecurityGroupEgressInput{GroupId: id, IpPermissions: out})
				s.must("ec2 AuthorizeSecurityGroupEgress", err)
			}
		}
	}
	for _, v := range w.Volumes {
		if len(v.Attachments) > 0 || v.SnapshotId != nil {
			s.refuse("%s: volume %s: attachments and snapshots", region, aws.ToString(v.VolumeId))
		}
		in := &ec2.CreateVolumeInput{AvailabilityZone: v.AvailabilityZone, Size: v.Size, VolumeType: v.VolumeType,
			Encrypted: v.Encrypted, KmsKeyId: s.trp(v.KmsKeyId), TagSpecifications: ec2TagSpec(ec2types.ResourceTypeVolume, v.Tags)}
		if v.VolumeType == ec2types.VolumeTypeGp3 || v.VolumeType == ec2types.VolumeTypeIo1 || v.VolumeType == ec2types.VolumeTypeIo2 {
			in.Iops = v.Iops
		}
		if v.VolumeType == ec2types.VolumeTypeGp3 {
			in.Throughput = v.Throughput
		}
		out, err := c.CreateVolume(s.ctx, in)
		s.must("ec2 CreateVolume", err)
		s.learn(aws.ToString(v.VolumeId), aws.ToString(out.VolumeId))
	}
}

func routeTableIsMain(rt ec2types.RouteTable) bool {
	for _, a := range rt.Associations {
		if aws.ToBool(a.Main) {
			return true
		}
	}
	return false
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func (s *motoSeeder) dynamodb(region string, w *dynamodbWorld) {
	c := dynamodb.NewFromConfig(s.cfg(region))
	for _, t := range w.Tables {
		if len(t.GlobalSecondaryIndexes) > 0 || len(t.LocalSecondaryIndexes) > 0 || t.StreamSpecification != nil {
			s.refuse("table %s: indexes and streams", aws.ToString(t.TableName))
		}
		in := &dynamodb.CreateTableInput{TableName: t.TableName, KeySchema: t.KeySchema, AttributeDefinitions: t.AttributeDefinitions,
			Tags: t.Tags, DeletionProtectionEnabled: t.DeletionProtectionEnabled}
		if t.BillingModeSummary != nil && t.BillingModeSummary.BillingMode == ddbtypes.BillingModePayPerRequest {
			in.BillingMode = ddbtypes.BillingModePayPerRequest
		} else if pt := t.ProvisionedThroughput; pt != nil {
			in.BillingMode = ddbtypes.BillingModeProvisioned
			in.ProvisionedThroughput = &ddbtypes.ProvisionedThroughput{ReadCapacityUnits: pt.ReadCapacityUnits, WriteCapacityUnits: pt.WriteCapacityUnits}
		}
		if sse := t.SSEDescription; sse != nil && sse.SSEType == ddbtypes.SSETypeKms {
			in.SSESpecification = &ddbtypes.SSESpecification{Enabled: aws.Bool(true), SSEType: ddbtypes.SSETypeKms, KMSMasterKeyId: s.trp(sse.KMSMasterKeyArn)}
		}
		_, err := c.CreateTable(s.ctx, in)
		s.must("dynamodb CreateTable", err)
		if cb := t.ContinuousBackups; cb != nil && cb.PointInTimeRecoveryDescription != nil &&
			cb.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus == ddbtypes.PointInTimeRecoveryStatusEnabled {
			_, err := c.UpdateContinuousBackups(s.ctx, &dynamodb.UpdateContinuousBackupsInput{TableName: t.TableName,
				PointInTimeRecoverySpecification: &ddbtypes.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: aws.Bool(true)}})
			s.must("dynamodb UpdateContinuousBackups", err)
		}
	}
}

func (s *motoSeeder) logs(region string, w *logsWorld) {
	c := cloudwatchlogs.NewFromConfig(s.cfg(region))
	if len(w.MetricFilters) > 0 {
		s.refuse("%s: metric filters", region)
	}
	for _, g := range w.LogGroups {
		_, err := c.CreateLogGroup(s.ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: g.LogGroupName, KmsKeyId: s.trp(g.KmsKeyId),
			Tags: g.Tags, LogGroupClass: g.LogGroupClass})
		s.must("logs CreateLogGroup", err)
		if g.RetentionInDays != nil {
			_, err := c.PutRetentionPolicy(s.ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: g.LogGroupName, RetentionInDays: g.RetentionInDays})
			s.must("logs PutRetentionPolicy", err)
		}
	}
}

func (s *motoSeeder) secrets(region string, w *secretsManagerWorld) {
	c := secretsmanager.NewFromConfig(s.cfg(region))
	for _, e := range w.Secrets {
		if e.DeletedDate != nil {
			s.refuse("secret %s: scheduled deletion", aws.ToString(e.Name))
		}
		_, err := c.CreateSecret(s.ctx, &secretsmanager.CreateSecretInput{Name: e.Name, Description: e.Description,
			KmsKeyId: s.trp(e.KmsKeyId), SecretString: aws.String("parity"), Tags: e.Tags})
		s.must("secretsmanager CreateSecret", err)
		if p := w.Policies[aws.ToString(e.Name)]; p != "" {
			_, err := c.PutResourcePolicy(s.ctx, &secretsmanager.PutResourcePolicyInput{SecretId: e.Name, ResourcePolicy: aws.String(p)})
			s.must("secretsmanager PutResourcePolicy", err)
		}
		if aws.ToBool(e.RotationEnabled) {
			// AWS wants a rotation Lambda; moto would invoke it (and so need
			// Docker), but turns rotation on from the schedule alone.
			rules := e.RotationRules
			if rules == nil {
				rules = &smtypes.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)}
			}
			_, err := c.RotateSecret(s.ctx, &secretsmanager.RotateSecretInput{SecretId: e.Name, RotationRules: rules})
			s.must("secretsmanager RotateSecret", err)
		}
	}
}

func (s *motoSeeder) ecr(region string, w *ecrWorld) {
	c := ecr.NewFromConfig(s.cfg(region))
	for _, r := range w.Repositories {
		in := &ecr.CreateRepositoryInput{RepositoryName: r.RepositoryName, ImageTagMutability: r.ImageTagMutability,
			ImageScanningConfiguration: r.ImageScanningConfiguration, Tags: r.Tags}
		if r.EncryptionConfiguration != nil {
			in.EncryptionConfiguration = &ecrtypes.EncryptionConfiguration{}
			s.trJSON(r.EncryptionConfiguration, in.EncryptionConfiguration)
		}
		_, err := c.CreateRepository(s.ctx, in)
		s.must("ecr CreateRepository", err)
		if r.Policy != "" {
			_, err := c.SetRepositoryPolicy(s.ctx, &ecr.SetRepositoryPolicyInput{RepositoryName: r.RepositoryName, PolicyText: aws.String(s.tr(r.Policy))})
			s.must("ecr SetRepositoryPolicy", err)
		}
	}
}
