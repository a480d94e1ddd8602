package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("efs", false, collectEFS) }

// collectEFS reads every file system's encryption (DescribeFileSystems),
// policy (DescribeFileSystemPolicy) and automatic backups
// (DescribeBackupPolicy) into aws.efs.file_system.
func collectEFS(ctx context.Context, s *scope) {
	client := efs.NewFromConfig(s.Config())
	p := efs.NewDescribeFileSystemsPaginator(client, &efs.DescribeFileSystemsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeFileSystems", err)
			return
		}
		forEach(s, page.FileSystems, func(fs efstypes.FileSystemDescription) {
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
			raw := map[string]any{"FileSystem": fs}
			rd := s.reads(id)
			// Neither policy set answers PolicyNotFound.
			rd.call("DescribeFileSystemPolicy", []string{"policy"}, func() error {
				out, err := client.DescribeFileSystemPolicy(ctx, &efs.DescribeFileSystemPolicyInput{FileSystemId: fs.FileSystemId})
				if awsCodeIn(err, "PolicyNotFound") {
					return nil
				}
				if err != nil {
					return err
				}
				return keepPolicy(raw, "Policy", out.Policy, &a.Policy)
			})
			rd.call("DescribeBackupPolicy", []string{"automatic_backups"}, func() error {
				out, err := client.DescribeBackupPolicy(ctx, &efs.DescribeBackupPolicyInput{FileSystemId: fs.FileSystemId})
				if awsCodeIn(err, "PolicyNotFound") {
					return nil
				}
				if err != nil {
					return err
				}
				if bp := out.BackupPolicy; bp != nil {
					raw["BackupPolicy"] = bp
					a.AutomaticBackups = bp.Status == efstypes.StatusEnabled || bp.Status == efstypes.StatusEnabling
				}
				return nil
			})
			rd.add(model.KindEFSFileSystem.With(a), name, raw, tags, rels...)
		})
	}
}
