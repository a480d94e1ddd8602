resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # The user data of a launch template is base64, as the API takes it.
  user_data = "IyEvYmluL2Jhc2gKY2F0ID4gL2V0Yy9hcHAuZW52IDw8RU9GClNMQUNLX0JPVD14b3hiLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTIzLUFiQ2RFZkdoSWpLbE1uT3BRclN0VXZXeApFT0YK"
}
