package aws

import "github.com/vigil-sec/vigil/model"

// serviceKinds declares the kinds each service's units produce, the
// synthetic aws.account and aws.region included where a service reads
// their facts: a unit that failed reports these kinds unread, so the
// store keeps their resources (stale) rather than calling them deleted.
// TestServicesDeclareKinds and TestEveryOperationServed (the test cloud's
// world of every kind) fail on a service or kind left out.
var serviceKinds = map[string][]string{
	"accessanalyzer": {model.KindAWSRegion.Name()},
	"acm":            {model.KindACMCertificate.Name()},
	"apigateway":     {model.KindAPIGatewayStage.Name()},
	"cloudformation": {model.KindCloudFormationStack.Name()},
	"athena":         {model.KindAthenaWorkGroup.Name()},
	"backup":         {model.KindBackupPlan.Name(), model.KindBackupVault.Name()},
	"cloudfront":     {model.KindCloudFrontDistribution.Name()},
	"cloudtrail":     {model.KindCloudTrailTrail.Name(), model.KindAWSRegion.Name()},
	"cloudwatch":     {model.KindCloudWatchAlarm.Name()},
	"codebuild":      {model.KindCodeBuildProject.Name(), model.KindCodeBuildSourceCredential.Name()},
	"configservice":  {model.KindConfigRecorder.Name(), model.KindAWSRegion.Name()},
	"dms":            {model.KindDMSEndpoint.Name(), model.KindDMSReplicationInstance.Name(), model.KindDMSReplicationTask.Name()},
	"docdb":          {model.KindDocDBCluster.Name()},
	"dynamodb":       {model.KindDynamoDBTable.Name()},
	"ec2": {model.KindEC2Image.Name(), model.KindEC2Instance.Name(), model.KindEC2InternetGateway.Name(), model.KindEC2LaunchTemplate.Name(),
		model.KindEC2NATGateway.Name(), model.KindEC2NetworkACL.Name(), model.KindEC2RouteTable.Name(), model.KindEC2SecurityGroup.Name(),
		model.KindEC2Snapshot.Name(), model.KindEC2Subnet.Name(), model.KindEC2Volume.Name(), model.KindEC2VPC.Name(), model.KindEC2VPCEndpoint.Name(), model.KindAWSRegion.Name()},
	"ecr":            {model.KindECRRepository.Name()},
	"ecs":            {model.KindECSCluster.Name(), model.KindECSService.Name(), model.KindECSTaskDefinition.Name()},
	"efs":            {model.KindEFSFileSystem.Name()},
	"eks":            {model.KindEKSCluster.Name()},
	"elasticache":    {model.KindElastiCacheReplicationGroup.Name()},
	"elb":            {model.KindELBLoadBalancer.Name()},
	"elbv2":          {model.KindELBv2LoadBalancer.Name()},
	"firehose":       {model.KindFirehoseDeliveryStream.Name()},
	"glue":           {model.KindGlueDataCatalog.Name(), model.KindGlueJob.Name(), model.KindGlueSecurityConfiguration.Name()},
	"guardduty":      {model.KindGuardDutyDetector.Name(), model.KindAWSRegion.Name()},
	"iam":            {model.KindAWSAccount.Name(), model.KindIAMGroup.Name(), model.KindIAMOIDCProvider.Name(), model.KindIAMPolicy.Name(), model.KindIAMRole.Name(), model.KindIAMSAMLProvider.Name(), model.KindIAMServerCertificate.Name(), model.KindIAMUser.Name()},
	"kinesis":        {model.KindKinesisStream.Name()},
	"kms":            {model.KindKMSKey.Name()},
	"lambda":         {model.KindLambdaFunction.Name()},
	"logs":           {model.KindCloudWatchLogGroup.Name()},
	"mq":             {model.KindMQBroker.Name()},
	"msk":            {model.KindMSKCluster.Name()},
	"neptune":        {model.KindNeptuneCluster.Name()},
	"opensearch":     {model.KindOpenSearchDomain.Name()},
	"organizations":  {model.KindOrganizationsPolicy.Name()},
	"rds":            {model.KindRDSCluster.Name(), model.KindRDSInstance.Name(), model.KindRDSSnapshot.Name()},
	"redshift":       {model.KindRedshiftCluster.Name()},
	"s3":             {model.KindAWSAccount.Name(), model.KindS3Bucket.Name()},
	"secretsmanager": {model.KindSecretsManagerSecret.Name()},
	"securityhub":    {model.KindAWSRegion.Name()},
	"shield":         {model.KindAWSAccount.Name()},
	"sfn":            {model.KindSFNStateMachine.Name()},
	"sns":            {model.KindSNSTopic.Name()},
	"sqs":            {model.KindSQSQueue.Name()},
	"ssm":            {model.KindSSMManagedInstance.Name(), model.KindSSMParameter.Name()},
	"wafv2":          {model.KindWAFv2WebACL.Name()},
	"workspaces":     {model.KindWorkSpacesWorkspace.Name()},
}
