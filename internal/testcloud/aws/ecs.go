package aws

import (
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// ecsWorld is ECS in one region: task definitions (every revision, each
// ACTIVE unless its status says otherwise) and clusters with their
// services.
type ecsWorld struct {
	TaskDefinitions []ecsTaskDefinition `json:"taskDefinitions"`
	Clusters        []ecsCluster        `json:"clusters"`
}

// ecsTaskDefinition is a registered revision and its tags.
type ecsTaskDefinition struct {
	ecstypes.TaskDefinition
	Tags []ecstypes.Tag `json:"tags"`
}

// ecsCluster is a cluster as DescribeClusters shows it, and its services.
type ecsCluster struct {
	ecstypes.Cluster
	Services []ecstypes.Service `json:"services"`
}

// ECS's page sizes: ListTaskDefinitions and ListClusters 100 by default
// and at most; ListServices 10 by default, at most 100.
const ecsPage, ecsServicesPage = 100, 10

func init() {
	register(&service{name: "ecs", signing: "ecs", protocol: protoJSON11,
		names:    names{camel: true},
		newWorld: func() any { return &ecsWorld{} },
		ops: map[string]op{
			"ListTaskDefinitions": func(c *call) (any, error) {
				var in ecs.ListTaskDefinitionsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				status := in.Status
				if status == "" {
					status = ecstypes.TaskDefinitionStatusActive
				}
				var arns []string
				for _, td := range ecsTaskDefinitions(c) {
					if td.Status == status && (in.FamilyPrefix == nil || strings.HasPrefix(aws.ToString(td.Family), *in.FamilyPrefix)) {
						arns = append(arns, aws.ToString(td.TaskDefinitionArn))
					}
				}
				items, next, err := ecsPageOf(arns, in.NextToken, in.MaxResults, ecsPage)
				if err != nil {
					return nil, err
				}
				return &ecs.ListTaskDefinitionsOutput{TaskDefinitionArns: items, NextToken: optional(next)}, nil
			},
			"DescribeTaskDefinition": func(c *call) (any, error) {
				var in ecs.DescribeTaskDefinitionInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				td := ecsTaskDefinitionOf(c, aws.ToString(in.TaskDefinition))
				if td == nil {
					return nil, badRequest("ClientException", "Unable to describe task definition.")
				}
				out := &ecs.DescribeTaskDefinitionOutput{TaskDefinition: &td.TaskDefinition}
				for _, f := range in.Include {
					if f == ecstypes.TaskDefinitionFieldTags {
						out.Tags = append([]ecstypes.Tag{}, td.Tags...)
					}
				}
				return out, nil
			},
			"ListClusters": func(c *call) (any, error) {
				var in ecs.ListClustersInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var arns []string
				for _, cl := range ecsClusters(c) {
					arns = append(arns, aws.ToString(cl.ClusterArn))
				}
				items, next, err := ecsPageOf(arns, in.NextToken, in.MaxResults, ecsPage)
				if err != nil {
					return nil, err
				}
				return &ecs.ListClustersOutput{ClusterArns: items, NextToken: optional(next)}, nil
			},
			"DescribeClusters": func(c *call) (any, error) {
				var in ecs.DescribeClustersInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if len(in.Clusters) > 100 {
					return nil, badRequest("InvalidParameterException", "Clusters cannot have more than 100 elements")
				}
				names := in.Clusters
				if len(names) == 0 {
					names = []string{"default"}
				}
				out := &ecs.DescribeClustersOutput{Clusters: []ecstypes.Cluster{}, Failures: []ecstypes.Failure{}}
				for _, n := range names {
					cl := ecsClusterOf(c, n)
					if cl == nil {
						out.Failures = append(out.Failures, ecstypes.Failure{Arn: aws.String(c.arn("ecs", "cluster/"+n)), Reason: aws.String("MISSING")})
						continue
					}
					v := cl.Cluster
					var settings, tags bool
					for _, f := range in.Include {
						settings = settings || f == ecstypes.ClusterFieldSettings
						tags = tags || f == ecstypes.ClusterFieldTags
					}
					if !settings {
						v.Settings = nil
					}
					if !tags {
						v.Tags = nil
					}
					out.Clusters = append(out.Clusters, v)
				}
				return out, nil
			},
			"ListServices": func(c *call) (any, error) {
				var in ecs.ListServicesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				cl, err := ecsClusterNamed(c, in.Cluster)
				if err != nil {
					return nil, err
				}
				var arns []string
				for _, s := range cl.Services {
					arns = append(arns, aws.ToString(s.ServiceArn))
				}
				items, next, err := ecsPageOf(arns, in.NextToken, in.MaxResults, ecsServicesPage)
				if err != nil {
					return nil, err
				}
				return &ecs.ListServicesOutput{ServiceArns: items, NextToken: optional(next)}, nil
			},
			"DescribeServices": func(c *call) (any, error) {
				var in ecs.DescribeServicesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				cl, err := ecsClusterNamed(c, in.Cluster)
				if err != nil {
					return nil, err
				}
				if len(in.Services) == 0 || len(in.Services) > 10 {
					return nil, badRequest("InvalidParameterException", "Services cannot be empty and cannot have more than 10 elements")
				}
				tags := false
				for _, f := range in.Include {
					tags = tags || f == ecstypes.ServiceFieldTags
				}
				out := &ecs.DescribeServicesOutput{Services: []ecstypes.Service{}, Failures: []ecstypes.Failure{}}
				for _, n := range in.Services {
					found := false
					for _, s := range cl.Services {
						if n == aws.ToString(s.ServiceArn) || n == aws.ToString(s.ServiceName) {
							if !tags {
								s.Tags = nil
							}
							out.Services = append(out.Services, s)
							found = true
							break
						}
					}
					if !found {
						out.Failures = append(out.Failures, ecstypes.Failure{Arn: aws.String(n), Reason: aws.String("MISSING")})
					}
				}
				return out, nil
			},
		}})
}

// ecsPageOf pages a listing: size by default, at most 100.
func ecsPageOf(items []string, token *string, maxResults *int32, size int) ([]string, string, error) {
	if n := int(aws.ToInt32(maxResults)); n > 0 {
		if n > 100 {
			return nil, "", badRequest("InvalidParameterException", "maxResults must be between 1 and 100")
		}
		size = n
	}
	out, next, err := page(items, aws.ToString(token), size)
	if err != nil {
		return nil, "", badRequest("InvalidParameterException", "Invalid token")
	}
	if out == nil {
		out = []string{}
	}
	return out, next, nil
}

// ecsTaskDefinitions are the region's task definitions with their ARNs
// and AWS's defaults: ACTIVE, and revision 1 when none is given.
func ecsTaskDefinitions(c *call) []ecsTaskDefinition {
	var out []ecsTaskDefinition
	for _, td := range worldOf[ecsWorld](c).TaskDefinitions {
		if td.Revision == 0 {
			td.Revision = 1
		}
		if td.TaskDefinitionArn == nil {
			td.TaskDefinitionArn = aws.String(c.arn("ecs", "task-definition/"+aws.ToString(td.Family)+":"+strconv.Itoa(int(td.Revision))))
		}
		if td.Status == "" {
			td.Status = ecstypes.TaskDefinitionStatusActive
		}
		out = append(out, td)
	}
	return out
}

// ecsTaskDefinitionOf finds a task definition by ARN, family:revision, or
// family (its latest ACTIVE revision).
func ecsTaskDefinitionOf(c *call, name string) *ecsTaskDefinition {
	var best *ecsTaskDefinition
	for _, td := range ecsTaskDefinitions(c) {
		fr := aws.ToString(td.Family) + ":" + strconv.Itoa(int(td.Revision))
		if name == aws.ToString(td.TaskDefinitionArn) || name == fr {
			return &td
		}
		if name == aws.ToString(td.Family) && td.Status == ecstypes.TaskDefinitionStatusActive && (best == nil || td.Revision > best.Revision) {
			best = &td
		}
	}
	return best
}

// ecsClusters are the region's clusters with their ARNs, status and their
// services' ARNs filled in.
func ecsClusters(c *call) []ecsCluster {
	var out []ecsCluster
	for _, cl := range worldOf[ecsWorld](c).Clusters {
		name := aws.ToString(cl.ClusterName)
		if cl.ClusterArn == nil {
			cl.ClusterArn = aws.String(c.arn("ecs", "cluster/"+name))
		}
		if cl.Status == nil {
			cl.Status = aws.String("ACTIVE")
		}
		svcs := make([]ecstypes.Service, 0, len(cl.Services))
		for _, s := range cl.Services {
			if s.ServiceArn == nil {
				s.ServiceArn = aws.String(c.arn("ecs", "service/"+name+"/"+aws.ToString(s.ServiceName)))
			}
			s.ClusterArn = cl.ClusterArn
			if s.Status == nil {
				s.Status = aws.String("ACTIVE")
			}
			svcs = append(svcs, s)
		}
		cl.Services = svcs
		out = append(out, cl)
	}
	return out
}

// ecsClusterOf finds a cluster by name or ARN.
func ecsClusterOf(c *call, name string) *ecsCluster {
	for _, cl := range ecsClusters(c) {
		if name == aws.ToString(cl.ClusterName) || name == aws.ToString(cl.ClusterArn) {
			return &cl
		}
	}
	return nil
}

// ecsClusterNamed is the cluster a service call names ("default" when
// none), or ECS's ClusterNotFoundException.
func ecsClusterNamed(c *call, name *string) (*ecsCluster, error) {
	n := aws.ToString(name)
	if n == "" {
		n = "default"
	}
	if cl := ecsClusterOf(c, n); cl != nil {
		return cl, nil
	}
	return nil, badRequest("ClusterNotFoundException", "Cluster not found.")
}
