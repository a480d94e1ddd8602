package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/vigil-sec/vigil/model"
)

func eksClient(t *testing.T, w *World) *eks.Client {
	t.Helper()
	cfg, _ := testCloud(t, w)
	return eks.NewFromConfig(cfg, func(o *eks.Options) { o.Region = "eu-west-1" })
}

func TestEKSOperations(t *testing.T) {
	w := fragmentWorld(t, "eks")
	ew := w.Account(fragmentAccount).worldOf("eks", "eu-west-1").(*eksWorld)
	client := eksClient(t, w)
	ctx := context.Background()

	list, err := client.ListClusters(ctx, &eks.ListClustersInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListClusters", list.Clusters, []string{"dev-sandbox", "payments-prod"})
	for _, want := range ew.Clusters {
		out, err := client.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: want.Name})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeCluster "+*want.Name, out.Cluster, want)
	}
	_, err = client.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String("nope")})
	if code := apiCode(err); code != "ResourceNotFoundException" {
		t.Errorf("a missing cluster: %q", code)
	}
	_, err = client.ListClusters(ctx, &eks.ListClustersInput{MaxResults: aws.Int32(101)})
	if code := apiCode(err); code != "InvalidParameterException" {
		t.Errorf("maxResults 101: %q", code)
	}
}

// ListClusters pages 100 names by default, or maxResults; a cluster
// without an ARN in the world gets one in its account and region.
func TestEKSListClustersPages(t *testing.T) {
	w := fragmentWorld(t, "eks")
	big := &eksWorld{}
	for i := range 230 {
		big.Clusters = append(big.Clusters, ekstypes.Cluster{Name: aws.String(fmt.Sprintf("c-%03d", i))})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "eks", big)
	client := eksClient(t, w)
	for _, tc := range []struct {
		max   int32
		pages []int
	}{{0, []int{100, 100, 30}}, {64, []int{64, 64, 64, 38}}} {
		in := &eks.ListClustersInput{}
		if tc.max > 0 {
			in.MaxResults = aws.Int32(tc.max)
		}
		p := eks.NewListClustersPaginator(client, in)
		var sizes []int
		var names []string
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.Clusters))
			names = append(names, page.Clusters...)
		}
		if fmt.Sprint(sizes) != fmt.Sprint(tc.pages) || len(names) != 230 || names[229] != "c-229" {
			t.Errorf("maxResults %d: pages %v", tc.max, sizes)
		}
	}
	out, err := client.DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String("c-007")})
	if err != nil || aws.ToString(out.Cluster.Arn) != "arn:aws:eks:eu-west-1:111111111111:cluster/c-007" {
		t.Errorf("DescribeCluster c-007: %v %v", err, out)
	}
}

// The collector sees the sandbox's open public endpoint without logs or
// secrets encryption, and the private production cluster's KMS key and logs.
func TestEKSCollect(t *testing.T) {
	res, srv := collect(t, fragmentWorld(t, "eks"), "eks")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	cs := byKind(res.Resources)["aws.eks.cluster"]
	dev, prod := cs["dev-sandbox"], cs["payments-prod"]
	if dev == nil || prod == nil {
		t.Fatalf("clusters: %v", cs)
	}
	a := dev.Attributes.(*model.EKSCluster)
	if dev.ID != "arn:aws:eks:eu-west-1:111111111111:cluster/dev-sandbox" || !a.EndpointPublicAccess || a.EndpointPrivateAccess ||
		fmt.Sprint(a.PublicAccessCIDRs) != "[0.0.0.0/0]" || a.SecretsEncryption || len(a.EnabledLogTypes) != 0 || a.Version != "1.29" {
		t.Errorf("dev-sandbox: %+v", a)
	}
	b := prod.Attributes.(*model.EKSCluster)
	if b.EndpointPublicAccess || !b.EndpointPrivateAccess || len(b.PublicAccessCIDRs) != 0 || !b.SecretsEncryption ||
		fmt.Sprint(b.EnabledLogTypes) != "[api audit authenticator controllerManager scheduler]" || prod.Tags["team"] != "payments" {
		t.Errorf("payments-prod: %+v %v", b, prod.Tags)
	}
	var kms bool
	for _, r := range prod.Relations {
		kms = kms || r.Type == model.RelEncryptedBy && r.Target == "arn:aws:kms:eu-west-1:111111111111:key/7c9e2a4b-3d1f-4a6e-8b5c-2d4f6a8c0e1b"
	}
	if !kms {
		t.Errorf("payments-prod relations: %v", prod.Relations)
	}
}
