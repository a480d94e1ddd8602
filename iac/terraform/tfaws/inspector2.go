package tfaws

import (
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// Amazon Inspector: aws_inspector2_enabler becomes
// aws.inspector2.account_status; the resource types it lists are the
// scan types it turns on (and it turns off those it stops listing).
func init() {
	registerParent("aws_inspector2_enabler", model.KindInspector2AccountStatus, func(b *Builder) {
		a := model.KindInspector2AccountStatus.Must(b.R)
		b.R.Name = "Amazon Inspector enabler"
		paths := []string{"ec2_scanning", "ecr_scanning", "lambda_scanning", "lambda_code_scanning"}
		on := map[string]bool{}
		unknown := false
		if v, ok := b.Lookup("resource_types"); ok {
			l, _ := v.([]any)
			unknown = instance.IsUnknown(v)
			for _, e := range l {
				unknown = unknown || instance.IsUnknown(e)
				if s, ok := e.(string); ok {
					on[s] = true
				}
			}
		}
		for _, p := range paths {
			b.locate("resource_types", p)
			if unknown {
				b.R.MarkUnknown(p)
			}
		}
		a.EC2Scanning, a.ECRScanning, a.LambdaScanning, a.LambdaCodeScanning = on["EC2"], on["ECR"], on["LAMBDA"], on["LAMBDA_CODE"]
	})
}
