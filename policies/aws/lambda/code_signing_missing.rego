# METADATA
# title: Lambda function does not verify code signatures
# description: >-
#   A function deployed from a .zip archive without a code signing configuration runs whatever code
#   a principal allowed to update it uploads. With one, Lambda checks that the code was signed by an
#   approved AWS Signer profile and has not changed since. Container image functions cannot use code
#   signing and are not judged.
# custom:
#   id: AWS-LAMBDA-023
#   severity: low
#   kinds: [aws.lambda.function]
#   remediation: Create a code signing configuration with your AWS Signer profiles and an Enforce policy, and attach it to the function (code_signing_config_arn; CodeSigningConfigArn).
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html]
#   compliance:
#     nist-800-53-r5: ["CM-14", "SI-7"]
package vigil.rules.aws.lambda.code_signing_missing

deny contains {"msg": msg, "path": "code_signing_config_arn"} if {
	input.attributes.package_type == "Zip"
	input.attributes.code_signing_config_arn == ""
	msg := sprintf("function %s runs .zip code without a code signing configuration", [input.attributes.name])
}
