package aws

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	cftypes "github.com/aws/aws-sdk-go-v2/service/cloudfront/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancing/types"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbv2types "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	ostypes "github.com/aws/aws-sdk-go-v2/service/opensearch/types"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	"github.com/aws/aws-sdk-go-v2/service/wafv2"
	waftypes "github.com/aws/aws-sdk-go-v2/service/wafv2/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// Live == Terraform agreement for the network and data services: load
// balancers, RDS, ElastiCache, Redshift, OpenSearch, CloudFront, API
// Gateway and the EC2 rules ec2_agree_test.go leaves out. Each test seeds
// moto with failing and passing twins, writes the Terraform that describes
// the same configuration, and requires the same failing rules (of the
// service's rule ids) on each twin from both sources.

// ndTwin is one resource seen from both sources: its kind, its name in
// the live inventory and in Terraform, the rules it must fail and the
// rules it must pass (so agreement cannot hold vacuously).
type ndTwin struct {
	kind, live, tf string
	fails, passes  []string
}

// ndFailing evaluates the built-in rules and returns, per kind and
// name (the Name tag where there is one, as for EC2), the sorted ids of
// the failing rules that start with one of prefixes. A name given to two
// resources of a kind maps to nil, so a twin cannot be read ambiguously.
// liveOnlyRules judge what only a live scan reads (IaC leaves it
// unknown), so a live failure has no IaC twin to agree with.
var liveOnlyRules = map[string]bool{
	"AWS-EC2-027": true, // security group on no network interface
	// No event subscription covers the instance or cluster: IaC may leave
	// subscriptions to another configuration.
	"AWS-RDS-030": true,
	"AWS-RDS-031": true,
	"AWS-RDS-034": true,
}

func ndFailing(t *testing.T, rs []*model.Resource, prefixes []string) map[string][]string {
	t.Helper()
	fails := failingByResource(t, rs)
	out := map[string][]string{}
	seen := map[string]bool{}
	for _, r := range rs {
		name := r.Name
		if n := r.Tags["Name"]; n != "" {
			name = n
		}
		k := r.Kind + " " + name
		if seen[k] {
			out[k] = nil
			continue
		}
		seen[k] = true
		ids := []string{}
		for id := range fails[r.ID] {
			if liveOnlyRules[id] {
				continue
			}
			for _, p := range prefixes {
				if strings.HasPrefix(id, p) {
					ids = append(ids, id)
					break
				}
			}
		}
		sort.Strings(ids)
		out[k] = ids
	}
	return out
}

// agree checks every twin: the live and the Terraform resource fail the
// same rules (among prefixes), those in fails do fail and those in passes
// do not.
func ndAgree(t *testing.T, live, tf []*model.Resource, prefixes []string, twins []ndTwin) {
	t.Helper()
	l, f := ndFailing(t, live, prefixes), ndFailing(t, tf, prefixes)
	for _, tw := range twins {
		lk, fk := tw.kind+" "+tw.live, tw.kind+" "+tw.tf
		lf, lok := l[lk]
		ff, fok := f[fk]
		if !lok || !fok || lf == nil || ff == nil {
			t.Errorf("%s: missing or ambiguous (live %v, terraform %v)\n live: %v\n terraform: %v", lk, lok, fok, keys(l), keys(f))
			continue
		}
		t.Logf("%s: live fails [%s]", lk, strings.Join(lf, ","))
		if strings.Join(lf, ",") != strings.Join(ff, ",") {
			t.Errorf("%s: live fails [%s], terraform (%s) fails [%s]", lk, strings.Join(lf, ","), tw.tf, strings.Join(ff, ","))
		}
		for _, id := range tw.fails {
			if !ndHas(lf, id) {
				t.Errorf("%s must fail %s; live fails [%s]", lk, id, strings.Join(lf, ","))
			}
		}
		for _, id := range tw.passes {
			if ndHas(lf, id) {
				t.Errorf("%s must pass %s; live fails [%s]", lk, id, strings.Join(lf, ","))
			}
		}
	}
}

func ndHas(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestAgreeNetworkDataELB covers AWS-ELB-001..006 on application and
// classic load balancers.
func TestAgreeNetworkDataELB(t *testing.T) {
	srv := moto.Start(t)
	cfg := srv.Config(t, "us-east-1")
	ctx := context.Background()
	must := seeded(t)
	ec2c, v2, classic, waf := ec2.NewFromConfig(cfg), elbv2.NewFromConfig(cfg), elb.NewFromConfig(cfg), wafv2.NewFromConfig(cfg)

	vpc, err := ec2c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	var subnets []string
	for i, az := range []string{"us-east-1a", "us-east-1b"} {
		sn, err := ec2c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, AvailabilityZone: aws.String(az),
			CidrBlock: aws.String([]string{"10.0.1.0/24", "10.0.2.0/24"}[i])})
		if err != nil {
			t.Fatal(err)
		}
		subnets = append(subnets, aws.ToString(sn.Subnet.SubnetId))
	}
	arns := map[string]*string{}
	for _, name := range []string{"alb-bad", "alb-good", "alb-default-tls", "nlb"} {
		typ := elbv2types.LoadBalancerTypeEnumApplication
		if name == "nlb" {
			typ = elbv2types.LoadBalancerTypeEnumNetwork
		}
		out, err := v2.CreateLoadBalancer(ctx, &elbv2.CreateLoadBalancerInput{Name: aws.String(name), Subnets: subnets,
			Scheme: elbv2types.LoadBalancerSchemeEnumInternetFacing, Type: typ})
		if err != nil {
			t.Fatal(err)
		}
		arns[name] = out.LoadBalancers[0].LoadBalancerArn
	}
	tg, err := v2.CreateTargetGroup(ctx, &elbv2.CreateTargetGroupInput{Name: aws.String("db"), Protocol: elbv2types.ProtocolEnumTcp,
		Port: aws.Int32(5432), VpcId: vpc.Vpc.VpcId, TargetType: elbv2types.TargetTypeEnumIp})
	if err != nil {
		t.Fatal(err)
	}
	// An IAM server certificate ARN: moto checks ACM ones only.
	cert := []elbv2types.Certificate{{CertificateArn: aws.String("arn:aws:iam::123456789012:server-certificate/web")}}
	fixed := []elbv2types.Action{{Type: elbv2types.ActionTypeEnumFixedResponse,
		FixedResponseConfig: &elbv2types.FixedResponseActionConfig{StatusCode: aws.String("200"), ContentType: aws.String("text/plain")}}}
	must(v2.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["alb-bad"], Port: aws.Int32(80),
		Protocol: elbv2types.ProtocolEnumHttp, DefaultActions: fixed}))
	must(v2.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["alb-bad"], Port: aws.Int32(443),
		Protocol: elbv2types.ProtocolEnumHttps, SslPolicy: aws.String("ELBSecurityPolicy-2016-08"), Certificates: cert, DefaultActions: fixed}))
	must(v2.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["alb-good"], Port: aws.Int32(80),
		Protocol: elbv2types.ProtocolEnumHttp, DefaultActions: []elbv2types.Action{{Type: elbv2types.ActionTypeEnumRedirect,
			RedirectConfig: &elbv2types.RedirectActionConfig{Protocol: aws.String("HTTPS"), Port: aws.String("443"),
				StatusCode: elbv2types.RedirectActionStatusCodeEnumHttp301}}}}))
	must(v2.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["alb-good"], Port: aws.Int32(443),
		Protocol: elbv2types.ProtocolEnumHttps, SslPolicy: aws.String("ELBSecurityPolicy-TLS13-1-2-2021-06"), Certificates: cert, DefaultActions: fixed}))
	// No policy named: AWS (and moto) apply ELBSecurityPolicy-2016-08, the
	// default the provider documents and the Terraform adapter applies.
	must(v2.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["alb-default-tls"], Port: aws.Int32(443),
		Protocol: elbv2types.ProtocolEnumHttps, Certificates: cert, DefaultActions: fixed}))
	must(v2.CreateListener(ctx, &elbv2.CreateListenerInput{LoadBalancerArn: arns["nlb"], Port: aws.Int32(5432),
		Protocol: elbv2types.ProtocolEnumTcp, DefaultActions: []elbv2types.Action{{Type: elbv2types.ActionTypeEnumForward,
			TargetGroupArn: tg.TargetGroups[0].TargetGroupArn}}}))
	must(v2.ModifyLoadBalancerAttributes(ctx, &elbv2.ModifyLoadBalancerAttributesInput{LoadBalancerArn: arns["alb-good"],
		Attributes: []elbv2types.LoadBalancerAttribute{
			{Key: aws.String("routing.http.drop_invalid_header_fields.enabled"), Value: aws.String("true")},
			{Key: aws.String("access_logs.s3.enabled"), Value: aws.String("true")},
			{Key: aws.String("access_logs.s3.bucket"), Value: aws.String("lb-logs")},
		}}))
	acl, err := waf.CreateWebACL(ctx, &wafv2.CreateWebACLInput{Name: aws.String("edge"), Scope: waftypes.ScopeRegional,
		DefaultAction:    &waftypes.DefaultAction{Allow: &waftypes.AllowAction{}},
		VisibilityConfig: &waftypes.VisibilityConfig{MetricName: aws.String("edge"), CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true}})
	if err != nil {
		t.Fatal(err)
	}
	must(waf.AssociateWebACL(ctx, &wafv2.AssociateWebACLInput{ResourceArn: arns["alb-good"], WebACLArn: acl.Summary.ARN}))

	for name, l := range map[string]elbtypes.Listener{
		"clb-bad":  {Protocol: aws.String("HTTP"), LoadBalancerPort: 80, InstancePort: aws.Int32(8080), InstanceProtocol: aws.String("HTTP")},
		"clb-good": {Protocol: aws.String("TCP"), LoadBalancerPort: 443, InstancePort: aws.Int32(8443), InstanceProtocol: aws.String("TCP")},
	} {
		must(classic.CreateLoadBalancer(ctx, &elb.CreateLoadBalancerInput{LoadBalancerName: aws.String(name),
			Listeners: []elbtypes.Listener{l}, AvailabilityZones: []string{"us-east-1a"}}))
	}
	must(classic.ModifyLoadBalancerAttributes(ctx, &elb.ModifyLoadBalancerAttributesInput{LoadBalancerName: aws.String("clb-good"),
		LoadBalancerAttributes: &elbtypes.LoadBalancerAttributes{AccessLog: &elbtypes.AccessLog{Enabled: true,
			S3BucketName: aws.String("lb-logs"), EmitInterval: aws.Int32(5)}}}))

	live := collectMoto(t, srv, []string{"elbv2", "elb"})
	noErrors(t, live)
	tf := loadTerraform(t, `
resource "aws_lb" "bad" {
  name    = "alb-bad"
  subnets = ["subnet-a", "subnet-b"]
}
resource "aws_lb_listener" "bad_http" {
  load_balancer_arn = aws_lb.bad.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}
resource "aws_lb_listener" "bad_https" {
  load_balancer_arn = aws_lb.bad.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:iam::123456789012:server-certificate/web"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}

resource "aws_lb" "good" {
  name                       = "alb-good"
  subnets                    = ["subnet-a", "subnet-b"]
  drop_invalid_header_fields = true
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}
resource "aws_lb_listener" "good_http" {
  load_balancer_arn = aws_lb.good.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
resource "aws_lb_listener" "good_https" {
  load_balancer_arn = aws_lb.good.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:iam::123456789012:server-certificate/web"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}
resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}
resource "aws_wafv2_web_acl_association" "good" {
  resource_arn = aws_lb.good.arn
  web_acl_arn  = aws_wafv2_web_acl.edge.arn
}
resource "aws_s3_bucket" "logs" {
  bucket = "lb-logs"
}

resource "aws_lb" "default_tls" {
  name    = "alb-default-tls"
  subnets = ["subnet-a", "subnet-b"]
}
resource "aws_lb_listener" "default_tls" {
  load_balancer_arn = aws_lb.default_tls.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:iam::123456789012:server-certificate/web"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}

resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = ["subnet-a", "subnet-b"]
}
resource "aws_lb_target_group" "db" {
  name        = "db"
  port        = 5432
  protocol    = "TCP"
  vpc_id      = "vpc-0123"
  target_type = "ip"
}
resource "aws_lb_listener" "nlb" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 5432
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.db.arn
  }
}

resource "aws_elb" "bad" {
  name               = "clb-bad"
  availability_zones = ["us-east-1a"]
  # The provider turns cross-zone balancing on unless told; the API
  # (and so the live twin) leaves it off.
  cross_zone_load_balancing = false
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }
}
resource "aws_elb" "good" {
  name               = "clb-good"
  availability_zones = ["us-east-1a"]
  # The provider turns cross-zone balancing on unless told; the API
  # (and so the live twin) leaves it off.
  cross_zone_load_balancing = false
  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 8443
    instance_protocol = "tcp"
  }
  access_logs {
    bucket   = "lb-logs"
    interval = 5
  }
}
`)
	// moto reports a policy on plain HTTP listeners too; like the
	// Terraform adapter, the collector keeps it for TLS listeners only.
	if l := elbv2Listener(elbv2types.Listener{Port: aws.Int32(80), Protocol: "HTTP", SslPolicy: aws.String("ELBSecurityPolicy-2016-08")}); l.SSLPolicy != "" {
		t.Errorf("HTTP listener keeps a TLS policy: %+v", l)
	}
	alb := []string{"AWS-ELB-001", "AWS-ELB-002", "AWS-ELB-003", "AWS-ELB-004", "AWS-ELB-005"}
	clb := []string{"AWS-ELB-004", "AWS-ELB-006"}
	ndAgree(t, live.Resources, tf, []string{"AWS-ELB-"}, []ndTwin{
		{kind: "aws.elbv2.load_balancer", live: "alb-bad", tf: "alb-bad", fails: alb},
		{kind: "aws.elbv2.load_balancer", live: "alb-good", tf: "alb-good", passes: alb},
		{kind: "aws.elbv2.load_balancer", live: "alb-default-tls", tf: "alb-default-tls", fails: []string{"AWS-ELB-003"},
			passes: []string{"AWS-ELB-002"}},
		// Network load balancers: only access logs apply (TCP by default).
		{kind: "aws.elbv2.load_balancer", live: "nlb", tf: "nlb", fails: []string{"AWS-ELB-004"},
			passes: []string{"AWS-ELB-001", "AWS-ELB-002", "AWS-ELB-003", "AWS-ELB-005"}},
		{kind: "aws.elb.load_balancer", live: "clb-bad", tf: "clb-bad", fails: clb},
		{kind: "aws.elb.load_balancer", live: "clb-good", tf: "clb-good", passes: clb},
	})
}

// TestAgreeNetworkDataRDS covers AWS-RDS-001..008 on standalone instances,
// Aurora clusters and a cluster member (judged through its cluster, except
// for minor version upgrades, which stay per instance). Unset settings are
// left unset on both sides, so the adapters' defaults are compared too.
func TestAgreeNetworkDataRDS(t *testing.T) {
	srv := moto.Start(t)
	client := rds.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("db-bad"), Engine: aws.String("mysql"), DBInstanceClass: aws.String("db.t3.micro"),
		AllocatedStorage: aws.Int32(20), MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
		PubliclyAccessible: aws.Bool(true), AutoMinorVersionUpgrade: aws.Bool(false),
	}))
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("db-good"), Engine: aws.String("mysql"), DBInstanceClass: aws.String("db.t3.micro"),
		AllocatedStorage: aws.Int32(20), MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
		PubliclyAccessible: aws.Bool(false), StorageEncrypted: aws.Bool(true), BackupRetentionPeriod: aws.Int32(7),
		DeletionProtection: aws.Bool(true), MultiAZ: aws.Bool(true), EnableIAMDatabaseAuthentication: aws.Bool(true),
	}))
	must(client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
		DBClusterIdentifier: aws.String("cluster-bad"), Engine: aws.String("aurora-postgresql"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
	}))
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("cluster-bad-1"), Engine: aws.String("aurora-postgresql"), DBInstanceClass: aws.String("db.r5.large"),
		DBClusterIdentifier: aws.String("cluster-bad"), AutoMinorVersionUpgrade: aws.Bool(false),
	}))
	must(client.CreateDBCluster(ctx, &rds.CreateDBClusterInput{
		DBClusterIdentifier: aws.String("cluster-good"), Engine: aws.String("aurora-postgresql"),
		MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("password123"),
		StorageEncrypted: aws.Bool(true), BackupRetentionPeriod: aws.Int32(14), DeletionProtection: aws.Bool(true),
		EnableIAMDatabaseAuthentication: aws.Bool(true),
	}))
	must(client.CreateDBInstance(ctx, &rds.CreateDBInstanceInput{
		DBInstanceIdentifier: aws.String("cluster-good-1"), Engine: aws.String("aurora-postgresql"), DBInstanceClass: aws.String("db.r5.large"),
		DBClusterIdentifier: aws.String("cluster-good"),
	}))
	live := collectMoto(t, srv, []string{"rds"})
	noErrors(t, live)
	tf := loadTerraform(t, `
resource "aws_db_instance" "bad" {
  identifier                 = "db-bad"
  engine                     = "mysql"
  instance_class             = "db.t3.micro"
  allocated_storage          = 20
  username                   = "admin"
  password                   = "password123"
  publicly_accessible        = true
  auto_minor_version_upgrade = false
}
resource "aws_db_instance" "good" {
  identifier                          = "db-good"
  engine                              = "mysql"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  username                            = "admin"
  password                            = "password123"
  publicly_accessible                 = false
  storage_encrypted                   = true
  backup_retention_period             = 7
  deletion_protection                 = true
  multi_az                            = true
  iam_database_authentication_enabled = true
}

resource "aws_rds_cluster" "bad" {
  cluster_identifier = "cluster-bad"
  engine             = "aurora-postgresql"
  master_username    = "admin"
  master_password    = "password123"
}
resource "aws_rds_cluster_instance" "bad" {
  identifier                 = "cluster-bad-1"
  cluster_identifier         = aws_rds_cluster.bad.id
  engine                     = "aurora-postgresql"
  instance_class             = "db.r5.large"
  auto_minor_version_upgrade = false
}
resource "aws_rds_cluster" "good" {
  cluster_identifier                  = "cluster-good"
  engine                              = "aurora-postgresql"
  master_username                     = "admin"
  master_password                     = "password123"
  storage_encrypted                   = true
  backup_retention_period             = 14
  deletion_protection                 = true
  iam_database_authentication_enabled = true
}
resource "aws_rds_cluster_instance" "good" {
  identifier         = "cluster-good-1"
  cluster_identifier = aws_rds_cluster.good.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r5.large"
}
`)
	inst := []string{"AWS-RDS-001", "AWS-RDS-002", "AWS-RDS-003", "AWS-RDS-004", "AWS-RDS-005", "AWS-RDS-006", "AWS-RDS-008"}
	cluster := []string{"AWS-RDS-003", "AWS-RDS-004", "AWS-RDS-005", "AWS-RDS-007"}
	// Members are judged through their cluster.
	member := []string{"AWS-RDS-001", "AWS-RDS-003", "AWS-RDS-004", "AWS-RDS-005", "AWS-RDS-008"}
	ndAgree(t, live.Resources, tf, []string{"AWS-RDS-"}, []ndTwin{
		{kind: "aws.rds.instance", live: "db-bad", tf: "db-bad", fails: inst},
		{kind: "aws.rds.instance", live: "db-good", tf: "db-good", passes: inst},
		{kind: "aws.rds.cluster", live: "cluster-bad", tf: "cluster-bad", fails: cluster},
		{kind: "aws.rds.cluster", live: "cluster-good", tf: "cluster-good", passes: cluster},
		{kind: "aws.rds.instance", live: "cluster-bad-1", tf: "cluster-bad-1", fails: []string{"AWS-RDS-006"}, passes: member},
		{kind: "aws.rds.instance", live: "cluster-good-1", tf: "cluster-good-1", passes: append(member, "AWS-RDS-006")},
	})
}

// TestAgreeNetworkDataElastiCache covers AWS-ELASTICACHE-001/002; the
// failing twin leaves both encryption settings unset on both sides (Redis
// OSS defaults: off).
func TestAgreeNetworkDataElastiCache(t *testing.T) {
	srv := moto.Start(t)
	client := elasticache.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateReplicationGroup(ctx, &elasticache.CreateReplicationGroupInput{ReplicationGroupId: aws.String("cache-bad"),
		ReplicationGroupDescription: aws.String("cache"), Engine: aws.String("redis"), CacheNodeType: aws.String("cache.t3.micro"),
		NumCacheClusters: aws.Int32(1)}))
	must(client.CreateReplicationGroup(ctx, &elasticache.CreateReplicationGroupInput{ReplicationGroupId: aws.String("cache-good"),
		ReplicationGroupDescription: aws.String("cache"), Engine: aws.String("redis"), CacheNodeType: aws.String("cache.t3.micro"),
		NumCacheClusters: aws.Int32(1), AtRestEncryptionEnabled: aws.Bool(true), TransitEncryptionEnabled: aws.Bool(true),
		AuthToken: aws.String("a-long-enough-auth-token")}))
	live := collectMoto(t, srv, []string{"elasticache"})
	noErrors(t, live)
	tf := loadTerraform(t, `
resource "aws_elasticache_replication_group" "bad" {
  replication_group_id = "cache-bad"
  description          = "cache"
  engine               = "redis"
  node_type            = "cache.t3.micro"
  num_cache_clusters   = 1
}
resource "aws_elasticache_replication_group" "good" {
  replication_group_id       = "cache-good"
  description                = "cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = "a-long-enough-auth-token"
}
`)
	ids := []string{"AWS-ELASTICACHE-001", "AWS-ELASTICACHE-002"}
	ndAgree(t, live.Resources, tf, []string{"AWS-ELASTICACHE-"}, []ndTwin{
		{kind: "aws.elasticache.replication_group", live: "cache-bad", tf: "cache-bad", fails: ids},
		{kind: "aws.elasticache.replication_group", live: "cache-good", tf: "cache-good", passes: ids},
	})
}

// TestAgreeNetworkDataRedshift covers AWS-REDSHIFT-001/002. Encryption and
// public access are spelled out on both sides: moto still defaults
// Encrypted to false, while AWS (since 2025) and provider v6 default it to
// true, which is what the Terraform adapter applies.
func TestAgreeNetworkDataRedshift(t *testing.T) {
	srv := moto.Start(t)
	client := redshift.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	for _, c := range []struct {
		name        string
		enc, public bool
	}{{"dw-bad", false, true}, {"dw-good", true, false}} {
		must(client.CreateCluster(ctx, &redshift.CreateClusterInput{ClusterIdentifier: aws.String(c.name), NodeType: aws.String("ra3.xlplus"),
			MasterUsername: aws.String("admin"), MasterUserPassword: aws.String("Passw0rd!"), ClusterType: aws.String("single-node"),
			Encrypted: aws.Bool(c.enc), PubliclyAccessible: aws.Bool(c.public)}))
	}
	live := collectMoto(t, srv, []string{"redshift"})
	noErrors(t, live)
	tf := loadTerraform(t, `
resource "aws_redshift_cluster" "bad" {
  cluster_identifier  = "dw-bad"
  node_type           = "ra3.xlplus"
  cluster_type        = "single-node"
  master_username     = "admin"
  master_password     = "Passw0rd!"
  encrypted           = false
  publicly_accessible = true
}
resource "aws_redshift_cluster" "good" {
  cluster_identifier  = "dw-good"
  node_type           = "ra3.xlplus"
  cluster_type        = "single-node"
  master_username     = "admin"
  master_password     = "Passw0rd!"
  encrypted           = true
  publicly_accessible = false
}
`)
	ids := []string{"AWS-REDSHIFT-001", "AWS-REDSHIFT-002"}
	ndAgree(t, live.Resources, tf, []string{"AWS-REDSHIFT-"}, []ndTwin{
		{kind: "aws.redshift.cluster", live: "dw-bad", tf: "dw-bad", fails: ids},
		{kind: "aws.redshift.cluster", live: "dw-good", tf: "dw-good", passes: ids},
	})
}

// TestAgreeNetworkDataOpenSearch covers AWS-OPENSEARCH-001..003; the
// failing twin sets nothing on either side (API defaults: all off).
func TestAgreeNetworkDataOpenSearch(t *testing.T) {
	srv := moto.Start(t)
	client := opensearch.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateDomain(ctx, &opensearch.CreateDomainInput{DomainName: aws.String("search-bad")}))
	must(client.CreateDomain(ctx, &opensearch.CreateDomainInput{DomainName: aws.String("search-good"),
		EncryptionAtRestOptions:     &ostypes.EncryptionAtRestOptions{Enabled: aws.Bool(true)},
		NodeToNodeEncryptionOptions: &ostypes.NodeToNodeEncryptionOptions{Enabled: aws.Bool(true)},
		DomainEndpointOptions: &ostypes.DomainEndpointOptions{EnforceHTTPS: aws.Bool(true),
			TLSSecurityPolicy: ostypes.TLSSecurityPolicyPolicyMinTls12201907}}))
	live := collectMoto(t, srv, []string{"opensearch"})
	noErrors(t, live)
	tf := loadTerraform(t, `
resource "aws_opensearch_domain" "bad" {
  domain_name = "search-bad"
}
resource "aws_opensearch_domain" "good" {
  domain_name = "search-good"
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
`)
	ids := []string{"AWS-OPENSEARCH-001", "AWS-OPENSEARCH-002", "AWS-OPENSEARCH-003"}
	ndAgree(t, live.Resources, tf, []string{"AWS-OPENSEARCH-"}, []ndTwin{
		{kind: "aws.opensearch.domain", live: "search-bad", tf: "search-bad", fails: ids},
		{kind: "aws.opensearch.domain", live: "search-good", tf: "search-good", passes: ids},
	})
}

// TestAgreeNetworkDataCloudFront covers AWS-CF-001..003. Live
// distributions are named by id, Terraform ones by address. A third twin
// uses a custom certificate without a minimum protocol version: AWS (and
// moto) then apply TLSv1, as the Terraform adapter does.
func TestAgreeNetworkDataCloudFront(t *testing.T) {
	srv := moto.Start(t)
	client := cloudfront.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	const cachePolicy = "658327ea-f89d-4fab-a63d-7e88639e58f6"
	const certARN = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
	const aclARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1"
	config := func(ref string, def cftypes.ViewerProtocolPolicy) *cftypes.DistributionConfig {
		return &cftypes.DistributionConfig{CallerReference: aws.String(ref), Comment: aws.String(ref), Enabled: aws.Bool(true),
			Origins: &cftypes.Origins{Quantity: aws.Int32(1), Items: []cftypes.Origin{{Id: aws.String("origin"),
				DomainName: aws.String("assets.s3.amazonaws.com"), S3OriginConfig: &cftypes.S3OriginConfig{OriginAccessIdentity: aws.String("")}}}},
			DefaultCacheBehavior: &cftypes.DefaultCacheBehavior{TargetOriginId: aws.String("origin"), ViewerProtocolPolicy: def,
				CachePolicyId: aws.String(cachePolicy)}}
	}
	bad := config("bad", cftypes.ViewerProtocolPolicyRedirectToHttps)
	bad.CacheBehaviors = &cftypes.CacheBehaviors{Quantity: aws.Int32(1), Items: []cftypes.CacheBehavior{{PathPattern: aws.String("/legacy/*"),
		TargetOriginId: aws.String("origin"), ViewerProtocolPolicy: cftypes.ViewerProtocolPolicyAllowAll, CachePolicyId: aws.String(cachePolicy)}}}
	good := config("good", cftypes.ViewerProtocolPolicyHttpsOnly)
	good.ViewerCertificate = &cftypes.ViewerCertificate{CloudFrontDefaultCertificate: aws.Bool(false), ACMCertificateArn: aws.String(certARN),
		SSLSupportMethod: cftypes.SSLSupportMethodSniOnly, MinimumProtocolVersion: cftypes.MinimumProtocolVersionTLSv122021}
	good.WebACLId = aws.String(aclARN)
	oldTLS := config("old-tls", cftypes.ViewerProtocolPolicyHttpsOnly)
	oldTLS.ViewerCertificate = &cftypes.ViewerCertificate{CloudFrontDefaultCertificate: aws.Bool(false), ACMCertificateArn: aws.String(certARN),
		SSLSupportMethod: cftypes.SSLSupportMethodSniOnly}
	oldTLS.WebACLId = aws.String(aclARN)
	ids := map[string]string{}
	for name, c := range map[string]*cftypes.DistributionConfig{"bad": bad, "good": good, "old_tls": oldTLS} {
		out, err := client.CreateDistribution(ctx, &cloudfront.CreateDistributionInput{DistributionConfig: c})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.Distribution.Id)
	}
	live := collectMoto(t, srv, []string{"cloudfront"})
	noErrors(t, live)
	tf := loadTerraform(t, `
locals {
  origin = {
    domain_name = "assets.s3.amazonaws.com"
    origin_id   = "origin"
  }
}
resource "aws_cloudfront_distribution" "bad" {
  enabled = true
  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id
  }
  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    target_origin_id       = "origin"
    viewer_protocol_policy = "allow-all"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}
resource "aws_cloudfront_distribution" "good" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.edge.arn
  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id
  }
  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
resource "aws_cloudfront_distribution" "old_tls" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1"
  origin {
    domain_name = local.origin.domain_name
    origin_id   = local.origin.origin_id
  }
  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method  = "sni-only"
  }
}
`)
	all := []string{"AWS-CF-001", "AWS-CF-002", "AWS-CF-003"}
	const kind = "aws.cloudfront.distribution"
	// Only the rules these twins are about: moto drops an S3 origin's
	// OAI/OAC (AWS-CF-022), so the origin rules are proven against the
	// test cloud instead.
	ndAgree(t, live.Resources, tf, all, []ndTwin{
		{kind: kind, live: ids["bad"], tf: "bad", fails: all},
		{kind: kind, live: ids["good"], tf: "good", passes: all},
		{kind: kind, live: ids["old_tls"], tf: "old_tls", fails: []string{"AWS-CF-002"}, passes: []string{"AWS-CF-001", "AWS-CF-003"}},
	})
}

// TestAgreeNetworkDataAPIGateway covers AWS-APIGW-001 on two stages of one
// REST API, with and without an access log destination.
func TestAgreeNetworkDataAPIGateway(t *testing.T) {
	srv := moto.Start(t)
	client := apigateway.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	api, err := client.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	root, err := client.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: api.Id})
	if err != nil {
		t.Fatal(err)
	}
	must(client.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: api.Id, ResourceId: root.Items[0].Id, HttpMethod: aws.String("GET"),
		AuthorizationType: aws.String("NONE")}))
	must(client.PutIntegration(ctx, &apigateway.PutIntegrationInput{RestApiId: api.Id, ResourceId: root.Items[0].Id, HttpMethod: aws.String("GET"),
		Type: agtypes.IntegrationTypeMock}))
	dep, err := client.CreateDeployment(ctx, &apigateway.CreateDeploymentInput{RestApiId: api.Id})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"dark", "lit"} {
		must(client.CreateStage(ctx, &apigateway.CreateStageInput{RestApiId: api.Id, DeploymentId: dep.Id, StageName: aws.String(name)}))
	}
	must(client.UpdateStage(ctx, &apigateway.UpdateStageInput{RestApiId: api.Id, StageName: aws.String("lit"),
		PatchOperations: []agtypes.PatchOperation{
			{Op: agtypes.OpReplace, Path: aws.String("/accessLogSettings/destinationArn"), Value: aws.String("arn:aws:logs:us-east-1:123456789012:log-group:api-access")},
			{Op: agtypes.OpReplace, Path: aws.String("/accessLogSettings/format"), Value: aws.String("$context.requestId")},
		}}))
	live := collectMoto(t, srv, []string{"apigateway"})
	noErrors(t, live)
	tf := loadTerraform(t, `
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}
resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}
resource "aws_cloudwatch_log_group" "api" {
  name = "api-access"
}
resource "aws_api_gateway_stage" "dark" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "dark"
}
resource "aws_api_gateway_stage" "lit" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "lit"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId"
  }
}
`)
	ndAgree(t, live.Resources, tf, []string{"AWS-APIGW-"}, []ndTwin{
		{kind: "aws.apigateway.stage", live: "dark", tf: "dark", fails: []string{"AWS-APIGW-001"}},
		{kind: "aws.apigateway.stage", live: "lit", tf: "lit", passes: []string{"AWS-APIGW-001"}},
	})
}

// ndEC2TF is the Terraform twin of the world TestAgreeNetworkDataEC2
// seeds. Security group rules are written in all three Terraform styles
// (inline blocks, aws_security_group_rule, aws_vpc_security_group_*_rule),
// and egress is spelled out where AWS adds its default allow-all rule.
const ndEC2TF = `
resource "aws_vpc" "on" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "flow-on" }
}
resource "aws_flow_log" "on" {
  vpc_id               = aws_vpc.on.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = "arn:aws:logs:us-east-1:123456789012:log-group:vpc-flow"
  iam_role_arn         = "arn:aws:iam::123456789012:role/flow-logs"
}
resource "aws_vpc" "off" {
  cidr_block = "10.1.0.0/16"
  tags       = { Name = "flow-off" }
}

resource "aws_default_security_group" "open" {
  vpc_id = aws_vpc.on.id
  tags   = { Name = "default-open" }
  ingress {
    protocol  = "-1"
    from_port = 0
    to_port   = 0
    self      = true
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_default_security_group" "closed" {
  vpc_id = aws_vpc.off.id
  tags   = { Name = "default-closed" }
}

resource "aws_security_group" "rdp" {
  name        = "rdp-open"
  description = "rdp"
  vpc_id      = aws_vpc.on.id
  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name        = "db-open"
  description = "db"
  vpc_id      = aws_vpc.on.id
}
resource "aws_vpc_security_group_ingress_rule" "db_pg" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv6         = "::/0"
}
resource "aws_vpc_security_group_ingress_rule" "db_mysql" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 3306
  to_port           = 3306
  cidr_ipv4         = "0.0.0.0/0"
}
resource "aws_vpc_security_group_egress_rule" "db_all" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "admin" {
  name        = "admin-open"
  description = "admin"
  vpc_id      = aws_vpc.on.id
}
resource "aws_security_group_rule" "admin_winrm" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  protocol          = "tcp"
  from_port         = 5985
  to_port           = 5986
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "admin_egress" {
  type              = "egress"
  security_group_id = aws_security_group.admin.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group" "closed" {
  name        = "closed"
  description = "closed"
  vpc_id      = aws_vpc.on.id
  ingress {
    protocol    = "tcp"
    from_port   = 0
    to_port     = 65535
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_network_acl" "open" {
  vpc_id = aws_vpc.on.id
  tags   = { Name = "nacl-open" }
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}
resource "aws_network_acl" "closed" {
  vpc_id = aws_vpc.on.id
  tags   = { Name = "nacl-closed" }
}
resource "aws_network_acl_rule" "closed_ssh" {
  network_acl_id = aws_network_acl.closed.id
  rule_number    = 90
  rule_action    = "deny"
  protocol       = "6"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
resource "aws_network_acl_rule" "closed_rdp" {
  network_acl_id = aws_network_acl.closed.id
  rule_number    = 95
  rule_action    = "deny"
  protocol       = "6"
  from_port      = 3389
  to_port        = 3389
  cidr_block     = "0.0.0.0/0"
}
resource "aws_network_acl_rule" "closed_rest" {
  network_acl_id = aws_network_acl.closed.id
  rule_number    = 100
  rule_action    = "allow"
  protocol       = "6"
  from_port      = 0
  to_port        = 65535
  cidr_block     = "0.0.0.0/0"
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.on.id
  cidr_block              = "10.0.1.0/24"
  availability_zone       = "us-east-1a"
  map_public_ip_on_launch = true
  tags                    = { Name = "subnet-public" }
}
resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.on.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1a"
  tags              = { Name = "subnet-private" }
}

resource "aws_instance" "public" {
  ami                    = "ami-0123"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.closed.id]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_size = 8
  }
  tags = { Name = "inst-public" }
}
resource "aws_instance" "private" {
  ami                    = "ami-0123"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.closed.id]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_size = 8
    encrypted   = true
  }
  tags = { Name = "inst-private" }
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "us-east-1a"
  size              = 10
  type              = "gp3"
  tags              = { Name = "vol-plain" }
}
resource "aws_ebs_volume" "sealed" {
  availability_zone = "us-east-1a"
  size              = 10
  type              = "gp3"
  encrypted         = true
  tags              = { Name = "vol-sealed" }
}
`

// TestAgreeNetworkDataEC2 covers the EC2 rules ec2_agree_test.go leaves
// out: RDP, database and administrative ports (003-005), default groups
// (006), public IPs from the subnet (008), volumes (009), instance block
// devices (010), flow logs (012), subnets (013), network ACLs (014) and
// egress (015). Unset settings stay unset on both sides where AWS and the
// provider share a default.
func TestAgreeNetworkDataEC2(t *testing.T) {
	srv := moto.Start(t)
	c := ec2.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	tag := func(id, name string) {
		t.Helper()
		must(c.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{id}, Tags: []ec2types.Tag{{Key: aws.String("Name"), Value: aws.String(name)}}}))
	}
	vpc := func(name, cidr string) string {
		out, err := c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(cidr), TagSpecifications: nameTag(ec2types.ResourceTypeVpc, name)})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(out.Vpc.VpcId)
	}
	on, off := vpc("flow-on", "10.0.0.0/16"), vpc("flow-off", "10.1.0.0/16")
	fl, err := c.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceIds: []string{on}, ResourceType: ec2types.FlowLogsResourceTypeVpc,
		TrafficType: ec2types.TrafficTypeAll, LogGroupName: aws.String("vpc-flow"),
		DeliverLogsPermissionArn: aws.String("arn:aws:iam::123456789012:role/flow-logs")})
	if err != nil || len(fl.Unsuccessful) > 0 {
		t.Fatalf("flow log: %v %+v", err, fl)
	}

	// Default groups: the one in flow-on has AWS's rules (ingress from
	// itself, egress anywhere); the one in flow-off is emptied, as
	// Terraform empties an aws_default_security_group without rules.
	defaults, err := c.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{Filters: []ec2types.Filter{
		{Name: aws.String("group-name"), Values: []string{"default"}}, {Name: aws.String("vpc-id"), Values: []string{on, off}}}})
	if err != nil || len(defaults.SecurityGroups) != 2 {
		t.Fatalf("default groups: %v %+v", err, defaults)
	}
	for _, g := range defaults.SecurityGroups {
		if aws.ToString(g.VpcId) == on {
			tag(aws.ToString(g.GroupId), "default-open")
			// AWS's default group admits its own members; moto creates
			// it with the egress rule only.
			if len(g.IpPermissions) == 0 {
				must(c.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: g.GroupId,
					IpPermissions: []ec2types.IpPermission{{IpProtocol: aws.String("-1"), UserIdGroupPairs: []ec2types.UserIdGroupPair{{GroupId: g.GroupId}}}}}))
			}
			continue
		}
		tag(aws.ToString(g.GroupId), "default-closed")
		if len(g.IpPermissions) > 0 {
			must(c.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: g.GroupId, IpPermissions: g.IpPermissions}))
		}
		if len(g.IpPermissionsEgress) > 0 {
			must(c.RevokeSecurityGroupEgress(ctx, &ec2.RevokeSecurityGroupEgressInput{GroupId: g.GroupId, IpPermissions: g.IpPermissionsEgress}))
		}
	}

	world := []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}
	tcp := func(from, to int32, ranges []ec2types.IpRange, v6 []ec2types.Ipv6Range) ec2types.IpPermission {
		return ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(from), ToPort: aws.Int32(to), IpRanges: ranges, Ipv6Ranges: v6}
	}
	sg := func(name string, ingress ...ec2types.IpPermission) string {
		out, err := c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String(name), Description: aws.String(strings.TrimSuffix(name, "-open")),
			VpcId: aws.String(on)})
		if err != nil {
			t.Fatal(err)
		}
		must(c.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: out.GroupId, IpPermissions: ingress}))
		return aws.ToString(out.GroupId)
	}
	sg("rdp-open", tcp(3389, 3389, world, nil))
	sg("db-open", tcp(5432, 5432, nil, []ec2types.Ipv6Range{{CidrIpv6: aws.String("::/0")}}), tcp(3306, 3306, world, nil))
	sg("admin-open", tcp(5985, 5986, world, nil))
	closed := sg("closed", tcp(0, 65535, []ec2types.IpRange{{CidrIp: aws.String("10.0.0.0/8")}}, nil))
	must(c.RevokeSecurityGroupEgress(ctx, &ec2.RevokeSecurityGroupEgressInput{GroupId: aws.String(closed),
		IpPermissions: []ec2types.IpPermission{{IpProtocol: aws.String("-1"), IpRanges: world}}}))
	must(c.AuthorizeSecurityGroupEgress(ctx, &ec2.AuthorizeSecurityGroupEgressInput{GroupId: aws.String(closed),
		IpPermissions: []ec2types.IpPermission{tcp(443, 443, world, nil)}}))

	nacl := func(name string, entries ...ec2.CreateNetworkAclEntryInput) {
		out, err := c.CreateNetworkAcl(ctx, &ec2.CreateNetworkAclInput{VpcId: aws.String(on), TagSpecifications: nameTag(ec2types.ResourceTypeNetworkAcl, name)})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			e.NetworkAclId = out.NetworkAcl.NetworkAclId
			e.Egress, e.Protocol, e.CidrBlock = aws.Bool(false), aws.String("6"), aws.String("0.0.0.0/0")
			must(c.CreateNetworkAclEntry(ctx, &e))
		}
	}
	entry := func(n, from, to int32, action ec2types.RuleAction) ec2.CreateNetworkAclEntryInput {
		return ec2.CreateNetworkAclEntryInput{RuleNumber: aws.Int32(n), RuleAction: action, PortRange: &ec2types.PortRange{From: aws.Int32(from), To: aws.Int32(to)}}
	}
	nacl("nacl-open", entry(100, 22, 22, ec2types.RuleActionAllow))
	nacl("nacl-closed", entry(90, 22, 22, ec2types.RuleActionDeny), entry(95, 3389, 3389, ec2types.RuleActionDeny),
		entry(100, 0, 65535, ec2types.RuleActionAllow))

	subnet := func(name, cidr string, public bool) string {
		out, err := c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(on), CidrBlock: aws.String(cidr), AvailabilityZone: aws.String("us-east-1a"),
			TagSpecifications: nameTag(ec2types.ResourceTypeSubnet, name)})
		if err != nil {
			t.Fatal(err)
		}
		if public {
			must(c.ModifySubnetAttribute(ctx, &ec2.ModifySubnetAttributeInput{SubnetId: out.Subnet.SubnetId,
				MapPublicIpOnLaunch: &ec2types.AttributeBooleanValue{Value: aws.Bool(true)}}))
		}
		return aws.ToString(out.Subnet.SubnetId)
	}
	pubSN, privSN := subnet("subnet-public", "10.0.1.0/24", true), subnet("subnet-private", "10.0.2.0/24", false)

	img, err := c.RegisterImage(ctx, &ec2.RegisterImageInput{Name: aws.String("base"), RootDeviceName: aws.String("/dev/xvda")})
	if err != nil {
		t.Fatal(err)
	}
	run := func(name, subnet string, encrypted *bool) {
		// No AssociatePublicIpAddress: the subnet decides, as in the
		// Terraform twin. moto names the root device /dev/sda1.
		must(c.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: img.ImageId, MinCount: aws.Int32(1), MaxCount: aws.Int32(1),
			InstanceType: ec2types.InstanceTypeT3Micro, SubnetId: aws.String(subnet), SecurityGroupIds: []string{closed},
			MetadataOptions: &ec2types.InstanceMetadataOptionsRequest{HttpTokens: ec2types.HttpTokensStateRequired},
			BlockDeviceMappings: []ec2types.BlockDeviceMapping{{DeviceName: aws.String("/dev/sda1"),
				Ebs: &ec2types.EbsBlockDevice{VolumeSize: aws.Int32(8), Encrypted: encrypted}}},
			TagSpecifications: nameTag(ec2types.ResourceTypeInstance, name)}))
	}
	run("inst-public", pubSN, nil)
	run("inst-private", privSN, aws.Bool(true))

	must(c.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(10), VolumeType: ec2types.VolumeTypeGp3,
		TagSpecifications: nameTag(ec2types.ResourceTypeVolume, "vol-plain")}))
	must(c.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(10), VolumeType: ec2types.VolumeTypeGp3,
		Encrypted: aws.Bool(true), TagSpecifications: nameTag(ec2types.ResourceTypeVolume, "vol-sealed")}))

	live := collectMoto(t, srv, []string{"ec2"})
	noErrors(t, live)
	tf := loadTerraform(t, ndEC2TF)
	const sgKind = "aws.ec2.security_group"
	// aws_default_security_group takes no description: the group keeps
	// AWS's.
	for _, name := range []string{"default-open", "default-closed"} {
		var descs []string
		for _, rs := range [][]*model.Resource{live.Resources, tf} {
			for _, r := range rs {
				if r.Kind == sgKind && r.Tags["Name"] == name {
					descs = append(descs, r.Attributes.(*model.EC2SecurityGroup).Description)
				}
			}
		}
		if len(descs) != 2 || descs[0] != descs[1] {
			t.Errorf("%s descriptions (live, terraform): %q", name, descs)
		}
	}
	ports := []string{"AWS-EC2-001", "AWS-EC2-002", "AWS-EC2-003", "AWS-EC2-004", "AWS-EC2-005"}
	ndAgree(t, live.Resources, tf, []string{"AWS-EC2-"}, []ndTwin{
		{kind: sgKind, live: "default-open", tf: "default-open", fails: []string{"AWS-EC2-006", "AWS-EC2-015"}},
		{kind: sgKind, live: "default-closed", tf: "default-closed", passes: []string{"AWS-EC2-006", "AWS-EC2-015"}},
		{kind: sgKind, live: "rdp-open", tf: "rdp-open", fails: []string{"AWS-EC2-003", "AWS-EC2-015"}},
		{kind: sgKind, live: "db-open", tf: "db-open", fails: []string{"AWS-EC2-004", "AWS-EC2-015"}},
		{kind: sgKind, live: "admin-open", tf: "admin-open", fails: []string{"AWS-EC2-005", "AWS-EC2-015"}},
		{kind: sgKind, live: "closed", tf: "closed", passes: append(ports, "AWS-EC2-006", "AWS-EC2-015")},
		{kind: "aws.ec2.network_acl", live: "nacl-open", tf: "nacl-open", fails: []string{"AWS-EC2-014"}},
		{kind: "aws.ec2.network_acl", live: "nacl-closed", tf: "nacl-closed", passes: []string{"AWS-EC2-014"}},
		{kind: "aws.ec2.subnet", live: "subnet-public", tf: "subnet-public", fails: []string{"AWS-EC2-013"}},
		{kind: "aws.ec2.subnet", live: "subnet-private", tf: "subnet-private", passes: []string{"AWS-EC2-013"}},
		{kind: "aws.ec2.instance", live: "inst-public", tf: "inst-public", fails: []string{"AWS-EC2-008", "AWS-EC2-010"}},
		{kind: "aws.ec2.instance", live: "inst-private", tf: "inst-private", passes: []string{"AWS-EC2-008", "AWS-EC2-010"}},
		{kind: "aws.ec2.volume", live: "vol-plain", tf: "vol-plain", fails: []string{"AWS-EC2-009"}},
		{kind: "aws.ec2.volume", live: "vol-sealed", tf: "vol-sealed", passes: []string{"AWS-EC2-009"}},
		{kind: "aws.ec2.vpc", live: "flow-on", tf: "flow-on", passes: []string{"AWS-EC2-012"}},
		{kind: "aws.ec2.vpc", live: "flow-off", tf: "flow-off", fails: []string{"AWS-EC2-012"}},
	})
}
