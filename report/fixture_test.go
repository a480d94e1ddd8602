package report

import (
	"time"

	"github.com/vigil-sec/vigil/model"
)

// Hostile strings a cloud account or a repository can contain.
const (
	hostileName = "evil\x1b[2J\x1b[31mred\x1b[0m\x07\u202egnp.exe\u009b6n\xff"
	formulaName = "=cmd|' /C calc'!A0"
	scriptMsg   = `Bucket policy allows "*" <script>alert(1)</script> & more`
)

func fixture() *model.Result {
	start := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	findings := []model.Finding{
		{
			RuleID: "AWS-S3-001", Title: "S3 bucket ACL grants public access", Severity: model.SeverityCritical,
			Status: model.StatusFail, Message: "Bucket ACL grants READ to AllUsers",
			Resource: model.ResourceRef{ID: "main.tf:aws_s3_bucket.logs", Kind: "aws.s3.bucket", Name: "logs",
				Provider: "aws", Source: "terraform"},
			Location:    &model.Location{File: "main.tf", StartLine: 12, EndLine: 20},
			Evidence:    []model.Evidence{{Path: "acl", Value: "public-read"}},
			Compliance:  map[string][]string{"cis-aws-3.0": {"2.1.4"}, "nist-800-53-r5": {"AC-3", "AC-21"}},
			Remediation: "Set acl = \"private\" and enable the public access block.",
		},
		{
			RuleID: "AWS-S3-002", Title: "S3 bucket policy allows public access", Severity: model.SeverityHigh,
			Status: model.StatusFail, Message: scriptMsg,
			Resource: model.ResourceRef{ID: "modules/ünïcode/main.tf:aws_s3_bucket.x", Kind: "aws.s3.bucket",
				Name: hostileName, Provider: "aws", Source: "terraform"},
			Location: &model.Location{File: "modules/ünïcode/main.tf", StartLine: 3, EndLine: 3},
		},
		{
			RuleID: "AWS-EC2-001", Title: "Security group allows SSH from the internet", Severity: model.SeverityMedium,
			Status: model.StatusFail, Message: "Ingress rule 0 opens port 22 to 0.0.0.0/0",
			Resource: model.ResourceRef{ID: "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0123",
				Kind: "aws.ec2.security_group", Name: formulaName, Provider: "aws", Account: "123456789012",
				Region: "eu-west-1", Source: "live"},
			Evidence:           []model.Evidence{{Path: "ingress[0].cidr_blocks", Value: []string{"0.0.0.0/0"}}},
			SuppressionExpired: "vigil.yaml:9 suppression expired on 2025-02-28: bastion until the VPN ships (owner net-team)",
		},
		{
			RuleID: "AWS-S3-003", Title: "S3 bucket without access logging", Severity: model.SeverityLow,
			Status: model.StatusSuppressed, Message: "Access logging is disabled",
			Resource: model.ResourceRef{ID: "main.tf:aws_s3_bucket.logs", Kind: "aws.s3.bucket", Name: "logs",
				Provider: "aws", Source: "terraform"},
			Location:     &model.Location{File: "main.tf", StartLine: 12, EndLine: 20},
			SuppressedBy: "inline: it is the log bucket <b>itself</b>",
		},
		{
			RuleID: "AWS-S3-004", Title: "S3 bucket versioning disabled", Severity: model.SeverityMedium,
			Status: model.StatusError, Message: "rego: eval error: undefined function",
			Resource: model.ResourceRef{ID: "main.tf:aws_s3_bucket.logs", Kind: "aws.s3.bucket", Name: "logs",
				Provider: "aws", Source: "terraform"},
		},
		{
			RuleID: "AWS-S3-001", Title: "S3 bucket ACL grants public access", Severity: model.SeverityCritical,
			Status: model.StatusPass, Message: "",
			Resource: model.ResourceRef{ID: "main.tf:aws_s3_bucket.private", Kind: "aws.s3.bucket", Name: "private",
				Provider: "aws", Source: "terraform"},
			Location: &model.Location{File: "main.tf", StartLine: 30, EndLine: 33},
		},
	}
	return &model.Result{
		Tool: model.Tool{Name: "vigil", Version: "v0.3.0"},
		Scan: model.ScanInfo{ID: "scan-0001", StartedAt: start, FinishedAt: start.Add(420 * time.Millisecond),
			Targets: []string{"./infra"}, Sources: []string{"terraform"}, Resources: 130, Rules: 97, DurationMS: 420},
		Summary: model.Summary{Fail: 3, Pass: 240, Suppressed: 1, Error: 1,
			BySeverity: map[string]int{"critical": 1, "high": 1, "medium": 1, "low": 0, "info": 0}},
		Findings: findings,
		Errors: []model.ScanError{
			{File: "broken.tf", Line: 7, Message: "Unclosed block\x1b]0;pwned\x07", Source: "terraform"},
			{Message: "AccessDenied: not authorized to perform s3:GetBucketPolicy", Source: "aws 123456789012/eu-west-1 s3:GetBucketPolicy",
				Account: "123456789012", Region: "eu-west-1", Service: "s3", Operation: "GetBucketPolicy", Code: "AccessDenied"},
		},
		Warnings: []model.ScanError{{File: "main.tf", Line: 11, Message: "unknown rule id AWS-S3-999 in vigil:ignore"}},
		Rules: []model.RuleInfo{{
			ID: "AWS-S3-001", Title: "S3 bucket ACL grants public access", Severity: model.SeverityCritical,
			Description: "A public ACL lets anyone on the internet read or list the bucket.",
			Remediation: "Set acl = \"private\" and enable the public access block.",
			References:  []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html"},
			Compliance:  map[string][]string{"cis-aws-3.0": {"2.1.4"}},
		}},
	}
}
