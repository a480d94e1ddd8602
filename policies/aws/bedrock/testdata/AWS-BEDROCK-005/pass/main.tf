resource "aws_kms_key" "model" {
  description         = "custom model"
  enable_key_rotation = true
}

resource "aws_bedrock_custom_model" "tuned" {
  custom_model_name     = "tuned"
  job_name              = "tuned-job"
  base_model_identifier = "amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::123456789012:role/bedrock-customization"
  hyperparameters = {
    epochCount = "1"
  }
  custom_model_kms_key_id = aws_kms_key.model.arn

  training_data_config {
    s3_uri = "s3://training-data/train.jsonl"
  }

  output_data_config {
    s3_uri = "s3://training-data/output/"
  }
}
