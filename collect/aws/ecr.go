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
		var unknown []string
		pol, err := client.GetRepositoryPolicy(ctx, &ecr.GetRepositoryPolicyInput{RepositoryName: repo.RepositoryName, RegistryId: repo.RegistryId})
		switch {
		case err != nil && !awsCodeIn(err, "RepositoryPolicyNotFoundException"):
			s.fail("GetRepositoryPolicy", err)
			unknown = append(unknown, "policy")
		case err == nil && aws.ToString(pol.PolicyText) != "":
			raw["PolicyText"] = aws.ToString(pol.PolicyText)
			if doc, perr := model.ParsePolicyDocument(aws.ToString(pol.PolicyText)); perr != nil {
				s.fail("GetRepositoryPolicy", perr)
				unknown = append(unknown, "policy")
			} else {
				a.Policy = doc
			}
		}
		var tags map[string]string
		if out, err := client.ListTagsForResource(ctx, &ecr.ListTagsForResourceInput{ResourceArn: repo.RepositoryArn}); err != nil {
			s.fail("ListTagsForResource", err)
		} else {
			for _, t := range out.Tags {
				if tags == nil {
					tags = map[string]string{}
				}
				tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
			}
		}
		markUnknown(s.add(aws.ToString(repo.RepositoryArn), "aws.ecr.repository", a.Name, a, raw, tags, rels...), unknown)
	})
}
