package model

// Kinds of this service.
var (
	KindCodeBuildProject          = NewKind[CodeBuildProject]("aws.codebuild.project", "CodeBuild build project")
	KindCodeBuildSourceCredential = NewKind[CodeBuildSourceCredential]("aws.codebuild.source_credential", "credential CodeBuild keeps for a source provider (GitHub, GitHub Enterprise, Bitbucket, GitLab)")
)

// CodeBuildProject is kind aws.codebuild.project. Environment variable
// values and source locations are never kept: what they hold is reduced
// to the findings below.
type CodeBuildProject struct {
	PrivilegedMode         bool            `json:"privileged_mode" doc:"the build container runs privileged (Docker daemon inside the build)"`
	PlaintextVariableNames []string        `json:"plaintext_variable_names" doc:"names of the environment variables of type PLAINTEXT (values are never kept)"`
	SecretsFound           []SecretFinding `json:"secrets_found" doc:"secrets found in PLAINTEXT environment variables (kind and variable name, never the value)"`
	SourceURLCredentials   []string        `json:"source_url_credentials" doc:"sources whose location URL carries a user name and password or a token: \"primary\" or the secondary source identifier"`
	CloudWatchLogs         bool            `json:"cloudwatch_logs_enabled" doc:"build logs sent to CloudWatch Logs (AWS's default)"`
	S3Logs                 bool            `json:"s3_logs_enabled" doc:"build logs sent to S3"`
	S3LogsEncryptionOff    bool            `json:"s3_logs_encryption_disabled" doc:"S3 logs written without encryption (encryptionDisabled)"`
	UnencryptedArtifacts   []string        `json:"unencrypted_artifacts" doc:"artifacts written with encryptionDisabled: \"primary\" or the secondary artifact identifier"`
}

// CodeBuildSourceCredential is kind aws.codebuild.source_credential.
type CodeBuildSourceCredential struct {
	ServerType string `json:"server_type" doc:"GITHUB, GITHUB_ENTERPRISE, BITBUCKET or GITLAB ..."`
	AuthType   string `json:"auth_type" doc:"OAUTH, BASIC_AUTH, PERSONAL_ACCESS_TOKEN, CODECONNECTIONS or SECRETS_MANAGER"`
}
