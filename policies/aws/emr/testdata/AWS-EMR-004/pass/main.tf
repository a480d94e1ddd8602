resource "aws_emr_cluster" "etl" {
  name          = "etl"
  release_label = "emr-7.2.0"
  service_role  = "arn:aws:iam::123456789012:role/EMR_DefaultRole"
  security_configuration = "encrypted"

  ec2_attributes {
    subnet_id        = "subnet-0abc1234def567890"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/EMR_EC2_DefaultRole"
  }

  master_instance_group {
    instance_type = "m5.xlarge"
  }

  kerberos_attributes {
    realm                = "EC2.INTERNAL"
    kdc_admin_password   = var.kdc_admin_password
  }
}

variable "kdc_admin_password" {
  type      = string
  sensitive = true
}
