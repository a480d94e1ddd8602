resource "aws_eks_node_group" "bastion" {
  cluster_name    = "prod"
  node_group_name = "bastion"
  node_role_arn   = "arn:aws:iam::123456789012:role/prod-nodes"
  subnet_ids      = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  ami_type        = "AL2023_x86_64_STANDARD"

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }

  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0bastion1234567"]
  }
}

resource "aws_eks_node_group" "plain" {
  cluster_name    = "prod"
  node_group_name = "plain"
  node_role_arn   = "arn:aws:iam::123456789012:role/prod-nodes"
  subnet_ids      = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  ami_type        = "AL2023_x86_64_STANDARD"

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

resource "aws_launch_template" "nodes" {
  name = "prod-nodes"
}

resource "aws_eks_node_group" "templated" {
  cluster_name    = "prod"
  node_group_name = "templated"
  node_role_arn   = "arn:aws:iam::123456789012:role/prod-nodes"
  subnet_ids      = ["subnet-0a1b2c3d"]

  launch_template {
    id      = aws_launch_template.nodes.id
    version = "$Latest"
  }

  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
