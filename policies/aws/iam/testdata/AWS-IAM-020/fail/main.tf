provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_group" "devs" {
  name = "devs"
}

resource "aws_iam_group_policy_attachment" "devs" {
  group      = aws_iam_group.devs.name
  policy_arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
}
