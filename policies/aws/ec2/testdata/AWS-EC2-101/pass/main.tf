provider "aws" {
  region = "us-east-1"
}

resource "aws_vpc" "app" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc_peering_connection" "shared" {
  vpc_id      = aws_vpc.app.id
  peer_vpc_id = "vpc-0peer"
  auto_accept = true
}

# Only the peer's database subnet.
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.app.id

  route {
    cidr_block                = "10.20.4.0/24"
    vpc_peering_connection_id = aws_vpc_peering_connection.shared.id
  }
}
