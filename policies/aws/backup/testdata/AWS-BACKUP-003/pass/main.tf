resource "aws_backup_vault" "prod" {
  name = "prod"
}

resource "aws_backup_vault_lock_configuration" "prod" {
  backup_vault_name   = aws_backup_vault.prod.name
  min_retention_days  = 35
  max_retention_days  = 3650
  changeable_for_days = 3
}
