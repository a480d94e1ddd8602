resource "aws_sagemaker_endpoint_configuration" "fraud" {
  name = "fraud"

  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-v3"
    instance_type          = "ml.m5.large"
    initial_instance_count = 2
  }
}
