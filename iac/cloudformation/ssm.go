package cloudformation

import (
	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

// AWS::SSM::Parameter: CloudFormation creates String and StringList
// parameters only (not SecureString). The value is scanned for secrets as
// the live collector scans it; Raw keeps "(redacted)" in its place.
func init() {
	parent("AWS::SSM::Parameter", model.KindSSMParameter, func(b *builder) {
		a := model.KindSSMParameter.Must(b.target)
		a.Name = b.nameProp("Name")
		a.Type = b.str("Type", "type", "")
		a.SecretsFound = []model.SecretFinding{}
		v, ok := b.get("Value")
		if !ok {
			return
		}
		b.locate("Value", "secrets_found")
		s, isString := v.(string)
		if !isString {
			b.target.MarkUnknown("secrets_found")
			return
		}
		found, err := secretscan.Value("value", a.Name, s)
		if err != nil {
			b.target.MarkUnknown("secrets_found")
			return
		}
		a.SecretsFound = found
	})
}
