package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	emrtypes "github.com/aws/aws-sdk-go-v2/service/emr/types"
)

// emrWorld is Amazon EMR in one region. Without blockPublicAccess the
// region has AWS's default for accounts since 2019: on, port 22 allowed.
type emrWorld struct {
	BlockPublicAccess      *emrtypes.BlockPublicAccessConfiguration  `json:"blockPublicAccess"`
	Clusters               []emrCluster                              `json:"clusters"`
	SecurityConfigurations []emr.DescribeSecurityConfigurationOutput `json:"securityConfigurations"`
}

// emrCluster is a cluster as DescribeCluster shows it (ARN filled in when
// absent) and its instances as ListInstances does, with their group type.
type emrCluster struct {
	emrtypes.Cluster
	Instances []emrInstance `json:"instances"`
}

type emrInstance struct {
	emrtypes.Instance
	GroupType emrtypes.InstanceGroupType `json:"groupType"`
}

// EMR's listings answer 50 items a page.
const emrPageSize = 50

func init() {
	register(&service{name: "emr", signing: "elasticmapreduce", protocol: protoJSON11,
		newWorld: func() any { return &emrWorld{} },
		ops: map[string]op{
			"GetBlockPublicAccessConfiguration": func(c *call) (any, error) {
				cfg := worldOf[emrWorld](c).BlockPublicAccess
				if cfg == nil {
					cfg = &emrtypes.BlockPublicAccessConfiguration{BlockPublicSecurityGroupRules: aws.Bool(true),
						PermittedPublicSecurityGroupRuleRanges: []emrtypes.PortRange{{MinRange: aws.Int32(22), MaxRange: aws.Int32(22)}}}
				}
				return &emr.GetBlockPublicAccessConfigurationOutput{BlockPublicAccessConfiguration: cfg}, nil
			},
			"ListClusters": func(c *call) (any, error) {
				var in emr.ListClustersInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var list []emrtypes.ClusterSummary
				for _, cl := range emrClusters(c) {
					if len(in.ClusterStates) > 0 && !emrStateIn(cl.Status.State, in.ClusterStates) {
						continue
					}
					list = append(list, emrtypes.ClusterSummary{Id: cl.Id, Name: cl.Name, ClusterArn: cl.ClusterArn, Status: cl.Status})
				}
				items, next, err := page(list, aws.ToString(in.Marker), emrPageSize)
				if err != nil {
					return nil, badRequest("InvalidRequestException", "Invalid marker")
				}
				return &emr.ListClustersOutput{Clusters: append([]emrtypes.ClusterSummary{}, items...), Marker: optional(next)}, nil
			},
			"DescribeCluster": func(c *call) (any, error) {
				cl, err := emrClusterOf(c)
				if err != nil {
					return nil, err
				}
				return &emr.DescribeClusterOutput{Cluster: &cl.Cluster}, nil
			},
			"ListInstances": func(c *call) (any, error) {
				var in emr.ListInstancesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				cl, err := emrClusterOf(c)
				if err != nil {
					return nil, err
				}
				var list []emrtypes.Instance
				for _, i := range cl.Instances {
					if len(in.InstanceGroupTypes) > 0 && !emrGroupIn(i.GroupType, in.InstanceGroupTypes) {
						continue
					}
					if in.InstanceFleetType != "" && string(in.InstanceFleetType) != string(i.GroupType) {
						continue
					}
					list = append(list, i.Instance)
				}
				items, next, err := page(list, aws.ToString(in.Marker), emrPageSize)
				if err != nil {
					return nil, badRequest("InvalidRequestException", "Invalid marker")
				}
				return &emr.ListInstancesOutput{Instances: append([]emrtypes.Instance{}, items...), Marker: optional(next)}, nil
			},
			"ListSecurityConfigurations": func(c *call) (any, error) {
				var list []emrtypes.SecurityConfigurationSummary
				for _, sc := range worldOf[emrWorld](c).SecurityConfigurations {
					list = append(list, emrtypes.SecurityConfigurationSummary{Name: sc.Name, CreationDateTime: sc.CreationDateTime})
				}
				items, next, err := page(list, c.param("Marker"), emrPageSize)
				if err != nil {
					return nil, badRequest("InvalidRequestException", "Invalid marker")
				}
				return &emr.ListSecurityConfigurationsOutput{SecurityConfigurations: append([]emrtypes.SecurityConfigurationSummary{}, items...), Marker: optional(next)}, nil
			},
			"DescribeSecurityConfiguration": func(c *call) (any, error) {
				name := c.param("Name")
				for _, sc := range worldOf[emrWorld](c).SecurityConfigurations {
					if name == aws.ToString(sc.Name) {
						return &sc, nil
					}
				}
				return nil, badRequest("InvalidRequestException", "Security configuration with name '%s' does not exist.", name)
			},
		}})
}

func emrClusters(c *call) []emrCluster {
	var out []emrCluster
	for _, cl := range worldOf[emrWorld](c).Clusters {
		if cl.ClusterArn == nil {
			cl.ClusterArn = optional(c.arn("elasticmapreduce", "cluster/"+aws.ToString(cl.Id)))
		}
		if cl.Status == nil {
			cl.Status = &emrtypes.ClusterStatus{State: emrtypes.ClusterStateWaiting}
		}
		out = append(out, cl)
	}
	return out
}

func emrClusterOf(c *call) (*emrCluster, error) {
	id := c.param("ClusterId")
	for _, cl := range emrClusters(c) {
		if id == aws.ToString(cl.Id) {
			return &cl, nil
		}
	}
	return nil, badRequest("InvalidRequestException", "Cluster id '%s' is not valid.", id)
}

func emrStateIn(s emrtypes.ClusterState, in []emrtypes.ClusterState) bool {
	for _, x := range in {
		if x == s {
			return true
		}
	}
	return false
}

func emrGroupIn(g emrtypes.InstanceGroupType, in []emrtypes.InstanceGroupType) bool {
	for _, x := range in {
		if x == g {
			return true
		}
	}
	return false
}
