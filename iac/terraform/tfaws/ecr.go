package tfaws

import "github.com/vigil-sec/vigil/model"

// ECR repositories, joined with aws_ecr_repository_policy.
func init() {
	registerParent("aws_ecr_repository", model.KindECRRepository, func(b *Builder) {
		a := model.KindECRRepository.Must(b.R)
		a.Name = b.NameFrom("name")
		a.ScanOnPush = b.Bool("image_scanning_configuration[0].scan_on_push", "scan_on_push", false)
		a.ImageTagMutability = b.String("image_tag_mutability", "image_tag_mutability", "MUTABLE")
		a.EncryptionType = b.String("encryption_configuration[0].encryption_type", "encryption_type", "AES256")
	})
	registerChild("aws_ecr_repository_policy", "repository", []string{"aws_ecr_repository"}, func(p *Builder, c *Child) {
		model.KindECRRepository.Must(p.R).Policy = c.Policy("policy", "policy")
	})
	registerChild("aws_ecr_lifecycle_policy", "repository", []string{"aws_ecr_repository"}, func(p *Builder, c *Child) {
		model.KindECRRepository.Must(p.R).LifecyclePolicy = c.Has("policy")
		locateBlock(c, "lifecycle_policy")
	})
}
