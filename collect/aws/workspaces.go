package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/workspaces"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("workspaces", false, collectWorkSpaces) }

// collectWorkSpaces reads every WorkSpace (DescribeWorkspaces) into
// aws.workspaces.workspace.
func collectWorkSpaces(ctx context.Context, s *scope) {
	client := workspaces.NewFromConfig(s.Config())
	p := workspaces.NewDescribeWorkspacesPaginator(client, &workspaces.DescribeWorkspacesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeWorkspaces", err)
			return
		}
		for _, w := range page.Workspaces {
			id := aws.ToString(w.WorkspaceId)
			a := &model.WorkSpacesWorkspace{UserName: aws.ToString(w.UserName),
				RootVolumeEncryptionEnabled: aws.ToBool(w.RootVolumeEncryptionEnabled), UserVolumeEncryptionEnabled: aws.ToBool(w.UserVolumeEncryptionEnabled)}
			var rels []model.Relation
			if k := aws.ToString(w.VolumeEncryptionKey); k != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
			}
			s.add("arn:"+svcPartition(s.region)+":workspaces:"+s.region+":"+s.account+":workspace/"+id, model.KindWorkSpacesWorkspace.With(a), id, w, nil, rels...)
		}
	}
}
