package tfaws

import "github.com/vigil-sec/vigil/model"

// CloudFormation: aws_cloudformation_stack. Parameter values are scanned
// for secrets as the live collector scans them; outputs exist only once
// the stack is deployed, so they are unknown here.
func init() {
	registerParent("aws_cloudformation_stack", model.KindCloudFormationStack, func(b *Builder) {
		a := model.KindCloudFormationStack.Must(b.R)
		a.Name = b.NameFrom("name")
		a.SecretsInParameters = variableSecrets(b, "parameters", "secrets_in_parameters", "parameter")
		a.SecretsInOutputs = []model.SecretFinding{}
		b.Target().MarkUnknown("secrets_in_outputs")
	})
}
