variable "environment" {
  description = "Deployment environment"
  type        = string
  default     = "dev"
}

variable "admin_cidr" {
  description = "Who may reach the bastion over SSH"
  type        = string
  default     = "0.0.0.0/0"
}

variable "subnet_count" {
  type    = number
  default = 2
}

variable "db_password" {
  description = "Set at apply time; unknown to a static scan"
  type        = string
  sensitive   = true
}
