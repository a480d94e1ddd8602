package aws

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	emrtypes "github.com/aws/aws-sdk-go-v2/service/emr/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("emr", false, collectEMR) }

var (
	emrClusterFills   = []string{"security_configuration", "kerberos"}
	emrSecConfFills   = []string{"at_rest_encryption", "in_transit_encryption", "kerberos"}
	emrActiveClusters = []emrtypes.ClusterState{emrtypes.ClusterStateStarting, emrtypes.ClusterStateBootstrapping,
		emrtypes.ClusterStateRunning, emrtypes.ClusterStateWaiting}
)

// collectEMR reads the region's block public access configuration, its
// active clusters and its security configurations. A failed listing
// leaves the others to be read.
func collectEMR(ctx context.Context, s *scope) {
	client := emr.NewFromConfig(s.Config())
	collectEMRBlockPublicAccess(ctx, s, client)
	collectEMRClusters(ctx, s, client)
	collectEMRSecurityConfigurations(ctx, s, client)
}

// collectEMRBlockPublicAccess reads the account's block public access
// configuration in the region into one aws.emr.block_public_access.
func collectEMRBlockPublicAccess(ctx context.Context, s *scope, client *emr.Client) {
	a := &model.EMRBlockPublicAccess{}
	var raw any
	rd := s.reads("arn:" + svcPartition(s.region) + ":elasticmapreduce:" + s.region + ":" + s.account + ":block-public-access-configuration")
	// The configuration is all the resource is: unread, there is none
	// (the failure names it, so its old findings are not resolved).
	read := rd.call("GetBlockPublicAccessConfiguration", []string{"enabled", "permitted_ports"}, func() error {
		out, err := client.GetBlockPublicAccessConfiguration(ctx, &emr.GetBlockPublicAccessConfigurationInput{})
		if err != nil {
			return err
		}
		raw = out.BlockPublicAccessConfiguration
		if c := out.BlockPublicAccessConfiguration; c != nil {
			a.Enabled = aws.ToBool(c.BlockPublicSecurityGroupRules)
			for _, r := range c.PermittedPublicSecurityGroupRuleRanges {
				lo, hi := aws.ToInt32(r.MinRange), aws.ToInt32(r.MaxRange)
				if r.MaxRange == nil || hi == lo {
					a.PermittedPorts = append(a.PermittedPorts, strconv.Itoa(int(lo)))
				} else {
					a.PermittedPorts = append(a.PermittedPorts, strconv.Itoa(int(lo))+"-"+strconv.Itoa(int(hi)))
				}
			}
		}
		return nil
	})
	if !read {
		return
	}
	rd.add(model.KindEMRBlockPublicAccess.With(a), "EMR block public access ("+s.region+")", raw, nil)
}

// collectEMRClusters reads the active clusters (ListClusters, then
// DescribeCluster and the primary nodes' ListInstances for each).
func collectEMRClusters(ctx context.Context, s *scope, client *emr.Client) {
	var list []emrtypes.ClusterSummary
	p := emr.NewListClustersPaginator(client, &emr.ListClustersInput{ClusterStates: emrActiveClusters})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListClusters", err)
			return
		}
		list = append(list, page.Clusters...)
	}
	forEach(s, list, func(c emrtypes.ClusterSummary) {
		a := &model.EMRCluster{}
		raw := map[string]any{"ClusterSummary": c}
		var tags map[string]string
		var rels []model.Relation
		fleet := false
		rd := s.reads(aws.ToString(c.ClusterArn))
		rd.call("DescribeCluster", append(emrClusterFills, model.TagsPath), func() error {
			out, err := client.DescribeCluster(ctx, &emr.DescribeClusterInput{ClusterId: c.Id})
			if err != nil {
				return err
			}
			cl := out.Cluster
			if cl == nil {
				return nil
			}
			raw["Cluster"] = cl
			if k := cl.KerberosAttributes; k != nil {
				// The Kerberos passwords never reach raw, whether or not
				// EMR answers them.
				kc, clc := *k, *cl
				kc.KdcAdminPassword, kc.CrossRealmTrustPrincipalPassword, kc.ADDomainJoinPassword = nil, nil, nil
				clc.KerberosAttributes = &kc
				raw["Cluster"] = &clc
			}
			a.SecurityConfiguration = aws.ToString(cl.SecurityConfiguration)
			a.Kerberos = cl.KerberosAttributes != nil && aws.ToString(cl.KerberosAttributes.Realm) != ""
			fleet = cl.InstanceCollectionType == emrtypes.InstanceCollectionTypeInstanceFleet
			tags = addTags(nil, cl.Tags, func(t emrtypes.Tag) (*string, *string) { return t.Key, t.Value })
			if e := cl.Ec2InstanceAttributes; e != nil {
				if sn := aws.ToString(e.Ec2SubnetId); sn != "" {
					rels = append(rels, model.Relation{Type: model.RelInSubnet, Target: sn})
				}
				for _, sg := range append([]*string{e.EmrManagedMasterSecurityGroup}, aws.StringSlice(e.AdditionalMasterSecurityGroups)...) {
					if aws.ToString(sg) != "" {
						rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: aws.ToString(sg)})
					}
				}
			}
			if r := aws.ToString(cl.ServiceRole); r != "" {
				rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: r})
			}
			return nil
		})
		rd.call("ListInstances", []string{"master_public_ip"}, func() error {
			in := &emr.ListInstancesInput{ClusterId: c.Id, InstanceGroupTypes: []emrtypes.InstanceGroupType{emrtypes.InstanceGroupTypeMaster}}
			if fleet {
				in = &emr.ListInstancesInput{ClusterId: c.Id, InstanceFleetType: emrtypes.InstanceFleetTypeMaster}
			}
			ip := emr.NewListInstancesPaginator(client, in)
			for ip.HasMorePages() {
				page, err := ip.NextPage(ctx)
				if err != nil {
					return err
				}
				for _, i := range page.Instances {
					if aws.ToString(i.PublicIpAddress) != "" {
						a.MasterPublicIP = true
					}
				}
			}
			return nil
		})
		rd.add(model.KindEMRCluster.With(a), aws.ToString(c.Name), raw, tags, rels...)
	})
}

// collectEMRSecurityConfigurations reads every security configuration
// (ListSecurityConfigurations, then DescribeSecurityConfiguration).
func collectEMRSecurityConfigurations(ctx context.Context, s *scope, client *emr.Client) {
	var list []emrtypes.SecurityConfigurationSummary
	p := emr.NewListSecurityConfigurationsPaginator(client, &emr.ListSecurityConfigurationsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListSecurityConfigurations", err)
			return
		}
		list = append(list, page.SecurityConfigurations...)
	}
	forEach(s, list, func(sc emrtypes.SecurityConfigurationSummary) {
		name := aws.ToString(sc.Name)
		a := &model.EMRSecurityConfiguration{}
		raw := map[string]any{"SecurityConfigurationSummary": sc}
		// Security configurations have no ARN; this names one the same
		// way in every region and account.
		rd := s.reads("arn:" + svcPartition(s.region) + ":elasticmapreduce:" + s.region + ":" + s.account + ":security-configuration/" + name)
		rd.call("DescribeSecurityConfiguration", emrSecConfFills, func() error {
			out, err := client.DescribeSecurityConfiguration(ctx, &emr.DescribeSecurityConfigurationInput{Name: sc.Name})
			if err != nil {
				return err
			}
			var doc map[string]any
			if err := json.Unmarshal([]byte(aws.ToString(out.SecurityConfiguration)), &doc); err != nil {
				return err
			}
			raw["SecurityConfiguration"] = doc
			*a = model.ParseEMRSecurityConfiguration(doc)
			return nil
		})
		rd.add(model.KindEMRSecurityConfiguration.With(a), name, raw, nil)
	})
}
