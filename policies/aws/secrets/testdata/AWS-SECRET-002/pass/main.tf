resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "IyEvYmluL2Jhc2gKeXVtIGluc3RhbGwgLXkgbmdpbngK"
}
