# METADATA
# title: "CodeBuild source repository URL contains credentials"
# description: "A user name and password or a token written into a source's location URL is stored in the project in clear text and shown to anyone who may read it, and it grants access to the repository outside CodeBuild. Connect the provider through CodeConnections, OAuth or a source credential in Secrets Manager instead."
# custom:
#   id: AWS-CB-004
#   severity: critical
#   kinds: [aws.codebuild.project]
#   remediation: "Replace the location with the repository URL without credentials and connect the source provider through CodeConnections or OAuth (or a source credential kept in Secrets Manager); revoke the password or token that was in the URL."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html, https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html]
#   compliance:
#     aws-fsbp: ["CodeBuild.1"]
#     pci-dss-4.0: ["8.3.2"]
#     nist-800-53-r5: ["IA-5", "SC-28"]
package vigil.rules.aws.codebuild.source_url_credentials

deny contains {"msg": sprintf("CodeBuild project %s: the %s source's location URL contains credentials", [object.get(input, "name", input.id), s]), "path": sprintf("source_url_credentials[%d]", [i])} if {
	some i, s in input.attributes.source_url_credentials
}
