package cloudformation

import (
	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

// Secrets in configuration are found by internal/secretscan, the scanner
// the live collectors call, so a setting gives the same secrets_found
// whichever source read it. A value not known from the template alone
// (a parameter without default, an attribute of another resource) may
// hold a secret or not: when nothing known holds one, secrets_found is
// unknown; a secret in a known value fails whatever the rest holds.

// secretProps are the properties, by type, whose values are scanned and
// never kept in Raw: Raw keeps "(redacted)" in their place.
var secretProps = map[string][][]string{
	"AWS::EC2::Instance":                    {{"UserData"}},
	"AWS::EC2::LaunchTemplate":              {{"LaunchTemplateData", "UserData"}},
	"AWS::AutoScaling::LaunchConfiguration": {{"UserData"}},
	"AWS::Lambda::Function":                 {{"Environment", "Variables", "*"}},
	"AWS::SSM::Parameter":                   {{"Value"}},
	"AWS::CloudFormation::Stack":            {{"Parameters", "*"}},
	"AWS::CodeBuild::Project":               {{"Environment", "EnvironmentVariables"}, {"Source", "Location"}, {"SecondarySources"}},
	"AWS::CodeBuild::SourceCredential":      {{"Token"}, {"Username"}},
	"AWS::Glue::Job":                        {{"DefaultArguments"}},
	"AWS::DMS::Endpoint":                    {{"Password"}},
}

// redactSecrets returns props with the values of secretProps replaced,
// copying only the maps on the way (props itself is left as it is, for
// the mappers to scan).
func redactSecrets(typ string, props map[string]any) map[string]any {
	for _, path := range secretProps[typ] {
		props = redactPath(props, path)
	}
	return props
}

func redactPath(m map[string]any, path []string) map[string]any {
	if len(path) == 0 || m == nil {
		return m
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for k, v := range m {
		if path[0] != "*" && k != path[0] {
			continue
		}
		if len(path) == 1 {
			out[k] = "(redacted)"
			continue
		}
		if sub, ok := v.(map[string]any); ok {
			out[k] = redactPath(sub, path[1:])
		} else if v != nil {
			out[k] = "(redacted)"
		}
	}
	return out
}

// variableSecrets scans the name = value mapping at p (environment
// variables), locating each finding as "<what> NAME".
func (b *builder) variableSecrets(p, modelPath, what string) []model.SecretFinding {
	out := []model.SecretFinding{}
	v, ok := b.get(p)
	if !ok {
		return out
	}
	b.locate(p, modelPath)
	m, isMap := v.(map[string]any)
	if !isMap {
		if isUnknown(v) {
			b.target.MarkUnknown(modelPath)
		}
		return out
	}
	known, unknownSeen := secretscan.KnownValues(m)
	found, err := secretscan.Variables(what, known)
	if err != nil {
		b.target.MarkUnknown(modelPath)
		return out
	}
	if len(found) == 0 && unknownSeen {
		b.target.MarkUnknown(modelPath)
	}
	return found
}

// userDataSecrets scans the user data at p: the text inside Fn::Base64
// (resolved to the plain text) or a literal base64 value.
func (b *builder) userDataSecrets(p, modelPath string) []model.SecretFinding {
	v, ok := b.get(p)
	if !ok {
		return []model.SecretFinding{}
	}
	b.locate(p, modelPath)
	s, isString := v.(string)
	if !isString {
		b.target.MarkUnknown(modelPath)
		return []model.SecretFinding{}
	}
	found, err := secretscan.UserDataAny(s)
	if err != nil {
		b.target.MarkUnknown(modelPath)
		return []model.SecretFinding{}
	}
	return found
}
