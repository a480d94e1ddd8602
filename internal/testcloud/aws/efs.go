package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"
)

// efsWorld is EFS in one region: DescribeFileSystems's file systems
// (FileSystemArn and OwnerId are filled in when absent).
type efsWorld struct {
	FileSystems []efstypes.FileSystemDescription `json:"file_systems"`
	// Policies and BackupPolicies are by file system id: the policy
	// document, and the backup policy's status (none: PolicyNotFound).
	Policies       map[string]string `json:"policies"`
	BackupPolicies map[string]string `json:"backup_policies"`
}

// DescribeFileSystems pages 100 file systems, also when asked for more.
const efsPageSize = 100

func init() {
	register(&service{name: "efs", signing: "elasticfilesystem", protocol: protoRESTJSON,
		newWorld: func() any { return &efsWorld{} },
		routes: []route{
			{method: "GET", pattern: "/2015-02-01/file-systems", op: "DescribeFileSystems"},
			{method: "GET", pattern: "/2015-02-01/file-systems/{FileSystemId}/policy", op: "DescribeFileSystemPolicy"},
			{method: "GET", pattern: "/2015-02-01/file-systems/{FileSystemId}/backup-policy", op: "DescribeBackupPolicy"},
		},
		ops: map[string]op{
			"DescribeFileSystems": func(c *call) (any, error) {
				id, token := c.param("FileSystemId"), c.param("CreationToken")
				list := []efstypes.FileSystemDescription{}
				for _, fs := range worldOf[efsWorld](c).FileSystems {
					if fs.FileSystemArn == nil && fs.FileSystemId != nil {
						fs.FileSystemArn = optional(c.arn("elasticfilesystem", "file-system/"+*fs.FileSystemId))
					}
					if fs.OwnerId == nil {
						fs.OwnerId = &c.account.ID
					}
					if id != "" && !efsIs(fs.FileSystemId, id) && !efsIs(fs.FileSystemArn, id) ||
						token != "" && !efsIs(fs.CreationToken, token) {
						continue
					}
					list = append(list, fs)
				}
				if id != "" && len(list) == 0 {
					return nil, notFound("FileSystemNotFound", "File system '%s' does not exist.", id)
				}
				items, next, err := page(list, c.param("Marker"), min(c.intParam("MaxItems", efsPageSize), efsPageSize))
				if err != nil {
					return nil, badRequest("BadRequest", "Invalid Marker.")
				}
				return &efs.DescribeFileSystemsOutput{FileSystems: items, Marker: optional(c.param("Marker")), NextMarker: optional(next)}, nil
			},
			"DescribeFileSystemPolicy": func(c *call) (any, error) {
				id, err := efsFileSystem(c)
				if err != nil {
					return nil, err
				}
				doc, ok := worldOf[efsWorld](c).Policies[id]
				if !ok {
					return nil, notFound("PolicyNotFound", "File System: %s does not have a policy.", id)
				}
				return &efs.DescribeFileSystemPolicyOutput{FileSystemId: &id, Policy: &doc}, nil
			},
			"DescribeBackupPolicy": func(c *call) (any, error) {
				id, err := efsFileSystem(c)
				if err != nil {
					return nil, err
				}
				status, ok := worldOf[efsWorld](c).BackupPolicies[id]
				if !ok {
					return nil, notFound("PolicyNotFound", "File System: %s does not have a backup policy.", id)
				}
				return &efs.DescribeBackupPolicyOutput{BackupPolicy: &efstypes.BackupPolicy{Status: efstypes.Status(status)}}, nil
			},
		}})
}

// efsFileSystem is the id of the path's file system (given by id), or
// FileSystemNotFound.
func efsFileSystem(c *call) (string, error) {
	id := c.param("FileSystemId")
	for _, fs := range worldOf[efsWorld](c).FileSystems {
		if efsIs(fs.FileSystemId, id) {
			return id, nil
		}
	}
	return "", notFound("FileSystemNotFound", "File system '%s' does not exist.", id)
}

func efsIs(p *string, v string) bool { return p != nil && *p == v }
