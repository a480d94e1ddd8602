resource "aws_sagemaker_endpoint_configuration" "fraud" {
  name = "fraud"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809"

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-v3"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }
}
