// Package tfgen writes synthetic Terraform trees for benchmarks: many
// files, a local module called with count, variables, locals and counted
// resources, with a realistic mix of AWS resource types and a share of
// them misconfigured.
package tfgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Spec sizes a tree.
type Spec struct {
	// Files is the total number of .tf files (root + module).
	Files int
	// Resources is the number of resource instances after count
	// expansion (approximate: rounded to whole blocks).
	Resources int
}

// Stats describes what was written.
type Stats struct {
	Files, Blocks, Instances int
}

// moduleFiles and moduleInstances shape the module part of the tree.
const (
	moduleFiles     = 10 // one resource block per module file
	moduleInstances = 20 // count on the module call
)

// Write generates the tree under dir (which must exist).
func Write(dir string, s Spec) (Stats, error) {
	var st Stats
	mod := filepath.Join(dir, "modules", "service")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return st, err
	}
	// Module: moduleFiles files of one block each, instantiated
	// moduleInstances times.
	for i := 0; i < moduleFiles; i++ {
		body := moduleBlock(i)
		if i == 0 {
			body = "variable \"name\" {\n  type = string\n}\n\nvariable \"cidr\" {\n  type = string\n}\n\n" + body
		}
		if err := write(filepath.Join(mod, fmt.Sprintf("part_%02d.tf", i)), body); err != nil {
			return st, err
		}
		st.Files++
		st.Blocks++
		st.Instances += moduleInstances
	}
	vars := `variable "environment" {
  type    = string
  default = "bench"
}

variable "allowed_cidr" {
  type    = string
  default = "10.0.0.0/8"
}

variable "replicas" {
  type    = number
  default = 2
}

locals {
  prefix = "acme-${var.environment}"
  tags   = { Environment = var.environment, Owner = "platform" }
}

module "service" {
  source = "./modules/service"
  count  = ` + fmt.Sprint(moduleInstances) + `
  name   = "${local.prefix}-svc-${count.index}"
  cidr   = cidrsubnet("10.0.0.0/8", 8, count.index)
}
`
	if err := write(filepath.Join(dir, "variables.tf"), vars); err != nil {
		return st, err
	}
	st.Files++
	rootFiles := s.Files - st.Files
	if rootFiles < 1 {
		rootFiles = 1
	}
	remaining := s.Resources - st.Instances
	perFile := (remaining + rootFiles - 1) / rootFiles
	n := 0
	for f := 0; f < rootFiles; f++ {
		var b strings.Builder
		inFile := 0
		for inFile < perFile && st.Instances < s.Resources {
			k := n % len(rootBlocks)
			text, instances := rootBlocks[k](n)
			b.WriteString(text)
			b.WriteString("\n")
			inFile += instances
			st.Instances += instances
			st.Blocks++
			n++
		}
		if err := write(filepath.Join(dir, fmt.Sprintf("stack_%03d.tf", f)), b.String()); err != nil {
			return st, err
		}
		st.Files++
	}
	return st, nil
}

func write(p, s string) error { return os.WriteFile(p, []byte(s), 0o644) }

// bad reports whether the n-th generated block should be misconfigured
// (about one in four).
func bad(n int) bool { return n%4 == 0 }

func moduleBlock(i int) string {
	switch i % 5 {
	case 0:
		return fmt.Sprintf(`resource "aws_security_group" "svc_%[1]d" {
  name   = "${var.name}-sg-%[1]d"
  vpc_id = "vpc-123"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
`, i)
	case 1:
		return fmt.Sprintf(`resource "aws_s3_bucket" "svc_%[1]d" {
  bucket = "${var.name}-data-%[1]d"
}
`, i)
	case 2:
		return fmt.Sprintf(`resource "aws_iam_role" "svc_%[1]d" {
  name = "${var.name}-role-%[1]d"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}
`, i)
	case 3:
		return fmt.Sprintf(`resource "aws_sqs_queue" "svc_%d" {
  name = "${var.name}-q%d"
}
`, i, i)
	default:
		return fmt.Sprintf(`resource "aws_cloudwatch_log_group" "svc_%d" {
  name              = "/svc/${var.name}/%d"
  retention_in_days = 30
}
`, i, i)
	}
}

// rootBlocks each render one block (and how many instances it expands to).
var rootBlocks = []func(n int) (string, int){
	func(n int) (string, int) {
		acl := "private"
		if bad(n) {
			acl = "public-read"
		}
		return fmt.Sprintf(`resource "aws_s3_bucket" "b%[1]d" {
  bucket = "${local.prefix}-bucket-%[1]d"
  tags   = local.tags
}

resource "aws_s3_bucket_acl" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  acl    = "%[2]s"
}

resource "aws_s3_bucket_versioning" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  versioning_configuration {
    status = "Enabled"
  }
}
`, n, acl), 3
	},
	func(n int) (string, int) {
		cidr := "var.allowed_cidr"
		if bad(n) {
			cidr = `"0.0.0.0/0"`
		}
		return fmt.Sprintf(`resource "aws_security_group" "sg%[1]d" {
  name        = "${local.prefix}-sg-%[1]d"
  description = "service %[1]d"
  vpc_id      = "vpc-123"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [%[2]s]
  }
}

resource "aws_security_group_rule" "sg%[1]d_https" {
  type              = "ingress"
  security_group_id = aws_security_group.sg%[1]d.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
}
`, n, cidr), 2
	},
	func(n int) (string, int) {
		tokens := "required"
		if bad(n) {
			tokens = "optional"
		}
		return fmt.Sprintf(`resource "aws_instance" "i%[1]d" {
  count         = var.replicas
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = "subnet-${count.index}"
  metadata_options {
    http_tokens = "%[2]s"
  }
  root_block_device {
    encrypted = true
  }
  tags = merge(local.tags, { Name = format("%%s-i%[1]d-%%d", local.prefix, count.index) })
}
`, n, tokens), 2
	},
	func(n int) (string, int) {
		action := `["s3:GetObject"]`
		if bad(n) {
			action = `["*"]`
		}
		return fmt.Sprintf(`resource "aws_iam_policy" "p%[1]d" {
  name = "${local.prefix}-policy-%[1]d"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = %[2]s, Resource = "*" }]
  })
}
`, n, action), 1
	},
	func(n int) (string, int) {
		return fmt.Sprintf(`resource "aws_db_instance" "db%[1]d" {
  identifier              = "${local.prefix}-db-%[1]d"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  storage_encrypted       = %[2]t
  publicly_accessible     = %[3]t
  backup_retention_period = 7
}
`, n, !bad(n), bad(n)), 1
	},
	func(n int) (string, int) {
		return fmt.Sprintf(`resource "aws_ebs_volume" "v%[1]d" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = %[2]t
}

resource "aws_kms_key" "k%[1]d" {
  description         = "key %[1]d"
  enable_key_rotation = %[2]t
}
`, n, !bad(n)), 2
	},
}
