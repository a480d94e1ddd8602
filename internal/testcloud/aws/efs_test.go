package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/vigil-sec/vigil/model"
)

func TestEFSDescribeFileSystems(t *testing.T) {
	w := fragmentWorld(t, "efs")
	fw := w.Account(fragmentAccount).worldOf("efs", "us-east-1").(*efsWorld)
	cfg, _ := testCloud(t, w)
	client := efs.NewFromConfig(cfg)
	ctx := context.Background()

	out, err := client.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeFileSystems", out.FileSystems, fw.FileSystems)
	if out.NextMarker != nil {
		t.Errorf("one page, yet a NextMarker")
	}
	// By id, by ARN and by creation token.
	for _, in := range []*efs.DescribeFileSystemsInput{
		{FileSystemId: fw.FileSystems[1].FileSystemId},
		{FileSystemId: fw.FileSystems[1].FileSystemArn},
		{CreationToken: aws.String("media-archive")},
	} {
		one, err := client.DescribeFileSystems(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribeFileSystems one", one.FileSystems, fw.FileSystems[1:])
	}
	_, err = client.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{FileSystemId: aws.String("fs-00000000000000000")})
	var nf *efstypes.FileSystemNotFound
	if code := apiCode(err); code != "FileSystemNotFound" || !errors.As(err, &nf) {
		t.Errorf("a missing file system: %q %v", code, err)
	}
}

// DescribeFileSystems pages 100 by default, MaxItems when fewer, and never
// more than 100; file systems without an ARN or owner get theirs.
func TestEFSDescribeFileSystemsPages(t *testing.T) {
	w := fragmentWorld(t, "efs")
	big := &efsWorld{}
	for i := range 205 {
		big.FileSystems = append(big.FileSystems, efstypes.FileSystemDescription{
			FileSystemId: aws.String(fmt.Sprintf("fs-%017x", i)), CreationToken: aws.String(fmt.Sprintf("t%d", i)),
			LifeCycleState: efstypes.LifeCycleStateAvailable, PerformanceMode: efstypes.PerformanceModeGeneralPurpose})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "efs", big)
	cfg, _ := testCloud(t, w)
	client := efs.NewFromConfig(cfg, func(o *efs.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		max   int32
		pages []int
	}{{0, []int{100, 100, 5}}, {500, []int{100, 100, 5}}, {90, []int{90, 90, 25}}} {
		in := &efs.DescribeFileSystemsInput{}
		if tc.max > 0 {
			in.MaxItems = aws.Int32(tc.max)
		}
		p := efs.NewDescribeFileSystemsPaginator(client, in)
		var sizes []int
		var last efstypes.FileSystemDescription
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.FileSystems))
			last = page.FileSystems[len(page.FileSystems)-1]
		}
		if fmt.Sprint(sizes) != fmt.Sprint(tc.pages) || aws.ToString(last.OwnerId) != "111111111111" ||
			aws.ToString(last.FileSystemArn) != "arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-000000000000000cc" {
			t.Errorf("MaxItems %d: pages %v, last %s %s", tc.max, sizes, aws.ToString(last.FileSystemArn), aws.ToString(last.OwnerId))
		}
	}
}

// The collector reads the scratch file system as unencrypted and the
// archive as encrypted with its key, named by its creation token.
func TestEFSCollect(t *testing.T) {
	res, srv := collect(t, fragmentWorld(t, "efs"), "efs")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	fss := byKind(res.Resources)["aws.efs.file_system"]
	scratch, archive := fss["shared-scratch"], fss["media-archive"]
	if scratch == nil || archive == nil {
		t.Fatalf("file systems: %v", fss)
	}
	if a := scratch.Attributes.(*model.EFSFileSystem); a.Encrypted || a.KMSKeyID != "" || scratch.Tags["team"] != "research" ||
		scratch.ID != "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0a1b2c3d4e5f60718" {
		t.Errorf("shared-scratch: %+v %+v", scratch, a)
	}
	if a := archive.Attributes.(*model.EFSFileSystem); !a.Encrypted || a.KMSKeyID != "arn:aws:kms:us-east-1:111111111111:key/2e4a6c8e-0b1d-4f3a-9c5e-7a9b1c3d5e7f" {
		t.Errorf("media-archive: %+v", a)
	}
	// Policies and backup policies; none set answers PolicyNotFound.
	if a := scratch.Attributes.(*model.EFSFileSystem); a.AutomaticBackups || a.Policy == nil || a.Policy.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("shared-scratch policy and backups: %+v", a)
	}
	if a := archive.Attributes.(*model.EFSFileSystem); !a.AutomaticBackups || a.Policy == nil ||
		a.Policy.Statements[0].Principals["AWS"][0] != "arn:aws:iam::111111111111:role/media-encoder" {
		t.Errorf("media-archive policy and backups: %+v", a)
	}
}
