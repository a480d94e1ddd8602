resource "aws_backup_vault" "prod" {
  name = "prod"
}
