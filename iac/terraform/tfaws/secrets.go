package tfaws

import (
	"regexp"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

// Secrets in configuration are found by internal/secretscan, the scanner
// the live collectors call, so a setting gives the same secrets_found
// whichever source read it. Only the findings are kept (a Terraform
// resource has no Raw); the values stay in the configuration.
//
// A value not known before apply (a variable, another resource's
// attribute, a function of them) may hold a secret or not: when nothing
// known holds one, secrets_found is unknown, so it neither passes nor
// fails; a secret found in a known value fails whatever the rest holds.

// variableSecrets scans the name = value map at tfPath (environment
// variables), locating each finding as "<what> NAME".
func variableSecrets(b *Builder, tfPath, modelPath, what string) []model.SecretFinding {
	out := []model.SecretFinding{}
	v, ok := b.Lookup(tfPath)
	if !ok {
		return out
	}
	b.locate(tfPath, modelPath)
	m, isMap := v.(map[string]any)
	if !isMap {
		if instance.IsUnknown(v) {
			b.Target().MarkUnknown(modelPath)
		}
		return out
	}
	known, unknown := secretscan.KnownValues(m)
	found, err := secretscan.Variables(what, known)
	if err != nil {
		b.Target().MarkUnknown(modelPath)
		return out
	}
	if len(found) == 0 && unknown {
		b.Target().MarkUnknown(modelPath)
	}
	return found
}

// userDataSecrets scans the user data at the first of tfPaths that is
// set: plain or already-base64 text (user_data), or base64 of possibly
// gzip-compressed text (user_data_base64, a launch template's user_data).
func userDataSecrets(b *Builder, modelPath string, tfPaths ...string) []model.SecretFinding {
	for _, p := range tfPaths {
		v, ok := b.Lookup(p)
		if !ok {
			continue
		}
		b.locate(p, modelPath)
		s, isString := v.(string)
		if !isString {
			b.Target().MarkUnknown(modelPath)
			return []model.SecretFinding{}
		}
		if p == "user_data" && sha1Hex.MatchString(s) {
			// A plan's aws_instance.user_data is the SHA-1 of the text
			// (the provider's state function), not the text.
			b.Target().MarkUnknown(modelPath)
			return []model.SecretFinding{}
		}
		found, err := secretscan.UserDataAny(s)
		if err != nil {
			b.Target().MarkUnknown(modelPath)
			return []model.SecretFinding{}
		}
		return found
	}
	return []model.SecretFinding{}
}

var sha1Hex = regexp.MustCompile(`^[0-9a-f]{40}$`)
