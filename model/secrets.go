package model

// SecretFinding is one secret found in a setting that should not hold one
// (user data, environment variables, stack parameters). It names the kind
// of secret and where it is, never the value: attributes, raw payloads,
// stored versions and reports all carry only this.
type SecretFinding struct {
	Kind     string `json:"kind" doc:"the detection rule that matched, e.g. aws-access-token, private-key, generic-api-key"`
	Location string `json:"location" doc:"where the secret is, e.g. \"environment variable DB_PASSWORD\" or \"user data line 3\""`
}
