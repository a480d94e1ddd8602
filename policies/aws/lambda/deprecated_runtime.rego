# METADATA
# title: "Lambda function uses a deprecated runtime"
# description: "Deprecated runtimes no longer receive security patches from AWS and can no longer be updated."
# custom:
#   id: AWS-LAMBDA-003
#   severity: medium
#   kinds: [aws.lambda.function]
#   remediation: "Move the function to a supported runtime (e.g. python3.13, nodejs22.x, java21, dotnet8, provided.al2023)."
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html]
#   compliance:
#     pci-dss-4.0: ["6.3.3"]
#     nist-800-53-r5: ["SA-22", "SI-2"]
package vigil.rules.aws.lambda.deprecated_runtime

# Runtimes past their AWS deprecation date (early 2026).
deprecated := {
	"python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
	"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10",
	"nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
	"ruby2.5", "ruby2.7",
	"dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1",
	"dotnet5.0", "dotnet6", "dotnet7",
	"go1.x", "java8", "provided",
}

deny contains {"msg": sprintf("Lambda function %s uses deprecated runtime %s", [object.get(input, "name", input.id), input.attributes.runtime]), "path": "runtime"} if {
	input.attributes.runtime in deprecated
}
