package aws

// serviceKinds declares the kinds each service's units produce, the
// synthetic aws.account and aws.region included where a service reads
// their facts: a unit that failed reports these kinds unread, so the
// store keeps their resources (stale) rather than calling them deleted.
// TestServicesDeclareKinds and TestEveryOperationServed (the test cloud's
// world of every kind) fail on a service or kind left out.
var serviceKinds = map[string][]string{
	"accessanalyzer": {"aws.region"},
	"acm":            {"aws.acm.certificate"},
	"apigateway":     {"aws.apigateway.stage"},
	"cloudfront":     {"aws.cloudfront.distribution"},
	"cloudtrail":     {"aws.cloudtrail.trail", "aws.region"},
	"cloudwatch":     {"aws.cloudwatch.alarm"},
	"configservice":  {"aws.config.recorder", "aws.region"},
	"dynamodb":       {"aws.dynamodb.table"},
	"ec2": {"aws.ec2.image", "aws.ec2.instance", "aws.ec2.internet_gateway", "aws.ec2.launch_template",
		"aws.ec2.nat_gateway", "aws.ec2.network_acl", "aws.ec2.route_table", "aws.ec2.security_group",
		"aws.ec2.snapshot", "aws.ec2.subnet", "aws.ec2.volume", "aws.ec2.vpc", "aws.ec2.vpc_endpoint", "aws.region"},
	"ecr":            {"aws.ecr.repository"},
	"efs":            {"aws.efs.file_system"},
	"eks":            {"aws.eks.cluster"},
	"elasticache":    {"aws.elasticache.replication_group"},
	"elb":            {"aws.elb.load_balancer"},
	"elbv2":          {"aws.elbv2.load_balancer"},
	"guardduty":      {"aws.guardduty.detector", "aws.region"},
	"iam":            {"aws.account", "aws.iam.group", "aws.iam.oidc_provider", "aws.iam.policy", "aws.iam.role", "aws.iam.saml_provider", "aws.iam.user"},
	"kms":            {"aws.kms.key"},
	"lambda":         {"aws.lambda.function"},
	"logs":           {"aws.logs.log_group"},
	"opensearch":     {"aws.opensearch.domain"},
	"organizations":  {"aws.organizations.policy"},
	"rds":            {"aws.rds.cluster", "aws.rds.instance", "aws.rds.snapshot"},
	"redshift":       {"aws.redshift.cluster"},
	"s3":             {"aws.account", "aws.s3.bucket"},
	"secretsmanager": {"aws.secretsmanager.secret"},
	"securityhub":    {"aws.region"},
	"shield":         {"aws.account"},
	"sns":            {"aws.sns.topic"},
	"sqs":            {"aws.sqs.queue"},
	"ssm":            {"aws.ssm.managed_instance"},
	"wafv2":          {"aws.wafv2.web_acl"},
}
