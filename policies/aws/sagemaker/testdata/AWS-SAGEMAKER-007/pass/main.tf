resource "aws_sagemaker_model" "fraud" {
  name               = "fraud-v3"
  execution_role_arn = "arn:aws:iam::123456789012:role/sagemaker-models"
  enable_network_isolation = true

  primary_container {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud:3"
  }
}
