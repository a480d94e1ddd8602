# METADATA
# title: "Route 53 public hosted zone does not log DNS queries"
# description: "Query logging records every DNS query Route 53 answers for the zone (name, type, response code, resolver edge location) in CloudWatch Logs: without it there is no record of reconnaissance against the domain or of the names a compromised host looked up. Route 53 query logging applies to public zones; private zones log through Resolver query logging."
# custom:
#   id: AWS-R53-002
#   severity: medium
#   kinds: [aws.route53.hosted_zone]
#   remediation: "Create a query logging configuration for the zone (aws_route53_query_log) sending to a CloudWatch Logs log group in us-east-1 whose resource policy lets route53.amazonaws.com write."
#   references: [https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html]
#   compliance:
#     aws-fsbp: ["Route53.2"]
#     nist-800-53-r5: ["AU-2", "AU-12", "SI-4"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.route53.query_logging_disabled

deny contains {"msg": sprintf("public hosted zone %s does not log DNS queries", [object.get(input, "name", input.id)]), "path": "query_logging"} if {
	not input.attributes.private_zone
	not input.attributes.query_logging
}
