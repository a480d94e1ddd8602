provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

data "aws_canonical_user_id" "current" {}

# A READ grant to AllUsers, with neither ownership controls nor a public
# access block declared: both protections are AWS's defaults, not the
# author's.
resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  access_control_policy {
    grant {
      grantee {
        id   = data.aws_canonical_user_id.current.id
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
