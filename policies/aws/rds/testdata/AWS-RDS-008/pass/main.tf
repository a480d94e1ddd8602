resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  manage_master_user_password = true
  multi_az = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "aurora"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted = true
}

resource "aws_rds_cluster_instance" "aurora_1" {
  identifier         = "aurora-1"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.aurora.engine
}
