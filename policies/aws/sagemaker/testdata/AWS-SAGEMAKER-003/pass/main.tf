resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = "arn:aws:iam::123456789012:role/sagemaker-notebooks"
  instance_type = "ml.t3.medium"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  kms_key_id             = "arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809"
  subnet_id              = "subnet-0abc1234def567890"
  security_groups        = ["sg-0123abcd4567ef890"]
}
