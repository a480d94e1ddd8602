package aws

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
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

// ListNodegroups names a cluster's node groups, paged like ListClusters;
// DescribeNodegroup answers the world's node group, with an ARN ending in
// a stable id when the world gives none; both answer
// ResourceNotFoundException for a cluster or node group not in the world.
func TestEKSNodegroupOperations(t *testing.T) {
	w := fragmentWorld(t, "eks")
	ew := w.Account(fragmentAccount).worldOf("eks", "eu-west-1").(*eksWorld)
	client := eksClient(t, w)
	ctx := context.Background()
	list, err := client.ListNodegroups(ctx, &eks.ListNodegroupsInput{ClusterName: aws.String("dev-sandbox")})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListNodegroups", list.Nodegroups, []string{"dev-workers", "dev-bastion-ssh"})
	for _, want := range ew.Nodegroups {
		out, err := client.DescribeNodegroup(ctx, &eks.DescribeNodegroupInput{ClusterName: want.ClusterName, NodegroupName: want.NodegroupName})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeNodegroup "+*want.NodegroupName, out.Nodegroup, want)
	}
	for _, in := range []*eks.DescribeNodegroupInput{
		{ClusterName: aws.String("nope"), NodegroupName: aws.String("dev-workers")},
		{ClusterName: aws.String("payments-prod"), NodegroupName: aws.String("dev-workers")},
	} {
		if _, err := client.DescribeNodegroup(ctx, in); apiCode(err) != "ResourceNotFoundException" {
			t.Errorf("DescribeNodegroup %s/%s: %v", *in.ClusterName, *in.NodegroupName, err)
		}
	}
	if _, err := client.ListNodegroups(ctx, &eks.ListNodegroupsInput{ClusterName: aws.String("nope")}); apiCode(err) != "ResourceNotFoundException" {
		t.Errorf("ListNodegroups of a missing cluster: %v", err)
	}

	big := &eksWorld{Clusters: []ekstypes.Cluster{{Name: aws.String("big")}}}
	for i := range 130 {
		big.Nodegroups = append(big.Nodegroups, ekstypes.Nodegroup{ClusterName: aws.String("big"), NodegroupName: aws.String(fmt.Sprintf("ng-%03d", i))})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "eks", big)
	client = eksClient(t, w)
	p := eks.NewListNodegroupsPaginator(client, &eks.ListNodegroupsInput{ClusterName: aws.String("big")})
	var sizes []int
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(page.Nodegroups))
	}
	if fmt.Sprint(sizes) != "[100 30]" {
		t.Errorf("ListNodegroups pages: %v", sizes)
	}
	out, err := client.DescribeNodegroup(ctx, &eks.DescribeNodegroupInput{ClusterName: aws.String("big"), NodegroupName: aws.String("ng-007")})
	if err != nil || !regexp.MustCompile(`^arn:aws:eks:eu-west-1:111111111111:nodegroup/big/ng-007/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$`).MatchString(aws.ToString(out.Nodegroup.NodegroupArn)) {
		t.Errorf("DescribeNodegroup ng-007: %v %v", err, out)
	}
}

// The collector reads each cluster's node groups: remote access with and
// without source security groups, none, and a launch template; and
// AWS-EKS-021 fails only the node group whose SSH EKS opens to the
// internet.
func TestEKSCollectNodeGroups(t *testing.T) {
	res, _ := collect(t, fragmentWorld(t, "eks"), "eks")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	ngs := byKind(res.Resources)["aws.eks.node_group"]
	if len(ngs) != 4 {
		t.Fatalf("node groups: %v", ngs)
	}
	open := ngs["dev-workers"]
	a := open.Attributes.(*model.EKSNodeGroup)
	if open.ID != "arn:aws:eks:eu-west-1:111111111111:nodegroup/dev-sandbox/dev-workers/5ac6f1d2-8e3b-4c1a-9f2d-7b6e5d4c3a21" ||
		a.ClusterName != "dev-sandbox" || a.RemoteAccess.EC2SSHKey != "dev-admin" || a.RemoteAccess.SourceSecurityGroupIDs == nil ||
		len(a.RemoteAccess.SourceSecurityGroupIDs) != 0 || a.AMIType != "AL2_x86_64" || a.Version != "1.29" ||
		a.ReleaseVersion != "1.29.3-20240531" || a.NodeRoleARN != "arn:aws:iam::111111111111:role/dev-sandbox-nodes" ||
		fmt.Sprint(a.Subnets) != "[subnet-0aa11bb22cc33dd44 subnet-0ee55ff66aa77bb88]" || open.Tags["env"] != "dev" {
		t.Errorf("dev-workers: %+v %v", a, open.Tags)
	}
	if b := ngs["dev-bastion-ssh"].Attributes.(*model.EKSNodeGroup); fmt.Sprint(b.RemoteAccess.SourceSecurityGroupIDs) != "[sg-0a9b8c7d6e5f40312]" || b.CapacityType != "SPOT" {
		t.Errorf("dev-bastion-ssh: %+v", b)
	}
	if g := ngs["payments-general"].Attributes.(*model.EKSNodeGroup); g.RemoteAccess.EC2SSHKey != "" || g.LaunchTemplate != (model.EKSNodeLaunchTemplate{}) || g.CapacityType != "ON_DEMAND" {
		t.Errorf("payments-general: %+v", g)
	}
	if c := ngs["payments-custom"].Attributes.(*model.EKSNodeGroup); c.LaunchTemplate != (model.EKSNodeLaunchTemplate{ID: "lt-0123456789abcdef0", Name: "payments-nodes", Version: "3"}) || c.AMIType != "CUSTOM" {
		t.Errorf("payments-custom: %+v", c)
	}
	var role, subnet bool
	for _, r := range open.Relations {
		role = role || r.Type == model.RelUsesRole && r.Target == a.NodeRoleARN
		subnet = subnet || r.Type == model.RelInSubnet && r.Target == "subnet-0aa11bb22cc33dd44"
	}
	if !role || !subnet {
		t.Errorf("dev-workers relations: %v", open.Relations)
	}
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := verdicts(t, engine, res.Resources)
	for name, want := range map[string]map[string]model.Status{
		"dev-workers":      {"AWS-EKS-021": model.StatusFail, "AWS-EKS-022": model.StatusFail},
		"dev-bastion-ssh":  {"AWS-EKS-021": model.StatusPass, "AWS-EKS-022": model.StatusFail},
		"payments-general": {"AWS-EKS-021": model.StatusPass, "AWS-EKS-022": model.StatusPass},
		"payments-custom":  {"AWS-EKS-021": model.StatusPass, "AWS-EKS-022": ""},
	} {
		for rule, st := range want {
			if g := got[rule+" "+ngs[name].ID]; g != st {
				t.Errorf("%s on %s: %q, want %q", rule, name, g, st)
			}
		}
	}
}
