package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/vigil-sec/vigil/internal/moto"
)

// seedWorld fills moto with a mixed estate in two regions: per region
// perRegion queues, topics, keys, security groups and volumes; globally
// perRegion buckets, roles and users.
func seedWorld(b *testing.B, srv *moto.Server, perRegion int) {
	ctx, must := context.Background(), seeded(b)
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		cfg := srv.Config(b, region)
		q, t, k, e := sqs.NewFromConfig(cfg), sns.NewFromConfig(cfg), kms.NewFromConfig(cfg), ec2.NewFromConfig(cfg)
		vpc, err := e.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < perRegion; i++ {
			name := fmt.Sprintf("w%d", i)
			must(q.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name)}))
			must(t.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(name)}))
			must(k.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String(name)}))
			must(e.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String(name), Description: aws.String(name), VpcId: vpc.Vpc.VpcId}))
			must(e.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String(region + "a"), Size: aws.Int32(8)}))
		}
	}
	cfg := srv.Config(b, "us-east-1")
	s, i := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }), iam.NewFromConfig(cfg)
	for n := 0; n < perRegion; n++ {
		must(s.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(fmt.Sprintf("world-%d", n)),
			ObjectOwnership: s3types.ObjectOwnershipBucketOwnerEnforced}))
		must(i.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(fmt.Sprintf("r%d", n)), AssumeRolePolicyDocument: aws.String(trust)}))
		must(i.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String(fmt.Sprintf("u%d", n))}))
	}
}

// motoLacks are services moto does not serve: it answers with 5xx, which
// the SDK retries with backoff, so they would measure moto's gaps rather
// than the collector.
var motoLacks = map[string]bool{"ssm": true, "shield": true, "accessanalyzer": true, "cloudwatch": true}

// BenchmarkCollectMotoWorld collects every service moto serves in two
// regions of a seeded moto world and reports resources and API calls per
// second:
//
//	go test -run '^$' -bench CollectMotoWorld -benchtime 3x ./collect/aws
func BenchmarkCollectMotoWorld(b *testing.B) {
	srv := moto.Start(b)
	seedWorld(b, srv, 20)
	var services []string
	for _, s := range Services() {
		if !motoLacks[s] {
			services = append(services, s)
		}
	}
	var resources, calls int
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1", "eu-west-1"}, Services: services, LoadOptions: srv.LoadOptions("us-east-1")})
		if err != nil {
			b.Fatal(err)
		}
		resources += len(res.Resources)
		calls += int(res.Calls)
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(resources)/float64(b.N), "resources/op")
	b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
	b.ReportMetric(float64(resources)/secs, "resources/s")
	b.ReportMetric(float64(calls)/secs, "calls/s")
}
