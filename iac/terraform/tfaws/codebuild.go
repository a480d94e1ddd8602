package tfaws

import (
	"strconv"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

// CodeBuild: aws_codebuild_project becomes aws.codebuild.project,
// aws_codebuild_source_credential aws.codebuild.source_credential.
func init() {
	registerParent("aws_codebuild_project", model.KindCodeBuildProject, func(b *Builder) {
		a := model.KindCodeBuildProject.Must(b.R)
		b.NameFrom("name")
		a.PrivilegedMode = b.Bool("environment[0].privileged_mode", "privileged_mode", false)
		a.PlaintextVariableNames, a.SecretsFound = codeBuildVariables(b)
		// Provider (and AWS) defaults: CloudWatch Logs enabled, S3 logs
		// disabled, S3 logs and artifacts encrypted.
		a.CloudWatchLogs = b.String("logs_config[0].cloudwatch_logs[0].status", "cloudwatch_logs_enabled", "ENABLED") != "DISABLED"
		a.S3Logs = b.String("logs_config[0].s3_logs[0].status", "s3_logs_enabled", "DISABLED") == "ENABLED"
		a.S3LogsEncryptionOff = a.S3Logs && b.Bool("logs_config[0].s3_logs[0].encryption_disabled", "s3_logs_encryption_disabled", false)
		a.SourceURLCredentials = []string{}
		codeBuildSourceURL(b, "source[0].location", "primary", a)
		for i := range b.Blocks("secondary_sources") {
			p := "secondary_sources[" + strconv.Itoa(i) + "]"
			codeBuildSourceURL(b, p+".location", b.String(p+".source_identifier", "", ""), a)
		}
		a.UnencryptedArtifacts = []string{}
		if b.String("artifacts[0].type", "", "") != "NO_ARTIFACTS" && b.Bool("artifacts[0].encryption_disabled", "unencrypted_artifacts", false) {
			a.UnencryptedArtifacts = append(a.UnencryptedArtifacts, "primary")
		}
		for i := range b.Blocks("secondary_artifacts") {
			p := "secondary_artifacts[" + strconv.Itoa(i) + "]"
			if b.String(p+".type", "", "") != "NO_ARTIFACTS" && b.Bool(p+".encryption_disabled", "unencrypted_artifacts", false) {
				a.UnencryptedArtifacts = append(a.UnencryptedArtifacts, b.String(p+".artifact_identifier", "", ""))
			}
		}
	})
	registerParent("aws_codebuild_source_credential", model.KindCodeBuildSourceCredential, func(b *Builder) {
		a := model.KindCodeBuildSourceCredential.Must(b.R)
		a.ServerType = b.String("server_type", "server_type", "")
		a.AuthType = b.String("auth_type", "auth_type", "")
	})
}

// codeBuildVariables reads the names of the PLAINTEXT environment
// variables (type absent means PLAINTEXT) and scans their values.
func codeBuildVariables(b *Builder) ([]string, []model.SecretFinding) {
	names, found := []string{}, []model.SecretFinding{}
	const list = "environment[0].environment_variable"
	if v, ok := b.Lookup(list); ok {
		b.locate(list, "secrets_found")
		if instance.IsUnknown(v) {
			b.Target().MarkUnknown("plaintext_variable_names")
			b.Target().MarkUnknown("secrets_found")
			return names, found
		}
	}
	values := map[string]any{}
	for _, blk := range b.Blocks(list) {
		typ, name := blk["type"], blk["name"]
		n, nameOK := name.(string)
		if instance.IsUnknown(typ) || !nameOK {
			b.Target().MarkUnknown("plaintext_variable_names")
			b.Target().MarkUnknown("secrets_found")
			continue
		}
		if t, ok := typ.(string); ok && t != "" && t != "PLAINTEXT" {
			continue // PARAMETER_STORE, SECRETS_MANAGER: references
		}
		names = append(names, n)
		if v, ok := blk["value"]; ok {
			values[n] = v
		}
	}
	known, unknown := secretscan.KnownValues(values)
	scanned, err := secretscan.Variables("environment variable", known)
	if err != nil {
		b.Target().MarkUnknown("secrets_found")
		return names, found
	}
	if len(scanned) == 0 && unknown {
		b.Target().MarkUnknown("secrets_found")
	}
	return names, scanned
}

// codeBuildSourceURL adds id to the sources with credentials in their
// location when the location at tfPath holds them.
func codeBuildSourceURL(b *Builder, tfPath, id string, a *model.CodeBuildProject) {
	loc := b.String(tfPath, "source_url_credentials", "")
	has, err := secretscan.URLCredentials(loc)
	if err != nil {
		b.Target().MarkUnknown("source_url_credentials")
		return
	}
	if has {
		a.SourceURLCredentials = append(a.SourceURLCredentials, id)
	}
}
