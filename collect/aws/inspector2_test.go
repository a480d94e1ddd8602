package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	i2types "github.com/aws/aws-sdk-go-v2/service/inspector2/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// Amazon Inspector with EC2 and ECR scanning on in us-east-1, never turned
// on in us-west-2.
func TestInspector2AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := inspector2.NewFromConfig(srv.Config(t, "us-east-1"))
	must := seeded(t)
	must(client.Enable(context.Background(), &inspector2.EnableInput{AccountIds: []string{"123456789012"},
		ResourceTypes: []i2types.ResourceScanType{i2types.ResourceScanTypeEc2, i2types.ResourceScanTypeEcr}}))
	res := collectMoto(t, srv, []string{"inspector2"}, "us-east-1", "us-west-2")
	noErrors(t, res)

	byRegion := map[string]*model.Inspector2AccountStatus{}
	for _, r := range res.Resources {
		if r.Kind == "aws.inspector2.account_status" {
			byRegion[r.Region] = r.Attributes.(*model.Inspector2AccountStatus)
		}
	}
	if a := byRegion["us-east-1"]; a == nil || !a.EC2Scanning || !a.ECRScanning || a.LambdaScanning || a.LambdaCodeScanning {
		t.Errorf("us-east-1: %+v", a)
	}
	if a := byRegion["us-west-2"]; a == nil || a.EC2Scanning || a.ECRScanning || a.LambdaScanning {
		t.Errorf("us-west-2: %+v", a)
	}
	fails := failing(t, res.Resources)
	east, west := fails["Amazon Inspector (us-east-1)"], fails["Amazon Inspector (us-west-2)"]
	if east["AWS-INSPECTOR-001"] || east["AWS-INSPECTOR-002"] || !east["AWS-INSPECTOR-003"] || !west["AWS-INSPECTOR-001"] {
		t.Errorf("verdicts: us-east-1 %v, us-west-2 %v", east, west)
	}
}
