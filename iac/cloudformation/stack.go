package cloudformation

import "github.com/vigil-sec/vigil/model"

// AWS::CloudFormation::Stack (a nested stack): its parameter values are
// scanned for secrets as the live collector scans a stack's, and Raw keeps
// "(redacted)" in their place. Outputs exist only once it is deployed, so
// they are unknown here.
func init() {
	parent("AWS::CloudFormation::Stack", model.KindCloudFormationStack, func(b *builder) {
		a := model.KindCloudFormationStack.Must(b.target)
		a.Name = b.r.Name
		a.SecretsInParameters = b.variableSecrets("Parameters", "secrets_in_parameters", "parameter")
		a.SecretsInOutputs = []model.SecretFinding{}
		b.target.MarkUnknown("secrets_in_outputs")
	})
}
