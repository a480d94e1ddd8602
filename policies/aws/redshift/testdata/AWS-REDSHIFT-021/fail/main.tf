resource "aws_redshift_cluster" "dw" {
  cluster_identifier     = "dw"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  manage_master_password = true
  master_username        = "dwadmin"
  database_name          = "warehouse"
  enhanced_vpc_routing   = false
}
