package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

// ecrWorld is ECR in one region: the account's private registry.
type ecrWorld struct {
	Repositories []ecrRepository `json:"repositories"`
}

// ecrRepository is a repository as DescribeRepositories shows it (ARN,
// registry, URI and AWS's defaults filled in), its policy and tags.
type ecrRepository struct {
	ecrtypes.Repository
	// Policy is the repository policy's text; empty is none.
	Policy string `json:"policy"`
	// LifecyclePolicy is the lifecycle policy's text; empty is none.
	LifecyclePolicy string         `json:"lifecyclePolicy"`
	Tags            []ecrtypes.Tag `json:"tags"`
}

// ecrPage is DescribeRepositories's page: 100 unless maxResults (up to
// 1000) says otherwise.
const ecrPage, ecrPageMax = 100, 1000

func init() {
	register(&service{name: "ecr", signing: "ecr", protocol: protoJSON11,
		// ECR's members are lowerCamel, but for its tags'.
		names:    names{camel: true, rename: map[string]string{"Tag.Key": "Key", "Tag.Value": "Value"}},
		newWorld: func() any { return &ecrWorld{} },
		ops: map[string]op{
			"DescribeRepositories": func(c *call) (any, error) {
				var in ecr.DescribeRepositoriesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				all := ecrRepositories(c)
				if in.RegistryId != nil && *in.RegistryId != c.account.ID {
					all = nil // another account's registry shares nothing with us
				}
				var repos []ecrtypes.Repository
				if len(in.RepositoryNames) > 0 {
					for _, n := range in.RepositoryNames {
						r, err := ecrRepositoryOf(c, in.RegistryId, n)
						if err != nil {
							return nil, err
						}
						repos = append(repos, r.Repository)
					}
					return &ecr.DescribeRepositoriesOutput{Repositories: repos}, nil
				}
				for _, r := range all {
					repos = append(repos, r.Repository)
				}
				limit := int(aws.ToInt32(in.MaxResults))
				if limit == 0 {
					limit = ecrPage
				}
				if limit > ecrPageMax {
					return nil, badRequest("ValidationException", "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to %d", limit, ecrPageMax)
				}
				items, next, err := page(repos, aws.ToString(in.NextToken), limit)
				if err != nil {
					return nil, badRequest("InvalidParameterException", "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid pagination token'")
				}
				if items == nil {
					items = []ecrtypes.Repository{}
				}
				return &ecr.DescribeRepositoriesOutput{Repositories: items, NextToken: optional(next)}, nil
			},
			"GetRepositoryPolicy": func(c *call) (any, error) {
				var in ecr.GetRepositoryPolicyInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				r, err := ecrRepositoryOf(c, in.RegistryId, aws.ToString(in.RepositoryName))
				if err != nil {
					return nil, err
				}
				if r.Policy == "" {
					return nil, badRequest("RepositoryPolicyNotFoundException", "Repository policy does not exist for the repository with name '%s' in the registry with id '%s'",
						aws.ToString(r.RepositoryName), c.account.ID)
				}
				return &ecr.GetRepositoryPolicyOutput{RegistryId: r.RegistryId, RepositoryName: r.RepositoryName, PolicyText: aws.String(r.Policy)}, nil
			},
			"GetLifecyclePolicy": func(c *call) (any, error) {
				var in ecr.GetLifecyclePolicyInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				r, err := ecrRepositoryOf(c, in.RegistryId, aws.ToString(in.RepositoryName))
				if err != nil {
					return nil, err
				}
				if r.LifecyclePolicy == "" {
					return nil, badRequest("LifecyclePolicyNotFoundException", "Lifecycle policy does not exist for the repository with name '%s' in the registry with id '%s'",
						aws.ToString(r.RepositoryName), c.account.ID)
				}
				return &ecr.GetLifecyclePolicyOutput{RegistryId: r.RegistryId, RepositoryName: r.RepositoryName,
					LifecyclePolicyText: aws.String(r.LifecyclePolicy)}, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				arn := c.param("resourceArn")
				for _, r := range ecrRepositories(c) {
					if aws.ToString(r.RepositoryArn) == arn {
						tags := r.Tags
						if tags == nil {
							tags = []ecrtypes.Tag{}
						}
						return &ecr.ListTagsForResourceOutput{Tags: tags}, nil
					}
				}
				return nil, badRequest("InvalidParameterException", "Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Repository not found for ARN %s'", arn)
			},
		}})
}

// ecrRepositories are the region's repositories, filled in as AWS shows
// them: a repository made with no settings has mutable tags, no scan on
// push and AES-256 encryption.
func ecrRepositories(c *call) []ecrRepository {
	var out []ecrRepository
	for _, r := range worldOf[ecrWorld](c).Repositories {
		name := aws.ToString(r.RepositoryName)
		if r.RegistryId == nil {
			r.RegistryId = aws.String(c.account.ID)
		}
		if r.RepositoryArn == nil {
			r.RepositoryArn = aws.String(c.arn("ecr", "repository/"+name))
		}
		if r.RepositoryUri == nil {
			r.RepositoryUri = aws.String(c.account.ID + ".dkr.ecr." + c.region + ".amazonaws.com/" + name)
		}
		if r.ImageTagMutability == "" {
			r.ImageTagMutability = ecrtypes.ImageTagMutabilityMutable
		}
		if r.ImageScanningConfiguration == nil {
			r.ImageScanningConfiguration = &ecrtypes.ImageScanningConfiguration{}
		}
		if r.EncryptionConfiguration == nil {
			r.EncryptionConfiguration = &ecrtypes.EncryptionConfiguration{EncryptionType: ecrtypes.EncryptionTypeAes256}
		}
		out = append(out, r)
	}
	return out
}

// ecrRepositoryOf finds a repository of the account's registry by name.
func ecrRepositoryOf(c *call, registry *string, name string) (*ecrRepository, error) {
	if registry == nil {
		registry = aws.String(c.account.ID)
	}
	if *registry == c.account.ID {
		for _, r := range ecrRepositories(c) {
			if aws.ToString(r.RepositoryName) == name {
				return &r, nil
			}
		}
	}
	return nil, badRequest("RepositoryNotFoundException", "The repository with name '%s' does not exist in the registry with id '%s'", name, *registry)
}
