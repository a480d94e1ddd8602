# METADATA
# title: "CodeBuild keeps a personal access token or password for a source provider"
# description: "A source credential of type PERSONAL_ACCESS_TOKEN or BASIC_AUTH is a long-lived secret of one person's account that CodeBuild keeps and uses for every project of the region; it rarely expires or rotates and carries its owner's rights on every repository. CodeConnections (or OAuth) grants access through an app installation, and a credential in Secrets Manager can be rotated and audited."
# custom:
#   id: AWS-CB-008
#   severity: low
#   kinds: [aws.codebuild.source_credential]
#   remediation: "Connect the provider through CodeConnections (or OAuth), or keep the token in Secrets Manager (auth type SECRETS_MANAGER), then delete the imported source credential (codebuild delete-source-credentials) and revoke the token or password."
#   references: [https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html, https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ImportSourceCredentials.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(1)", "AC-2"]
package vigil.rules.aws.codebuild.source_credential_long_lived

long_lived := {"PERSONAL_ACCESS_TOKEN", "BASIC_AUTH"}

deny contains {"msg": sprintf("CodeBuild keeps a %s for %s (%s)", [lower(replace(input.attributes.auth_type, "_", " ")), input.attributes.server_type, input.id]), "path": "auth_type"} if {
	input.attributes.auth_type in long_lived
}
