package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("ecr", false, collectECR) }

// collectECR reads every repository with its scanning, tag mutability,
// encryption, repository policy and tags into aws.ecr.repository.
func collectECR(ctx context.Context, s *scope) {
	client := ecr.NewFromConfig(s.Config())
	p := ecr.NewDescribeRepositoriesPaginator(client, &ecr.DescribeRepositoriesInput{})
	var repos []ecrtypes.Repository
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeRepositories", err)
			return
		}
		repos = append(repos, page.Repositories...)
	}
	forEach(s, repos, func(repo ecrtypes.Repository) {
		a := &model.ECRRepository{
			Name:               aws.ToString(repo.RepositoryName),
			ScanOnPush:         repo.ImageScanningConfiguration != nil && repo.ImageScanningConfiguration.ScanOnPush,
			ImageTagMutability: string(repo.ImageTagMutability),
			EncryptionType:     string(ecrtypes.EncryptionTypeAes256),
		}
		if a.ImageTagMutability == "" {
			a.ImageTagMutability = string(ecrtypes.ImageTagMutabilityMutable)
		}
		var rels []model.Relation
		if ec := repo.EncryptionConfiguration; ec != nil {
			if ec.EncryptionType != "" {
				a.EncryptionType = string(ec.EncryptionType)
			}
			if k := aws.ToString(ec.KmsKey); k != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
			}
		}
		raw := map[string]any{"Repository": repo}
		rd := s.reads(aws.ToString(repo.RepositoryArn))
		rd.call("GetRepositoryPolicy", []string{"policy"}, func() error {
			pol, err := client.GetRepositoryPolicy(ctx, &ecr.GetRepositoryPolicyInput{RepositoryName: repo.RepositoryName, RegistryId: repo.RegistryId})
			if awsCodeIn(err, "RepositoryPolicyNotFoundException") || err == nil && aws.ToString(pol.PolicyText) == "" {
				return nil
			}
			if err != nil {
				return err
			}
			raw["PolicyText"] = aws.ToString(pol.PolicyText)
			a.Policy, err = model.ParsePolicyDocument(aws.ToString(pol.PolicyText))
			return err
		})
		rd.call("GetLifecyclePolicy", []string{"lifecycle_policy"}, func() error {
			lp, err := client.GetLifecyclePolicy(ctx, &ecr.GetLifecyclePolicyInput{RepositoryName: repo.RepositoryName, RegistryId: repo.RegistryId})
			if awsCodeIn(err, "LifecyclePolicyNotFoundException") {
				return nil
			}
			if err != nil {
				return err
			}
			raw["LifecyclePolicyText"] = aws.ToString(lp.LifecyclePolicyText)
			a.LifecyclePolicy = aws.ToString(lp.LifecyclePolicyText) != ""
			return nil
		})
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			out, err := client.ListTagsForResource(ctx, &ecr.ListTagsForResourceInput{ResourceArn: repo.RepositoryArn})
			if err != nil {
				return err
			}
			tags = addTags(tags, out.Tags, func(t ecrtypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		rd.add(model.KindECRRepository.With(a), a.Name, raw, tags, rels...)
	})
}
