package tfaws

import (
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

// SSM Parameter Store: aws_ssm_parameter. The value (value, or
// insecure_value) of a String or StringList parameter is scanned for
// secrets as the live collector scans it, and kept nowhere; a
// SecureString's is not scanned (it is where secrets belong).
func init() {
	registerParent("aws_ssm_parameter", model.KindSSMParameter, func(b *Builder) {
		a := model.KindSSMParameter.Must(b.R)
		a.Name = b.NameFrom("name")
		a.Type = b.String("type", "type", "")
		a.KeyID = b.String("key_id", "key_id", "")
		a.SecretsFound = []model.SecretFinding{}
		if a.Type == model.SSMSecureString || b.Target().IsUnknown("type") {
			if b.Target().IsUnknown("type") {
				b.Target().MarkUnknown("secrets_found")
			}
			return
		}
		for _, p := range []string{"value", "insecure_value"} {
			v, ok := b.Lookup(p)
			if !ok {
				continue
			}
			b.locate(p, "secrets_found")
			s, isString := v.(string)
			if !isString || instance.IsUnknown(v) {
				b.Target().MarkUnknown("secrets_found")
				return
			}
			found, err := secretscan.Value("value", a.Name, s)
			if err != nil {
				b.Target().MarkUnknown("secrets_found")
				return
			}
			a.SecretsFound = found
			return
		}
	})
}
