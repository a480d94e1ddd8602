package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/vigil-sec/vigil/model"
)

// ecrWant is a world repository as DescribeRepositories shows it.
func ecrWant(r ecrRepository) ecrtypes.Repository {
	name := aws.ToString(r.RepositoryName)
	out := r.Repository
	out.RegistryId = aws.String("111111111111")
	out.RepositoryArn = aws.String("arn:aws:ecr:us-east-1:111111111111:repository/" + name)
	out.RepositoryUri = aws.String("111111111111.dkr.ecr.us-east-1.amazonaws.com/" + name)
	if out.ImageTagMutability == "" {
		out.ImageTagMutability = ecrtypes.ImageTagMutabilityMutable
	}
	if out.ImageScanningConfiguration == nil {
		out.ImageScanningConfiguration = &ecrtypes.ImageScanningConfiguration{}
	}
	if out.EncryptionConfiguration == nil {
		out.EncryptionConfiguration = &ecrtypes.EncryptionConfiguration{EncryptionType: ecrtypes.EncryptionTypeAes256}
	}
	return out
}

// DescribeRepositories, GetRepositoryPolicy and ListTagsForResource decode
// through the SDK (lowerCamel, but for tags) into the world's repositories
// with AWS's defaults.
func TestECRRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "ecr")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := ecr.NewFromConfig(cfg)
	repos := w.Account(fragmentAccount).worldOf("ecr", "us-east-1").(*ecrWorld).Repositories

	out, err := client.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []ecrtypes.Repository
	for _, r := range repos {
		want = append(want, ecrWant(r))
	}
	sameJSON(t, "DescribeRepositories", out.Repositories, want)
	if out.NextToken != nil {
		t.Errorf("one page, yet a next token")
	}
	named, err := client.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{RepositoryNames: []string{"payments-api"}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeRepositories by name", named.Repositories, want[1:2])

	for _, r := range repos {
		pol, err := client.GetRepositoryPolicy(ctx, &ecr.GetRepositoryPolicyInput{RepositoryName: r.RepositoryName})
		if r.Policy == "" {
			var nf *ecrtypes.RepositoryPolicyNotFoundException
			if !errors.As(err, &nf) {
				t.Errorf("GetRepositoryPolicy %s without a policy: %v", aws.ToString(r.RepositoryName), err)
			}
		} else if err != nil || aws.ToString(pol.PolicyText) != r.Policy || aws.ToString(pol.RegistryId) != "111111111111" ||
			aws.ToString(pol.RepositoryName) != aws.ToString(r.RepositoryName) {
			t.Errorf("GetRepositoryPolicy %s: %+v %v", aws.ToString(r.RepositoryName), pol, err)
		}
		tags, err := client.ListTagsForResource(ctx, &ecr.ListTagsForResourceInput{ResourceArn: ecrWant(r).RepositoryArn})
		if err != nil {
			t.Fatal(err)
		}
		wantTags := r.Tags
		if wantTags == nil {
			wantTags = []ecrtypes.Tag{}
		}
		sameJSON(t, "ListTagsForResource "+aws.ToString(r.RepositoryName), tags.Tags, wantTags)
	}
}

// Missing repositories, another registry and bad tokens are refused with
// ECR's codes.
func TestECRErrors(t *testing.T) {
	w := fragmentWorld(t, "ecr")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := ecr.NewFromConfig(cfg)
	var nf *ecrtypes.RepositoryNotFoundException
	_, err := client.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{RepositoryNames: []string{"nope"}})
	if !errors.As(err, &nf) {
		t.Errorf("DescribeRepositories nope: %v", err)
	}
	_, err = client.GetRepositoryPolicy(ctx, &ecr.GetRepositoryPolicyInput{RepositoryName: aws.String("nope")})
	if !errors.As(err, &nf) {
		t.Errorf("GetRepositoryPolicy nope: %v", err)
	}
	_, err = client.GetRepositoryPolicy(ctx, &ecr.GetRepositoryPolicyInput{RepositoryName: aws.String("payments-api"), RegistryId: aws.String("222222222222")})
	if !errors.As(err, &nf) {
		t.Errorf("GetRepositoryPolicy in another registry: %v", err)
	}
	var bad *ecrtypes.InvalidParameterException
	_, err = client.ListTagsForResource(ctx, &ecr.ListTagsForResourceInput{ResourceArn: aws.String("arn:aws:ecr:us-east-1:111111111111:repository/nope")})
	if !errors.As(err, &bad) {
		t.Errorf("ListTagsForResource nope: %v", err)
	}
	_, err = client.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{NextToken: aws.String("bogus")})
	if !errors.As(err, &bad) {
		t.Errorf("bad token: %v", err)
	}
	_, err = client.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{MaxResults: aws.Int32(1001)})
	if code := awsJSONErrCode(err); code != "ValidationException" {
		t.Errorf("maxResults 1001: %v", err)
	}
}

// Repositories page by 100, or maxResults up to 1000.
func TestECRPages(t *testing.T) {
	w := fragmentWorld(t, "ecr")
	var repos []ecrRepository
	for i := range 250 {
		repos = append(repos, ecrRepository{Repository: ecrtypes.Repository{RepositoryName: aws.String(fmt.Sprintf("team/app-%03d", i))}})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "ecr", &ecrWorld{Repositories: repos})
	cfg, _ := testCloud(t, w)
	client := ecr.NewFromConfig(cfg, func(o *ecr.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {1000, 1}, {30, 9}} {
		p := ecr.NewDescribeRepositoriesPaginator(client, &ecr.DescribeRepositoriesInput{}, func(o *ecr.DescribeRepositoriesPaginatorOptions) { o.Limit = tc.limit })
		var names []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range out.Repositories {
				names = append(names, aws.ToString(r.RepositoryName))
			}
			pages++
		}
		if len(names) != 250 || pages != tc.pages || names[249] != "team/app-249" {
			t.Errorf("limit %d: %d repositories in %d pages, want 250 in %d", tc.limit, len(names), pages, tc.pages)
		}
	}
}

// The collector reads the repository left at AWS's defaults (mutable
// tags, no scan, no policy) and the locked-down one with its policy.
func TestECRCollector(t *testing.T) {
	w := fragmentWorld(t, "ecr")
	res := collectClean(t, w, "ecr")
	repos := byKind(res.Resources)["aws.ecr.repository"]
	if len(repos) != 3 {
		t.Fatalf("want 3 repositories, got %d", len(repos))
	}
	web := repos["web-frontend"]
	if web == nil || web.ID != "arn:aws:ecr:us-east-1:111111111111:repository/web-frontend" || web.Tags["team"] != "web" {
		t.Fatalf("web-frontend: %+v", web)
	}
	if a := web.Attributes.(*model.ECRRepository); a.ScanOnPush || a.ImageTagMutability != "MUTABLE" || a.EncryptionType != "AES256" || a.Policy != nil ||
		a.LifecyclePolicy {
		t.Errorf("web-frontend attributes: %+v", a)
	}
	pay := repos["payments-api"]
	if a := pay.Attributes.(*model.ECRRepository); !a.ScanOnPush || a.ImageTagMutability != "IMMUTABLE" || a.EncryptionType != "KMS" || !a.LifecyclePolicy ||
		a.Policy == nil || a.Policy.Statements[0].Principals["AWS"][0] != "arn:aws:iam::222222222222:role/ci-deployer" {
		t.Errorf("payments-api attributes: %+v", a)
	}
	if len(pay.Relations) != 1 || pay.Relations[0].Target != "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000001" {
		t.Errorf("payments-api relations: %+v", pay.Relations)
	}
	if a := repos["base-images"].Attributes.(*model.ECRRepository); a.Policy == nil || a.Policy.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("base-images policy: %+v", a.Policy)
	}
}
