resource "aws_iam_user" "deploy" {
  name = "deploy"
}

resource "aws_iam_access_key" "old" {
  user = aws_iam_user.deploy.name
}

resource "aws_iam_access_key" "new" {
  user   = aws_iam_user.deploy.name
  status = "Active"
}
