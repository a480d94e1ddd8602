package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::ECR::Repository", model.KindECRRepository, func(b *builder) {
		a := model.KindECRRepository.Must(b.target)
		a.Name = b.nameProp("RepositoryName")
		a.ScanOnPush = b.boolean("ImageScanningConfiguration.ScanOnPush", "scan_on_push", false)
		a.ImageTagMutability = b.str("ImageTagMutability", "image_tag_mutability", "MUTABLE")
		a.EncryptionType = b.str("EncryptionConfiguration.EncryptionType", "encryption_type", "AES256")
		if k := b.str("EncryptionConfiguration.KmsKey", "", ""); k != "" {
			b.relate(model.RelEncryptedBy, k)
		}
		a.Policy = b.policy("RepositoryPolicyText", "policy")
		a.LifecyclePolicy = b.has("LifecyclePolicy.LifecyclePolicyText")
		if a.LifecyclePolicy {
			b.locate("LifecyclePolicy", "lifecycle_policy")
		}
	})
}
