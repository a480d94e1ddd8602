resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue" "jobs_kms" {
  name              = "jobs-kms"
  kms_master_key_id = "alias/aws/sqs"
}
