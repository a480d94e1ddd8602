// Package storetest helps test and measure the store: a generator of
// realistic estates, and the two backends the store suite runs against
// (a SQLite file, and the PostgreSQL server named by VIGIL_TEST_POSTGRES).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for creating schemas

	"github.com/vigil-sec/vigil/model"
)

// EnvPostgres names the PostgreSQL server for tests (a DSN; each test
// gets its own schema in it).
const EnvPostgres = "VIGIL_TEST_POSTGRES"

// Backend opens stores of one kind for a test.
type Backend struct {
	Name string
	// DSN is a fresh, empty database for this test (a file path, or a
	// postgres:// URL whose search_path is a schema of its own).
	DSN func(t testing.TB) string
}

// Backends are SQLite always, and PostgreSQL when VIGIL_TEST_POSTGRES is
// set. Under CI=true a missing PostgreSQL fails the test; elsewhere its
// subtests skip with a visible message.
func Backends() []Backend {
	return []Backend{
		{Name: "sqlite", DSN: func(t testing.TB) string {
			return filepath.Join(t.TempDir(), "vigil.db")
		}},
		{Name: "postgres", DSN: PostgresDSN},
	}
}

// PostgresDSN creates a schema of its own for t in the test server and
// returns a DSN that uses it; the schema is dropped when t ends.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL tests need %s under CI=true (.ci/run starts a server)", EnvPostgres)
		}
		t.Skipf("PostgreSQL tests skipped: set %s to a DSN, e.g. postgres://user@127.0.0.1:5432/postgres?sslmode=disable (.ci/run starts one)", EnvPostgres)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "vigil_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("PostgreSQL at %s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Estate generates n resources of a few common kinds spread over accounts
// and regions, each with a few hundred bytes of attributes, the same for
// the same seed.
func Estate(n int, seed uint64) []*model.Resource {
	rng := mrand.New(mrand.NewPCG(seed, 7))
	accounts := []string{"111111111111", "222222222222"}
	regions := []string{"us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"}
	out := make([]*model.Resource, 0, n)
	for i := 0; i < n; i++ {
		acct := accounts[i%len(accounts)]
		region := regions[(i/len(accounts))%len(regions)]
		out = append(out, generate(rng, i, acct, region))
	}
	return out
}

func generate(rng *mrand.Rand, i int, acct, region string) *model.Resource {
	r := &model.Resource{Provider: "aws", Account: acct, Region: region, Source: model.SourceLive,
		Tags: map[string]string{"env": []string{"prod", "staging", "dev"}[i%3], "team": fmt.Sprintf("team-%d", i%17)}}
	switch i % 5 {
	case 0:
		id := fmt.Sprintf("sg-%012x", i)
		r.ID = fmt.Sprintf("arn:aws:ec2:%s:%s:security-group/%s", region, acct, id)
		r.Kind, r.Name = "aws.ec2.security_group", fmt.Sprintf("web-%d", i)
		r.Attributes = &model.EC2SecurityGroup{Name: r.Name, Description: "managed by terraform", VPCID: fmt.Sprintf("vpc-%08x", i%50),
			Ingress: []model.SecurityGroupRule{
				{Protocol: "tcp", FromPort: 443, ToPort: 443, CIDRBlocks: []string{"0.0.0.0/0"}, Description: "https"},
				{Protocol: "tcp", FromPort: 22, ToPort: 22, CIDRBlocks: []string{fmt.Sprintf("10.%d.0.0/16", rng.IntN(255))}, Description: "ssh from the office"},
			},
			Egress: []model.SecurityGroupRule{{Protocol: "-1", CIDRBlocks: []string{"0.0.0.0/0"}}}}
	case 1:
		id := fmt.Sprintf("i-%017x", i)
		r.ID = fmt.Sprintf("arn:aws:ec2:%s:%s:instance/%s", region, acct, id)
		r.Kind, r.Name = "aws.ec2.instance", fmt.Sprintf("app-%d", i)
		tokens := "required"
		if rng.IntN(4) == 0 {
			tokens = "optional"
		}
		r.Attributes = &model.EC2Instance{InstanceType: "m5.large", ImageID: fmt.Sprintf("ami-%08x", rng.IntN(1<<30)), State: "running",
			SubnetID: fmt.Sprintf("subnet-%08x", i%200), VPCID: fmt.Sprintf("vpc-%08x", i%50), SecurityGroups: []string{fmt.Sprintf("sg-%012x", i-1)},
			MetadataOptions: model.MetadataOptions{HTTPEndpoint: "enabled", HTTPTokens: tokens, HTTPPutResponseHopLimit: 1},
			BlockDevices:    []model.BlockDevice{{DeviceName: "/dev/xvda", Root: true, Encrypted: rng.IntN(3) > 0, VolumeSize: 50}}}
		r.Relations = []model.Relation{{Type: model.RelInSubnet, Target: fmt.Sprintf("subnet-%08x", i%200)}}
	case 2:
		r.Kind, r.Name = "aws.s3.bucket", fmt.Sprintf("data-%s-%d", acct, i)
		r.ID, r.Region = "arn:aws:s3:::"+r.Name, region
		r.Attributes = &model.S3Bucket{Name: r.Name, ObjectOwnership: "BucketOwnerEnforced",
			PublicAccessBlock: &model.S3PublicAccessBlock{BlockPublicACLs: true, IgnorePublicACLs: true, BlockPublicPolicy: rng.IntN(5) > 0, RestrictPublicBuckets: true},
			Encryption:        model.S3Encryption{Enabled: true, Algorithm: "aws:kms", KMSKeyID: fmt.Sprintf("arn:aws:kms:%s:%s:key/%08x", region, acct, i)},
			LifecycleRules:    rng.IntN(3)}
	case 3:
		r.Kind, r.Name = "aws.iam.role", fmt.Sprintf("service-role-%d", i)
		r.ID, r.Region = fmt.Sprintf("arn:aws:iam::%s:role/%s", acct, r.Name), ""
		r.Attributes = &model.IAMRole{Name: r.Name, Path: "/service-role/", MaxSessionDuration: 3600,
			AttachedPolicies: []string{"arn:aws:iam::aws:policy/ReadOnlyAccess", fmt.Sprintf("arn:aws:iam::%s:policy/app-%d", acct, i%40)}}
	default:
		id := fmt.Sprintf("vol-%017x", i)
		r.ID = fmt.Sprintf("arn:aws:ec2:%s:%s:volume/%s", region, acct, id)
		r.Kind, r.Name = "aws.ec2.volume", id
		r.Attributes = &model.EC2Volume{Encrypted: rng.IntN(4) > 0, Size: 8 << rng.IntN(6), VolumeType: "gp3", AvailabilityZone: region + "a"}
	}
	return r
}

// Change alters resource i of an estate (its tags), as a scan that found
// it changed would see it.
func Change(r *model.Resource, generation int) {
	tags := make(map[string]string, len(r.Tags)+1)
	for k, v := range r.Tags {
		tags[k] = v
	}
	tags["revision"] = fmt.Sprint(generation)
	r.Tags = tags
}
