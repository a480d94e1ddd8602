package model

// Kinds of this service.
var (
	KindECRRepository = NewKind[ECRRepository]("aws.ecr.repository", "ECR repository")
)

// ECRRepository is kind aws.ecr.repository.
type ECRRepository struct {
	Name               string          `json:"name"`
	ScanOnPush         bool            `json:"scan_on_push"`
	ImageTagMutability string          `json:"image_tag_mutability" doc:"MUTABLE or IMMUTABLE"`
	EncryptionType     string          `json:"encryption_type" doc:"AES256 or KMS"`
	Policy             *PolicyDocument `json:"policy"`
	// LifecyclePolicy: a lifecycle policy expires images by age or count.
	LifecyclePolicy bool `json:"lifecycle_policy" doc:"a lifecycle policy expires old or untagged images"`
}
