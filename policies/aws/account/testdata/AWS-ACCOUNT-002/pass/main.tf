provider "aws" {
  region = "us-east-1"
}

resource "aws_account_alternate_contact" "billing" {
  alternate_contact_type = "BILLING"
  name                   = "Finance"
  title                  = "Controller"
  email_address          = "billing@example.com"
  phone_number           = "+1-555-0101"
}

resource "aws_account_alternate_contact" "operations" {
  alternate_contact_type = "OPERATIONS"
  name                   = "Platform on-call"
  title                  = "SRE lead"
  email_address          = "ops@example.com"
  phone_number           = "+1-555-0102"
}
