package model

// Kinds of this service.
var (
	KindInspector2AccountStatus = NewKind[Inspector2AccountStatus]("aws.inspector2.account_status", "Amazon Inspector scanning status of an account in one region")
)

// Inspector2AccountStatus is kind aws.inspector2.account_status. A scan
// type counts as enabled only in status ENABLED (not ENABLING, DISABLING,
// SUSPENDED ...).
type Inspector2AccountStatus struct {
	EC2Scanning        bool `json:"ec2_scanning" doc:"EC2 instances scanned for software vulnerabilities and network reachability"`
	ECRScanning        bool `json:"ecr_scanning" doc:"ECR container images scanned"`
	LambdaScanning     bool `json:"lambda_scanning" doc:"Lambda functions' packages scanned (standard scanning)"`
	LambdaCodeScanning bool `json:"lambda_code_scanning" doc:"Lambda functions' own code scanned"`
}
