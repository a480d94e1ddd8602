package cloudformation

import (
	"strconv"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::CodeBuild::Project", model.KindCodeBuildProject, func(b *builder) {
		a := model.KindCodeBuildProject.Must(b.target)
		b.nameProp("Name")
		a.PrivilegedMode = b.boolean("Environment.PrivilegedMode", "privileged_mode", false)
		a.PlaintextVariableNames, a.SecretsFound = b.codeBuildVariables()
		// CloudWatch Logs on unless disabled; S3 logs off unless enabled.
		a.CloudWatchLogs = b.str("LogsConfig.CloudWatchLogs.Status", "cloudwatch_logs_enabled", "ENABLED") != "DISABLED"
		a.S3Logs = b.str("LogsConfig.S3Logs.Status", "s3_logs_enabled", "DISABLED") == "ENABLED"
		a.S3LogsEncryptionOff = a.S3Logs && b.boolean("LogsConfig.S3Logs.EncryptionDisabled", "s3_logs_encryption_disabled", false)
		a.SourceURLCredentials = []string{}
		b.codeBuildSourceURL("Source", "primary", a)
		for i := range b.count("SecondarySources", "source_url_credentials") {
			p := "SecondarySources[" + strconv.Itoa(i) + "]"
			b.codeBuildSourceURL(p, b.str(p+".SourceIdentifier", "", ""), a)
		}
		a.UnencryptedArtifacts = []string{}
		if b.str("Artifacts.Type", "", "") != "NO_ARTIFACTS" && b.boolean("Artifacts.EncryptionDisabled", "unencrypted_artifacts", false) {
			a.UnencryptedArtifacts = append(a.UnencryptedArtifacts, "primary")
		}
		for i := range b.count("SecondaryArtifacts", "unencrypted_artifacts") {
			p := "SecondaryArtifacts[" + strconv.Itoa(i) + "]"
			if b.str(p+".Type", "", "") != "NO_ARTIFACTS" && b.boolean(p+".EncryptionDisabled", "unencrypted_artifacts", false) {
				a.UnencryptedArtifacts = append(a.UnencryptedArtifacts, b.str(p+".ArtifactIdentifier", "", ""))
			}
		}
	})
	parent("AWS::CodeBuild::SourceCredential", model.KindCodeBuildSourceCredential, func(b *builder) {
		a := model.KindCodeBuildSourceCredential.Must(b.target)
		a.ServerType = b.str("ServerType", "server_type", "")
		a.AuthType = b.str("AuthType", "auth_type", "")
	})
}

// codeBuildVariables reads the names of the PLAINTEXT environment
// variables (Type absent means PLAINTEXT) and scans their values.
func (b *builder) codeBuildVariables() ([]string, []model.SecretFinding) {
	names, found := []string{}, []model.SecretFinding{}
	const list = "Environment.EnvironmentVariables"
	if v, ok := b.get(list); ok {
		b.locate(list, "secrets_found")
		if isUnknown(v) {
			b.target.MarkUnknown("plaintext_variable_names")
			b.target.MarkUnknown("secrets_found")
			return names, found
		}
	}
	values := map[string]any{}
	for i := range b.count(list, "plaintext_variable_names") {
		p := list + "[" + strconv.Itoa(i) + "]"
		typ, typeOK := b.val(p+".Type", "")
		name, nameOK := b.val(p+".Name", "")
		if !typeOK && b.has(p+".Type") || !nameOK {
			// A type or name not known from the template alone.
			b.target.MarkUnknown("plaintext_variable_names")
			b.target.MarkUnknown("secrets_found")
			continue
		}
		if t, _ := scalarString(typ); typeOK && t != "PLAINTEXT" {
			continue // PARAMETER_STORE, SECRETS_MANAGER: references
		}
		n, _ := scalarString(name)
		names = append(names, n)
		if v, ok := b.get(p + ".Value"); ok {
			values[n] = v
		}
	}
	known, unknownSeen := secretscan.KnownValues(values)
	scanned, err := secretscan.Variables("environment variable", known)
	if err != nil {
		b.target.MarkUnknown("secrets_found")
		return names, found
	}
	if len(scanned) == 0 && unknownSeen {
		b.target.MarkUnknown("secrets_found")
	}
	return names, scanned
}

// codeBuildSourceURL adds id to the sources with credentials in their
// location when the location at p holds them.
func (b *builder) codeBuildSourceURL(p, id string, a *model.CodeBuildProject) {
	v, ok := b.val(p+".Location", "source_url_credentials")
	if !ok {
		return
	}
	s, _ := scalarString(v)
	has, err := secretscan.URLCredentials(s)
	if err != nil {
		b.target.MarkUnknown("source_url_credentials")
		return
	}
	if has {
		a.SourceURLCredentials = append(a.SourceURLCredentials, id)
	}
}
