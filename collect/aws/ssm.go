package aws

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() { register("ssm", false, collectSSM) }

// collectSSM reads every SSM managed instance (agent ping status) with its
// patch compliance into aws.ssm.managed_instance, and every Parameter
// Store parameter into aws.ssm.parameter. Patch compliance comes from
// ListResourceComplianceSummaries filtered on the Patch type; an instance
// without a patch summary gets patch_compliant null.
func collectSSM(ctx context.Context, s *scope) {
	client := ssm.NewFromConfig(s.Config())
	collectSSMParameters(ctx, s, client)
	patch := map[string]ssmtypes.ResourceComplianceSummaryItem{}
	s.readKind("ListResourceComplianceSummaries", kindFills{model.KindSSMManagedInstance.Name(): {"patch_compliant"}}, func() error {
		cp := ssm.NewListResourceComplianceSummariesPaginator(client, &ssm.ListResourceComplianceSummariesInput{
			Filters: []ssmtypes.ComplianceStringFilter{{Key: aws.String("ComplianceType"), Values: []string{"Patch"},
				Type: ssmtypes.ComplianceQueryOperatorTypeEqual}}})
		for cp.HasMorePages() {
			page, err := cp.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, it := range page.ResourceComplianceSummaryItems {
				patch[aws.ToString(it.ResourceId)] = it
			}
		}
		return nil
	})
	p := ssm.NewDescribeInstanceInformationPaginator(client, &ssm.DescribeInstanceInformationInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeInstanceInformation", err)
			return
		}
		for _, info := range page.InstanceInformationList {
			id := aws.ToString(info.InstanceId)
			mi := &model.SSMManagedInstance{InstanceID: id, PingStatus: string(info.PingStatus)}
			raw := map[string]any{"InstanceInformation": info}
			if it, ok := patch[id]; ok {
				mi.PatchCompliant = boolPtr(it.Status == ssmtypes.ComplianceStatusCompliant)
				raw["PatchCompliance"] = it
			}
			// One id form for EC2 and hybrid (mi-...) instances alike, distinct
			// from the EC2 instance's own ARN so the two resources never clash.
			arn := fmt.Sprintf("arn:%s:ssm:%s:%s:managed-instance/%s", svcPartition(s.region), s.region, s.account, id)
			s.add(arn, model.KindSSMManagedInstance.With(mi), id, raw, nil)
		}
	}
}

// ssmGetParametersMax is how many names one GetParameters call takes.
const ssmGetParametersMax = 10

// collectSSMParameters lists the parameters (DescribeParameters: names,
// types, keys; no values) and reads the values of the String and
// StringList ones (GetParameters, without decryption) to scan them for
// secrets that belong in a SecureString or Secrets Manager. A value is
// scanned and dropped at once (internal/secretscan): it is in no
// attribute, raw payload or log. SecureString values are never asked for.
// The names alone cannot tell: a token pasted into /app/config reads like
// any other setting. ssm:GetParameters on plain parameters returns what
// the console shows any reader of them; the IAM policy documents it.
func collectSSMParameters(ctx context.Context, s *scope, client *ssm.Client) {
	var params []ssmtypes.ParameterMetadata
	listed := s.readKind("DescribeParameters", kindFills{model.KindSSMParameter.Name(): nil}, func() error {
		p := ssm.NewDescribeParametersPaginator(client, &ssm.DescribeParametersInput{MaxResults: aws.Int32(50)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			params = append(params, page.Parameters...)
		}
		return nil
	})
	if !listed {
		return
	}
	found := map[string][]model.SecretFinding{}
	s.readKind("GetParameters", kindFills{model.KindSSMParameter.Name(): {"secrets_found"}}, func() error {
		var plain []string
		for _, p := range params {
			if p.Type != ssmtypes.ParameterTypeSecureString {
				plain = append(plain, aws.ToString(p.Name))
			}
		}
		for i := 0; i < len(plain); i += ssmGetParametersMax {
			out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: plain[i:min(i+ssmGetParametersMax, len(plain))]})
			if err != nil {
				return err
			}
			for _, v := range out.Parameters {
				name := aws.ToString(v.Name)
				fs, err := secretscan.Value("value", name, aws.ToString(v.Value))
				if err != nil {
					return fmt.Errorf("parameter %s: %w", name, err)
				}
				found[name] = fs
			}
		}
		return nil
	})
	for _, p := range params {
		name := aws.ToString(p.Name)
		a := &model.SSMParameter{Name: name, Type: string(p.Type), KeyID: aws.ToString(p.KeyId), SecretsFound: []model.SecretFinding{}}
		if fs, ok := found[name]; ok {
			a.SecretsFound = fs
		}
		arn := aws.ToString(p.ARN)
		if arn == "" {
			arn = fmt.Sprintf("arn:%s:ssm:%s:%s:parameter/%s", svcPartition(s.region), s.region, s.account, strings.TrimPrefix(name, "/"))
		}
		s.add(arn, model.KindSSMParameter.With(a), name, map[string]any{"Parameter": p}, nil)
	}
}
