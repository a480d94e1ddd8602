package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("efs", false, collectEFS) }

// collectEFS reads every file system's encryption into aws.efs.file_system.
func collectEFS(ctx context.Context, s *scope) {
	client := efs.NewFromConfig(s.Config())
	p := efs.NewDescribeFileSystemsPaginator(client, &efs.DescribeFileSystemsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeFileSystems", err)
			return
		}
		for _, fs := range page.FileSystems {
			a := &model.EFSFileSystem{Encrypted: aws.ToBool(fs.Encrypted), KMSKeyID: aws.ToString(fs.KmsKeyId)}
			var tags map[string]string
			tags = addTags(tags, fs.Tags, func(t efstypes.Tag) (*string, *string) { return t.Key, t.Value })
			// As the Terraform mapper names it: the Name tag, else the
			// creation token.
			name := aws.ToString(fs.Name)
			if name == "" {
				name = aws.ToString(fs.CreationToken)
			}
			var rels []model.Relation
			if a.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
			}
			id := aws.ToString(fs.FileSystemArn)
			if id == "" {
				id = "arn:" + svcPartition(s.region) + ":elasticfilesystem:" + s.region + ":" + s.account + ":file-system/" + aws.ToString(fs.FileSystemId)
			}
			s.add(id, model.KindEFSFileSystem.With(a), name, fs, tags, rels...)
		}
	}
}
