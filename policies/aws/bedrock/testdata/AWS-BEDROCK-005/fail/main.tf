resource "aws_bedrock_custom_model" "tuned" {
  custom_model_name     = "tuned"
  job_name              = "tuned-job"
  base_model_identifier = "amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::123456789012:role/bedrock-customization"
  hyperparameters = {
    epochCount = "1"
  }

  training_data_config {
    s3_uri = "s3://training-data/train.jsonl"
  }

  output_data_config {
    s3_uri = "s3://training-data/output/"
  }
}
