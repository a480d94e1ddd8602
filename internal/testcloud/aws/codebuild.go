package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	cbtypes "github.com/aws/aws-sdk-go-v2/service/codebuild/types"
)

// codeBuildWorld is CodeBuild in one region: BatchGetProjects's projects
// (the ARN is filled in when absent) and ListSourceCredentials's
// credentials.
type codeBuildWorld struct {
	Projects          []cbtypes.Project               `json:"projects"`
	SourceCredentials []cbtypes.SourceCredentialsInfo `json:"source_credentials"`
}

// ListProjects answers up to 100 names a page; BatchGetProjects takes at
// most 100.
const codeBuildPageSize = 100

func init() {
	register(&service{name: "codebuild", signing: "codebuild", protocol: protoJSON11,
		names:    names{camel: true},
		newWorld: func() any { return &codeBuildWorld{} },
		ops: map[string]op{
			"ListProjects": func(c *call) (any, error) {
				var list []string
				for _, p := range codeBuildProjects(c) {
					list = append(list, aws.ToString(p.Name))
				}
				items, next, err := page(list, c.param("nextToken"), codeBuildPageSize)
				if err != nil {
					return nil, badRequest("InvalidInputException", "Invalid pagination token")
				}
				return &codebuild.ListProjectsOutput{Projects: append([]string{}, items...), NextToken: optional(next)}, nil
			},
			"BatchGetProjects": func(c *call) (any, error) {
				var in codebuild.BatchGetProjectsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if len(in.Names) == 0 || len(in.Names) > codeBuildPageSize {
					return nil, badRequest("InvalidInputException", "names must hold 1 to %d items", codeBuildPageSize)
				}
				out := &codebuild.BatchGetProjectsOutput{Projects: []cbtypes.Project{}, ProjectsNotFound: []string{}}
				for _, n := range in.Names {
					found := false
					for _, p := range codeBuildProjects(c) {
						if n == aws.ToString(p.Name) || n == aws.ToString(p.Arn) {
							out.Projects = append(out.Projects, p)
							found = true
							break
						}
					}
					if !found {
						out.ProjectsNotFound = append(out.ProjectsNotFound, n)
					}
				}
				return out, nil
			},
			"ListSourceCredentials": func(c *call) (any, error) {
				return &codebuild.ListSourceCredentialsOutput{SourceCredentialsInfos: append([]cbtypes.SourceCredentialsInfo{}, worldOf[codeBuildWorld](c).SourceCredentials...)}, nil
			},
		}})
}

// codeBuildProjects are the region's projects with their ARNs.
func codeBuildProjects(c *call) []cbtypes.Project {
	var out []cbtypes.Project
	for _, p := range worldOf[codeBuildWorld](c).Projects {
		if p.Arn == nil {
			p.Arn = optional(c.arn("codebuild", "project/"+aws.ToString(p.Name)))
		}
		out = append(out, p)
	}
	return out
}
